package dev.ctime.cargo;

import dev.ctime.model.BuildUnit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ctime.store.Json;
import java.io.IOException;
import java.nio.file.Path;

/** What ctime reads from the output of cargo and the tools around it: pure functions over the text, each tested. */
public final class CargoOutput {
    private CargoOutput() {
    }

    /** The "Running `...`" line cargo -v prints for the leaf crate. */
    public static String leafRustcCommand(String stderr, String crateName) {
        for (String l : stderr.split("\\R")) {
            String t = l.strip();
            if (t.startsWith("Running `") && t.contains("--crate-name " + crateName + " ")) {
                return t.substring("Running `".length(), t.length() - (t.endsWith("`") ? 1 : 0));
            }
        }
        return null;
    }

    /** The cdylib among cargo's compiler-artifact messages for the leaf crate. */
    public static Path cdylib(String stdout, String crateName) throws IOException {
        for (String l : stdout.split("\\R")) {
            if (!l.startsWith("{") || !l.contains("compiler-artifact")) continue;
            JsonNode m = Json.MAPPER.readTree(l);
            if (!crateName.equals(m.path("target").path("name").asText().replace('-', '_'))) continue;
            for (JsonNode f : m.path("filenames")) {
                String s = f.asText();
                if (s.endsWith(".so") || s.endsWith(".dylib") || s.endsWith(".dll")) return Path.of(s);
            }
        }
        return null;
    }

    /** One process tree's figures, as ctime-rusage writes them (wait4: wall, user + system CPU, peak RSS). */
    public record Rusage(double wallMs, double cpuMs, double maxRssKb) {
    }

    public static Rusage rusage(String json) throws IOException {
        JsonNode n = Json.MAPPER.readTree(json);
        if (n == null || !n.has("wallNs") || !n.has("userUs") || !n.has("sysUs")) {
            throw new IOException("ctime-rusage wrote no figures: '" + json.strip() + "'");
        }
        return new Rusage(n.get("wallNs").asDouble() / 1e6, (n.get("userUs").asDouble() + n.get("sysUs").asDouble()) / 1e3,
                n.path("maxRssKb").asDouble());
    }

    /** One unit of a whole-graph build, as the rusage wrapper logged it (CTIME_UNITS_LOG): one build's figures. */
    public static BuildUnit unit(String json) throws IOException {
        Rusage r = rusage(json);
        JsonNode n = Json.MAPPER.readTree(json);
        return new BuildUnit(n.path("package").asText(""), n.path("label").asText(""), n.path("crateType").asText(""),
                r.cpuMs(), r.wallMs(), r.maxRssKb(), 1);
    }

    /** The instructions:u count from perf stat's CSV output (-x,), or null when it was not counted. */
    public static Double perfInstructions(String perfCsv) {
        for (String l : perfCsv.split("\\R")) {
            String[] f = l.split(",");
            if (f.length >= 3 && f[2].startsWith("instructions") && f[0].matches("\\d+")) return Double.valueOf(f[0]);
        }
        return null;
    }
}
