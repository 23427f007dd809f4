package dev.ctime.run;

import dev.ctime.model.Decision;
import dev.ctime.verdict.DecisionText;

/**
 * Why more runs (forks or builds) would not serve the decision, and whether a cap is what stops them: the one rule
 * both adaptive loops, more kernel forks and more builds, stop by.
 */
record Enough(String why, boolean capped) {

    /**
     * @return why more runs would not serve the decision, or null where they would: it is settled, or the runs that would
     *         settle it are beyond the cap (ctime.maxRepeat, ctime.maxForks), so the bound it has is as good as this run
     *         can make it
     */
    static Enough of(Decision d, int cap, String capName) {
        if (d.settledNow() || d.bound() == null) return new Enough("the decision is settled (" + DecisionText.headline(d) + ")", false);
        if (d.undecided() == null) return new Enough("no comparison with " + d.recommended() + " is open", false);
        Integer needed = d.bound().runsToSettle();
        if (needed == null || needed > cap) {
            return new Enough("the runs that would bring its bound within the tolerance are beyond the cap of " + cap + " ("
                    + capName + ")" + (needed == null ? "" : ": about " + needed) + "; the bound stands as measured", true);
        }
        return null;
    }
}
