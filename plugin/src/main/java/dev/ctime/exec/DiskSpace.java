package dev.ctime.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the disk under a folder is nearly full. A build that runs out of space fails in many
 * ways (a linker's bus error, a truncated archive, "No space left on device"), none of which names
 * the disk: this does, with the path and what is left, whatever the tool said.
 */
public final class DiskSpace {
    /** Below this, a Rust build (objects, incremental caches, a linked library) is likely to run out. */
    static final long LOW_BYTES = 256L * 1024 * 1024;

    private DiskSpace() {
    }

    /** A sentence naming the disk and its free space where it is nearly full, else null. */
    public static String low(Path dir) {
        return low(dir, LOW_BYTES);
    }

    static String low(Path dir, long threshold) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return null;
        try {
            long free = Files.getFileStore(p).getUsableSpace();
            if (free >= threshold) return null;
            return String.format(java.util.Locale.ROOT, "the disk holding %s has only %.1f MB free, which a build can run out of: free"
                    + " some space (or measure into another disk with ctime.outputDirectory) and run again", p, free / 1048576.0);
        } catch (IOException e) {
            return null;
        }
    }
}
