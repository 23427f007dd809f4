package dev.ctime.compile;

import dev.ctime.exec.Processes;
import dev.ctime.stats.Statistics;
import dev.ctime.text.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Times the scenarios as rustc-perf does: each build of the leaf crate measured in its own
 * process, repeated with the profiles interleaved (A B C A B C ...) so that drift hits all alike,
 * and more rounds only for the figures short of the target precision. Holds the scenarios' state
 * machine: which profile's incremental cache matches its unmodified sources.
 */
final class ScenarioRunner {
    private final CrateBuilds builds;
    private final Path patchFile;
    private final Consumer<String> log;
    /** Profiles whose incremental cache matches their unmodified sources. */
    private final Set<String> baselines = new HashSet<>();
    /** Each profile's last build's incremental mode (a null value: the profile's own); no entry where it is unknown. */
    private final Map<String, Boolean> lastMode = new HashMap<>();
    private int patchCounter;
    /** The number of the first round this runner times (later rounds of a run continue the count). */
    private int firstRound = 1;
    private java.util.function.DoubleFunction<String> left = f -> "";

    /** @param patchFile the incr-patched edit as a unified diff, or null for ctime's default edit */
    ScenarioRunner(CrateBuilds builds, Path patchFile, Consumer<String> log) {
        this.builds = builds;
        this.patchFile = patchFile;
        this.log = log;
    }

    /** What the profile's last build outside this runner left: a build in this incremental mode (null: the profile's own). */
    void built(String profile, Boolean incremental) {
        baselines.remove(profile);
        lastMode.put(profile, incremental);
    }

    /** The profile's target folder was changed outside this runner (an analysis build): nothing is known of it. */
    void forget(String profile) {
        baselines.remove(profile);
        lastMode.remove(profile);
    }

    ScenarioRunner withFirstRound(int round) {
        this.firstRound = round;
        return this;
    }

    /** @param left the time left of the whole run, given how much of this stage is done ("" where unknown) */
    ScenarioRunner withLeft(java.util.function.DoubleFunction<String> left) {
        this.left = left;
        return this;
    }

    /**
     * Runs at least {@code minRepeat} rounds of every scenario over every profile, interleaved, then
     * more rounds only for the figures whose build CPU time has not reached the target precision,
     * up to {@code maxRepeat}. A profile whose build fails stops there; the others go on.
     *
     * @param progress hears every profile's outcome after each of its builds
     */
    CompileBench.Timed run(List<PreparedBuild> prepared, Map<String, BuildOutcome> start, List<Scenario> scenarios, int minRepeat,
               int maxRepeat, double targetPrecision, Consumer<BuildOutcome> progress) throws InterruptedException {
        Map<String, BuildOutcome> now = new LinkedHashMap<>(start);
        // Builds a resumed profile brings from its interrupted run count as the first rounds; a decision's extra
        // rounds (firstRound > 1) are on top of what is there.
        Map<String, Integer> kept = new HashMap<>();
        if (firstRound == 1) {
            start.forEach((name, o) -> o.samples().forEach((sc, ms) -> kept.put(name + "/" + sc.id, ms.size())));
        }
        int done = 0;
        for (int rep = 1; rep <= maxRepeat; rep++) {
            List<Map.Entry<PreparedBuild, Scenario>> round = new ArrayList<>();
            for (PreparedBuild p : prepared) {
                for (Scenario s : scenarios) {
                    BuildOutcome o = now.get(p.name());
                    if (!o.ok() || kept.getOrDefault(p.name() + "/" + s.id, 0) >= rep) continue;
                    if (rep > minRepeat && precise(o.samples().getOrDefault(s, List.of()), targetPrecision)) continue;
                    round.add(Map.entry(p, s));
                }
            }
            // A round the kept builds already cover (the first clean build, a resumed run's) is not the end of the rounds.
            int thisRound = rep;
            if (round.isEmpty() && (rep < minRepeat || kept.values().stream().anyMatch(k -> k > thisRound))) continue;
            if (round.isEmpty()) break;
            int expected = done + (rep <= minRepeat ? toMinimum(prepared, now, scenarios, kept, rep, minRepeat) : round.size());
            for (Map.Entry<PreparedBuild, Scenario> ps : round) {
                PreparedBuild p = ps.getKey();
                Scenario s = ps.getValue();
                if (!now.get(p.name()).ok()) continue;
                int number = rep + firstRound - 1;
                String what = firstRound > 1 ? String.format("build for the decision (round %d), %s %s", number, p.name(), s.id)
                        : rep <= minRepeat ? String.format("build %d/%d, %s %s", done + 1, expected, p.name(), s.id)
                        : String.format("build for precision (round %d), %s %s", rep, p.name(), s.id);
                BuildOutcome o = now.get(p.name());
                try {
                    BuildMeasurement m = measure(p, s, number);
                    o = o.withSample(s, m);
                    done++;
                    String after = firstRound > 1 ? "" : rep <= minRepeat ? left.apply((double) done / expected)
                            : round.size() + (round.size() == 1 ? " figure" : " figures") + " short of the target, at most "
                            + (maxRepeat - rep) + (maxRepeat - rep == 1 ? " more round" : " more rounds");
                    String time = rep > minRepeat ? left.apply(0) : "";
                    if (!time.isEmpty()) after += "; " + time;
                    log.accept(String.format("%s: %s wall, %s CPU%s%s", what, Units.ms(m.wallMs()), Units.ms(m.cpuMs()),
                            m.disturbed() ? String.format(" (others used %.0f%%)", 100 * m.interference().otherCpuShare()) : "",
                            after.isEmpty() ? "" : "; " + after));
                } catch (BuildFailure e) {
                    o = o.failed(e.reason());
                    log.accept(what + ": failed, " + e.reason());
                } catch (IOException e) {
                    o = o.failed(what + ": " + e.getMessage());
                    log.accept(what + ": failed, " + e.getMessage());
                }
                now.put(p.name(), o);
                progress.accept(o);
            }
        }
        Set<String> capped = new HashSet<>();
        for (PreparedBuild p : prepared) {
            BuildOutcome o = now.get(p.name());
            for (Scenario s : scenarios) {
                if (o.ok() && !precise(o.samples().getOrDefault(s, List.of()), targetPrecision)) capped.add(p.name() + "/" + s.id);
            }
        }
        return new CompileBench.Timed(now, Set.copyOf(capped));
    }

    /** The builds from this round to the last of the first {@code minRepeat}: what the kept ones leave to do. */
    private static int toMinimum(List<PreparedBuild> prepared, Map<String, BuildOutcome> now, List<Scenario> scenarios,
                                 Map<String, Integer> kept, int rep, int minRepeat) {
        int n = 0;
        for (PreparedBuild p : prepared) {
            if (!now.get(p.name()).ok()) continue;
            for (Scenario s : scenarios) n += Math.max(0, minRepeat - Math.max(rep - 1, kept.getOrDefault(p.name() + "/" + s.id, 0)));
        }
        return n;
    }

    /** Whether the build CPU time of these runs is known to the target precision. */
    static boolean precise(List<BuildMeasurement> ms, double target) {
        if (ms.isEmpty()) return false;
        return Statistics.summarize(ms.stream().mapToDouble(BuildMeasurement::cpuMs).toArray()).reached(target);
    }

    /** One timed build of one scenario, its incremental baseline built first where the scenario needs one. */
    private BuildMeasurement measure(PreparedBuild p, Scenario s, int rep) throws IOException, InterruptedException, BuildFailure {
        String tag = s.id + "-" + rep;
        Boolean incremental = s.incrementalFor(p.plan().profile());
        if (s == Scenario.EDIT) {
            // An edit rebuilds on what the last build left; after a build in another incremental mode, cargo would also
            // rebuild the path dependencies (their fingerprints include it): settle that first, untimed.
            if (!lastMode.containsKey(p.name()) || !java.util.Objects.equals(lastMode.get(p.name()), incremental)) {
                settle(p, incremental, tag);
            }
        } else if (s.wholeGraph) {
            // clean: the build empties the target folder itself
        } else if (!s.needsIncrementalBaseline()) {
            builds.cleanLeaf(p, incremental, tag);
        } else if (!baselines.contains(p.name())) {
            builds.cleanLeaf(p, true, tag + "-baseline");
            settle(p, true, tag);
        }
        baselines.remove(p.name());
        String original = null;
        if (s == Scenario.INCR_UNCHANGED) {
            touch(p.crateRoot());
        } else if (s.edits() && patchFile == null) {
            original = Files.readString(p.crateRoot());
            Files.writeString(p.crateRoot(), original + patch(++patchCounter));
        } else if (s.edits()) {
            gitApply(p, false, tag);
        }
        BuildMeasurement m;
        try {
            m = s.wholeGraph ? builds.timedGraphBuild(p, s, tag) : builds.timedBuild(p, s, incremental, tag);
        } finally {
            if (original != null) Files.writeString(p.crateRoot(), original);
            if (s.edits() && patchFile != null) gitApply(p, true, tag + "-revert");
        }
        lastMode.put(p.name(), incremental);
        // After a patched build the cache holds the edit, which is reverted: it no longer matches. A clean build's
        // cache (where the profile makes one) matches, but incr-* scenarios want theirs built by themselves.
        if (Boolean.TRUE.equals(incremental) && !s.edits() && !s.wholeGraph) baselines.add(p.name());
        return m;
    }

    /** An untimed build of the profile's copy as it stands, in this incremental mode. */
    private void settle(PreparedBuild p, Boolean incremental, String tag) throws IOException, InterruptedException, BuildFailure {
        var baseline = builds.command(p, incremental);
        Processes.Result r = Processes.run(baseline.args(), builds.crate.dir(), builds.env(baseline, null), builds.timeout, p.logs(),
                "build-" + tag + "-baseline");
        if (!r.ok()) {
            throw new BuildFailure("the untimed build before the " + tag + " build failed: " + FailureReason.fromCompilerOutput(r.stderr()));
        }
        lastMode.put(p.name(), incremental);
    }

    /** Applies (or reverts) the user's patch to the profile's copy of the crate; never to the user's tree. */
    private void gitApply(PreparedBuild p, boolean reverse, String tag) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "apply"));
        if (reverse) cmd.add("-R");
        cmd.add(patchFile.toString());
        Processes.Result r = Processes.run(cmd, p.manifest().getParent(), Map.of(), Duration.ofMinutes(2), p.logs(), "patch-" + tag);
        if (!r.ok()) {
            throw new IOException("the incr-patched patch " + patchFile + " does not apply to the crate" + (reverse ? " (revert)" : "")
                    + ": " + r.stderr().strip() + "; make it a unified diff against the crate's folder (a/src/lib.rs)");
        }
    }

    /** The default incr-patched edit: a harmless new item at the end of the crate root. */
    static String patch(int i) {
        return "\n#[allow(dead_code)]\nfn ctime_incr_patched_" + i + "() -> u64 { " + i + " }\n";
    }

    static void touch(Path f) throws IOException {
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 1000));
    }
}
