package dev.ctime.site;

import java.util.List;

/** The standalone, self-contained report.html: no scripts, no external files, inline SVG. */
public final class HtmlPageWriter implements PageWriter {
    private final StringBuilder body = new StringBuilder();
    private String title = "ctime";
    /** From this many columns a table keeps a desktop width on a phone and scrolls, instead of rows many lines tall. */
    static final int WIDE = 4;

    @Override
    public void title(String text) {
        title = text;
        body.append("<h1>").append(Svg.escape(text)).append("</h1>\n");
    }

    @Override
    public void section(String t) {
        body.append("<section>\n<h2>").append(Svg.escape(t)).append("</h2>\n");
    }

    @Override
    public void endSection() {
        body.append("</section>\n");
    }

    @Override
    public void paragraph(String text) {
        body.append("<p>").append(Svg.escape(text)).append("</p>\n");
    }

    @Override
    public void code(String text) {
        body.append("<pre>").append(Svg.escape(text)).append("</pre>\n");
    }

    @Override
    public void table(String cssClass, List<String> headers, List<List<String>> rows) {
        body.append(table(cssClass, headers, rows, "table-wrap"));
    }

    /**
     * A plain HTML table, verdict cells coloured, in a block that scrolls sideways on its own on a narrow screen (the
     * page around it keeps its width).
     *
     * @param wrapClass the wrapping block's class (the standalone page styles it), or null for an inline style
     */
    static String table(String cssClass, List<String> allHeaders, List<List<String>> allRows, String wrapClass) {
        FilledColumns t = FilledColumns.of(allHeaders, allRows);
        List<String> headers = t.headers();
        List<List<String>> rows = t.rows();
        String wide = headers.size() >= WIDE ? " wide" : "";
        StringBuilder sb = new StringBuilder(wrapClass == null ? "<div class=\"" + wide.trim() + "\" style=\"overflow-x:auto\">"
                : "<div class=\"" + wrapClass + wide + "\">")
                .append("<table class=\"").append(Svg.escape(cssClass)).append("\">\n<tr>");
        headers.forEach(h -> sb.append("<th>").append(Svg.escape(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            r.forEach(c -> sb.append(VerdictColour.style(c) == null ? "<td>" : "<td style=\"" + VerdictColour.style(c) + "\">")
                    .append(Svg.escape(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        return sb.append("</table></div>\n").toString();
    }

    @Override
    public void raw(String markup) {
        body.append("<div class=\"chart\">").append(markup).append("</div>\n");
    }

    public String document() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + Svg.escape(title) + "</title>\n"
                + "<style>\nbody{font-family:sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}\n"
                + ".table-wrap{overflow-x:auto}\npre{overflow-x:auto}\n@media (max-width:720px){.wide table{min-width:680px}}\n"
                + "table{border-collapse:collapse;margin:1em 0;font-size:13px}\n"
                + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f0f0f0}\n"
                + "pre{background:#f6f6f6;padding:1em;border:1px solid #ddd}\n.chart{margin:1em 0;overflow-x:auto}\n</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
