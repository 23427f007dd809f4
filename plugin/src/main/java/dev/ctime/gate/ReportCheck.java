package dev.ctime.gate;

import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What makes a report or baseline unfit to compare against, all at once, field by field: a file
 * edited by hand ({@code {}}, a negative median, renamed fields) is named before any comparison
 * rather than failing on a null or passing on nonsense.
 */
public final class ReportCheck {
    private ReportCheck() {
    }

    public static List<String> problems(Report r) {
        List<String> out = new ArrayList<>();
        if (r.schemaVersion() <= 0) out.add("schemaVersion is missing: this is not a report ctime wrote");
        if (r.profiles() == null || r.profiles().isEmpty()) {
            out.add("profiles is missing or empty: there is nothing to compare");
            return out;
        }
        for (int i = 0; i < r.profiles().size(); i++) {
            ProfileResult p = r.profiles().get(i);
            String at = "profiles[" + i + "]" + (p.name() == null ? "" : " (" + p.name() + ")");
            if (p.name() == null || p.name().isBlank()) out.add(at + ".name is missing");
            if (p.status() == null) out.add(at + ".status is missing");
            if (p.compile() != null) {
                for (Map.Entry<String, ScenarioFigures> e : p.compile().entrySet()) {
                    ScenarioFigures f = e.getValue();
                    if (f == null) continue;
                    String s = at + ".compile." + e.getKey();
                    summary(out, s + ".cpuMs", f.cpuMs());
                    summary(out, s + ".wallMs", f.wallMs());
                    summary(out, s + ".maxRssKb", f.maxRssKb());
                }
            }
            if (p.kernels() != null) {
                for (int k = 0; k < p.kernels().size(); k++) {
                    KernelTiming t = p.kernels().get(k);
                    String s = at + ".kernels[" + k + "]" + (t.name() == null ? "" : " (" + t.name() + "@" + t.n() + ")");
                    if (t.name() == null) out.add(s + ".name is missing");
                    if (t.status() == null) out.add(s + ".status is missing");
                    // A kernel that was timed has its figures: one gone is a field renamed or deleted by hand, which
                    // would otherwise pass as "not in the baseline".
                    if (t.status() == Status.OK && t.primalNs() == null) out.add(s + ".primalNs is missing though"
                            + " the kernel's status is ok: a field renamed or deleted");
                    if (t.status() == Status.OK && t.gradientBatch() > 0 && t.gradientNs() == null) {
                        out.add(s + ".gradientNs is missing though its gradient was timed (gradientBatch " + t.gradientBatch()
                                + "): a field renamed or deleted");
                    }
                    summary(out, s + ".primalNs", t.primalNs());
                    summary(out, s + ".gradientNs", t.gradientNs());
                    count(out, s + ".primalInstructions", t.primalInstructions());
                    count(out, s + ".gradientInstructions", t.gradientInstructions());
                }
            }
            if (p.artifactBytes() != null && p.artifactBytes() <= 0) out.add(at + ".artifactBytes is " + p.artifactBytes()
                    + ": a library has a positive size");
        }
        return out;
    }

    private static void summary(List<String> out, String where, Summary s) {
        if (s == null) return;
        if (!(s.median() > 0) || Double.isInfinite(s.median())) out.add(where + ".median is " + s.median()
                + ": a time or size is a positive number");
        if (s.samples() != null && s.samples().stream().anyMatch(v -> v == null || !(v >= 0) || v.isInfinite())) {
            out.add(where + ".samples holds a negative, missing or non-finite value");
        }
    }

    private static void count(List<String> out, String where, Double v) {
        if (v != null && (!(v > 0) || v.isInfinite())) out.add(where + " is " + v + ": a count is a positive number");
    }
}
