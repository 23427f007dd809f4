package dev.ctime.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ctime-guard: nothing a command starts outlives it, nor outlives the guard's parent. */
class GuardTest {
    @TempDir
    Path dir;

    private static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var h = ProcessHandle.of(pid);
            // A killed orphan may linger as a zombie of init in a container: dead all the same.
            if (h.isEmpty() || !h.get().isAlive() || state(pid) == 'Z') return true;
            Thread.sleep(100);
        }
        return false;
    }

    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
        } catch (Exception e) {
            return 'X';
        }
    }

    private static long pidIn(Path f) throws Exception {
        for (int i = 0; i < 100 && (!Files.exists(f) || Files.readString(f).isBlank()); i++) Thread.sleep(50);
        return Long.parseLong(Files.readString(f).strip());
    }

    @Test
    void aDetachedGrandchildDiesWhenTheCommandEndsAndTheExitCodeIsKept() throws Exception {
        Path guard = NativeTools.install(dir, NativeTools.GUARD);
        Path pidFile = dir.resolve("daemon.pid");
        Process p = new ProcessBuilder(List.of(guard.toString(), "sh", "-c", "setsid sleep 300 & echo $! > " + pidFile + "; exit 3"))
                .start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue());
        assertTrue(gone(pidIn(pidFile)), "the setsid daemon outlived the command");
    }

    @Test
    void everythingDiesWithTheGuardsParentEvenBySigkill() throws Exception {
        Path guard = NativeTools.install(dir, NativeTools.GUARD);
        Path pidFile = dir.resolve("daemon.pid");
        Path childFile = dir.resolve("child.pid");
        // sh stands for the Maven JVM: it runs the guard and is then killed with SIGKILL.
        Process parent = new ProcessBuilder(List.of("sh", "-c", guard + " sh -c 'setsid sleep 301 & echo $! > " + pidFile
                + "; echo $$ > " + childFile + "; sleep 302'")).start();
        long daemon = pidIn(pidFile);
        long child = pidIn(childFile);
        assertTrue(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false), "the daemon started");
        parent.destroyForcibly();
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
        assertTrue(gone(child), "the command outlived the guard's parent");
        assertTrue(gone(daemon), "the detached daemon outlived the guard's parent");
    }
}
