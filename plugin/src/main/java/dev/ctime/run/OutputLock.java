package dev.ctime.run;

import dev.ctime.exec.EnvironmentException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One measuring run per output folder: a second run on the same project would double both runs'
 * timings and overwrite the first's report, so it is refused with who holds the folder. The lock
 * is the operating system's, so it goes away with the process however that ends.
 */
public final class OutputLock implements AutoCloseable {
    static final String FILE = ".ctime.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IOException naming the folder and the fix when it cannot be written, or naming the
     *                     process that holds it
     */
    public static OutputLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel ch;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new EnvironmentException("the output folder " + dir + " is not writable (" + e.getFile() + "): make it writable, or"
                    + " measure into another folder with ctime.outputDirectory", e);
        } catch (FileSystemException e) {
            throw new EnvironmentException("cannot create the output folder " + dir + ": " + e.getReason() + " (" + e.getFile()
                    + "); choose another with ctime.outputDirectory", e);
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            ch.close();
            throw new EnvironmentException("another ctime run is measuring into " + dir + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + ": two runs at once would disturb each other's timings and overwrite each other's report; wait for it to"
                    + " finish, or measure into another folder with ctime.outputDirectory");
        }
        ch.truncate(0);
        ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)));
        return new OutputLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            // Emptied, not deleted (a second run may be opening the same file): no finished run's pid is left to look stuck.
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
