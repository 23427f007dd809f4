package dev.ctime.verdict;

import dev.ctime.Golden;
import dev.ctime.model.Comparison;
import dev.ctime.model.Decision;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Workload;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision and every sentence about it, for real reports of real runs (two profiles; PGO and BOLT; merged shards;
 * a 16-profile matrix; byte-identical twins) at three workloads, against approved files: a change in how ctime
 * judges or words a decision shows as a diff.
 */
class DecisionGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"measure-basic.json", "pgo-bolt.json", "shards-merged.json", "race-exhaustive.json.gz",
            "verdict-twins.json.gz"})
    void theDecisionAndItsWordsForARealReport(String fixture) throws Exception {
        Report r = Golden.report(fixture);
        Thresholds t = r.settings() != null && r.settings().thresholds() != null ? r.settings().thresholds() : Thresholds.DEFAULT;
        List<ProfileResult> ps = r.profiles();
        String reference = Comparisons.reference(ps, r.reference());
        List<Comparison> table = reference == null ? List.of() : Comparisons.all(ps, reference, t);
        StringBuilder out = new StringBuilder();
        out.append("comparisons:\n");
        for (Comparison c : table) {
            out.append("  ").append(c.profile()).append(' ').append(c.figure()).append(" vs ").append(c.reference()).append(": ")
                    .append(c.describe()).append(' ').append(c.mark()).append('\n');
        }
        String scenario = Decider.scenario(ps, null);
        for (double calls : new double[] {1e2, 1e6, 1e10}) {
            Workload w = Workloads.defaultFor(ps, calls);
            Decision d = Decider.decide(ps, w, scenario, reference, t, table);
            out.append("\n== ").append(calls).append(" calls a build, ").append(scenario).append('\n');
            out.append("workload: ").append(DecisionText.workload(w)).append('\n');
            out.append("usage: ").append(DecisionText.usage(d)).append('\n');
            out.append("headline: ").append(DecisionText.headline(d)).append('\n');
            out.append("bound: ").append(d.bound() == null ? null : DecisionText.bound(d.bound())).append('\n');
            out.append("next: ").append(DecisionText.next(d)).append('\n');
            out.append("reason: ").append(DecisionText.reason(d)).append('\n');
            out.append("contenders: ").append(DecisionText.contenders(d)).append('\n');
            List<Workload.Item> items = Decider.measuredItems(ps, w);
            String fastest = Decider.fastestRun(ps, items);
            out.append("fastest run: ").append(fastest).append('\n');
            if (fastest != null) {
                ProfileResult lead = ps.stream().filter(p -> p.name().equals(fastest)).findFirst().orElseThrow();
                out.append("slower on run alone: ").append(Golden.json(Decider.slowerOnRunAlone(ps, items, fastest,
                        Decider.buildCost(lead, scenario), t, 3))).append('\n');
            }
            out.append("costlier: ").append(Golden.json(Decider.costlier(ps, d, t, 3))).append('\n');
            if (d.workload() != null) {
                Decision again = Decider.rejudge(ps, d, calls * 1000, t, table);
                out.append("rejudged at 1000x: ").append(DecisionText.headline(again)).append('\n');
            }
            out.append("decision: ").append(Golden.json(d)).append('\n');
        }
        Golden.check("decision-" + fixture.replace(".json", "").replace(".gz", "") + ".txt", out.toString());
    }
}
