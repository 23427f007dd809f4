package dev.ctime.autodiff;

import dev.ctime.model.PerfRemarks;
import dev.ctime.symbols.RustDemangler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Enzyme's PrintPerf remarks out of a build's stderr into {@link PerfRemarks}. */
public final class PerfRemarksParser {
    static final int EXAMPLES = 5;

    private PerfRemarksParser() {
    }

    private static final Pattern IN_REVERSE = Pattern.compile(" in (?:reverse_|diffe|augmented_)(\\S+)");
    private static final Pattern FORCING = Pattern.compile("^Instruction could write forcing (\\S+) to not be marked");

    /** Which remark this line is, or null for a line that is no PrintPerf remark (cargo, rustc, IR, timings). */
    static PerfRemarks.Category categorize(String line) {
        if (line.startsWith("Load may need caching") || line.startsWith("Caching instruction")) return PerfRemarks.Category.CACHED;
        if (line.startsWith("Load must be recomputed") || line.startsWith("Recomputing")) return PerfRemarks.Category.RECOMPUTED;
        if (line.startsWith("Cannot deduce type of") || line.startsWith("failed to deduce type of")) {
            return PerfRemarks.Category.TYPE_ASSUMPTIONS;
        }
        if (line.startsWith("Instruction could write forcing") || line.startsWith("Mismatched activity for:")) return PerfRemarks.Category.OTHER;
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
        PerfRemarks.Counts total = new PerfRemarks.Counts(0, 0, 0, 0);
        Map<String, PerfRemarks.Counts> byFunction = new LinkedHashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (String raw : stderr.split("\\R")) {
            String l = raw.strip();
            PerfRemarks.Category c = categorize(l);
            if (c == null) continue;
            total = total.plus(c);
            String fn = function(l);
            if (fn != null) byFunction.merge(fn, new PerfRemarks.Counts(0, 0, 0, 0).plus(c), (a, b) -> a.plus(c));
            List<String> ex = examples.computeIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>());
            String shown = l.length() > 300 ? l.substring(0, 299) + "…" : l;
            if (ex.size() < EXAMPLES && !ex.contains(shown)) ex.add(shown);
        }
        return new PerfRemarks(total, byFunction, examples);
    }
}
