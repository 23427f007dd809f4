package dev.ctime.run;

import dev.ctime.compile.CompileBench;
import dev.ctime.compile.PreparedBuild;
import dev.ctime.compile.Scenario;
import dev.ctime.model.Decision;
import dev.ctime.model.Report;
import dev.ctime.model.Verdict;
import dev.ctime.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds beyond ctime.repeat, for the decision only: while it is undecided on build cost, one more round of the
 * scenario it reads, for the profiles it cannot tell apart, until it is settled, until three rounds no longer narrow
 * its interval by 5%, or until ctime.maxRepeat. In a race, the field is judged before each round.
 */
final class DecisionBuilds {
    /**
     * @param said   what the builds beyond ctime.repeat were for and why they stopped, or null where none were wanted
     * @param capped "profile/scenario" for the figures a cap stopped short of what the decision wanted, or null where
     *               no cap stopped it
     */
    record Result(String said, Set<String> capped) {
    }

    private final MeasureConfig cfg;
    private final Consumer<String> log;
    private final RunLedger ledger;
    private final RunProgress progress;
    private final Supplier<Report> judged;

    DecisionBuilds(MeasureConfig cfg, Consumer<String> log, RunLedger ledger, RunProgress progress, Supplier<Report> judged) {
        this.cfg = cfg;
        this.log = log;
        this.ledger = ledger;
        this.progress = progress;
        this.judged = judged;
    }

    /** @param race the race, or null for an exhaustive search */
    Result settle(CompileBench bench, List<PreparedBuild> prepared, int maxRepeat, RaceStage race) throws InterruptedException {
        List<Double> widths = new ArrayList<>();
        String why = null;
        String stopped;
        Set<String> capped = null;
        int rounds = 0;
        int first = race != null ? MeasureConfig.Search.SCREEN : cfg.builds().repeat();
        for (int round = first + 1; ; round++) {
            if (race != null) {
                String over = race.overBudget();
                if (over != null) {
                    stopped = over;
                    break;
                }
                race.judge();
            }
            Decision d = judged.get().decision();
            Enough enough = d == null || d.points() == null ? new Enough("no decision to settle", false)
                    : Enough.of(d, maxRepeat, "ctime.maxRepeat");
            List<Decision.Undecided> onBuild = enough != null && (d == null || d.undecided() == null) ? List.of()
                    : d.undecided().stream().filter(u -> u.build().verdict() == Verdict.INCONCLUSIVE).toList();
            if (enough != null) {
                stopped = enough.why();
                // Stopped short of what the decision wanted by the cap: those builds' figures say so.
                List<Scenario> scs = d == null ? List.of() : cfg.builds().mix().scenariosFor(d.scenario());
                if (enough.capped()) capped = capped(Decision.Undecided.contenders(onBuild), scs);
                break;
            }
            if (onBuild.isEmpty()) {
                stopped = "undecided on run time alone, which more builds cannot settle";
                break;
            }
            List<String> wanted = Decision.Undecided.contenders(onBuild);
            why = "the decision between " + String.join(", ", wanted) + " (build CPU inconclusive)";
            double width = Decision.Undecided.width(onBuild);
            if (!Double.isNaN(width)) widths.add(width);
            if (Statistics.stoppedNarrowing(widths)) {
                stopped = "the interval no longer narrows (three more rounds shrank it by less than 5%)";
                break;
            }
            List<Scenario> scs = cfg.builds().mix().scenariosFor(d.scenario());
            if (round > maxRepeat || scs.isEmpty()) {
                stopped = "the cap of " + maxRepeat + " builds (ctime.maxRepeat)";
                capped = capped(wanted, scs);
                break;
            }
            progress.enter(Stage.BUILDS_FOR_DECISION);
            log.accept("builds for " + why + ": round " + round + " of at most " + maxRepeat);
            List<PreparedBuild> subset = prepared.stream().filter(p -> wanted.contains(p.name()) && ledger.ok(p.name())
                    && (race == null || race.inField(p.name()))).toList();
            bench.oneMoreRound(subset, ledger.of(subset), scs, round, ledger::record).outcomes().values().forEach(ledger::record);
            rounds++;
        }
        if (race != null) race.stop(stopped);
        String said = rounds > 0 ? rounds + " round" + (rounds == 1 ? "" : "s") + " of builds beyond ctime.repeat for " + why
                + "; stopped: " + stopped : why == null ? null : "no build beyond ctime.repeat (wanted for " + why + "): " + stopped;
        if (said != null) log.accept("timing builds: " + said);
        return new Result(said, capped);
    }

    /** "profile/scenario" for each of these profiles and scenarios: the figures a cap stopped short. */
    private static Set<String> capped(List<String> profiles, List<Scenario> scenarios) {
        return profiles.stream().flatMap(n -> scenarios.stream().map(sc -> n + "/" + sc.id)).collect(Collectors.toSet());
    }
}
