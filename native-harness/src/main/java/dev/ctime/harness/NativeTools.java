package dev.ctime.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Unpacks the harness's three native tools from this jar to run them: the {@code ctime-rusage}
 * wrapper (see ctime-rusage.c), the {@code ctime-count} kernel caller (see ctime-count.c) and the
 * {@code ctime-guard} subreaper (see ctime-guard.c).
 */
public final class NativeTools {
    public static final String RUSAGE = "ctime-rusage";
    public static final String COUNT = "ctime-count";
    public static final String GUARD = "ctime-guard";

    private NativeTools() {
    }

    /** Writes the rusage wrapper into {@code dir} (replacing an older copy) and returns its path. */
    public static Path install(Path dir) throws IOException {
        return install(dir, RUSAGE);
    }

    /** Writes one of the harness's executables into {@code dir} (replacing an older copy) and returns its path. */
    public static Path install(Path dir, String name) throws IOException {
        String resource = "/linux-x86-64/" + name;
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IOException("ctime's native parts are built for linux-x86-64 only; this is " + os + "/" + arch);
        }
        Files.createDirectories(dir);
        Path exe = dir.resolve(name);
        try (InputStream in = NativeTools.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from ctime-native-harness: rebuild it with gcc installed");
            }
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, exe, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return exe;
    }
}
