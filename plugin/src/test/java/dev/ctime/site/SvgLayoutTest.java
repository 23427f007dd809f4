package dev.ctime.site;

import dev.ctime.model.Decision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' layout: titles wrap instead of clipping, labels never cover a dot or each other, long names fit. */
class SvgLayoutTest {
    private static final Pattern TSPAN = Pattern.compile("<tspan[^>]*>([^<]*)</tspan>");
    private static final Pattern CIRCLE = Pattern.compile("<circle class=\"point[^\"]*\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\" r=\"(\\d+)\"");
    private static final Pattern LABEL = Pattern.compile("<text class=\"(?:front|point)-label\" x=\"([\\d.-]+)\" y=\"([\\d.-]+)\"[^>]*>([^<]*)</text>");

    private static Decision.Estimate e(double median, double spread) {
        return new Decision.Estimate(median, median * (1 - spread), median * (1 + spread), 0.95, 6);
    }

    @Test
    void aLongTitleWrapsOntoMoreLinesAndTheChartGrowsByThem() {
        String title = "Pareto front: 1000000 calls of logsumexp's gradient (n = 4096), 1000000 calls of heat's gradient"
                + " (n = 4096), 1000000 calls of rosenbrock's gradient (n = 4096) per build";
        String svg = Svg.pareto(title, List.of(new Decision.Point("a", e(100, 0.1), e(50, 0.1))), List.of("a"), "a", List.of(),
                "ms", "ns");
        List<String> lines = new ArrayList<>();
        Matcher m = TSPAN.matcher(svg);
        while (m.find()) lines.add(m.group(1));
        assertTrue(lines.size() >= 2, "two lines at least for " + title.length() + " characters: " + lines);
        lines.forEach(l -> assertTrue(l.replace("&apos;", "'").length() * 8 <= 720 - 12, "a line fits the chart's width: " + l));
        assertEquals(Svg.escape(title), String.join(" ", lines), "nothing of the title is cut");
        int extra = (lines.size() - 1) * 18;
        assertTrue(svg.contains("height=\"" + (400 + extra) + "\""), "the chart grows by the title's extra lines");
        assertTrue(svg.contains("translate(0," + extra + ")"), "and the plot moves down by them");

        String shortOne = Svg.pareto("short", List.of(new Decision.Point("a", e(100, 0.1), e(50, 0.1))), List.of("a"), "a",
                List.of(), "ms", "ns");
        assertTrue(shortOne.contains("height=\"400\"") && shortOne.contains("translate(0,0)"));
    }

    @Test
    void wrapKeepsWordsWholeAndGivesALongWordItsOwnLine() {
        assertEquals(List.of("ab cd", "ef"), Svg.wrap("ab cd ef", 5));
        assertEquals(List.of("ab", "abcdefgh", "c"), Svg.wrap("ab abcdefgh c", 5));
        assertEquals(List.of("one"), Svg.wrap("one", 40));
    }

    @Test
    void crowdedLabelsCoverNoDotAndNoOtherLabel() {
        // Like the Enzyme presets: four profiles on almost one spot, others close by, long names.
        List<Decision.Point> pts = new ArrayList<>();
        String[] names = {"enzyme", "enzyme-nopostopt", "enzyme-nott", "enzyme-loosetypes", "hand-fat-lto", "hand-release",
                "release", "release-thin-lto", "release-fat-lto-cgu1", "dev"};
        double[][] at = {{5000, 900}, {5010, 905}, {4990, 898}, {5005, 902}, {4200, 400}, {1500, 420}, {1450, 700},
                {1700, 690}, {4300, 680}, {700, 9000}};
        for (int i = 0; i < names.length; i++) pts.add(new Decision.Point(names[i], e(at[i][0], 0.02), e(at[i][1], 0.02)));
        String svg = Svg.pareto("crowded", pts, List.of("hand-release", "dev"), "hand-release", List.of("hand-fat-lto"), "ms", "ns");

        List<double[]> dots = new ArrayList<>();
        Matcher c = CIRCLE.matcher(svg);
        while (c.find()) {
            double cx = Double.parseDouble(c.group(1)), cy = Double.parseDouble(c.group(2)), r = Double.parseDouble(c.group(3));
            dots.add(new double[] {cx - r, cy - r, cx + r, cy + r});
        }
        assertEquals(names.length, dots.size());
        List<double[]> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Matcher l = LABEL.matcher(svg);
        while (l.find()) {
            double x = Double.parseDouble(l.group(1)), y = Double.parseDouble(l.group(2));
            String text = l.group(3);
            texts.add(text);
            labels.add(new double[] {x, y - 10, x + text.length() * Svg.CHAR_W, y + 3});
        }
        assertEquals(names.length, labels.size(), "every dot has its label");
        for (int i = 0; i < labels.size(); i++) {
            double[] a = labels.get(i);
            assertTrue(a[0] >= 80 && a[2] <= 720 - 190 + 0.01 && a[1] >= 40 && a[3] <= 400 - 60, "inside the plot: " + texts.get(i));
            for (double[] d : dots) assertFalse(overlap(a, d), texts.get(i) + " covers a dot");
            for (int j = i + 1; j < labels.size(); j++) assertFalse(overlap(a, labels.get(j)), texts.get(i) + " / " + texts.get(j));
        }
        for (String name : names) {
            int i = List.of(names).indexOf(name);
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(name)) || (texts.contains(String.valueOf(i + 1))
                    && svg.contains(">" + (i + 1) + " " + name.substring(0, Math.min(name.length(), 20)))), name + " is named or numbered");
        }
    }

    @Test
    void aLabelThatDoesNotFitRightOfItsDotGoesLeftOfIt() {
        Labels placed = new Labels(80, 40, 340);
        placed.dot(500, 200, 6);
        double[] at = placed.place(500, 200, 100, 530);
        assertEquals(500 - 8 - 100, at[0], 1e-9);
        assertEquals(192, at[1], 1e-9);
        double[] next = placed.place(500, 200, 100, 530);
        assertTrue(Math.abs(next[1] - 192) >= 13, "the second label takes another line");
    }

    @Test
    void namesWiderThanTheirBarsAreWrittenAslantWithRoomBelow() {
        Map<String, Map<String, Double>> by = new LinkedHashMap<>();
        for (String n : List.of("release-fat-lto-cgu1", "enzyme-loosetypes", "enzyme-nopostopt", "hand-release", "dev",
                "release", "release-thin-lto", "enzyme", "enzyme-nott", "hand-fat-lto")) {
            by.put(n, Map.of("llvm", 1.0, "link", 0.2));
        }
        String svg = Svg.phases("phases", by, List.of("llvm", "link"));
        assertEquals(10, svg.split("rotate\\(-40", -1).length - 1);
        assertFalse(svg.contains("height=\"400\""), "more room below for the slanted names");
        Map<String, Map<String, Double>> two = Map.of("a", Map.of("llvm", 1.0));
        assertFalse(Svg.phases("phases", two, List.of("llvm")).contains("rotate(-40"), "short names stay level");
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
}
