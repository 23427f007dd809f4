package dev.ctime.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cargo's TOML files read by a TOML parser: dotted keys, inline tables, quoted keys and multi-line
 * arrays mean what they mean to cargo. Pure functions over the text.
 */
public final class CargoToml {
    private static final TomlMapper TOML = new TomlMapper();

    private CargoToml() {
    }

    static JsonNode parse(String toml, Path where) throws IOException {
        try {
            return TOML.readTree(toml);
        } catch (IOException e) {
            throw new IOException(where + " is not valid TOML (cargo would refuse it too): " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }

    /** The tables of a Cargo config that can set rustflags: [build], and [target.<triple or cfg>]. */
    public enum Table { BUILD, TARGET }

    /** Which tables of a Cargo config set rustflags: none, one or both. */
    public static java.util.Set<Table> rustflagsTables(String configToml, Path where) throws IOException {
        JsonNode t = parse(configToml, where);
        java.util.Set<Table> found = java.util.EnumSet.noneOf(Table.class);
        if (t.path("build").has("rustflags")) found.add(Table.BUILD);
        for (Iterator<JsonNode> it = t.path("target").elements(); it.hasNext(); ) {
            if (it.next().has("rustflags")) found.add(Table.TARGET);
        }
        return found;
    }

    /** The [build] target a Cargo config sets (a triple, or several), or null. */
    public static String buildTarget(String configToml, Path where) throws IOException {
        JsonNode t = parse(configToml, where).path("build").path("target");
        return t.isMissingNode() || t.isNull() ? null : t.isTextual() ? t.asText() : t.toString();
    }

    /** Whether a manifest declares a [workspace] (a workspace root, or a crate that is its own). */
    public static boolean hasWorkspace(String manifestToml, Path where) throws IOException {
        return parse(manifestToml, where).has("workspace");
    }

    /**
     * Every relative {@code path} of a dependency: [dependencies], [dev-dependencies],
     * [build-dependencies], their [target.*.…] forms, [workspace.dependencies], [patch.*] and [replace].
     */
    public static Set<String> relativeDependencyPaths(String manifestToml, Path where) throws IOException {
        JsonNode t = parse(manifestToml, where);
        Set<String> out = new LinkedHashSet<>();
        List<JsonNode> tables = new ArrayList<>();
        for (String k : List.of("dependencies", "dev-dependencies", "build-dependencies")) {
            tables.add(t.path(k));
            tables.add(t.path("workspace").path(k));
            t.path("target").elements().forEachRemaining(target -> tables.add(target.path(k)));
        }
        t.path("patch").elements().forEachRemaining(tables::add);
        tables.add(t.path("replace"));
        for (JsonNode table : tables) {
            for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
                JsonNode p = it.next().getValue().path("path");
                if (p.isTextual() && !Path.of(p.asText()).isAbsolute()) out.add(p.asText());
            }
        }
        return out;
    }
}
