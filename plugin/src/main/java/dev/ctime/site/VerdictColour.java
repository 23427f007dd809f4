package dev.ctime.site;

import java.util.Map;

/**
 * The colour a verdict cell gets on the page, the same in the standalone page and the Maven site:
 * green for better, red for worse, grey for equivalent, amber for inconclusive, so that a table of
 * comparisons reads at a glance. A cell is coloured only when its whole text is the verdict.
 */
final class VerdictColour {
    private static final Map<String, String> BACKGROUND = Map.of("better", "#d7f0d7", "improved", "#d7f0d7", "worse", "#f6d2d2",
            "regressed", "#f6d2d2", "equivalent", "#e8e8e8", "inconclusive", "#fbecc5", "missing", "#f6d2d2");

    private VerdictColour() {
    }

    /** The cell's inline style, or null for a cell that is not a verdict. */
    static String style(String cell) {
        String bg = cell == null ? null : BACKGROUND.get(cell);
        return bg == null ? null : "background:" + bg;
    }
}
