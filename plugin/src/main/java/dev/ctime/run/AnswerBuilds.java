package dev.ctime.run;

import dev.ctime.compile.CompileBench;
import dev.ctime.compile.PreparedBuild;
import dev.ctime.compile.Scenario;
import dev.ctime.model.Decision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The timed builds of an exhaustive search around its answer. First the rounds of every profile against which one
 * profile, built ctime.repeat times, bounds each build difference at 95% ({@link MeasureConfig.Builds#beforeAnswer});
 * once the first forks are in, the rest of ctime.repeat for the profile the decision names (the only builds its
 * interval still waits for); then the answer; then the other profiles' rest, for the report.
 */
final class AnswerBuilds {
    private final MeasureConfig cfg;
    private final RunLedger ledger;
    private final RunProgress progress;
    private final RunView run;
    private final CompileBench bench;
    private final List<PreparedBuild> prepared;
    /** The profiles built on to ctime.repeat ahead of the others, in order. */
    private final List<String> ahead = new ArrayList<>();

    AnswerBuilds(MeasureConfig cfg, RunLedger ledger, RunProgress progress, RunView run, CompileBench bench,
                 List<PreparedBuild> prepared) {
        this.cfg = cfg;
        this.ledger = ledger;
        this.progress = progress;
        this.run = run;
        this.bench = bench;
        this.prepared = prepared;
    }

    /**
     * Rounds of every profile up to {@code rounds} (those already timed are kept), more up to {@code maxRounds} only for
     * figures short of the target precision.
     *
     * @return "profile/scenario" for the figures a cap stopped short of that precision
     */
    Set<String> rounds(int rounds, int maxRounds) throws InterruptedException, IOException {
        progress.enter(Stage.TIMING_BUILDS);
        CompileBench.Timed timed = bench.time(prepared, ledger.of(prepared), cfg.builds().scenarios(), rounds, maxRounds,
                cfg.precision().target(), ledger::record, progress::left);
        timed.outcomes().values().forEach(ledger::record);
        run.persist();
        return timed.capped();
    }

    /** Every profile's rounds before the answer. */
    void first() throws InterruptedException, IOException {
        rounds(cfg.builds().beforeAnswer(), cfg.builds().beforeAnswer());
    }

    /**
     * The rest of ctime.repeat for the profile the decision names, while its bound waits for builds alone (no interval
     * of it is bounded yet); where the decision then names another still short of them, that one's, each profile once.
     */
    void leader() throws InterruptedException, IOException {
        int repeat = cfg.builds().repeat();
        while (cfg.builds().beforeAnswer() < repeat) {
            Decision d = run.judged().decision();
            if (d == null || d.recommended() == null || d.bound() == null || d.bound().ms() != null || d.bound().cheapest()) return;
            String name = d.recommended();
            PreparedBuild p = prepared.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
            if (p == null || !ledger.ok(name) || ahead.contains(name)) return;
            ahead.add(name);
            List<Scenario> scs = cfg.builds().mix().scenariosFor(d.scenario());
            int have = scs.stream().mapToInt(sc -> ledger.outcome(name).samples().getOrDefault(sc, List.of()).size()).min().orElse(repeat);
            progress.enter(Stage.TIMING_BUILDS);
            for (int round = have + 1; round <= repeat && ledger.ok(name); round++) {
                bench.oneMoreRound(List.of(p), ledger.of(List.of(p)), scs, round, ledger::record).outcomes().values()
                        .forEach(ledger::record);
            }
            run.persist();
        }
    }

    /** The other profiles' rest of ctime.repeat, after the answer. */
    void rest() throws InterruptedException, IOException {
        if (cfg.builds().beforeAnswer() < cfg.builds().repeat()) rounds(cfg.builds().repeat(), cfg.builds().repeat());
    }

    /** "release": the profiles built on ahead, as the answer names them; null for none. */
    String ahead() {
        return ahead.isEmpty() ? null : String.join(", ", ahead);
    }

    /** The rounds of builds that follow the answer, as it says them; null for none. */
    String after() {
        int rest = cfg.builds().repeat() - cfg.builds().beforeAnswer();
        return rest <= 0 ? null : rest + " more round" + (rest == 1 ? "" : "s") + " of builds";
    }
}
