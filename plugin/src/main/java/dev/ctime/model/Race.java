package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a race searched the matrix (ctime.search=race): every profile was built and measured in a
 * first round; after it, and after every fork and round of builds that followed, each profile the
 * decision found significantly costlier per build than the best one on the workload left, and only
 * the others were measured further, analysed and counted. Every profile stays in the report.
 *
 * @param finalists the profiles still in the race when it ended: measured to the end, analysed and counted
 * @param left      every profile that left, in the order it left, with what beat it
 * @param field     how many profiles were in the race at each judgement, starting with all of them
 * @param stopped   why the race ended: the decision settled, the budget, or the caps
 * @param spent     what the race cost, beside an estimate of the exhaustive search's cost
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Race(List<String> finalists, List<Left> left, List<Integer> field, String stopped, Spent spent) {

    /**
     * A profile that left the race.
     *
     * @param profile   the profile's name
     * @param judgement at which judgement it left (1: after the first round)
     * @param after     what had been measured then: its builds and forks
     * @param beatenBy  the profile with the lowest cost per build at that judgement; absent where a kernel of the workload
 *                  failed in it, which bars it from the recommendation (then {@code after} says which)
     * @param build     its build cost against that profile's
     * @param run       its workload's run time against that profile's
     * @param totalMs   the difference in cost per build (ms), it minus the best: build CPU plus the workload's run time
     * @param totalLow  lower end of that difference's interval: above zero, and the difference beyond the margin
     * @param totalHigh upper end, null where unbounded
     * @param marginMs  the difference within which the two would count as equivalent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Left(String profile, int judgement, String after, String beatenBy, Comparison build, Comparison run,
                       Double totalMs, Double totalLow, Double totalHigh, Double marginMs) {
    }

    /**
     * What the race cost.
     *
     * @param builds            builds run: first builds, timed builds and analysis builds, all profiles (a first build
     *                          that is also the first clean sample counted once)
     * @param forks             kernel forks run
     * @param cpuMs             CPU time of ctime and every process it started, in ms (absent where the system cannot tell)
     * @param wallMs            the run's wall time, in ms
     * @param exhaustiveBuilds  the builds an exhaustive search of the same matrix runs at the least (its first, timed and
     *                          analysis builds, before any its decision adds)
     * @param exhaustiveEstimateMs the exhaustive search's wall time by the run's estimate, where there was one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spent(int builds, int forks, Double cpuMs, double wallMs, int exhaustiveBuilds, Double exhaustiveEstimateMs) {
    }
}
