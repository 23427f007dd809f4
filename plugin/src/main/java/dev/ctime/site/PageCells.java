package dev.ctime.site;

import dev.ctime.stats.Statistics;
import dev.ctime.text.Units;
import dev.ctime.model.GradientCheck;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import java.util.Locale;

/** How the page writes one cell: a median with its interval, a comparison with its mark, a count, a date. */
final class PageCells {
    private PageCells() {
    }

    static String desc(Comparison c) {
        return c == null ? "" : c.describe() + (c.mark().isEmpty() ? "" : " " + c.mark());
    }

    /** "2026-11-21 21:18 UTC" rather than an instant to the nanosecond. */
    static String when(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.parse(instant));
        } catch (RuntimeException e) {
            return String.valueOf(instant);
        }
    }

    static String instructions(Double primal, Double gradient) {
        if (primal == null) return "";
        return String.format(Locale.ROOT, "%,.0f", primal) + (gradient == null ? "" : String.format(Locale.ROOT, " / %,.0f", gradient));
    }

    /**
     * A median with its 95% interval in the figure's unit, as the console prints them: "2.35 s (2.30 s–2.41 s)"; an
     * interval below 95% (too few runs for one) says its real level.
     */
    static String spread(Summary s, java.util.function.DoubleFunction<String> unit) {
        if (s == null) return "";
        return unit.apply(s.median()) + " (" + unit.apply(s.ciLow()) + "–" + unit.apply(s.ciHigh())
                + (s.ciLevel() < Statistics.LEVEL ? String.format(Locale.ROOT, ", a %.0f%% interval", 100 * s.ciLevel())
                : "") + ")" + (s.noisy() ? " noisy" : "");
    }

    static String ci(Summary s) {
        return s == null ? "" : spread(s, PageCells::ns) + ", " + s.runs() + " forks" + (s.interference() > 0 ? ", "
                + s.interference() + " descheduled" : "");
    }

    static String check(GradientCheck c) {
        if (c == null) return "";
        return (c.ok() ? "ok" : "WRONG") + String.format(Locale.ROOT, ", max rel. error %.2g over ", c.maxRelError()) + c.coverage();
    }

    static String g(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
    }

    static String ms(double v) {
        return Units.ms(v);
    }

    static String ns(double v) {
        return Units.ns(v);
    }

    static String count(double v) {
        return Units.calls(v);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
