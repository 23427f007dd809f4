package dev.ctime.text;

import java.util.Locale;

/** How times read everywhere ctime prints or renders them: one rule, so the console and the page agree. */
public final class Units {
    private Units() {
    }

    /** Milliseconds: "85 ms", "2.45 s". */
    public static String ms(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.2f s", v / 1000) : String.format(Locale.ROOT, "%.0f ms", v);
    }

    /** Nanoseconds: "38.1 ns", "2.44 µs", "1.20 ms". */
    public static String ns(double v) {
        return Math.abs(v) >= 1e6 ? String.format(Locale.ROOT, "%.2f ms", v / 1e6)
                : Math.abs(v) >= 1e3 ? String.format(Locale.ROOT, "%.2f µs", v / 1e3) : String.format(Locale.ROOT, "%.1f ns", v);
    }

    /** A stretch of wall time as a log reads it: "45 s", "3 min 20 s". */
    public static String duration(double ms) {
        long s = Math.max(0, Math.round(ms / 1000));
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }

    /** A share as a whole percentage: 0.123 is "12%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /**
     * A name cut to at most {@code max} characters in the middle, "…" marking the cut: names of one matrix share their
     * start and differ at the end (…-cgu=1, …-cgu=16), so both ends are kept.
     */
    public static String clip(String s, int max) {
        if (s.length() <= max) return s;
        int head = (max - 1) / 2;
        return s.substring(0, head) + "…" + s.substring(s.length() - (max - 1 - head));
    }

    /** A number of calls as every view says it: "176", "3.00 million", "1.20 billion"; "never" where unbounded. */
    public static String calls(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) return "never";
        return v >= 1e9 ? String.format(Locale.ROOT, "%.2f billion", v / 1e9) : v >= 1e6
                ? String.format(Locale.ROOT, "%.2f million", v / 1e6) : String.format(Locale.ROOT, "%,.0f", v);
    }
}
