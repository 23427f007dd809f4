package dev.ctime.autodiff;

import dev.ctime.model.KernelTiming;
import dev.ctime.model.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A kernel Enzyme cannot differentiate costs only itself: every kernel of a crate shares one library, so one rejected
 * derivative fails the build of all of them. A crate that gates each {@code #[autodiff]} attribute, and its gradient's
 * export, on {@code not(ctime_no_autodiff = "NAME")} lets ctime build the library again without the derivatives Enzyme
 * rejected; the other kernels are then Enzyme's, and the rejected ones fail alone with Enzyme's verdict.
 */
public final class EnzymeExclusion {
    /** The cfg ctime sets, once per differentiated function left out; its value is the function's name. */
    public static final String CFG = "ctime_no_autodiff";

    private EnzymeExclusion() {
    }

    /** The rustflags that leave the named derivatives out (and keep rustc's check-cfg from warning about the cfg). */
    public static List<String> rustflags(Collection<String> names) {
        List<String> out = new ArrayList<>();
        if (names.isEmpty()) return out;
        out.add("--check-cfg=cfg(" + CFG + ",values(any()))");
        for (String n : names) {
            out.add("--cfg");
            out.add(CFG + "=\"" + n + "\"");
        }
        return out;
    }

    /**
     * The names of the differentiated functions the verdict blames: the kernels whose derivative pulled in the function
     * Enzyme rejected (a library's, say), else that function itself; empty where Enzyme named none (a crash).
     */
    public static List<String> culprits(EnzymeVerdict v) {
        if (v == null) return List.of();
        List<String> paths = !v.kernels().isEmpty() ? v.kernels() : v.function() == null ? List.of() : List.of(v.function());
        return paths.stream().map(EnzymeExclusion::name).distinct().toList();
    }

    /** "demo::kernels::logsumexp" → "logsumexp"; "&lt;T&gt;::m" → "m"; a generic's arguments and a closure's suffix are not part of it. */
    static String name(String path) {
        String p = path.strip().replaceAll("::\\{[^}]*\\}.*$", "");
        // Trailing generic arguments ("lse::<f64>"), balanced.
        while (p.endsWith(">")) {
            int depth = 0;
            int i = p.length() - 1;
            for (; i >= 0; i--) {
                if (p.charAt(i) == '>') depth++;
                if (p.charAt(i) == '<' && --depth == 0) break;
            }
            if (i <= 0) break;
            p = p.substring(0, i).replaceAll("::$", "");
        }
        // The last segment outside any angle brackets.
        int depth = 0;
        for (int i = p.length() - 1; i > 0; i--) {
            char c = p.charAt(i);
            if (c == '>') depth++;
            if (c == '<') depth--;
            if (depth == 0 && c == ':' && p.charAt(i - 1) == ':') return p.substring(i + 1);
        }
        return p;
    }

    /** Why the derivatives were left out, each of Enzyme's verdicts once. */
    public static String why(Map<String, String> without) {
        return String.join("; ", new java.util.LinkedHashSet<>(without.values()));
    }

    /**
     * What to do where Enzyme rejected functions of the crate's own that it does not gate: gate them as the others,
     * or, where it gates none, how the gates are written.
     *
     * @param gated the names the crate already gates
     */
    public static String advice(List<String> culprits, java.util.Set<String> gated) {
        if (gated.isEmpty()) return advice(culprits);
        String them = culprits.size() == 1 ? "it" : "them";
        return "the crate gates " + gated + " on " + CFG + ", but not " + culprits + ": gate " + them + " the same way, and"
                + " ctime builds the other kernels without " + them;
    }

    /** Where the crate cannot leave a derivative out: how to let ctime time the kernels Enzyme can do. */
    public static String advice(List<String> culprits) {
        String n = culprits.isEmpty() ? "NAME" : culprits.get(0);
        return "every kernel of this library fails with " + (culprits.size() == 1 ? "it" : "them") + ", since they share one"
                + " library; to time the others with Enzyme, gate each #[autodiff_reverse] on all(feature = \"autodiff\", not("
                + CFG + " = \"" + n + "\")) and its gradient's #[no_mangle] export on the same cfg: ctime then builds the library"
                + " again without the derivatives Enzyme rejects (README, When things go wrong)";
    }

    /**
     * The kernels as the harness timed them in a library built without some derivatives: a kernel whose name or
     * whose gradient's absence shows it lost its derivative fails with Enzyme's verdict (its primal is still timed),
     * even where the crate exported a hand-written gradient instead, which is no Enzyme figure.
     *
     * @param without each left-out function's name with why Enzyme rejected it
     */
    public static List<KernelTiming> withoutDerivatives(List<KernelTiming> kernels, Map<String, String> without) {
        if (kernels == null || without == null || without.isEmpty()) return kernels;
        List<KernelTiming> out = new ArrayList<>();
        for (KernelTiming k : kernels) {
            String why = without.get(k.name());
            boolean noGradient = k.status() != Status.OK && k.gradientNs() == null && k.gradientCheck() != null
                    && !k.gradientCheck().ok() && k.gradientCheck().checked() == 0;
            if (why == null && noGradient) why = why(without);
            if (why == null) {
                out.add(k);
                continue;
            }
            String reason = "built without its derivative (" + CFG + "), which Enzyme rejects: " + why;
            out.add(new KernelTiming(k.name(), k.n(), Status.FAILED, reason, k.primalNs(), k.primalNsPerElement(), null, null, null,
                    k.gradientCheck(), k.primalBatch(), k.gradientBatch(), k.primalValue(), k.warmupMs(), k.primalInstructions(),
                    null, k.unsteady(), k.primalCycles(), null));
        }
        return out;
    }
}
