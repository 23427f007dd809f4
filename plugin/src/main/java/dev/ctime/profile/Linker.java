package dev.ctime.profile;

import java.util.List;
import java.util.Optional;

/**
 * A linker a profile can name: the executable it needs on the PATH and the Debian package that
 * provides it. One table for the profile check and for ctime:doctor.
 */
public record Linker(String name, String executable, String debianPackage) {
    public static final List<Linker> ALL = List.of(new Linker("lld", "ld.lld", "lld"), new Linker("mold", "mold", "mold"),
            new Linker("bfd", "ld.bfd", "binutils"));

    /** Every name a profile's linker setting accepts: the toolchain's own ("default"), then the table's. */
    public static List<String> names() {
        List<String> n = new java.util.ArrayList<>(List.of("default"));
        ALL.forEach(l -> n.add(l.name));
        return List.copyOf(n);
    }

    /** The linker of that name; empty for "default" (the toolchain's own) or an unknown name. */
    public static Optional<Linker> named(String name) {
        return ALL.stream().filter(l -> l.name.equals(name)).findFirst();
    }
}
