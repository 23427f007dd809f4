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
 * once the first forks are in, the rest of ctime.repeat for the profile the decision names and then for every profile
 * not told apart from it (the only builds the answer still waits for); then the answer; then the other profiles' rest,
 * for the report.
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
     * The rest of ctime.repeat for the profile the decision names where its bound waits for builds alone (no interval
     * of it is bounded yet), and for every profile not told apart from it: the answer then weighs the profiles it could
     * name on the same builds the final verdict does, and names the one the verdict would. Judged again after each, until
     * the named profile and its contenders have them all.
     */
    void leader() throws InterruptedException, IOException {
        int repeat = cfg.builds().repeat();
        while (cfg.builds().beforeAnswer() < repeat) {
            Decision d = run.judged().decision();
            if (d == null || d.recommended() == null || d.bound() == null) return;
            List<String> wanted = new ArrayList<>();
            // First the named profile alone: until its builds are in, no comparison with it is bounded, and every other
            // profile would count as not told apart from it.
            if (d.bound().ms() == null && !d.bound().cheapest()) wanted.add(d.recommended());
            else if (d.undecided() != null) d.undecided().forEach(u -> wanted.add(u.profile()));
            List<Scenario> scs = cfg.builds().mix().scenariosFor(d.scenario());
            List<PreparedBuild> shortOf = prepared.stream().filter(p -> wanted.contains(p.name()) && ledger.ok(p.name())
                    && !ahead.contains(p.name()) && have(p.name(), scs) < repeat).toList();
            if (shortOf.isEmpty()) return;
            shortOf.forEach(p -> ahead.add(p.name()));
            progress.enter(Stage.TIMING_BUILDS);
            for (int round = shortOf.stream().mapToInt(p -> have(p.name(), scs)).min().orElse(repeat) + 1; round <= repeat; round++) {
                int r = round;
                List<PreparedBuild> due = shortOf.stream().filter(p -> ledger.ok(p.name()) && have(p.name(), scs) < r).toList();
                bench.oneMoreRound(due, ledger.of(due), scs, round, ledger::record).outcomes().values().forEach(ledger::record);
            }
            run.persist();
        }
    }

    /** The fewest timed builds this profile has of these scenarios. */
    private int have(String profile, List<Scenario> scs) {
        return scs.stream().mapToInt(sc -> ledger.outcome(profile).samples().getOrDefault(sc, List.of()).size()).min().orElse(0);
    }

    /** The other profiles' rest of ctime.repeat, after the answer. */
    void rest() throws InterruptedException, IOException {
        if (cfg.builds().beforeAnswer() < cfg.builds().repeat()) rounds(cfg.builds().repeat(), cfg.builds().repeat());
    }

    /** "release": the profiles built on ahead, as the answer names them; null for none. */
    String ahead() {
        return ahead.isEmpty() ? null : String.join(", ", ahead);
    }

    /** The builds that follow the answer, as it says them; null for none. */
    String after() {
        long left = prepared.stream().filter(p -> ledger.ok(p.name()) && have(p.name(), cfg.builds().scenarios()) < cfg.builds().repeat())
                .count();
        return left == 0 ? null : "the last builds of " + left + " profile" + (left == 1 ? "" : "s");
    }
}
