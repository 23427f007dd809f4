package dev.ctime.cargo;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which files a profile's build read, hashed one by one: what ctime.resume compares to tell whether a
 * profile's code changed. A build reads what cargo's dep-info says (every module, include_str! file and
 * build-script input) plus what configures cargo (manifests, lockfile, .cargo/config, rust-toolchain);
 * notes, logs and a pom.xml beside the crate are not sources. A crate with a build script is the
 * exception: unless the script names its inputs, cargo treats the whole package as its input, so the
 * whole tree is.
 */
public final class SourceFiles {
    /** What a file's hash reads when it is gone. */
    public static final String MISSING = "missing";

    private SourceFiles() {
    }

    /** Whether the walk of a crate tree leaves this folder out: build output, version control, ctime's own output. */
    static boolean skipped(Path root, Path dir, Path output) {
        Path rel = root.relativize(dir);
        String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
        if (!rel.toString().isEmpty() && (first.equals("target") || first.equals(".git"))) return true;
        // A member's own cargo target folder (cargo tags them) is build output, not source.
        if (dir.getFileName() != null && dir.getFileName().toString().equals("target") && Files.exists(dir.resolve("CACHEDIR.TAG"))) {
            return true;
        }
        return output != null && dir.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
    }

    /** Every file of the tree, relative to {@code root}, sorted. */
    public static List<String> all(Path folder, Path output) throws IOException {
        // A crate folder that is a symbolic link (src/main/rust -> elsewhere) is walked where it leads.
        Path root = folder.toRealPath();
        List<String> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return skipped(root, dir, output) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(root.relativize(file).toString());
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** The files that configure cargo rather than feed rustc: read by every build, whatever dep-info says. */
    static boolean configures(String relative) {
        Path p = Path.of(relative);
        String name = p.getFileName().toString();
        if (name.equals("Cargo.toml") || name.equals("Cargo.lock")) return true;
        if (p.getNameCount() == 1 && (name.equals("rust-toolchain") || name.equals("rust-toolchain.toml"))) return true;
        return p.getNameCount() >= 2 && p.getName(p.getNameCount() - 2).toString().equals(".cargo");
    }

    /**
     * The files a build read, relative to the user's tree where they are inside it (else absolute).
     *
     * @param depInfo   cargo's dep-info of the built library (LIB.d beside it), or null where there is none
     * @param copyRoot  the build's copy of the tree, which the dep-info's paths name
     * @param tree      every file of the user's tree the copy was taken from ({@link #all}: the same for every profile)
     * @return every file of the tree where the crate has a build script or there is no dep-info to read
     */
    public static Set<String> read(Path depInfo, Path copyRoot, List<String> tree) throws IOException {
        Set<String> out = new TreeSet<>();
        boolean script = tree.stream().anyMatch(f -> Path.of(f).getFileName().toString().equals("build.rs"));
        if (script || depInfo == null || !Files.isRegularFile(depInfo)) {
            out.addAll(tree);
            return out;
        }
        tree.stream().filter(SourceFiles::configures).forEach(out::add);
        Path copy = copyRoot.toAbsolutePath().normalize();
        for (String dep : dependencies(Files.readString(depInfo))) {
            Path f = Path.of(dep).toAbsolutePath().normalize();
            out.add(f.startsWith(copy) ? copy.relativize(f).toString() : f.toString());
        }
        return out;
    }

    /** The prerequisites of a make-style dep-info file: every path after a target's colon, escapes undone. */
    static List<String> dependencies(String depInfo) {
        List<String> out = new ArrayList<>();
        for (String line : depInfo.replace("\\\n", " ").split("\n")) {
            int colon = targetColon(line);
            if (colon < 0) continue;
            StringBuilder cur = new StringBuilder();
            String rest = line.substring(colon + 1);
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '\\' && i + 1 < rest.length() && rest.charAt(i + 1) == ' ') {
                    cur.append(' ');
                    i++;
                } else if (c == ' ' || c == '\t') {
                    if (!cur.isEmpty()) out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            if (!cur.isEmpty()) out.add(cur.toString());
        }
        return out;
    }

    /** The colon after a line's target (its path's own spaces are escaped), or -1 for a line with none. */
    private static int targetColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') i++;
            else if (line.charAt(i) == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) return i;
        }
        return -1;
    }

    /** Each file's SHA-256 ({@link #MISSING} where it is gone), relative names resolved in {@code root}. */
    public static Map<String, String> hashes(Path root, Set<String> files) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String f : files) {
            Path p = Path.of(f).isAbsolute() ? Path.of(f) : root.resolve(f);
            out.put(f, Files.isRegularFile(p) ? SourceCopy.sha256(p) : MISSING);
        }
        return out;
    }

    /**
     * What differs between the files a build read and the tree now: each changed or missing file, and every
     * file that configures cargo that was not there then. Empty when the build would read the same code.
     */
    public static List<String> changed(Map<String, String> then, Path root, Path output) throws IOException {
        List<String> out = new ArrayList<>();
        hashes(root, then.keySet()).forEach((f, h) -> {
            if (!h.equals(then.get(f))) out.add(f + (h.equals(MISSING) ? " (gone)" : ""));
        });
        for (String f : all(root, output)) {
            if (configures(f) && !then.containsKey(f)) out.add(f + " (new)");
        }
        return out;
    }
}
