package dev.ctime.store;

import dev.ctime.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctime.model.Report;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Named baselines: a report as measured (samples, settings, toolchains, machine, the commit of
 * the sources) with the name and the time it was saved, in a folder the user commits.
 */
public final class BaselineStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The report's sections computed from its figures, which a compact baseline leaves out. */
    static final java.util.List<String> DERIVED = java.util.List.of("comparisons", "autodiff", "training");

    private BaselineStore() {
    }

    public static Path file(Path dir, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("baseline name '" + name + "' is not a safe file name: use letters, digits, '.', '_'"
                    + " and '-' (at most 64), e.g. main");
        }
        return dir.resolve(name + ".json");
    }

    /**
     * Copies the report, adding {@code baseline: {name, savedAt}}; returns the file written.
     *
     * @param samples keep every kernel batch and the derived sections; otherwise each fork's batches are kept as their median, which is all
     *                the gate compares (a fork is one run), so the file to commit is a fraction of the size
     */
    public static Path save(Path report, Path dir, String name, boolean samples) throws IOException {
        if (!Files.exists(report)) throw new NoSuchFileException(report.toString());
        JsonNode tree = Json.MAPPER.readTree(report.toFile());
        if (!(tree instanceof ObjectNode o)) throw new IOException(report + " is not a ctime report");
        if (!samples) {
            forkMedians(o);
            // What the rules derive from the figures again (ctime:report re-judges a report): not part of the measurement.
            o.remove(DERIVED);
        }
        ObjectNode b = o.putObject("baseline");
        b.put("name", name);
        b.put("savedAt", Instant.now().toString());
        b.put("samples", samples ? "every batch" : "each fork's median");
        Path target = file(dir, name);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        // Objects a line a field, so that a baseline's diff in review reads field by field; arrays of numbers on one line.
        var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                .withArrayIndenter(com.fasterxml.jackson.core.util.DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        Files.writeString(tmp, Json.MAPPER.writer(printer).writeValueAsString(o) + "\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Every summary with forks (samples in groups) as one sample per fork, its median: the runs the comparisons use. */
    static void forkMedians(JsonNode node) {
        if (node instanceof ObjectNode o && o.get("samples") instanceof ArrayNode all && o.get("groups") instanceof ArrayNode groups) {
            Summary s = new Summary(0, 0, 0, groups.size(), 0, 0, 0, 0, false, 0, 0, false,
                    java.util.stream.StreamSupport.stream(all.spliterator(), false).map(JsonNode::asDouble).toList(),
                    java.util.stream.StreamSupport.stream(groups.spliterator(), false).map(JsonNode::asInt).toList());
            ArrayNode medians = o.putArray("samples");
            ArrayNode ones = o.putArray("groups");
            for (double m : Statistics.units(s)) {
                medians.add(m);
                ones.add(1);
            }
            return;
        }
        node.forEach(BaselineStore::forkMedians);
    }

    /**
     * What a baseline says of itself, beside the report it holds (the report's model has no place for it).
     *
     * @param name    the baseline's name
     * @param savedAt when it was saved
     * @param samples what it kept of the kernel batches: every batch, or each fork's median
     */
    public record Saved(String name, String savedAt, String samples) {
    }

    /** The baseline's own record, or null for a plain report used as a baseline. */
    public static Saved saved(Path file) throws IOException {
        JsonNode b = Json.MAPPER.readTree(file.toFile()).get("baseline");
        return b == null || !b.isObject() ? null : Json.MAPPER.treeToValue(b, Saved.class);
    }

    public static Report load(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        return ReportFiles.readJson(file);
    }
}
