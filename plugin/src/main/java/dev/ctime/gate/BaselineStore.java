package dev.ctime.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctime.model.Report;
import dev.ctime.render.ReportWriter;
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

    private BaselineStore() {
    }

    public static Path file(Path dir, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("baseline name '" + name + "' is not a safe file name: use letters, digits, '.', '_'"
                    + " and '-' (at most 64), e.g. main");
        }
        return dir.resolve(name + ".json");
    }

    /** Copies the report, adding {@code baseline: {name, savedAt}}; returns the file written. */
    public static Path save(Path report, Path dir, String name) throws IOException {
        if (!Files.exists(report)) throw new NoSuchFileException(report.toString());
        JsonNode tree = dev.ctime.model.Json.MAPPER.readTree(report.toFile());
        if (!(tree instanceof ObjectNode o)) throw new IOException(report + " is not a ctime report");
        ObjectNode b = o.putObject("baseline");
        b.put("name", name);
        b.put("savedAt", Instant.now().toString());
        Path target = file(dir, name);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Files.writeString(tmp, dev.ctime.model.Json.pretty().writeValueAsString(o) + "\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    public static Report load(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        return ReportWriter.readJson(file);
    }
}
