package dev.ctime.stats;

import dev.ctime.Golden;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every statistic ctime reports, on seeded samples of every size from 1 to 14 and of the shapes timings take (tight,
 * skewed with a tail, with ties, shifted by 5%, one outlier), against an approved file: a change in any interval,
 * estimate or p-value shows as a diff.
 */
class StatisticsGoldenTest {
    private static double[] sample(Random r, int n, String shape, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case "tight" -> scale * (1 + 0.01 * r.nextGaussian());
                case "tail" -> scale * Math.exp(0.2 * Math.abs(r.nextGaussian()));
                case "ties" -> scale * (1 + 0.01 * r.nextInt(3));
                default -> scale * (1 + 0.01 * r.nextGaussian()) * (i == n / 2 ? 1.5 : 1);
            };
        }
        return v;
    }

    @Test
    void everyStatisticOnSeededSamples() throws Exception {
        StringBuilder out = new StringBuilder();
        Random r = new Random(2026);
        for (String shape : List.of("tight", "tail", "ties", "outlier")) {
            for (int n = 1; n <= 14; n++) {
                double[] x = sample(r, n, shape, 100);
                double[] same = sample(r, n, shape, 100);
                double[] slower = sample(r, n, shape, 105);
                out.append("\n== ").append(shape).append(", n = ").append(n).append('\n');
                Summary s = Statistics.summarize(x);
                out.append("summary: ").append(Golden.json(s)).append('\n');
                double[] sorted = x.clone();
                java.util.Arrays.sort(sorted);
                out.append("median interval: ").append(Golden.json(Statistics.medianInterval(sorted))).append('\n');
                out.append("quartiles: ").append(Golden.json(new double[] {Statistics.quantileOfSorted(sorted, 0.25),
                        Statistics.quantileOfSorted(sorted, 0.75)})).append('\n');
                out.append("tukey outliers: ").append(Statistics.tukeyOutliers(x)).append('\n');
                out.append("groups: ").append(Golden.json(Statistics.summarizeGroups(List.of(x, same)))).append('\n');
                out.append("pairs: ").append(Golden.json(Statistics.pairs(s, Statistics.summarize(slower)))).append('\n');
                out.append("units: ").append(Golden.json(Statistics.units(s))).append('\n');
                for (double level : new double[] {0.90, 0.95, 0.99}) {
                    out.append("level ").append(level).append('\n');
                    out.append("  shift same: ").append(Golden.json(Shift.of(x, same, level))).append('\n');
                    out.append("  shift slower: ").append(Golden.json(Shift.of(x, slower, level))).append('\n');
                    out.append("  paired same: ").append(Golden.json(PairedShift.of(x, same, level))).append('\n');
                    out.append("  paired slower: ").append(Golden.json(PairedShift.of(x, slower, level))).append('\n');
                    out.append("  signed-rank same: ").append(Golden.json(SignedRankShift.of(x, same, level))).append('\n');
                    out.append("  signed-rank slower: ").append(Golden.json(SignedRankShift.of(x, slower, level))).append('\n');
                    out.append("  log ratio slower: ").append(Golden.json(SignedRankShift.logRatio(x, slower, level))).append('\n');
                }
                List<Drift> drifts = new ArrayList<>();
                for (double[] d : List.of(x, same, slower)) drifts.add(Drift.of(d));
                out.append("drift: ").append(Golden.json(drifts)).append('\n');
                Drift d = drifts.get(0);
                double ref = Drift.reference(drifts.subList(1, 3));
                out.append("drift reference: ").append(Golden.json(ref)).append(", drifting ")
                        .append(d == null ? null : d.drifting() + "/" + d.drifting(ref) + "/" + d.warmingUp(ref))
                        .append(d == null ? "" : ", " + d.describe()).append('\n');
            }
        }
        for (int n = 1; n <= 14; n++) {
            out.append("signed-rank critical n=").append(n).append(": ").append(SignedRankShift.critical(n, 0.025)).append(", cdf ")
                    .append(Golden.json(SignedRankShift.cdf(n))).append('\n');
        }
        List<Double> widths = new ArrayList<>();
        for (double w : new double[] {10, 9, 8.9, 8.85, 8.8, 8.79, 5, 4.9, 4.89, 4.88}) {
            widths.add(w);
            out.append("widths ").append(widths).append(" stopped narrowing: ").append(Statistics.stoppedNarrowing(widths)).append('\n');
        }
        Golden.check("statistics.txt", out.toString());
    }
}
