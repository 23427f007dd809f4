package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What one build is used for: calls per build of each kernel function at each size. A profile's
 * run cost is the workload's total time, so the decision covers every kernel it names, weighted by
 * its calls, and not one kernel only.
 *
 * @param items   the calls per build, one line per kernel, size and function
 * @param derived true where the user gave no workload and ctime took every kernel at its largest size
 */
public record Workload(List<Item> items, boolean derived) {
    public static final String PRIMAL = "primal";
    public static final String GRADIENT = "gradient";

    /**
     * Calls per build of one kernel function at one size.
     *
     * @param kernel the kernel's name
     * @param n its input size
     * @param function primal or gradient
     * @param calls calls per build
     * @param caller how the application calls it (binding and data), or null for the kernel alone
     * @param bindingNs what the caller's binding adds to each call, in ns, as the forks timed it (the same for every
     *                  profile); null where no caller is named or no figure was had for it
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Item(String kernel, int n, String function, double calls, Caller caller, Double bindingNs) {
        public Item(String kernel, int n, String function, double calls) {
            this(kernel, n, function, calls, null, null);
        }

        public Item withCaller(Caller c) {
            return new Item(kernel, n, function, calls, c, c == null ? null : bindingNs);
        }

        public Item withBindingNs(Double ns) {
            return new Item(kernel, n, function, calls, caller, ns);
        }

        public String describe() {
            return kernel + " " + function + " (n = " + n + ")";
        }

        /** The kernel figure this item weighs, as the comparisons name it. */
        @JsonIgnore
        public String figure() {
            return new FigureId.Kernel(kernel, n, function.equals(GRADIENT) ? FigureId.GRADIENT_NS : FigureId.PRIMAL_NS).id();
        }
    }

    public Workload {
        items = List.copyOf(items);
    }

    /** Every call of the workload per build. */
    public double calls() {
        return items.stream().mapToDouble(Item::calls).sum();
    }

    /** The same mix scaled to another number of calls per build: an explicit re-judgement for other usage. */
    public Workload scaledTo(double calls) {
        double f = calls / calls();
        return new Workload(items.stream().map(i -> new Item(i.kernel(), i.n(), i.function(), i.calls() * f, i.caller(),
                i.bindingNs())).toList(), derived);
    }
}
