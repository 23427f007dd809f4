package dev.ctime.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The profile ctime recommends for an expected number of calls of one kernel per build, and how
 * sure it is.
 *
 * @param indistinguishable profiles whose run time of this kernel cannot be told from the recommended one's
 * @param front             the Pareto front, by increasing build cost: no profile on it is significantly
 *                          better on one axis without being significantly worse on the other
 * @param contenders        faster profiles whose break-even interval holds the expected calls: they may pay off
 * @param reason            the sentence a person reads, with every ratio's interval
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String kernel, int n, String function, String scenario, double expectedCalls, String reference,
                      String recommended, List<String> indistinguishable, List<String> front, List<String> contenders,
                      List<BreakEven> breakEvens, String reason) {
}
