package dev.ctime.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cargo-llvm-lines' view of unoptimised LLVM IR: lines and copies per function, where the
 * copies of one generic function are its monomorphised instances (same path, other hash).
 */
public final class LlvmLines {
    private static final Pattern DEFINE = Pattern.compile("^define .*?@(\"[^\"]+\"|[^\\s(]+)\\(");
    private static final Pattern LEGACY_HASH = Pattern.compile("17h[0-9a-f]{16}E$");

    private LlvmLines() {
    }

    /** One function and its copies. @param share of all IR lines in function bodies */
    public record Entry(String function, int lines, int copies, double share) {
    }

    public static List<Entry> top(String ll, int limit) {
        Map<String, int[]> byName = new LinkedHashMap<>();
        int total = 0;
        String current = null;
        int count = 0;
        for (String line : ll.split("\\R")) {
            if (current == null) {
                Matcher m = DEFINE.matcher(line);
                if (m.find()) {
                    current = demangle(m.group(1).replace("\"", ""));
                    count = 1;
                }
            } else {
                count++;
                if (line.equals("}")) {
                    int[] v = byName.computeIfAbsent(current, k -> new int[2]);
                    v[0] += count;
                    v[1]++;
                    total += count;
                    current = null;
                }
            }
        }
        final int all = total;
        List<Entry> out = new ArrayList<>();
        byName.forEach((k, v) -> out.add(new Entry(k, v[0], v[1], all == 0 ? 0 : (double) v[0] / all)));
        out.sort(Comparator.comparingInt(Entry::lines).reversed().thenComparing(Entry::function));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * Rust's legacy mangling (_ZN…17h<hash>E) to a path without the hash; v0 (_R…) to the
     * identifiers of its paths joined with :: (generic arguments and types dropped, which is
     * what groups copies); other names stay as they are.
     */
    static String demangle(String sym) {
        if (sym.startsWith("_R")) return demangleV0(sym);
        if (!sym.startsWith("_ZN") || !sym.endsWith("E")) return sym;
        String body = LEGACY_HASH.matcher(sym).replaceFirst("E");
        List<String> parts = new ArrayList<>();
        int i = 3;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            int j = i;
            while (Character.isDigit(body.charAt(j))) j++;
            int len = Integer.parseInt(body.substring(i, j));
            if (j + len > body.length()) return sym;
            parts.add(unescape(body.substring(j, j + len)));
            i = j + len;
        }
        return parts.isEmpty() ? sym : String.join("::", parts);
    }

    /** Identifiers of a v0 symbol: skips tags, backrefs (B…_) and disambiguators (s…_). */
    static String demangleV0(String sym) {
        List<String> ids = new ArrayList<>();
        int i = 2;
        int n = sym.length();
        while (i < n) {
            char c = sym.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < n && Character.isDigit(sym.charAt(j))) j++;
                int len = Integer.parseInt(sym.substring(i, j));
                if (j < n && sym.charAt(j) == '_') j++;
                if (j + len > n) return sym;
                String id = sym.substring(j, j + len);
                if (!id.isEmpty() && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id))) ids.add(id);
                i = j + len;
            } else if ((c == 's' || c == 'B') && i + 1 < n && sym.indexOf('_', i) > i) {
                int end = i + 1;
                while (end < n && Character.isLetterOrDigit(sym.charAt(end))) end++;
                i = end < n && sym.charAt(end) == '_' ? end + 1 : i + 1;
            } else {
                i++;
            }
        }
        return ids.isEmpty() ? sym : String.join("::", ids);
    }

    private static String unescape(String s) {
        String r = s.startsWith("_$") ? s.substring(1) : s;
        r = r.replace("$LT$", "<").replace("$GT$", ">").replace("$RF$", "&").replace("$BP$", "*").replace("$C$", ",")
                .replace("$u20$", " ").replace("$u27$", "'").replace("$u5b$", "[").replace("$u5d$", "]")
                .replace("$u7b$", "{").replace("$u7d$", "}").replace("$u3b$", ";").replace("$u2b$", "+")
                .replace("$u22$", "\"").replace("$SP$", "@");
        return r.replace("..", "::");
    }
}
