package dev.ctime.compile;

import java.util.ArrayList;
import java.util.List;
import dev.ctime.autodiff.EnzymeVerdict;

/**
 * Distils a failed build's output into the lines a person needs: rustc's error lines and where
 * they point, and Enzyme's own verdict with the function it names, without the type-analysis
 * dump Enzyme prints around it.
 */
public final class FailureReason {
    private static final int MAX_CHARS = 1500;
    private static final java.util.regex.Pattern LINKER_SAYS = java.util.regex.Pattern.compile(
            "error|fatal|undefined|cannot find|signal|unknown option|unrecognized", java.util.regex.Pattern.CASE_INSENSITIVE);

    private FailureReason() {
    }

    public static String fromCompilerOutput(String stderr) {
        List<String> picked = new ArrayList<>();
        EnzymeVerdict.parse(stderr).ifPresent(v -> picked.add(v.describe()));
        String[] lines = stderr.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replaceAll("\u001B\\[[;\\d]*m", "").strip();
            // Enzyme's own lines are summed up above, and an IR dump is no reason a person reads.
            if (l.contains("Enzyme:") && !picked.isEmpty()) continue;
            if (l.startsWith("error") && !l.startsWith("error: could not compile")) {
                add(picked, l);
                if (i + 1 < lines.length && lines[i + 1].strip().startsWith("-->")) add(picked, "  " + lines[i + 1].strip());
                // A failed link says why only in the linker's own notes (the command line before them is noise).
                if (l.startsWith("error: linking with")) {
                    for (int j = i + 1; j < lines.length && j < i + 40; j++) {
                        String n = lines[j].strip();
                        if (n.startsWith("= note:") && LINKER_SAYS.matcher(n).find()) add(picked, "  " + n);
                    }
                }
            }
        }
        if (picked.isEmpty()) {
            for (String l : lines) if (!l.isBlank()) add(picked, l.strip());
        }
        String s = String.join("\n", picked);
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + " …" : s;
    }

    private static void add(List<String> picked, String line) {
        if (!picked.contains(line)) picked.add(line);
    }
}
