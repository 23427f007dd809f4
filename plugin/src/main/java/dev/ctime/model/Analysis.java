package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the untimed analysis builds found for one profile.
 *
 * @param phases                   -Ztime-passes' phases in ms (frontend, codegen, llvm, lto, autodiff, link, total)
 * @param phasesUnavailable        why there is no phase split (a stable toolchain)
 * @param phasesNote               how to read the phases (autodiff runs inside the LTO phase)
 * @param codegenUnitsUsed         the codegen units rustc actually partitioned the crate into
 * @param llvmLinesScope           what the IR count covers
 * @param llvmLines                the functions producing the most unoptimised LLVM IR
 * @param rustcInstructions        the leaf rustc's instructions under Cachegrind (ctime.instructions=all)
 * @param enzymePassMs             Enzyme's own pass, from -Zllvm-time-trace
 * @param enzymePassRunsMs         Enzyme's pass in each analysis build that traced it (the phase-split build and the
 *                                 LLVM-lines build, which keeps the timed build's pipeline): the runs behind its interval
 * @param codegenAfterEnzymeMs     LLVM's code generation of the differentiated module (instruction selection, register
 *                                 allocation, assembly printing: the legacy pass manager's work that follows Enzyme's pass,
 *                                 which a fat-LTO build without Enzyme does too); no optimisation pass runs after Enzyme
 * @param loopPassesMs             the time LLVM's loop vectoriser, SLP vectoriser and unrollers took in the build's trace
 *                                 (absent: not run): what an autodiff build does not do that a hand-written one does
 * @param enzymePerFunctionMs      Enzyme's time per differentiated function
 * @param differentiated           the functions Enzyme differentiated, demangled
 * @param enzymePerfRemarks        Enzyme's PrintPerf remarks by category and function
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(@JsonDeserialize(using = Analysis.Phases.class) Map<String, Double> phases, String phasesUnavailable,
                       String phasesNote, Integer codegenUnitsUsed, String llvmLinesScope, List<FunctionLines> llvmLines,
                       Long rustcInstructions, Double enzymePassMs, List<Double> enzymePassRunsMs,
                       @com.fasterxml.jackson.annotation.JsonAlias("postDifferentiationOptMs") Double codegenAfterEnzymeMs,
                       Map<String, Double> loopPassesMs, Map<String, Double> enzymePerFunctionMs, List<String> differentiated, PerfRemarks enzymePerfRemarks) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return equals(new Builder().build());
    }

    /** The phase split, where one was measured (it has a total). */
    public boolean hasPhases() {
        return phases != null && phases.containsKey("total");
    }

    /** Reports of schema 3 and before kept the reason beside the phases ({"unavailable": "..."}): numbers only are phases. */
    static final class Phases extends JsonDeserializer<Map<String, Double>> {
        @Override
        public Map<String, Double> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            Map<String, Double> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asDouble());
            });
            return out.isEmpty() ? null : out;
        }
    }

    /** Filled stage by stage while the analysis builds run. */
    public static final class Builder {
        public Map<String, Double> phases;
        public String phasesUnavailable;
        public String phasesNote;
        public Integer codegenUnitsUsed;
        public String llvmLinesScope;
        public List<FunctionLines> llvmLines;
        public Long rustcInstructions;
        public Double enzymePassMs;
        public List<Double> enzymePassRunsMs;
        public Double codegenAfterEnzymeMs;
        public Map<String, Double> loopPassesMs;
        public Map<String, Double> enzymePerFunctionMs;
        public List<String> differentiated;
        public PerfRemarks enzymePerfRemarks;

        /** A builder holding what an earlier stage found (null: nothing yet). */
        public static Builder from(Analysis a) {
            Builder b = new Builder();
            if (a == null) return b;
            b.phases = a.phases;
            b.phasesUnavailable = a.phasesUnavailable;
            b.phasesNote = a.phasesNote;
            b.codegenUnitsUsed = a.codegenUnitsUsed;
            b.llvmLinesScope = a.llvmLinesScope;
            b.llvmLines = a.llvmLines;
            b.rustcInstructions = a.rustcInstructions;
            b.enzymePassMs = a.enzymePassMs;
            b.enzymePassRunsMs = a.enzymePassRunsMs;
            b.codegenAfterEnzymeMs = a.codegenAfterEnzymeMs;
            b.loopPassesMs = a.loopPassesMs;
            b.enzymePerFunctionMs = a.enzymePerFunctionMs;
            b.differentiated = a.differentiated;
            b.enzymePerfRemarks = a.enzymePerfRemarks;
            return b;
        }

        public Analysis build() {
            return new Analysis(phases, phasesUnavailable, phasesNote, codegenUnitsUsed, llvmLinesScope, llvmLines,
                    rustcInstructions, enzymePassMs, enzymePassRunsMs, codegenAfterEnzymeMs, loopPassesMs, enzymePerFunctionMs, differentiated, enzymePerfRemarks);
        }
    }
}
