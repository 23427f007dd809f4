package dev.ctime.profile;

import dev.ctime.model.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles ctime runs when the POM configures none, after cargo-wizard's templates: the
 * fast-compile end, the release default, and the two LTO flavours that buy run time with
 * compile time. With an autodiff feature in the crate, the Enzyme variants and a hand-written
 * baseline on the same toolchain are added.
 */
public final class Presets {
    public static final String AUTODIFF_TOOLCHAIN = "nightly";

    private Presets() {
    }

    public static List<Profile> standard() throws ProfileException {
        List<Profile> p = new ArrayList<>();
        p.add(of("dev", "inherits", "dev"));
        p.add(of("release"));
        p.add(of("release-thin-lto", "lto", "thin"));
        p.add(of("release-fat-lto-cgu1", "lto", "fat", "codegenUnits", "1"));
        return p;
    }

    /**
     * Enzyme presets: default, NoPostopt (the duplicated-optimisation trade-off), NoTT (type
     * trees off), LooseTypes (what real crates often need), and the hand-written gradients
     * built the same way (nightly, fat LTO) as the baseline they must beat, and on nightly without
     * LTO, so the fat LTO autodiff forces is measured on one toolchain (release differs between them).
     */
    public static List<Profile> autodiff() throws ProfileException {
        List<Profile> p = new ArrayList<>();
        p.add(of("hand-release", "toolchain", AUTODIFF_TOOLCHAIN));
        p.add(of("hand-fat-lto", "toolchain", AUTODIFF_TOOLCHAIN, "lto", "fat"));
        p.add(of("enzyme", "toolchain", AUTODIFF_TOOLCHAIN, "autodiff", "Enable"));
        p.add(of("enzyme-nopostopt", "toolchain", AUTODIFF_TOOLCHAIN, "autodiff", "NoPostopt"));
        p.add(of("enzyme-nott", "toolchain", AUTODIFF_TOOLCHAIN, "autodiff", "NoTT"));
        p.add(of("enzyme-loosetypes", "toolchain", AUTODIFF_TOOLCHAIN, "autodiff", "LooseTypes"));
        return p;
    }

    private static Profile of(String name, String... kv) throws ProfileException {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", name);
        for (int i = 0; i < kv.length; i += 2) raw.put(kv[i], kv[i + 1]);
        return ProfileParser.parse(raw);
    }
}
