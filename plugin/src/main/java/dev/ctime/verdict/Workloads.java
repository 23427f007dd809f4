package dev.ctime.verdict;

import dev.ctime.kernel.Kernel;
import dev.ctime.model.Binding;
import dev.ctime.model.Caller;
import dev.ctime.model.CallerCost;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where a {@link Workload} comes from: the default mix of a run, or the ctime.workload setting, checked against the kernels. */
public final class Workloads {
    private Workloads() {
    }

    /**
     * The default when none is configured: every kernel measured, at its largest size, its gradient
     * where it has one (else its primal), each with {@code calls} calls per build.
     */
    public static Workload defaultFor(List<ProfileResult> profiles, double calls) {
        Map<String, Integer> largest = new LinkedHashMap<>();
        Map<String, Boolean> gradient = new LinkedHashMap<>();
        for (ProfileResult p : profiles) {
            if (p.kernels() == null) continue;
            for (KernelTiming t : p.kernels()) {
                largest.merge(t.name(), t.n(), Math::max);
                gradient.merge(t.name(), t.gradientNs() != null, Boolean::logicalOr);
            }
        }
        List<Workload.Item> items = new ArrayList<>();
        largest.forEach((k, n) -> items.add(new Workload.Item(k, n, gradient.get(k) ? Workload.GRADIENT : Workload.PRIMAL, calls)));
        return new Workload(items, true);
    }

    /**
     * The kernel sizes the decision reads, known before any is timed: the configured workload's, or (as
     * {@link #defaultFor} takes them) every kernel at its largest size. The forks time these first, so the answer need
     * not wait for the others.
     *
     * @param configured the ctime.workload items, or null for the default
     * @return kernel name to the sizes read
     */
    public static Map<String, java.util.Set<Integer>> sizesRead(Workload configured, List<Kernel> kernels) {
        Map<String, java.util.Set<Integer>> out = new LinkedHashMap<>();
        if (configured != null) {
            configured.items().forEach(i -> out.computeIfAbsent(i.kernel(), k -> new java.util.TreeSet<>()).add(i.n()));
        } else {
            kernels.forEach(k -> k.sizes().stream().max(Integer::compare)
                    .ifPresent(n -> out.computeIfAbsent(k.name(), x -> new java.util.TreeSet<>()).add(n)));
        }
        return out;
    }


    /**
     * Parses "kernel@n:function=calls, …" (the ctime.workload property): every malformed part is
     * named at once.
     */
    public static Workload parse(String text, List<String> problems) {
        List<Workload.Item> items = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "([^@=:]+)@(\\d+)(?::(primal|gradient))?=([-+]?[0-9.eE+_]+)(?:/(\\S+))?").matcher(s);
            if (!m.matches()) {
                problems.add("workload item '" + s + "' is not kernel@n:function=calls[/binding], e.g. heat@4096:gradient=1e6"
                        + " or heat@4096:gradient=1e6/jna");
                continue;
            }
            try {
                Caller c = caller(m.group(5), "workload item '" + s + "'", problems);
                items.add(new Workload.Item(m.group(1).strip(), Integer.parseInt(m.group(2)), m.group(3) == null ? Workload.GRADIENT : m.group(3),
                        Double.parseDouble(m.group(4).replace("_", "")), c, null));
            } catch (NumberFormatException e) {
                problems.add("workload item '" + s + "': " + e.getMessage());
            }
        }
        return new Workload(items, false);
    }

    /** The caller written {@code text} (null for none); a problem naming the choices where it names none ctime knows. */
    public static Caller caller(String text, String where, List<String> problems) {
        if (text == null || text.isBlank()) return null;
        Caller c = Caller.parse(text);
        if (c == null) {
            problems.add(where + ": binding '" + text.strip() + "' is not one of " + Binding.ids()
                    + ", optionally with :off-heap (the default) or :array for data in a Java double[], e.g. jna:array");
        }
        return c;
    }

    /** Every item without a caller of its own called through {@code c}: the workload's binding (ctime.binding). */
    public static Workload calledThrough(Workload w, Caller c) {
        if (c == null) return w;
        return new Workload(w.items().stream().map(i -> i.caller() == null ? i.withCaller(c) : i).toList(), w.derived());
    }

    /**
     * The workload with each item's binding share as the forks timed it (see {@link CallerCost#bindingNs}), none below
     * zero; an item
     * whose caller has no figure keeps none, and {@code missing} says why.
     */
    public static Workload withBindingCosts(Workload w, List<CallerCost> callers, List<String> missing) {
        List<Workload.Item> out = new ArrayList<>();
        for (Workload.Item i : w.items()) {
            if (i.caller() == null) {
                out.add(i);
                continue;
            }
            CallerCost c = callerCost(callers, i, i.caller());
            if (c == null || c.bindingNs() == null) {
                missing.add(i.describe() + " is called through " + i.caller().label() + ", which was not timed"
                        + (callers == null || callers.isEmpty() ? ": no call from Java was timed in this run (ctime.callers)"
                        : c == null || c.missing() == null ? "" : ": " + c.missing())
                        + "; its run cost is the kernel's alone");
                out.add(i.withBindingNs(null));
            } else {
                // A binding adds no negative time: a share below zero is the two loops' noise, and counts as nothing.
                out.add(i.withBindingNs(Math.max(0, c.bindingNs().median())));
            }
        }
        return new Workload(out, w.derived());
    }

    /** The calls of an item's kernel function through {@code c}, as the forks timed them, or null. */
    public static CallerCost callerCost(List<CallerCost> callers, Workload.Item i, Caller c) {
        return callers == null ? null : callers.stream().filter(x -> x.kernel().equals(i.kernel()) && x.n() == i.n()
                && x.function().equals(i.function()) && c.equals(x.caller())).findFirst().orElse(null);
    }

    /** What is wrong with the workload against the configured kernels, all at once. */
    public static List<String> problems(Workload w, List<Kernel> kernels) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Workload.Item i : w.items()) {
            Kernel k = kernels.stream().filter(x -> x.name().equals(i.kernel())).findFirst().orElse(null);
            String where = "workload item " + i.describe();
            if (k == null) {
                out.add(where + ": no kernel is named '" + i.kernel() + "'; the kernels are "
                        + kernels.stream().map(Kernel::name).toList());
                continue;
            }
            if (!k.sizes().contains(i.n())) out.add(where + ": kernel " + k.name() + " is measured at sizes " + k.sizes()
                    + " only; add " + i.n() + " to its <sizes> or use one of those");
            if (!i.function().equals(Workload.PRIMAL) && !i.function().equals(Workload.GRADIENT)) {
                out.add(where + ": the function is primal or gradient, not '" + i.function() + "'");
            } else if (i.function().equals(Workload.GRADIENT) && k.gradient() == null) {
                out.add(where + ": kernel " + k.name() + " has no <gradient>; use primal");
            }
            if (!(i.calls() > 0) || Double.isInfinite(i.calls())) out.add(where + ": calls must be a positive number, not "
                    + String.format(Locale.ROOT, "%s", i.calls()));
            if (!seen.add(i.kernel() + "@" + i.n() + ":" + i.function())) out.add(where + " is listed twice: give each once");
        }
        return out;
    }

    /**
     * The configured workload, null for the default: the one-line form (ctime.workload) replaces the items where
     * both are given. Every malformed part is added to {@code problems}.
     *
     * @param items the items as configured, or null where there are none
     */
    public static Workload configured(String line, List<Map<String, String>> items, List<String> problems) {
        if (line != null && !line.isBlank()) return parse(line, problems);
        return items == null ? null : fromItems(items, problems);
    }

    /** The workload as configured item by item (kernel, n, function, calls): every malformed item is named at once. */
    public static Workload fromItems(List<Map<String, String>> raw, List<String> problems) {
        List<Workload.Item> items = new ArrayList<>();
        for (Map<String, String> r : raw) {
            Map<String, String> m = new LinkedHashMap<>(r);
            String kernel = m.remove("kernel");
            String n = m.remove("n");
            String function = m.remove("function");
            String calls = m.remove("calls");
            String binding = m.remove("binding");
            String where = "{workload} item" + (kernel == null ? "" : " '" + kernel + "'");
            if (!m.isEmpty()) problems.add(where + ": unknown " + m.keySet() + "; an item has kernel, n, function, calls, binding");
            if (kernel == null || n == null || calls == null) {
                problems.add(where + ": give its kernel, n and calls (and function, primal or gradient: gradient by default)");
                continue;
            }
            try {
                Caller c = caller(binding, where, problems);
                items.add(new Workload.Item(kernel, Integer.parseInt(n), function == null ? Workload.GRADIENT : function,
                        Double.parseDouble(calls.replace("_", "")), c, null));
            } catch (NumberFormatException e) {
                problems.add(where + ": n is a whole number and calls a number (1e6), not '" + n + "', '" + calls + "'");
            }
        }
        return new Workload(items, false);
    }
}
