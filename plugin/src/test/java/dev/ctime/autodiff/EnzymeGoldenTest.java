package dev.ctime.autodiff;

import dev.ctime.Golden;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What ctime reads out of recorded rustc + Enzyme output (every recorded stderr, the real LLVM time trace), against an
 * approved file: the verdict, the warnings, the remarks, the trace's passes.
 */
class EnzymeGoldenTest {
    @Test
    void everyRecordedOutputAsCtimeReadsIt() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String f : List.of("activity-dump-unoptimised.stderr", "analysis-dump-unoptimised.stderr", "cannot-deduce-copy.stderr",
                "illegal-update-analysis.stderr", "loosetypes-printperf.stderr", "maximumnum-failure.stderr",
                "printperf-time-passes.stderr")) {
            String stderr = EnzymeOutputTest.fixture(f);
            out.append("== ").append(f).append('\n');
            out.append("verdict: ").append(Golden.json(EnzymeVerdict.parse(stderr).orElse(null))).append('\n');
            out.append("blamed (left out where the crate gates it): ").append(EnzymeExclusion.culprits(EnzymeVerdict.parse(stderr).orElse(null)))
                    .append('\n');
            out.append("warnings: ").append(Golden.json(EnzymeWarnings.of(stderr))).append('\n');
            out.append("remarks: ").append(Golden.json(PerfRemarksParser.parse(stderr))).append('\n');
        }
        try (InputStream in = EnzymeGoldenTest.class.getResourceAsStream("/enzyme/demo_kernels.llvm_timings.reduced.json")) {
            out.append("== the reduced LLVM time trace\n").append(Golden.json(EnzymeTrace.parse(in))).append('\n');
        }
        Golden.check("enzyme-outputs.txt", out.toString());
    }
}
