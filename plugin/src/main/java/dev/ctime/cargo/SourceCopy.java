package dev.ctime.cargo;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private copy of the user's crate to build from, so that incremental scenarios can touch
 * and patch sources without ever modifying the user's tree. Relative path dependencies are
 * made absolute, and the copy is its own workspace root.
 */
public final class SourceCopy {
    /** A dependency's path = "…" or path = '…' (TOML's literal string), the quote kept as written. */
    private static final Pattern PATH_VALUE = Pattern.compile("(\\bpath\\s*=\\s*([\"']))([^\"'\\n]+)(\\2)");

    private SourceCopy() {
    }

    /** Copies {@code crate.dir()} (without target/ and .git/) to {@code dest}; returns the copy's manifest. */
    public static Path create(CrateInfo crate, Path dest) throws IOException {
        return create(crate, dest, dest);
    }

    /**
     * As above, also leaving out {@code output}: ctime's own output folder, wherever the user put
     * it (inside the crate, every profile's copy would otherwise hold the others' output).
     */
    public static Path create(CrateInfo crate, Path dest, Path output) throws IOException {
        Path out = output.toAbsolutePath().normalize();
        // A workspace member is copied with its whole workspace: inherited keys (edition.workspace),
        // the workspace's [profile.*] and its lockfile apply to it as they do in the user's tree.
        Path src = crate.sourceRoot();
        boolean member = !src.equals(crate.realDir());
        Path root = src;
        if (Files.exists(dest)) deleteTree(dest);
        Files.createDirectories(dest);
        List<Path> manifests = new ArrayList<>();
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(dest) || SourceFiles.skipped(src, dir, out)) return FileVisitResult.SKIP_SUBTREE;
                Path rel = src.relativize(dir);
                Files.createDirectories(dest.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = dest.resolve(src.relativize(file).toString());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                if (file.getFileName().toString().equals("Cargo.toml")) manifests.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        if (member) {
            // Paths inside the workspace stay valid in the copy; paths out of it must point at the originals.
            for (Path m : manifests) {
                Path copy = dest.resolve(src.relativize(m).toString());
                Files.writeString(copy, rewriteManifest(Files.readString(copy), m.getParent(), root));
            }
            return dest.resolve(src.relativize(crate.realDir()).toString()).resolve("Cargo.toml");
        }
        Path manifest = dest.resolve("Cargo.toml");
        Files.writeString(manifest, rewriteManifest(Files.readString(manifest), src));
        Path lock = crate.workspaceRoot().resolve("Cargo.lock");
        if (!Files.exists(dest.resolve("Cargo.lock")) && Files.isRegularFile(lock)) {
            Files.copy(lock, dest.resolve("Cargo.lock"));
        }
        return manifest;
    }

    static String rewriteManifest(String toml, Path originalDir) throws IOException {
        return rewriteManifest(toml, originalDir, null);
    }

    /**
     * Makes relative path dependencies absolute (pointing at the originals), except those inside
     * {@code workspaceRoot} when the whole workspace is copied; a lone crate becomes its own workspace.
     */
    static String rewriteManifest(String toml, Path originalDir, Path workspaceRoot) throws IOException {
        // The TOML parser says which dependency paths are relative; only those values are edited, in place, so the
        // user's formatting and comments stay.
        Path where = originalDir.resolve("Cargo.toml");
        java.util.Set<String> relative = CargoToml.relativeDependencyPaths(toml, where);
        StringBuilder sb = new StringBuilder();
        Matcher m = PATH_VALUE.matcher(toml);
        while (m.find()) {
            String value = m.group(3);
            Path resolved = originalDir.resolve(value).normalize();
            boolean keep = !relative.contains(value) || (workspaceRoot != null && resolved.startsWith(workspaceRoot));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + (keep ? value : resolved.toString()) + m.group(4)));
        }
        m.appendTail(sb);
        String out = sb.toString();
        if (workspaceRoot == null && !CargoToml.hasWorkspace(toml, where)) {
            out += "\n\n# added by ctime: this copy is its own workspace\n[workspace]\n";
        }
        return out;
    }

    public static String sha256(String s) {
        return java.util.HexFormat.of().formatHex(digest().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A file's SHA-256, read in blocks (a library may be large). */
    public static String sha256(Path file) throws IOException {
        java.security.MessageDigest md = digest();
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static java.security.MessageDigest digest() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
