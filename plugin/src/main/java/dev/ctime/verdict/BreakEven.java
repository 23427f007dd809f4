package dev.ctime.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Calls per build after which the profile that is slower to build but faster to run pays for
 * itself, with its 95% interval. Where the run-time difference is not significant there is no
 * break-even: {@code calls} is null and {@code note} says why.
 *
 * @param ciHigh null where the run-time saving cannot be bounded away from zero
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakEven(String cheaperBuild, String fasterRun, Double calls, Double ciLow, Double ciHigh, String note) {
}
