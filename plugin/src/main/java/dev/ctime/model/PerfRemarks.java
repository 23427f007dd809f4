package dev.ctime.model;

import java.util.List;
import java.util.Map;

/**
 * Enzyme's PrintPerf remarks ({@code -Zautodiff=…,PrintPerf}) counted by what they cost: values
 * Enzyme caches for the reverse pass (memory), values it recomputes (time), types it had to
 * assume (LooseTypes: correctness to check), and the rest; per differentiated function where
 * the remark names one.
 *
 * @param byFunction the same counts for remarks that name their function (demangled)
 * @param examples   the first distinct remarks of each category, for a person to read
 * @param total every remark of the build, counted by category
 */
public record PerfRemarks(Counts total, Map<String, Counts> byFunction, Map<String, List<String>> examples) {
    public enum Category { CACHED, RECOMPUTED, TYPE_ASSUMPTIONS, OTHER }

    /**
     * @param other remarks that are neither, e.g. "Instruction could write forcing … readonly"
     * @param cached values Enzyme caches for the reverse pass (memory)
     * @param recomputed values it recomputes in the reverse pass (time)
     * @param typeAssumptions types it could not deduce and assumed (correctness to check)
     */
    public record Counts(int cached, int recomputed, int typeAssumptions, int other) {
        public Counts plus(Category c) {
            return new Counts(cached + (c == Category.CACHED ? 1 : 0), recomputed + (c == Category.RECOMPUTED ? 1 : 0),
                    typeAssumptions + (c == Category.TYPE_ASSUMPTIONS ? 1 : 0), other + (c == Category.OTHER ? 1 : 0));
        }

        public int all() {
            return cached + recomputed + typeAssumptions + other;
        }
    }
}
