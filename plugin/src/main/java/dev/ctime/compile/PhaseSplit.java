package dev.ctime.compile;

import dev.ctime.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a leaf build's time goes, from rustc's {@code -Ztime-passes-format=json} lines, split
 * into disjoint phases of the main thread's timeline: frontend (parsing to borrow checking),
 * codegen (monomorphisation and LLVM IR generation), LLVM (optimisation and machine code, waited
 * for in finish_ongoing_codegen), LTO (inside that wait), link, and autodiff (any pass rustc
 * names after autodiff or Enzyme; under fat LTO Enzyme runs inside LTO when rustc does not).
 */
public final class PhaseSplit {
    private static final ObjectMapper JSON = Json.MAPPER;

    private PhaseSplit() {
    }

    /** @return phase to seconds, with "total"; empty when rustc printed no time-passes lines */
    public static Map<String, Double> parse(String stderr) throws IOException {
        Map<String, Double> pass = new LinkedHashMap<>();
        List<String> autodiffPasses = new ArrayList<>();
        for (String line : stderr.split("\\R")) {
            int at = line.indexOf("time: {");
            if (at < 0) continue;
            JsonNode n = JSON.readTree(line.substring(at + "time: ".length()));
            String name = n.path("pass").asText();
            double t = n.path("time").asDouble();
            // A pass can run more than once (e.g. per codegen unit); its time adds up.
            pass.merge(name, t, Double::sum);
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.contains("autodiff") || lower.contains("enzyme")) && !autodiffPasses.contains(name)) autodiffPasses.add(name);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        Double total = pass.get("total");
        if (total == null) return out;
        double codegen = pass.getOrDefault("codegen_crate", 0.0);
        double llvmWait = pass.getOrDefault("finish_ongoing_codegen", 0.0);
        double lto = 0;
        for (Map.Entry<String, Double> e : pass.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("LLVM_") && k.toLowerCase(Locale.ROOT).contains("lto")) lto += e.getValue();
        }
        lto = Math.min(lto, llvmWait);
        double link = pass.getOrDefault("link", 0.0);
        double autodiff = 0;
        for (String p : autodiffPasses) autodiff += pass.get(p);
        double frontend = Math.max(0, total - codegen - llvmWait - link);
        out.put("frontend", frontend);
        out.put("codegen", codegen);
        out.put("llvm", Math.max(0, llvmWait - lto));
        out.put("lto", lto);
        out.put("link", link);
        if (!autodiffPasses.isEmpty()) out.put("autodiff", autodiff);
        out.put("total", total);
        return out;
    }
}
