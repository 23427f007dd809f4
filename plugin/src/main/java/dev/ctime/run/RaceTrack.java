package dev.ctime.run;

import dev.ctime.model.Race;
import dev.ctime.model.Report;
import dev.ctime.verdict.Decider;
import dev.ctime.model.Decision;
import dev.ctime.model.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The field of a race as it narrows: who is still in it, and who left when, beaten by whom. A profile
 * leaves only on the decision's own rule (significantly costlier per build than the best one on the
 * workload, or barred by a failed kernel of it), never on a difference that is not significant.
 */
final class RaceTrack {
    private final Set<String> field = new LinkedHashSet<>();
    private final List<Race.Left> left = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    /** The profiles that left on run time alone, their builds never timed (see {@link #screen}). */
    private final Set<String> onRunAlone = new LinkedHashSet<>();
    private final int looks;
    private int judgements;
    private String stopped;

    /** @param looks the most judgements the race can make: each is bounded so that all of them together hold at 95% */
    RaceTrack(List<String> starting, int looks) {
        field.addAll(starting);
        sizes.add(field.size());
        this.looks = looks;
    }

    int looks() {
        return looks;
    }

    boolean inField(String profile) {
        return field.contains(profile);
    }

    Set<String> field() {
        return Set.copyOf(field);
    }

    /**
     * Judges the field on the report as it stands: every profile significantly costlier than the best leaves, and so
     * does one a failed kernel of the workload bars; logs who left.
     *
     * @param after what has been measured, as the log and the report say it ("4 builds and 4 forks")
     * @param stillSlowerOnRunAlone the profiles whose run time alone still makes them costlier per build than the
     *              screen's leader's build and run ({@link Decider#slowerOnRunAlone} on the figures as they stand)
     */
    void judge(Report r, Thresholds t, String after, Set<String> stillSlowerOnRunAlone, Consumer<String> log) {
        Decision d = r.decision();
        if (d == null) return;
        judgements++;
        List<String> gone = new ArrayList<>();
        String best = null;
        for (Decision.Undecided u : Decider.costlier(r.profiles(), d, t, looks)) {
            if (!field.remove(u.profile())) continue;
            best = u.against();
            gone.add(u.profile());
            left.add(new Race.Left(u.profile(), judgements, after, u.against(), u.build(), u.run(), u.totalMs(), u.totalLow(),
                    u.totalHigh(), u.marginMs()));
        }
        List<String> barred = new ArrayList<>();
        if (d.barred() != null) {
            for (Decision.Barred b : d.barred()) {
                if (!field.remove(b.profile())) continue;
                barred.add(b.profile());
                left.add(new Race.Left(b.profile(), judgements, after + "; barred: " + b.reason(), null, null, null, null, null, null,
                        null));
            }
        }
        // Later runs can move the best profile: one that left and is no longer significantly costlier than the best
        // comes back, since the decision has to settle it again (its figures are where it left them). One that left on
        // run time alone has one build at most, which the decision can never tell from another's: it comes back only
        // where its run time alone no longer outweighs the leader's build and run.
        List<String> back = new ArrayList<>();
        if (d.undecided() != null) {
            for (String c : Decision.Undecided.contenders(d.undecided())) {
                if (field.contains(c) || left.stream().noneMatch(l -> l.profile().equals(c) && l.beatenBy() != null)) continue;
                if (onRunAlone.contains(c) && stillSlowerOnRunAlone.contains(c)) continue;
                onRunAlone.remove(c);
                left.removeIf(l -> l.profile().equals(c));
                field.add(c);
                back.add(c);
            }
        }
        if (!back.isEmpty()) log.accept("race, after " + after + ": back in the race, no longer significantly costlier than the best: "
                + String.join(", ", back));
        sizes.add(field.size());
        if (gone.isEmpty() && barred.isEmpty()) {
            log.accept("race, after " + after + ": no profile is significantly beaten yet; " + field.size() + " in the race");
            return;
        }
        log.accept("race, after " + after + ": " + (gone.isEmpty() ? "" : gone.size() + " left, significantly costlier per build"
                + " than " + best + ": " + String.join(", ", gone)) + (barred.isEmpty() ? "" : (gone.isEmpty() ? "" : "; ")
                + barred.size() + " barred by a failed kernel of the workload: " + String.join(", ", barred)) + "; " + field.size()
                + " in the race");
    }

    /**
     * The first judgement, before any build is timed: the profiles whose run time alone makes them significantly
     * costlier than the fastest one leave without their builds being timed (the race's cost model skips them, and
     * says so).
     *
     * @param slower what {@link Decider#slowerOnRunAlone} found
     */
    void screen(List<Decision.Undecided> slower, String after, Consumer<String> log) {
        judgements++;
        List<String> gone = new ArrayList<>();
        String fastest = null;
        for (Decision.Undecided u : slower) {
            if (!field.remove(u.profile())) continue;
            onRunAlone.add(u.profile());
            fastest = u.against();
            gone.add(u.profile());
            left.add(new Race.Left(u.profile(), judgements, after + ", before its builds were timed: its run time alone costs more"
                    + " per build than " + u.against() + "'s build and run", u.against(), null, u.run(), u.totalMs(), u.totalLow(),
                    u.totalHigh(), u.marginMs()));
        }
        sizes.add(field.size());
        log.accept("race, after " + after + ": " + (gone.isEmpty() ? "no profile's run time alone settles it; "
                : gone.size() + " left on run time alone, their builds not timed (costlier per build than " + fastest
                + "'s build and run, whatever theirs cost): " + String.join(", ", gone) + "; ") + field.size() + " in the race");
    }

    void stop(String why) {
        if (stopped == null) stopped = why;
    }

    Race snapshot(Race.Spent spent) {
        return new Race(List.copyOf(field), List.copyOf(left), List.copyOf(sizes), stopped, spent);
    }
}
