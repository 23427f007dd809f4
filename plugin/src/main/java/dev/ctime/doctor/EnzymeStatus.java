package dev.ctime.doctor;

import java.util.List;

/**
 * Whether a toolchain can build #[autodiff] code.
 *
 * @param state         present (rustc loaded the backend), missing, or broken (a file is there
 *                      but rustc cannot load it)
 * @param expectedFiles where rustc looks for the Enzyme library in this sysroot
 * @param rustcSays     rustc's own answer to an empty crate built with -Zautodiff=Enable
 */
public record EnzymeStatus(String state, List<String> expectedFiles, List<String> foundFiles, String rustcSays,
                           String howToFix) {
    public boolean present() {
        return state.equals("present");
    }
}
