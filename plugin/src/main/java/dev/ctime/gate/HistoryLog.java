package dev.ctime.gate;

import dev.ctime.gate.Measured;
import dev.ctime.store.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * history.jsonl: one line per run with the figures trends are drawn from, appended, never
 * rewritten, so it can live outside target/ and survive clean builds.
 */
public final class HistoryLog {
    private static final ObjectMapper JSON = Json.MAPPER;

    private HistoryLog() {
    }

    /**
     * One run.
     *
     * @param profiles name to figures: status, compile medians per scenario, kernel medians
     * @param measured every figure with its interval and runs, the toolchains, machine, settings and
     *                 commit, so two history entries compare as two reports do (absent in older lines)
     */
    public record Run(String createdAt, String label, Map<String, RunProfile> profiles, Measured measured) {
    }

    /** One profile's medians in a run: the status, build times per scenario, kernel times per kernel@size. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record RunProfile(Status status, Map<String, BuildMedians> compile, Map<String, KernelMedians> kernels) {
    }

    public record BuildMedians(Double cpuMs, Double wallMs) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record KernelMedians(Double primalNs, Double gradientNs) {
    }

    /** The last run with this label (or this creation time), or null. */
    public static Run find(List<Run> runs, String labelOrTime) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            Run r = runs.get(i);
            if (labelOrTime.equals(r.label()) || labelOrTime.equals(r.createdAt())) return r;
        }
        return null;
    }

    public static Run of(Report r) {
        Map<String, RunProfile> ps = new LinkedHashMap<>();
        for (ProfileResult p : r.profiles()) {
            Map<String, BuildMedians> compile = new LinkedHashMap<>();
            if (p.compile() != null) {
                p.compile().forEach((sc, f) -> compile.put(sc, new BuildMedians(f.cpuMs().median(), f.wallMs().median())));
            }
            Map<String, KernelMedians> kernels = new LinkedHashMap<>();
            if (p.kernels() != null) {
                for (KernelTiming k : p.kernels()) {
                    if (k.primalNs() == null) continue;
                    kernels.put(k.name() + "@" + k.n(), new KernelMedians(k.primalNs().median(),
                            k.gradientNs() == null ? null : k.gradientNs().median()));
                }
            }
            ps.put(p.name(), new RunProfile(p.status(), compile, kernels));
        }
        return new Run(r.createdAt(), r.label(), ps, Measured.of(r));
    }

    /**
     * Appends the run as one line. A last line left without its newline (a run killed while writing) is
     * ended first, so the new run starts on a line of its own instead of being lost with the broken one.
     *
     * @return a warning where the file had to be mended, else null
     */
    public static String append(Path file, Report r) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String mended = null;
        if (Files.exists(file) && Files.size(file) > 0) {
            try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                ch.position(ch.size() - 1).read(last);
                if (last.get(0) != '\n') {
                    mended = "the last line of " + file + " was cut short (a run stopped while writing it): it is kept as it"
                            + " is and skipped when read, and this run starts on a line of its own";
                }
            }
        }
        Files.writeString(file, (mended == null ? "" : "\n") + JSON.writeValueAsString(of(r)) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return mended;
    }

    /** Every run, oldest first; a line that cannot be read is skipped, not fatal (the file is the user's). */
    public static List<Run> read(Path file) throws IOException {
        return read(file, skipped -> { });
    }

    /** The same, telling {@code skipped} of every line left out, by file and line number. */
    public static List<Run> read(Path file, java.util.function.Consumer<String> skipped) throws IOException {
        List<Run> runs = new ArrayList<>();
        if (!Files.exists(file)) return runs;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                runs.add(JSON.readValue(line, Run.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // A damaged or foreign line: the rest of the history still draws, and the line is named.
                skipped.accept(file + " line " + (i + 1) + " is not a ctime run (" + e.getOriginalMessage() + "): skipped; the other runs"
                        + " still count");
            }
        }
        return runs;
    }
}
