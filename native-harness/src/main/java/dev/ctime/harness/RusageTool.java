package dev.ctime.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Unpacks the {@code ctime-rusage} wrapper (see ctime-rusage.c) from this jar to run it. */
public final class RusageTool {
    private static final String RESOURCE = "/linux-x86-64/ctime-rusage";

    private RusageTool() {
    }

    /** Writes the executable into {@code dir} (replacing an older copy) and returns its path. */
    public static Path install(Path dir) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IOException("ctime's native parts are built for linux-x86-64 only; this is " + os + "/" + arch);
        }
        Files.createDirectories(dir);
        Path exe = dir.resolve("ctime-rusage");
        try (InputStream in = RusageTool.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from ctime-native-harness: rebuild it with gcc installed");
            }
            Path tmp = Files.createTempFile(dir, "ctime-rusage", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, exe, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return exe;
    }
}
