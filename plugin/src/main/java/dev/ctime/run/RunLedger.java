package dev.ctime.run;

import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.PreparedBuild;
import dev.ctime.exec.DiskSpace;
import dev.ctime.model.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every profile's latest outcome, in the profiles' order: immutable values, replaced as each stage returns or
 * measures. Read by the stages, by the interruption hook and by the heartbeat's estimate, from several threads.
 */
final class RunLedger {
    private final Map<String, BuildOutcome> outcomes = new LinkedHashMap<>();
    private final Path workDir;

    RunLedger(Path workDir) {
        this.workDir = workDir;
    }

    synchronized void record(BuildOutcome o) {
        BuildOutcome before = outcomes.get(o.name());
        if (o.status() == Status.FAILED && (before == null || before.status() != Status.FAILED)) {
            // Whatever the tool said, a nearly full disk is named with its path and what is left.
            String disk = DiskSpace.low(workDir);
            if (disk != null) o = o.failed(o.reason() + " (" + disk + ")");
        }
        outcomes.put(o.name(), o);
    }

    synchronized BuildOutcome outcome(String profile) {
        return outcomes.get(profile);
    }

    /** These prepared profiles' outcomes, by name, in their order. */
    synchronized Map<String, BuildOutcome> of(List<PreparedBuild> prepared) {
        Map<String, BuildOutcome> m = new LinkedHashMap<>();
        for (PreparedBuild p : prepared) m.put(p.name(), outcomes.get(p.name()));
        return m;
    }

    synchronized List<BuildOutcome> snapshot() {
        return List.copyOf(outcomes.values());
    }

    /** Whether this profile was measured and still stands. */
    boolean ok(String profile) {
        BuildOutcome o = outcome(profile);
        return o != null && o.ok();
    }
}
