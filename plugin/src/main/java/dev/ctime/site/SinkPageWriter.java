package dev.ctime.site;

import java.util.List;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/** The trade-off page in the Maven site, through Doxia, so it takes the site's skin. */
public final class SinkPageWriter implements PageWriter {
    private final Sink sink;
    private int depth;

    public SinkPageWriter(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void title(String text) {
        sink.head();
        sink.title();
        sink.text(text);
        sink.title_();
        sink.head_();
        sink.body();
        section(text);
    }

    @Override
    public void section(String title) {
        depth++;
        switch (depth) {
            case 1 -> {
                sink.section1();
                sink.sectionTitle1();
                sink.text(title);
                sink.sectionTitle1_();
            }
            default -> {
                sink.section2();
                sink.sectionTitle2();
                sink.text(title);
                sink.sectionTitle2_();
            }
        }
    }

    @Override
    public void endSection() {
        if (depth == 1) sink.section1_();
        else sink.section2_();
        depth--;
    }

    @Override
    public void paragraph(String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }

    @Override
    public void code(String text) {
        sink.verbatim();
        sink.text(text);
        sink.verbatim_();
    }

    @Override
    public void table(String cssClass, List<String> allHeaders, List<List<String>> allRows) {
        FilledColumns t = FilledColumns.of(allHeaders, allRows);
        List<String> headers = t.headers();
        List<List<String>> rows = t.rows();
        SinkEventAttributeSet attrs = new SinkEventAttributeSet();
        // The skin styles tables by the classes the site's own reports get; ours alone would replace them.
        attrs.addAttribute(SinkEventAttributeSet.CLASS, "table table-striped " + cssClass);
        sink.table(attrs);
        sink.tableRows();
        sink.tableRow();
        for (String h : headers) {
            sink.tableHeaderCell();
            sink.text(h);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (List<String> r : rows) {
            sink.tableRow();
            for (String c : r) {
                if (VerdictColour.style(c) == null) {
                    sink.tableCell();
                } else {
                    SinkEventAttributeSet style = new SinkEventAttributeSet();
                    style.addAttribute(SinkEventAttributeSet.STYLE, VerdictColour.style(c));
                    sink.tableCell(style);
                }
                sink.text(c);
                sink.tableCell_();
            }
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }

    @Override
    public void raw(String markup) {
        // Charts keep a legible size on a narrow screen and scroll sideways there, as the tables do.
        sink.rawText("<div style=\"overflow-x:auto\">" + markup + "</div>");
    }

    /** Closes the sections and the body the title opened. */
    public void finish() {
        while (depth > 0) endSection();
        sink.body_();
        sink.flush();
        sink.close();
    }
}
