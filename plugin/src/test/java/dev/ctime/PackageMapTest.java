package dev.ctime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, held by a test: the model at the bottom imports nothing else of ctime,
 * packages form no cycle, and no ctime class is named inline (an inline name hides a dependency
 * from the imports a reader scans).
 */
class PackageMapTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/ctime");
    private static final Pattern CTIME_NAME = Pattern.compile("\\bdev\\.ctime\\.([a-z]+)\\.[A-Z]");

    /** Package to the other ctime packages its files name, with one file per arrow to show where it comes from. */
    private static Map<String, Map<String, String>> arrows() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString();
                Map<String, String> to = out.computeIfAbsent(pkg, k -> new TreeMap<>());
                Matcher m = CTIME_NAME.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(pkg)) to.putIfAbsent(m.group(1), f.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void theModelImportsNothingElseOfCtime() {
        Map<String, Map<String, String>> arrows = arrows();
        assertEquals(Map.of(), arrows.get("model"), "arrows out of model/ (package=file)");
        // Guard the guard: the scan sees the arrows that exist.
        assertEquals(true, arrows.get("verdict").containsKey("model"), "verdict reads the model");
    }

    @Test
    void packagesFormNoCycle() {
        Map<String, Map<String, String>> arrows = arrows();
        List<String> cycles = new ArrayList<>();
        for (String start : arrows.keySet()) {
            List<String> path = cycleFrom(start, start, arrows, new ArrayList<>(List.of(start)), new HashSet<>());
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        assertEquals(List.of(), cycles);
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Map<String, String>> arrows, List<String> path,
                                          Set<String> seen) {
        for (String next : arrows.getOrDefault(at, Map.of()).keySet()) {
            if (next.equals(start)) {
                List<String> p = new ArrayList<>(path);
                p.add(next);
                return p;
            }
            if (!seen.add(next)) continue;
            path.add(next);
            List<String> found = cycleFrom(start, next, arrows, path, seen);
            if (found != null) return found;
            path.remove(path.size() - 1);
        }
        return null;
    }

    @Test
    void noCtimeClassIsNamedInline() throws IOException {
        Set<String> inline = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ") || line.startsWith("package ")) continue;
                    if (CTIME_NAME.matcher(line).find()) inline.add(f.getFileName() + ": " + line.strip());
                }
            }
        }
        assertEquals(Set.of(), inline);
    }
}
