package dev.ctime.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enzyme's PrintPerf remarks (where it had to cache or recompute values) from a build's output:
 * every line that is not cargo's or rustc's own, counted, with the first ones kept for the report.
 */
public final class EnzymeRemarks {
    static final int KEEP = 30;

    private EnzymeRemarks() {
    }

    public static Map<String, Object> collect(String stderr) {
        List<String> remarks = new ArrayList<>();
        for (String raw : stderr.split("\\R")) {
            String l = raw.strip();
            if (l.isEmpty() || isCargoOrRustc(l)) continue;
            remarks.add(l);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", remarks.size());
        m.put("distinct", remarks.stream().distinct().count());
        m.put("first", remarks.stream().distinct().limit(KEEP).toList());
        return m;
    }

    private static boolean isCargoOrRustc(String l) {
        for (String p : List.of("Compiling ", "Running `", "Finished ", "Fresh ", "Dirty ", "Blocking ", "warning", "error",
                "-->", "|", "= ", "note:", "help:", "Caused by:", "process didn't exit")) {
            if (l.startsWith(p)) return true;
        }
        return l.matches("\\d+ \\|.*") || l.matches("\\.\\.\\.");
    }
}
