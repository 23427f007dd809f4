package dev.ctime.mojo;

import dev.ctime.render.ConsoleTable;
import org.apache.maven.plugin.logging.Log;

/**
 * Maven's log with every line of ctime's kept within the console's width (100 columns besides Maven's prefix): a long
 * line is broken at spaces, its continuation indented. What is already short passes as it is, tables included.
 */
final class WrappedLog implements Log {
    private final Log log;

    WrappedLog(Log log) {
        this.log = log;
    }

    /** Each line of the text, wrapped: for messages that may hold several lines, such as a failure's. */
    static String wrapped(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            // A line that fits (a table's row, a continuation already indented) passes untouched.
            if (line.length() <= ConsoleTable.WIDTH) sb.append(line);
            else {
                // An indented line (a doctor's item) keeps its indent, its continuation two more.
                String lead = line.substring(0, line.length() - line.stripLeading().length());
                sb.append(String.join("\n", ConsoleTable.wrap(line.stripLeading(), ConsoleTable.WIDTH - lead.length(), "  ").stream()
                        .map(l -> lead + l).toList()));
            }
        }
        return sb.toString();
    }

    private static void each(CharSequence text, java.util.function.Consumer<CharSequence> to) {
        for (String line : wrapped(String.valueOf(text)).split("\n", -1)) to.accept(line);
    }

    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(CharSequence c) { log.debug(c); }
    @Override public void debug(CharSequence c, Throwable t) { log.debug(c, t); }
    @Override public void debug(Throwable t) { log.debug(t); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(CharSequence c) { each(c, log::info); }
    @Override public void info(CharSequence c, Throwable t) { log.info(wrapped(String.valueOf(c)), t); }
    @Override public void info(Throwable t) { log.info(t); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warn(CharSequence c) { each(c, log::warn); }
    @Override public void warn(CharSequence c, Throwable t) { log.warn(wrapped(String.valueOf(c)), t); }
    @Override public void warn(Throwable t) { log.warn(t); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(CharSequence c) { each(c, log::error); }
    @Override public void error(CharSequence c, Throwable t) { log.error(wrapped(String.valueOf(c)), t); }
    @Override public void error(Throwable t) { log.error(t); }
}
