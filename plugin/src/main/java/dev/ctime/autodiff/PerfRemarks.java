package dev.ctime.autodiff;

import dev.ctime.symbols.RustDemangler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enzyme's PrintPerf remarks ({@code -Zautodiff=…,PrintPerf}) counted by what they cost: values
 * Enzyme caches for the reverse pass (memory), values it recomputes (time), types it had to
 * assume (LooseTypes: correctness to check), and the rest; per differentiated function where
 * the remark names one.
 *
 * @param byFunction the same counts for remarks that name their function (demangled)
 * @param examples   the first distinct remarks of each category, for a person to read
 * @param total every remark of the build, counted by category
 */
public record PerfRemarks(Counts total, Map<String, Counts> byFunction, Map<String, List<String>> examples) {
    static final int EXAMPLES = 5;

    public enum Category { CACHED, RECOMPUTED, TYPE_ASSUMPTIONS, OTHER }

    /**
     * @param other remarks that are neither, e.g. "Instruction could write forcing … readonly"
     * @param cached values Enzyme caches for the reverse pass (memory)
     * @param recomputed values it recomputes in the reverse pass (time)
     * @param typeAssumptions types it could not deduce and assumed (correctness to check)
     */
    public record Counts(int cached, int recomputed, int typeAssumptions, int other) {
        Counts plus(Category c) {
            return new Counts(cached + (c == Category.CACHED ? 1 : 0), recomputed + (c == Category.RECOMPUTED ? 1 : 0),
                    typeAssumptions + (c == Category.TYPE_ASSUMPTIONS ? 1 : 0), other + (c == Category.OTHER ? 1 : 0));
        }

        public int all() {
            return cached + recomputed + typeAssumptions + other;
        }
    }

    private static final Pattern IN_REVERSE = Pattern.compile(" in (?:reverse_|diffe|augmented_)(\\S+)");
    private static final Pattern FORCING = Pattern.compile("^Instruction could write forcing (\\S+) to not be marked");

    /** Which remark this line is, or null for a line that is no PrintPerf remark (cargo, rustc, IR, timings). */
    static Category categorize(String line) {
        if (line.startsWith("Load may need caching") || line.startsWith("Caching instruction")) return Category.CACHED;
        if (line.startsWith("Load must be recomputed") || line.startsWith("Recomputing")) return Category.RECOMPUTED;
        if (line.startsWith("Cannot deduce type of") || line.startsWith("failed to deduce type of")) {
            return Category.TYPE_ASSUMPTIONS;
        }
        if (line.startsWith("Instruction could write forcing") || line.startsWith("Mismatched activity for:")) return Category.OTHER;
        return null;
    }

    /** The differentiated function a remark names, demangled, or null. */
    static String function(String line) {
        Matcher m = IN_REVERSE.matcher(line);
        if (m.find()) return RustDemangler.demangleEmbedded(m.group(1));
        Matcher f = FORCING.matcher(line);
        if (f.find()) return RustDemangler.demangleEmbedded(f.group(1));
        return null;
    }

    public static PerfRemarks parse(String stderr) {
        Counts total = new Counts(0, 0, 0, 0);
        Map<String, Counts> byFunction = new LinkedHashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (String raw : stderr.split("\\R")) {
            String l = raw.strip();
            Category c = categorize(l);
            if (c == null) continue;
            total = total.plus(c);
            String fn = function(l);
            if (fn != null) byFunction.merge(fn, new Counts(0, 0, 0, 0).plus(c), (a, b) -> a.plus(c));
            List<String> ex = examples.computeIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>());
            String shown = l.length() > 300 ? l.substring(0, 299) + "…" : l;
            if (ex.size() < EXAMPLES && !ex.contains(shown)) ex.add(shown);
        }
        return new PerfRemarks(total, byFunction, examples);
    }
}
