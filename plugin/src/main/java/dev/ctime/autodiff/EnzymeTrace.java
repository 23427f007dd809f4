package dev.ctime.autodiff;

import dev.ctime.store.Json;
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
 * per-function work ({@code CreatePrimalAndGradient}, named in {@code args.detail}), and what
 * follows Enzyme's pass: the {@code OptModule} event after it holds the legacy pass manager's code
 * generation (its {@code RunPass} events are instruction selection, register allocation, assembly
 * printing), not a second optimisation. The loop passes are summed over the whole trace, so that an
 * autodiff build's can be set beside a hand-written build's.
 *
 * @param enzymePassMs           Enzyme's module pass, summed over its runs
 * @param codegenAfterEnzymeMs   the code generation that starts after Enzyme's pass
 * @param loopPassesMs           {@link #LOOP_PASSES} that ran, with their time
 * @param perFunctionMs          differentiated function (demangled) to the time Enzyme spent creating its gradient
 * @param differentiated         every function the trace names as differentiated (demangled)
 */
public record EnzymeTrace(Double enzymePassMs, Double codegenAfterEnzymeMs, Map<String, Double> loopPassesMs,
                          Map<String, Double> perFunctionMs, List<String> differentiated) {
    /** The passes that make loops fast, as LLVM's new pass manager names them in the trace. */
    public static final List<String> LOOP_PASSES = List.of("LoopVectorizePass", "SLPVectorizerPass", "LoopUnrollPass",
            "LoopFullUnrollPass");
    private static final ObjectMapper MAPPER = Json.MAPPER;
    private static final String AUTODIFF_PREFIX = "__enzyme_autodiff";

    /** Reads the trace event by event (real traces hold hundreds of thousands of events). */
    public static EnzymeTrace parse(InputStream in) throws IOException {
        List<long[]> enzyme = new ArrayList<>();
        List<long[]> optModules = new ArrayList<>();
        Map<String, Double> perFunction = new LinkedHashMap<>();
        Map<String, Double> loops = new LinkedHashMap<>();
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
                    case "LoopVectorizePass", "SLPVectorizerPass", "LoopUnrollPass", "LoopFullUnrollPass" ->
                            loops.merge(name, dur / 1000.0, Double::sum);
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
        Map<String, Double> loopPasses = new LinkedHashMap<>();
        for (String pass : LOOP_PASSES) if (loops.containsKey(pass)) loopPasses.put(pass, loops.get(pass));
        return new EnzymeTrace(enzymeMs, postMs, loopPasses, perFunction, List.copyOf(differentiated));
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
