package dev.ctime.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.ctime.kernel.KernelTiming;
import dev.ctime.model.ProfileResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     */
    public record Item(String kernel, int n, String function, double calls) {
        public String describe() {
            return kernel + " " + function + " (n = " + n + ")";
        }

        /** The kernel figure this item weighs, as the comparisons name it. */
        @JsonIgnore
        public String figure() {
            return "kernel:" + kernel + ":" + n + ":" + (function.equals(GRADIENT) ? "gradientNs" : "primalNs");
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
        return new Workload(items.stream().map(i -> new Item(i.kernel(), i.n(), i.function(), i.calls() * f)).toList(), derived);
    }

    /**
     * The default when none is configured: every kernel measured, at its largest size, its gradient
     * where it has one (else its primal), each with {@code calls} calls per build.
     */
    public static Workload defaultFor(List<ProfileResult> profiles, double calls) {
        Map<String, int[]> largest = new LinkedHashMap<>();
        Map<String, Boolean> gradient = new LinkedHashMap<>();
        for (ProfileResult p : profiles) {
            if (p.kernels() == null) continue;
            for (KernelTiming t : p.kernels()) {
                largest.computeIfAbsent(t.name(), k -> new int[] {t.n()});
                largest.get(t.name())[0] = Math.max(largest.get(t.name())[0], t.n());
                gradient.merge(t.name(), t.gradientNs() != null, Boolean::logicalOr);
            }
        }
        List<Item> items = new ArrayList<>();
        largest.forEach((k, n) -> items.add(new Item(k, n[0], gradient.get(k) ? GRADIENT : PRIMAL, calls)));
        return new Workload(items, true);
    }

    /** "heat gradient (n = 4096) ×1,000,000 + …" */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Item i : items) parts.add(i.describe() + " ×" + DecisionText.calls(i.calls()));
        return String.join(" + ", parts);
    }

    /**
     * Parses "kernel@n:function=calls, …" (the ctime.workload property): every malformed part is
     * named at once.
     */
    public static Workload parse(String text, List<String> problems) {
        List<Item> items = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^@=:]+)@(\\d+)(?::(primal|gradient))?=([-+]?[0-9.eE+_]+)")
                    .matcher(s);
            if (!m.matches()) {
                problems.add("workload item '" + s + "' is not kernel@n:function=calls, e.g. heat@4096:gradient=1e6");
                continue;
            }
            try {
                items.add(new Item(m.group(1).strip(), Integer.parseInt(m.group(2)), m.group(3) == null ? GRADIENT : m.group(3),
                        Double.parseDouble(m.group(4).replace("_", ""))));
            } catch (NumberFormatException e) {
                problems.add("workload item '" + s + "': " + e.getMessage());
            }
        }
        return new Workload(items, false);
    }

    /** What is wrong with the workload against the configured kernels, all at once. */
    public List<String> problems(List<dev.ctime.kernel.Kernel> kernels) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Item i : items) {
            dev.ctime.kernel.Kernel k = kernels.stream().filter(x -> x.name().equals(i.kernel())).findFirst().orElse(null);
            String where = "workload item " + i.describe();
            if (k == null) {
                out.add(where + ": no kernel is named '" + i.kernel() + "'; the kernels are "
                        + kernels.stream().map(dev.ctime.kernel.Kernel::name).toList());
                continue;
            }
            if (!k.sizes().contains(i.n())) out.add(where + ": kernel " + k.name() + " is measured at sizes " + k.sizes()
                    + " only; add " + i.n() + " to its <sizes> or use one of those");
            if (!i.function().equals(PRIMAL) && !i.function().equals(GRADIENT)) {
                out.add(where + ": the function is primal or gradient, not '" + i.function() + "'");
            } else if (i.function().equals(GRADIENT) && k.gradient() == null) {
                out.add(where + ": kernel " + k.name() + " has no <gradient>; use primal");
            }
            if (!(i.calls() > 0) || Double.isInfinite(i.calls())) out.add(where + ": calls must be a positive number, not "
                    + String.format(Locale.ROOT, "%s", i.calls()));
            if (!seen.add(i.kernel() + "@" + i.n() + ":" + i.function())) out.add(where + " is listed twice: give each once");
        }
        return out;
    }
}
