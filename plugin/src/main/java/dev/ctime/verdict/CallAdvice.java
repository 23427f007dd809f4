package dev.ctime.verdict;

import dev.ctime.model.Binding;
import dev.ctime.model.Caller;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Decision;
import dev.ctime.model.Report;
import dev.ctime.model.Summary;
import dev.ctime.model.Workload;
import dev.ctime.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the workload's calls cost the Java application through the binding it names, and whether another binding saves
 * more than the best profile: the sentences the console and the page both print, from the report alone.
 */
public final class CallAdvice {
    private CallAdvice() {
    }

    /**
     * One line per workload item called through a binding: "your call to heat gradient (n = 4096) in release: 31.6 µs
     * = 2.57 µs JNA + 29.0 µs kernel", and where the binding's interval reaches zero, that its share is within the
     * noise.
     */
    public static List<String> calls(Decision d, List<CallerCost> callers) {
        List<String> out = new ArrayList<>();
        if (d == null || d.byKernel() == null || d.recommended() == null) return out;
        for (Decision.ItemShare s : d.byKernel()) {
            Workload.Item i = s.item();
            if (i.caller() == null || i.bindingNs() == null || s.nsPerCall() == null) continue;
            Summary share = share(callers, i, i.caller());
            boolean noise = share != null && share.ciLow() <= 0;
            out.add("your call to " + i.describe() + " in " + d.recommended() + ": " + Units.ns(s.nsPerCall()) + " = "
                    + Units.ns(i.bindingNs()) + " " + i.caller().label() + " + " + Units.ns(s.nsPerCall() - i.bindingNs())
                    + " kernel" + (!noise ? "" : share.median() < 0 ? " (measured " + Units.ns(share.median()) + ": within the"
                    + " noise of the kernel's here)" : " (its interval reaches zero: within the noise of the kernel's here)"));
        }
        return out;
    }

    /**
     * A change of binding for every item called through one (each keeps its data where it is): the one that saves most
     * per build with its interval's lower end above zero, and what it saves against the best profile change; empty
     * where no workload item names a binding or no other binding significantly saves.
     *
     * @param saving  ms per build saved, with its interval (conservative: the two bindings' intervals subtracted)
     * @param profile ms per build the decision's profile saves against the reference (0 where they are one)
     */
    public record Change(Binding to, List<Caller> from, double saving, double low, double high, double profile,
                         String reference, String recommended) {
        /**
         * "moving the workload's calls from JNA to JNI saves 2.10 s per build (1.93 s to 2.25 s, 95%); the best profile
         * change, release to fat, saves 120 ms: change the binding first".
         */
        public String sentence() {
            String froms = String.join(", ", from.stream().map(c -> c.binding().label()).distinct().toList());
            String prof = reference == null || reference.equals(recommended) ? "the profile the decision recommends is the"
                    + " reference (" + recommended + "), so changing profile saves nothing"
                    : "the best profile change, " + reference + " to " + recommended + ", saves " + Units.ms(profile);
            return "moving the workload's calls from " + froms + " to " + to.label() + " saves " + Units.ms(saving) + " per build ("
                    + Units.ms(low) + " to " + Units.ms(high) + ", 95%); " + prof
                    + (saving > profile ? ": the binding is worth changing first" : "");
        }
    }

    public static Optional<Change> bindingChange(Report r) {
        Decision d = r.decision();
        if (d == null || d.workload() == null || r.callers() == null || d.recommended() == null) return Optional.empty();
        List<Workload.Item> called = d.workload().items().stream().filter(i -> i.caller() != null).toList();
        if (called.isEmpty()) return Optional.empty();
        Change best = null;
        for (Binding b : Binding.values()) {
            double est = 0;
            double low = 0;
            double high = 0;
            boolean all = true;
            for (Workload.Item i : called) {
                Summary now = share(r.callers(), i, i.caller());
                Summary then = share(r.callers(), i, new Caller(b, i.caller().data()));
                // An interval short of 95% (fewer than 6 forks timed the calls) advises nothing.
                if (now == null || then == null || now.ciLevel() < Summary.LEVEL || then.ciLevel() < Summary.LEVEL) {
                    all = false;
                    break;
                }
                double k = i.calls() * 1e-6;
                est += k * (now.median() - then.median());
                low += k * (now.ciLow() - then.ciHigh());
                high += k * (now.ciHigh() - then.ciLow());
            }
            if (!all || called.stream().allMatch(i -> i.caller().binding() == b) || !(low > 0)) continue;
            if (best == null || est > best.saving()) {
                best = new Change(b, called.stream().map(Workload.Item::caller).distinct().toList(), est, low, high,
                        profileSaving(d), d.reference(), d.recommended());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The binding's share of one item's call through {@code c}, or null where it was not timed. */
    static Summary share(List<CallerCost> callers, Workload.Item i, Caller c) {
        CallerCost cost = Workloads.callerCost(callers, i, c);
        return cost == null ? null : cost.bindingNs();
    }

    /** ms per build the recommended profile saves against the reference: build and run, as the decision weighs them. */
    static double profileSaving(Decision d) {
        if (d.points() == null || d.reference() == null) return 0;
        Decision.Point ref = d.points().stream().filter(p -> p.profile().equals(d.reference())).findFirst().orElse(null);
        Decision.Point rec = d.points().stream().filter(p -> p.profile().equals(d.recommended())).findFirst().orElse(null);
        if (ref == null || rec == null) return 0;
        double calls = d.workload() == null ? d.expectedCalls() : d.workload().calls();
        return Math.max(0, total(ref, calls) - total(rec, calls));
    }

    private static double total(Decision.Point p, double calls) {
        return p.buildMs().median() + calls * p.runNs().median() * 1e-6;
    }

}
