package dev.ctime.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;

/** The page through Doxia's own XHTML sink, as the Maven site renders it. */
class SinkPageWriterTest {
    private static String page() {
        StringWriter out = new StringWriter();
        SinkPageWriter w = new SinkPageWriter(new Xhtml5BaseSink(out));
        w.title("ctime <trade-off>");
        w.paragraph("release & lto=fat: 1 < 2");
        w.section("Comparisons");
        w.table("ctime-cmp", List.of("figure", "verdict"), List.of(List.of("full build cpu", "worse"), List.of("heat@64", "equivalent"),
                List.of("x", "worse than before")));
        w.section("Nested");
        w.code("[profile.release]\nlto = \"fat\"");
        w.raw("<svg width=\"10\"><rect/></svg>");
        // Left open on purpose: finish closes every section the page opened.
        w.finish();
        return out.toString();
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void textIsEscapedAndGeneratedMarkupIsNot() {
        String html = page();
        assertTrue(html.contains("release &amp; lto=fat: 1 &lt; 2"), html);
        assertTrue(html.contains("ctime &lt;trade-off&gt;"), html);
        assertTrue(html.contains("<svg width=\"10\"><rect/></svg>"), "a chart is the page's own markup: " + html);
    }

    @Test
    void sectionsNestAndAreAllClosed() {
        String html = page();
        assertEquals(3, count(html, "<section"), html);
        assertEquals(count(html, "<section"), count(html, "</section>"), html);
        assertTrue(html.indexOf("Nested") > html.indexOf("Comparisons"), html);
    }

    @Test
    void tablesTakeTheSkinsClassesAndVerdictCellsTheirColour() {
        String html = page();
        assertTrue(html.contains("class=\"table table-striped ctime-cmp\""), html);
        assertEquals(2, count(html, "style=\"background:"), "only the cells that are a verdict, whole: " + html);
        assertTrue(html.contains("style=\"" + VerdictColour.style("worse") + "\""), html);
        assertFalse(html.contains("style=\"" + VerdictColour.style("worse") + "\">worse than before"), html);
    }
}
