package dev.ctime.mojo;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A mojo's log, kept for the test to read (and still printed). */
final class RecordingLog extends SystemStreamLog {
    final List<String> info = new ArrayList<>();
    final List<String> warn = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        info.add(content.toString());
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        warn.add(content.toString());
        super.warn(content);
    }

    String all() {
        // A long message is wrapped onto indented lines: read it whole.
        return (String.join("\n", info) + "\n" + String.join("\n", warn)).replaceAll("\n {2,}", " ");
    }
}
