package dev.ctime.gate;

import dev.ctime.Golden;
import dev.ctime.model.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gate on real reports of real runs, in every format CI tools read (console, Markdown, JUnit XML, Bencher,
 * github-action-benchmark), against approved files: a change in what the gate decides or how it says it shows as a diff.
 */
class GateGoldenTest {
    private static String all(String baselineName, Measured baseline, Measured current) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("report checks: baseline ").append(baselineName).append('\n');
        List<Mismatch> mismatches = Gate.mismatches(baseline, current);
        out.append("mismatches: ").append(Golden.json(mismatches)).append('\n');
        if (!mismatches.isEmpty()) {
            out.append("refusal junit:\n").append(GateFormats.refusalJunit(mismatches, baselineName)).append('\n');
            out.append("refusal markdown:\n").append(GateFormats.refusalMarkdown(mismatches, baselineName)).append('\n');
        }
        // The default, the lenient and the strict policy: each of the three values of each setting once.
        Object[][] policies = {{Gate.OnMissing.FAIL, Gate.OnMismatch.FAIL}, {Gate.OnMissing.WARN, Gate.OnMismatch.WARN},
                {Gate.OnMissing.STRICT, Gate.OnMismatch.IGNORE}};
        for (Object[] policy : policies) {
            Gate.OnMissing missing = (Gate.OnMissing) policy[0];
            Gate.OnMismatch mismatch = (Gate.OnMismatch) policy[1];
            Gate.Result r = Gate.compare(baseline, current, GateThresholds.defaults(), mismatch, missing);
            out.append("\n== on missing ").append(missing).append(", on mismatch ").append(mismatch).append('\n');
            out.append(String.join("\n", GateFormats.console(r, baselineName))).append('\n');
            out.append("switched off: ").append(GateFormats.switchedOff(r)).append('\n');
            if (missing == Gate.OnMissing.FAIL && mismatch == Gate.OnMismatch.FAIL) {
                out.append("markdown:\n").append(GateFormats.markdown(r, baselineName)).append('\n');
                out.append("junit:\n").append(GateFormats.junit(r, baselineName)).append('\n');
                out.append("rows: ").append(Golden.json(r.rows())).append('\n');
            }
        }
        out.append("\nbencher:\n").append(GateFormats.bencher(current)).append('\n');
        out.append("github-action-benchmark:\n").append(GateFormats.customSmallerIsBetter(current)).append('\n');
        return out.toString();
    }

    @Test
    void aRaceAgainstTheExhaustiveRunOfTheSameMatrix() throws Exception {
        // The race times fewer builds and forks of the profiles that left: missing and noisier figures.
        Golden.check("gate-race.txt", all("exhaustive.json", Measured.of(Golden.report("race-exhaustive.json.gz")),
                Measured.of(Golden.report("race-race.json.gz"))));
    }

    @Test
    void twoRunsOfOneCrateSessionsApart() throws Exception {
        Golden.check("gate-measure-basic.txt", all("main.json", Measured.of(Golden.report("measure-basic.json")),
                Measured.of(Golden.report("measure-basic-again.json.gz"))));
    }

    @Test
    void anotherToolchainAndAnotherMachine() throws Exception {
        Measured m = Measured.of(Golden.report("pgo-bolt.json"));
        Map<String, String> toolchains = new LinkedHashMap<>();
        m.toolchains().forEach((k, v) -> toolchains.put(k, v + "-next"));
        Map<String, String> machine = new LinkedHashMap<>(m.machine());
        machine.put("cpus", "64");
        Measured other = new Measured(m.createdAt(), m.label(), m.commit(), toolchains, machine, m.profiles(), "the control"
                + " differed", m.off());
        Golden.check("gate-pgo-bolt.txt", all("pgo.json", m, other));
    }

    @Test
    void whatTheCheckRefusesInEachReport() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String f : List.of("measure-basic.json", "measure-basic-again.json.gz", "pgo-bolt.json", "shards-merged.json",
                "race-exhaustive.json.gz", "race-race.json.gz", "verdict-twins.json.gz")) {
            Report r = Golden.report(f);
            out.append(f).append(": ").append(ReportCheck.problems(r)).append('\n');
            out.append("  off: ").append(Measured.off(r)).append('\n');
        }
        Golden.check("gate-report-checks.txt", out.toString());
    }

    /** One hand edit of a report: where, and what it does to the JSON. */
    private record Edit(String what, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> apply) {
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode at(com.fasterxml.jackson.databind.JsonNode n, String path) {
        com.fasterxml.jackson.databind.JsonNode cur = n;
        for (String part : path.split("/")) cur = part.matches("\\d+") ? cur.get(Integer.parseInt(part)) : cur.get(part);
        return (com.fasterxml.jackson.databind.node.ObjectNode) cur;
    }

    @Test
    void everyHandEditOfABaselineIsNamedWhereItIs() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = dev.ctime.store.Json.MAPPER;
        com.fasterxml.jackson.databind.node.ObjectNode original = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                java.nio.file.Path.of("src/test/resources/reports/measure-basic.json").toFile());
        String p0 = "profiles/0";
        String k0 = p0 + "/kernels/0";
        List<Edit> edits = List.of(
                new Edit("no schema version", r -> r.put("schemaVersion", 0)),
                new Edit("no profiles", r -> r.putArray("profiles")),
                new Edit("a profile without its name and status", r -> at(r, p0).remove(List.of("name", "status"))),
                new Edit("a blank profile name", r -> at(r, p0).put("name", " ")),
                new Edit("a negative build time", r -> at(r, p0 + "/compile/full/cpuMs").put("median", -1.0)),
                new Edit("a zero wall time", r -> at(r, p0 + "/compile/full/wallMs").put("median", 0.0)),
                new Edit("a negative sample", r -> at(r, p0 + "/compile/full/maxRssKb").putArray("samples").add(5.0).add(-5.0)),
                new Edit("a missing sample", r -> at(r, p0 + "/compile/full/maxRssKb").putArray("samples").add(5.0).addNull()),
                new Edit("a kernel's primalNs renamed", r -> at(r, k0).set("primalNsOld", at(r, k0).remove("primalNs"))),
                new Edit("a kernel's gradientNs deleted", r -> at(r, k0).remove("gradientNs")),
                new Edit("a kernel without name and status", r -> at(r, k0).remove(List.of("name", "status"))),
                new Edit("a failed kernel without figures", r -> {
                    at(r, k0).put("status", "failed");
                    at(r, k0).remove(List.of("primalNs", "gradientNs"));
                }),
                new Edit("a negative kernel time", r -> at(r, k0 + "/gradientNs").put("median", -3.0)),
                new Edit("zero and negative counts", r -> {
                    at(r, k0).put("primalInstructions", 0.0);
                    at(r, k0).put("gradientInstructions", -3.0);
                }),
                new Edit("a library of no bytes", r -> at(r, p0).put("artifactBytes", 0)),
                new Edit("a library of negative bytes", r -> at(r, p0).put("artifactBytes", -7)));
        StringBuilder out = new StringBuilder();
        out.append("as written: ").append(ReportCheck.problems(json.treeToValue(original, Report.class))).append('\n');
        com.fasterxml.jackson.databind.node.ObjectNode everything = original.deepCopy();
        for (Edit e : edits) {
            com.fasterxml.jackson.databind.node.ObjectNode r = original.deepCopy();
            e.apply().accept(r);
            out.append(e.what()).append(": ").append(ReportCheck.problems(json.treeToValue(r, Report.class))).append('\n');
            // Together, an edit of a field an earlier edit removed has nothing to change.
            if (!e.what().equals("no profiles")) {
                try {
                    e.apply().accept(everything);
                } catch (NullPointerException gone) {
                    out.append("  (not applicable after the edits before it)\n");
                }
            }
        }
        out.append("every edit but the empty profiles at once: ")
                .append(ReportCheck.problems(json.treeToValue(everything, Report.class))).append('\n');
        Golden.check("gate-hand-edits.txt", out.toString());
    }
}
