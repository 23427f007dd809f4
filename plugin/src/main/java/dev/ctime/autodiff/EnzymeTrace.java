package dev.ctime.autodiff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ctime.symbols.RustDemangler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Enzyme's time goes, from the Chrome trace rustc writes with {@code -Zllvm-time-trace}
 * ({@code deps/<crate>.llvm_timings.json}): {@code -Ztime-passes} has no Enzyme line (Enzyme runs
 * inside LLVM's fat-LTO step), but the trace has Enzyme's module pass ({@code EnzymeNewPM}), the
 * per-function work ({@code CreatePrimalAndGradient}, named in {@code args.detail}), and the
 * optimisation pipeline LLVM runs again on the differentiated module ({@code OptModule} after
 * Enzyme's pass ends).
 *
 * @param enzymePassMs           Enzyme's module pass, summed over its runs
 * @param postDifferentiationOptMs the whole-module optimisation that starts after Enzyme's pass
 * @param perFunctionMs          differentiated function (demangled) to the time Enzyme spent creating its gradient
 * @param differentiated         every function the trace names as differentiated (demangled)
 */
public record EnzymeTrace(Double enzymePassMs, Double postDifferentiationOptMs, Map<String, Double> perFunctionMs,
                          List<String> differentiated) {
    private static final ObjectMapper MAPPER = dev.ctime.model.Json.MAPPER;
    private static final String AUTODIFF_PREFIX = "__enzyme_autodiff";

    /** Reads the trace event by event (real traces hold hundreds of thousands of events). */
    public static EnzymeTrace parse(InputStream in) throws IOException {
        List<long[]> enzyme = new ArrayList<>();
        List<long[]> optModules = new ArrayList<>();
        Map<String, Double> perFunction = new LinkedHashMap<>();
        Set<String> differentiated = new LinkedHashSet<>();
        try (JsonParser p = new JsonFactory().setCodec(MAPPER).createParser(in)) {
            if (!seekEvents(p)) throw new IOException("not a Chrome trace: no traceEvents array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode e = p.readValueAsTree();
                String name = e.path("name").asText("");
                String detail = e.path("args").path("detail").asText("");
                long ts = e.path("ts").asLong(0);
                long dur = e.path("dur").asLong(0);
                if (detail.startsWith(AUTODIFF_PREFIX)) differentiated.add(demangle(detail.substring(AUTODIFF_PREFIX.length())));
                if (!"X".equals(e.path("ph").asText())) continue;
                switch (name) {
                    case "EnzymeNewPM" -> enzyme.add(new long[] {ts, dur});
                    case "OptModule" -> optModules.add(new long[] {ts, dur});
                    case "CreatePrimalAndGradient" -> {
                        String fn = demangle(detail);
                        perFunction.merge(fn, dur / 1000.0, Double::sum);
                        differentiated.add(fn);
                    }
                    default -> {
                    }
                }
            }
        }
        Double enzymeMs = enzyme.isEmpty() ? null : enzyme.stream().mapToLong(a -> a[1]).sum() / 1000.0;
        Double postMs = null;
        if (!enzyme.isEmpty()) {
            long end = enzyme.stream().mapToLong(a -> a[0] + a[1]).max().orElse(0);
            long after = optModules.stream().filter(a -> a[0] >= end).mapToLong(a -> a[1]).sum();
            postMs = optModules.stream().anyMatch(a -> a[0] >= end) ? after / 1000.0 : null;
        }
        return new EnzymeTrace(enzymeMs, postMs, perFunction, List.copyOf(differentiated));
    }

    private static boolean seekEvents(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) return true; // the bare-array form of the format
        if (t != JsonToken.START_OBJECT) return false;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            t = p.nextToken();
            if (f.equals("traceEvents") && t == JsonToken.START_ARRAY) return true;
            p.skipChildren();
        }
        return false;
    }

    /** "_RNv…9logsumexp" and "diffe_RNv…" alike as Rust paths. */
    private static String demangle(String llvmName) {
        String n = llvmName.startsWith("_") && !llvmName.startsWith("_R") && !llvmName.startsWith("_ZN")
                ? llvmName.substring(1) : llvmName;
        return RustDemangler.demangleEmbedded(n);
    }
}
