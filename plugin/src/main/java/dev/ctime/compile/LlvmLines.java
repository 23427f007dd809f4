package dev.ctime.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.ctime.model.FunctionLines;
import dev.ctime.symbols.RustDemangler;

/**
 * cargo-llvm-lines' view of unoptimised LLVM IR: lines and copies per function, where the
 * copies of one generic function are its monomorphised instances (same path, other hash).
 */
public final class LlvmLines {
    private static final Pattern DEFINE = Pattern.compile("^define .*?@(\"[^\"]+\"|[^\\s(]+)\\(");

    private LlvmLines() {
    }

    public static List<FunctionLines> top(String ll, int limit) {
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
        List<FunctionLines> out = new ArrayList<>();
        byName.forEach((k, v) -> out.add(new FunctionLines(k, v[0], v[1], all == 0 ? 0 : (double) v[0] / all)));
        out.sort(Comparator.comparingInt(FunctionLines::lines).reversed().thenComparing(FunctionLines::function));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * The function's demangled path without generic arguments, which is what groups the copies
     * of one generic function (as cargo-llvm-lines counts them); other names stay as they are.
     */
    static String demangle(String sym) {
        return withoutGenericArgs(RustDemangler.demangle(sym));
    }

    /**
     * Drops every generic argument list ({@code ::<…>} and {@code Name<…>}) but keeps the angle
     * brackets of a qualified path ({@code <T as Trait>::f}).
     */
    static String withoutGenericArgs(String name) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<Boolean> dropped = new java.util.ArrayDeque<>();
        int droppedDepth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '<') {
                boolean args = i > 0 && (Character.isLetterOrDigit(name.charAt(i - 1)) || name.charAt(i - 1) == '_'
                        || name.startsWith("::", i - 2));
                dropped.push(args);
                if (args) {
                    if (droppedDepth == 0 && out.length() >= 2 && out.substring(out.length() - 2).equals("::")) {
                        out.setLength(out.length() - 2);
                    }
                    droppedDepth++;
                    continue;
                }
            } else if (c == '>' && !dropped.isEmpty() && !(i > 0 && name.charAt(i - 1) == '-')) {
                if (dropped.pop()) {
                    droppedDepth--;
                    continue;
                }
            }
            if (droppedDepth == 0) out.append(c);
        }
        return out.toString();
    }
}
