package dev.ctime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ctime.model.Report;
import dev.ctime.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Approval files: what a piece of ctime writes for fixed inputs (real reports of real runs), kept under
 * src/test/resources/golden and compared whole, so that any change of behaviour shows as a diff a reviewer reads.
 * {@code -Dctime.golden.update=true} writes them anew after an intended change. Numbers are kept to 6 significant
 * digits, so the files do not depend on how one JDK or another prints a double.
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** A report of src/test/resources/reports, gzipped or not. */
    public static Report report(String name) throws IOException {
        Path p = Path.of("src/test/resources/reports").resolve(name);
        try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            return Json.MAPPER.readValue(in, Report.class);
        }
    }

    /** Any value as rounded, pretty JSON. */
    public static String json(Object value) {
        JsonNode n = Json.MAPPER.valueToTree(value);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rounded(n));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode rounded(JsonNode n) {
        if (n.isFloatingPointNumber()) {
            double v = n.doubleValue();
            return Double.isFinite(v) ? DoubleNode.valueOf(new BigDecimal(v).round(new MathContext(6)).doubleValue()) : n;
        }
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(rounded(e.getValue()));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) a.set(i, rounded(a.get(i)));
        }
        return n;
    }

    /** Compares the text with its approved file, or writes it there when asked to. */
    public static void check(String name, String actual) throws IOException {
        Path f = DIR.resolve(name);
        if (Boolean.getBoolean("ctime.golden.update") || !Files.exists(f)) {
            Files.createDirectories(DIR);
            Files.writeString(f, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("ctime.golden.update")) {
                throw new AssertionError(f + " did not exist and was written: review it, then run the test again");
            }
            return;
        }
        assertEquals(Files.readString(f, StandardCharsets.UTF_8), actual, "differs from " + f
                + " (an intended change: -Dctime.golden.update=true, then review the diff)");
    }
}
