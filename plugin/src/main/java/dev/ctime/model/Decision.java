package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one judgement of a run, computed once (when measuring, or when merging shards) and read by
 * every view: the console, the page, the gate. The sentence in {@code reason} is rendered from the
 * structured fields, never the other way round.
 *
 * @param workload      the calls per build the decision weighs: each profile's run cost is their total time
 * @param excluded      workload items no profile measured (failed everywhere), left out with the reason
 * @param expectedCalls every call of the workload per build
 * @param scenario      whose build CPU time is the build cost
 * @param recommended   the profile to use: named whenever a profile measured every kernel of the workload
 * @param state         recommended, or none (no profile measured every kernel of the workload); reports of schema 7 and
 *                      older may say undecided, which named no profile
 * @param bound         how much the recommended profile could cost per build more than any other, and whether that
 *                      settles it
 * @param equivalent    profiles whose total cost is equivalent to the recommended one's (interchangeable), the ones that
 *                      built the same library with the same settings first
 * @param undecided     each comparison with the recommended profile that is not settled yet (neither costlier nor
 *                      equivalent)
 * @param barred        profiles kept out of the decision, with why (a kernel of the workload failed in them)
 * @param points        every ranked profile's two costs with their 95% intervals
 * @param front         the Pareto front, by increasing build cost: no profile is significantly better on one
 *                      axis and better or equivalent on the other
 * @param breakEvens    between neighbours on the front
 * @param byKernel      the workload item by item for the recommended (or best) profile: its share of the run
 *                      cost and its comparison with the runner-up
 * @param reason        the sentence a person reads, rendered from the fields above
 * @param primalCost    where the recommended (or best) profile is an #[autodiff] build: its primal, kernel by kernel of the
 *                      workload, against the fastest primal of a build without Enzyme (autodiff builds can slow the whole
 *                      crate down, the primal included); null otherwise
 * @param workload the calls per build the costs are weighed by
 * @param excluded profiles left out of the ranking
 * @param reference the profile the comparisons are against
 * @param runnerUp the best profile after the recommended one, which byKernel compares with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(Workload workload, List<String> excluded, double expectedCalls, String scenario, String reference,
                       String recommended, String state, Bound bound, List<String> equivalent, List<Undecided> undecided,
                       List<Barred> barred, List<Point> points, List<String> front, List<BreakEven> breakEvens,
                       List<ItemShare> byKernel, String runnerUp, String reason, List<Comparison> primalCost) {
    /** The build a decision reads where none is asked for: the whole graph from an empty target folder, a CI build. */
    public static final String DEFAULT_SCENARIO = "clean";
    public static final String RECOMMENDED = "recommended";
    /** Written by ctime before a recommendation always came with its bound; read back from older reports only. */
    public static final String UNDECIDED = "undecided";
    /** No profile measured every kernel of the workload. */
    public static final String NONE = "none";

    /** An older report's decision that named no profile, since an inconclusive comparison stood between the candidates. */
    @JsonIgnore
    public boolean undecidedNow() {
        return UNDECIDED.equals(state);
    }

    /** Whether the recommendation is settled: more runs are not needed for it (not named isX: that would hide the bound). */
    @JsonIgnore
    public boolean settledNow() {
        return bound != null && Bound.SETTLED.equals(bound.status());
    }

    /**
     * How far the recommendation could be from the best profile: the most it costs per build more than any other
     * profile, by the upper ends of their cost differences' intervals (minimax regret), and whether that settles it.
     *
     * @param status       settled (significantly the cheapest, or the bound within the tolerance) or bounded (above it)
     * @param ms           that most, in ms per build; 0 where it is significantly the cheapest; null where the runs
     *                     cannot bound it (too few of them)
     * @param share        ms as a share of the recommended profile's estimated cost per build
     * @param against      the profile the worst case is against
     * @param tolerance    the share within which a bound counts as settled (ctime.tolerance)
     * @param cheapest     whether it is significantly cheaper per build than every other profile, beyond the margin
     * @param basis        what the bound rests on
     * @param runsToSettle about how many builds and forks a profile would bring the bound within the tolerance at the
     *                     spread seen so far; absent where it is settled or no number of runs would
     * @param reachable    whether those runs are within a few times the runs already made (else the profiles are
     *                     practically equivalent at the precision this machine allows)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bound(String status, Double ms, Double share, String against, double tolerance, boolean cheapest, String basis,
                        Integer runsToSettle, boolean reachable) {
        public static final String SETTLED = "settled";
        public static final String BOUNDED = "bounded";
        /** How many times the runs already made a next step may ask for: more is out of reach on this machine. */
        public static final int REACH = 3;
    }

    /**
     * A median with its 95% interval and the runs behind it.
     *
     * @param median the median of the runs
     * @param ciLow lower end of its interval
     * @param ciHigh upper end of its interval
     * @param ciLevel the interval's coverage (0.95 or more from 6 runs on)
     * @param runs independent runs behind it
     */
    public record Estimate(double median, double ciLow, double ciHigh, double ciLevel, int runs) {
        public static Estimate of(Summary s) {
            return new Estimate(s.median(), s.ciLow(), s.ciHigh(), s.ciLevel(), s.runs());
        }
    }

    /**
     * One profile's two costs: build CPU (ms, including a PGO/BOLT pipeline) and run time per call of the
     * workload's mix (ns: the workload's total time over its calls, one value per fork).
     *
     * @param profile the profile's name
     * @param buildMs build CPU time per build (ms), a PGO/BOLT pipeline included
     * @param runNs run time per call of the workload's mix (ns)
     */
    public record Point(String profile, Estimate buildMs, Estimate runNs) {
    }

    /**
     * A profile kept out of the decision, with why.
     *
     * @param profile the profile's name
     * @param reason which kernel of the workload failed in it, and how
     */
    public record Barred(String profile, String reason) {
    }

    /**
     * A candidate the decision cannot yet tell from the best one.
     *
     * @param totalLow       the total cost difference per build (ms), candidate minus best: lower end, null if unbounded
     * @param runsToSettle   about how many builds and forks a profile would settle it at the spread seen so far
     * @param profile the candidate
     * @param against the best profile, which it cannot be told from yet
     * @param build their build costs compared
     * @param run their workloads' run costs compared
     * @param totalMs the total cost difference per build (ms), candidate minus best: build CPU plus the workload's run time
     * @param totalHigh upper end, null if unbounded
     * @param marginMs the difference within which the two count as equivalent (from the thresholds)
     * @param counted  where timing could not separate their run costs and both were counted: the workload's run costs by
     *                 estimated cycles (exact), which the cost difference then uses; null otherwise
     */
    public record Undecided(String profile, String against, Comparison build, Comparison run, double totalMs, Double totalLow,
                            Double totalHigh, double marginMs, int runsToSettle, Comparison counted) {
        public Undecided(String profile, String against, Comparison build, Comparison run, double totalMs, Double totalLow,
                         Double totalHigh, double marginMs, int runsToSettle) {
            this(profile, against, build, run, totalMs, totalLow, totalHigh, marginMs, runsToSettle, null);
        }

        /** The profiles these comparisons cannot tell apart: the one they are all against, then each candidate, once. */
        public static List<String> contenders(List<Undecided> us) {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            if (us.isEmpty()) return List.of();
            out.add(us.get(0).against());
            us.forEach(u -> {
                out.add(u.against());
                out.add(u.profile());
            });
            return List.copyOf(out);
        }

        /** How far these comparisons are from settled: the summed widths of their cost intervals, NaN where one is unbounded. */
        public static double width(List<Undecided> us) {
            double w = 0;
            for (Undecided u : us) {
                if (u.totalLow() == null || u.totalHigh() == null) return Double.NaN;
                w += u.totalHigh() - u.totalLow();
            }
            return w;
        }
    }

    /**
     * One workload item in the recommended profile: calls, ns per call, share of the run cost, and against the runner-up.
     *
     * @param item the workload item
     * @param nsPerCall its median ns per call in the profile
     * @param share its share of the workload's run time
     * @param againstRunnerUp its figure against the runner-up's
     */
    public record ItemShare(Workload.Item item, Double nsPerCall, Double share, Comparison againstRunnerUp) {
    }
}
