package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Calls per build after which the profile that is slower to build but faster to run pays for
 * itself, with its 95% interval. Only where the one is significantly cheaper to build and the
 * other significantly faster to run: otherwise {@code calls} is null and {@code note} says why.
 *
 * @param ciHigh null where the run-time saving cannot be bounded away from zero
 * @param build  the faster profile's build CPU against the cheaper one's
 * @param run    the faster profile's run time against the cheaper one's
 * @param cheaperBuild the profile cheaper to build
 * @param fasterRun the profile faster to run
 * @param calls the calls per build at which their total costs meet
 * @param ciLow lower end of its interval
 * @param note why there is no break-even, where calls is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakEven(String cheaperBuild, String fasterRun, Double calls, Double ciLow, Double ciHigh, String note,
                        Comparison build, Comparison run) {
}
