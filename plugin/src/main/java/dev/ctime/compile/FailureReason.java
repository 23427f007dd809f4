package dev.ctime.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distils a failed build's output into the lines a person needs: rustc's error lines and where
 * they point, and Enzyme's own verdict with the function it names, without the type-analysis
 * dump Enzyme prints around it.
 */
public final class FailureReason {
    private static final int MAX_CHARS = 1500;
    private static final Pattern ENZYME = Pattern.compile("(Enzyme: [^\\n]{0,200})");
    private static final Pattern DEFINE = Pattern.compile("@\"?([^\"(\\s]+)");

    private FailureReason() {
    }

    public static String fromCompilerOutput(String stderr) {
        List<String> picked = new ArrayList<>();
        String[] lines = stderr.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replaceAll("\u001B\\[[;\\d]*m", "").strip();
            Matcher e = ENZYME.matcher(l);
            if (e.find()) {
                String fn = enzymeFunction(lines, i);
                add(picked, fn == null ? e.group(1).strip() : e.group(1).strip() + " (in " + fn + ")");
                continue;
            }
            if (l.startsWith("error") && !l.startsWith("error: could not compile")) {
                add(picked, l);
                if (i + 1 < lines.length && lines[i + 1].strip().startsWith("-->")) add(picked, "  " + lines[i + 1].strip());
            }
        }
        if (picked.isEmpty()) {
            for (String l : lines) if (!l.isBlank()) add(picked, l.strip());
        }
        String s = String.join("\n", picked);
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + " …" : s;
    }

    /** Enzyme names the function it was working on in the lines just before its verdict. */
    private static String enzymeFunction(String[] lines, int at) {
        for (int j = at; j >= Math.max(0, at - 40); j--) {
            String l = lines[j];
            int p = l.indexOf("preprocess_");
            if (p >= 0) return l.substring(p).split("[\\s(,]")[0];
            int d = l.indexOf("define ");
            if (d >= 0) {
                Matcher m = DEFINE.matcher(l.substring(d));
                if (m.find()) return m.group(1);
            }
        }
        return null;
    }

    private static void add(List<String> picked, String line) {
        if (!picked.contains(line)) picked.add(line);
    }
}
