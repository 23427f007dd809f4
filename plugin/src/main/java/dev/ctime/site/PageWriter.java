package dev.ctime.site;

import java.util.List;

/** What the trade-off page is written with: the Maven site's Doxia sink, or plain HTML. */
public interface PageWriter {
    void title(String text);

    void section(String title);

    void endSection();

    void paragraph(String text);

    /** Text in a monospaced block, such as a Cargo.toml snippet. */
    void code(String text);

    /** @param cssClass a marker class for tests and styling, e.g. "profiles" */
    void table(String cssClass, List<String> headers, List<List<String>> rows);

    /** Markup ctime generated itself (an SVG chart): written as it is. */
    void raw(String markup);
}
