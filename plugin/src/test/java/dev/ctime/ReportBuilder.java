package dev.ctime;

import dev.ctime.model.AutodiffBreakdown;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Comparison;
import dev.ctime.model.Control;
import dev.ctime.model.CrateFacts;
import dev.ctime.model.Decision;
import dev.ctime.model.MachineFacts;
import dev.ctime.model.MeasuringSettings;
import dev.ctime.model.MergeInfo;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Race;
import dev.ctime.model.Report;
import dev.ctime.model.ShardInfo;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.model.TrainingEffect;
import java.util.List;
import java.util.Map;

/**
 * A report for a test, by name rather than by two dozen positions: what a test does not set is absent, as in a report
 * that did not get that far. {@code from(r)} starts from another report.
 */
public final class ReportBuilder {
    private int schemaVersion = Report.SCHEMA_VERSION;
    private String tool = "ctime";
    private String createdAt = "2026-12-06T00:00:00Z";
    private String label;
    private CrateFacts crate;
    private MachineFacts machine;
    private MeasuringSettings settings;
    private ToolchainFacts toolchain;
    private List<ToolchainFacts> toolchains = List.of();
    private List<ProfileResult> profiles = List.of();
    private String reference;
    private List<Comparison> comparisons = List.of();
    private Decision decision;
    private AutodiffBreakdown autodiff;
    private TrainingEffect training;
    private List<String> warnings = List.of();
    private String interrupted;
    private ShardInfo shard;
    private MergeInfo merge;
    private Control control;
    private Map<String, Double> stagesMs;
    private Race race;
    private Map<String, Double> stagesLoad;
    private List<CallerCost> callers;

    private ReportBuilder() {
    }

    public static ReportBuilder report() {
        return new ReportBuilder();
    }

    public static ReportBuilder report(List<ProfileResult> profiles) {
        return new ReportBuilder().profiles(profiles);
    }

    public static ReportBuilder from(Report r) {
        ReportBuilder b = new ReportBuilder();
        b.schemaVersion = r.schemaVersion();
        b.tool = r.tool();
        b.createdAt = r.createdAt();
        b.label = r.label();
        b.crate = r.crate();
        b.machine = r.machine();
        b.settings = r.settings();
        b.toolchain = r.toolchain();
        b.toolchains = r.toolchains();
        b.profiles = r.profiles();
        b.reference = r.reference();
        b.comparisons = r.comparisons();
        b.decision = r.decision();
        b.autodiff = r.autodiff();
        b.training = r.training();
        b.warnings = r.warnings();
        b.interrupted = r.interrupted();
        b.shard = r.shard();
        b.merge = r.merge();
        b.control = r.control();
        b.stagesMs = r.stagesMs();
        b.race = r.race();
        b.stagesLoad = r.stagesLoad();
        b.callers = r.callers();
        return b;
    }

    public ReportBuilder schemaVersion(int v) { schemaVersion = v; return this; }
    public ReportBuilder tool(String v) { tool = v; return this; }
    public ReportBuilder createdAt(String v) { createdAt = v; return this; }
    public ReportBuilder label(String v) { label = v; return this; }
    public ReportBuilder crate(CrateFacts v) { crate = v; return this; }
    public ReportBuilder machine(MachineFacts v) { machine = v; return this; }
    public ReportBuilder settings(MeasuringSettings v) { settings = v; return this; }
    public ReportBuilder toolchain(ToolchainFacts v) { toolchain = v; return this; }
    public ReportBuilder toolchains(List<ToolchainFacts> v) { toolchains = v; return this; }
    public ReportBuilder profiles(List<ProfileResult> v) { profiles = v; return this; }
    public ReportBuilder reference(String v) { reference = v; return this; }
    public ReportBuilder comparisons(List<Comparison> v) { comparisons = v; return this; }
    public ReportBuilder decision(Decision v) { decision = v; return this; }
    public ReportBuilder autodiff(AutodiffBreakdown v) { autodiff = v; return this; }
    public ReportBuilder training(TrainingEffect v) { training = v; return this; }
    public ReportBuilder warnings(List<String> v) { warnings = v; return this; }
    public ReportBuilder interrupted(String v) { interrupted = v; return this; }
    public ReportBuilder shard(ShardInfo v) { shard = v; return this; }
    public ReportBuilder merge(MergeInfo v) { merge = v; return this; }
    public ReportBuilder control(Control v) { control = v; return this; }
    public ReportBuilder stagesMs(Map<String, Double> v) { stagesMs = v; return this; }
    public ReportBuilder race(Race v) { race = v; return this; }
    public ReportBuilder stagesLoad(Map<String, Double> v) { stagesLoad = v; return this; }
    public ReportBuilder callers(List<CallerCost> v) { callers = v; return this; }

    public Report build() {
        return new Report(schemaVersion, tool, createdAt, label, crate, machine, settings, toolchain, toolchains, profiles, reference,
                comparisons, decision, autodiff, training, warnings, interrupted, shard, merge, control, stagesMs, race, stagesLoad,
                callers);
    }
}
