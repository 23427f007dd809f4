package dev.ctime.store;

import dev.ctime.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes report.json (with its schema beside it), and writes any output file atomically. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** The schema's file name, written beside every report that points to it. */
    public static final String SCHEMA = "report.schema.json";

    /** report.json, pointing to its schema ($schema), with the schema written beside it so editors and CI can validate it. */
    public static void writeJson(Report r, Path file) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", SCHEMA);
        out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(r));
        atomically(file, Json.pretty().writeValueAsString(out));
        Path schema = file.resolveSibling(SCHEMA);
        try (java.io.InputStream in = ReportFiles.class.getResourceAsStream("/dev/ctime/" + SCHEMA)) {
            if (in == null) return; // a build without the generated schema (tests before it exists)
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!java.nio.file.Files.exists(schema) || !java.nio.file.Files.readString(schema).equals(text)) atomically(schema, text);
        }
    }

    /** Reads a report of this version or an older one; a newer one is refused with the fix. */
    public static Report readJson(Path file) throws IOException {
        Report r;
        // Through NIO, so a missing report is a NoSuchFileException as everywhere else.
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            r = Json.MAPPER.readValue(in, Report.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(notJson(file, e), e);
        }
        if (r.schemaVersion() > Report.SCHEMA_VERSION) {
            throw new IOException(file + " has report schema " + r.schemaVersion() + ", newer than this ctime's "
                    + Report.SCHEMA_VERSION + ": read it with the ctime that wrote it (" + r.tool() + ") or a later one");
        }
        return r;
    }

    /** Where the file stops being a report, in words: the place, what was found there, and what to do. */
    static String notJson(Path file, com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (msg.contains("'NaN'") || msg.contains("'Infinity'") || msg.contains("'-Infinity'")) {
            what = "a NaN or Infinity, which is no JSON number (ctime writes null where a figure has no value)";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getPath() != null
                && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                else path.append('[').append(ref.getIndex()).append(']');
            }
            what = "a value of the wrong type for " + path;
        } else {
            // Jackson's own first sentence, without its source excerpt.
            what = msg.lines().findFirst().orElse("no report").replaceAll(" \\(for [^)]*\\)", "");
        }
        return file + " is not a report ctime can read" + where + ": " + what + "; restore the file ctime wrote, or write it"
                + " again (mvn ctime:measure, then ctime:baseline for a baseline)";
    }

    /**
     * Writes a temporary file and moves it over the target, so a crash or a full disk never leaves
     * half a report; readable by all (0644), as report.html always was.
     */
    public static void atomically(Path file, String content) throws IOException {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content);
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (tmp != null) Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + ": " + e + " (free space on that disk or make the folder writable,"
                    + " or write elsewhere with ctime.outputDirectory)", e);
        }
    }
}
