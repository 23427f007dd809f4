package dev.ctime.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ctime.kernel.KernelTiming;
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
    private static final ObjectMapper JSON = dev.ctime.model.Json.MAPPER;

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

    public static void append(Path file, Report r) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(of(r)) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Every run, oldest first; a line that cannot be read is skipped, not fatal (the file is the user's). */
    public static List<Run> read(Path file) throws IOException {
        List<Run> runs = new ArrayList<>();
        if (!Files.exists(file)) return runs;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                runs.add(JSON.readValue(line, Run.class));
            } catch (IOException e) {
                // a damaged or foreign line: the rest of the history still draws
            }
        }
        return runs;
    }
}
