package dev.ctime.site;

import dev.ctime.render.CallerRows;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Race;
import dev.ctime.model.MergeInfo;
import dev.ctime.text.Units;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Summary;
import dev.ctime.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ctime.site.PageCells.*;

/** The page's sections on how the run was made: the calls from Java, the race, the forks behind the decision, the shards. */
final class RunSections {
    private RunSections() {
    }

    /** "release's": the library the calls went through, as the report records it. */
    static String profileOf(Report r) {
        return r.callers().stream().map(c -> c.profile()).filter(p -> p != null).findFirst().map(p -> p + "'s").orElse("one profile's");
    }

    /** What a call costs the Java application, binding by binding. */
    static void callers(PageWriter w, Report r) {
        CallerRows t = CallerRows.of(r, true);
        if (t == null) return;
        w.section("Calls from Java");
        w.paragraph("What one call of each kernel function costs Java code, through each binding: what the binding adds over"
                + " the kernel's own C loop, of the whole call (medians over the forks that timed it, each calling "
                + profileOf(r) + " library right after its C loop). jna is an interface mapping (Library), jna-direct"
                + " Native.register, jni a JNI entry point calling the kernel, ffm a downcall handle of java.lang.foreign held in"
                + " a static final field, ffm-critical one made with Linker.Option.critical. Data off-heap is passed as an"
                + " address; data in a Java array is copied in and out (jna, jna-direct, ffm) or pinned (jni, ffm-critical).");
        w.table("callers", t.head(), t.rows());
        for (String n : t.notes()) w.paragraph(n);
        w.endSection();
    }

    /** A race: the field narrowing judgement by judgement, who left beaten by whom with what interval, and the cost. */
    static void race(PageWriter w, Race race) {
        if (race == null) return;
        w.section("The race");
        int all = race.field().isEmpty() ? 0 : race.field().get(0);
        w.paragraph("A race (ctime.search=race) timed the kernels of all " + all + " profiles in a first round of forks, then the"
                + " builds of the one whose workload ran fastest; each profile whose run time alone made it significantly costlier"
                + " per build than that one's build and run left with its builds untimed, and the others' builds were timed. After"
                + " that, and after every fork and round of builds that followed, each profile significantly costlier per build than"
                + " the best one on the workload (the decision's own rule) left, and only the others were measured further, analysed"
                + " and counted. " + race.finalists().size() + " finalists: " + String.join(", ", race.finalists()) + "."
                + (race.stopped() == null ? "" : " The race stopped: " + race.stopped() + "."));
        Race.Spent sp = race.spent();
        if (sp != null) {
            w.paragraph("Spent: " + sp.builds() + " builds and " + sp.forks() + " forks" + (sp.cpuMs() == null ? ""
                    : ", " + Units.duration(sp.cpuMs()) + " of CPU") + ", " + Units.duration(sp.wallMs())
                    + " in all. An exhaustive search of the same profiles runs at least " + sp.exhaustiveBuilds() + " builds"
                    + (sp.exhaustiveEstimateMs() == null ? "" : ", about " + Units.duration(sp.exhaustiveEstimateMs())
                    + " by this run's estimate") + ".");
        }
        List<double[]> steps = new ArrayList<>();
        for (int i = 0; i < race.field().size(); i++) steps.add(new double[] {i, race.field().get(i)});
        if (steps.size() > 1) {
            w.raw(Svg.lines("The field narrowing: profiles in the race at each judgement", Map.of("in the race", steps),
                    "judgement (0: the start)", "profiles", false));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Race.Left l : race.left()) {
            rows.add(List.of(l.profile(), Integer.toString(l.judgement()), l.after(), l.beatenBy() == null ? "" : l.beatenBy(),
                    l.totalMs() == null ? "" : ms(l.totalMs()) + (l.totalLow() == null ? "" : " (" + ms(l.totalLow()) + " to "
                            + (l.totalHigh() == null ? "unbounded" : ms(l.totalHigh())) + ")"),
                    l.build() == null ? "" : l.build().describe(), l.run() == null ? "" : l.run().describe()));
        }
        if (!rows.isEmpty()) {
            w.table("race", List.of("profile", "judgement", "left after", "beaten by", "cost per build, it minus the best (95%)",
                    "build CPU against it", "run time against it"), rows);
        }
        w.endSection();
    }

    /**
     * The runs behind the decision: for each kernel function of the workload, every profile's fork medians as dots
     * beside their median and interval (a profile whose library is another's is that profile's row).
     */
    static void runs(PageWriter w, Report r, Workload workload) {
        Map<String, String> sameLibrary = IdenticalLibraries.timedOnce(r);
        boolean any = false;
        for (Workload.Item item : workload.items()) {
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (ProfileResult p : r.profiles()) {
                if (p.kernels() == null || sameLibrary.containsKey(p.name())) continue;
                p.kernels().stream().filter(k -> k.name().equals(item.kernel()) && k.n() == item.n()).findFirst().ifPresent(k -> {
                    Summary s = item.function().equals(Workload.GRADIENT) ? k.gradientNs() : k.primalNs();
                    if (s == null) return;
                    double[] runs = Statistics.units(s);
                    double[] row = java.util.Arrays.copyOf(runs, runs.length + 3);
                    row[runs.length] = s.median();
                    row[runs.length + 1] = s.ciLow();
                    row[runs.length + 2] = s.ciHigh();
                    rows.put(p.name(), row);
                });
            }
            if (rows.isEmpty()) continue;
            if (!any) {
                w.paragraph("The runs behind it, kernel function by kernel function of the workload: each dot is one fork's median"
                        + " (a fork is one run) placed by how far it lies from its profile's median, the shaded bar the 95%"
                        + " interval of that median. A dot far from its row's others is a run the machine disturbed; a wide bar is"
                        + " a figure the verdicts hold less firmly.");
                any = true;
            }
            w.raw(Svg.strips(item.describe() + ": run by run", rows, PageCells::ns));
        }
    }

    /** A merged report: where each part was measured, and whether the runners' anchors agree. */
    static void shards(PageWriter w, Report r) {
        if (r.merge() == null) return;
        w.section("Shards");
        w.paragraph("Measured in " + r.merge().shards().size() + " shards, each on its own runner, each with the anchor "
                + r.merge().anchor() + ". Every profile is compared through its own shard's anchor, so a faster or slower runner"
                + " does not bias the ratios; the absolute figures of later shards are rescaled to the first shard's anchor."
                + " The anchor column compares each shard's anchor build CPU with the other shards' (= marks no significant"
                + " difference).");
        List<List<String>> rows = new ArrayList<>();
        for (MergeInfo.Source s : r.merge().shards()) {
            String cpu = s.machine() == null ? null : s.machine().cpuModel();
            rows.add(List.of(s.index() + "/" + s.count(), String.join(", ", s.profiles()), cpu == null ? "" : String.valueOf(cpu),
                    s.createdAt() == null ? "" : s.createdAt().replaceAll(":\\d\\d(\\.\\d+)?Z$", "Z").replace('T', ' '),
                    desc(s.anchorDrift())));
        }
        w.table("shards", List.of("shard", "profiles", "CPU", "measured", "anchor against the others"), rows);
        for (String f : r.merge().findings()) w.paragraph(Character.toUpperCase(f.charAt(0)) + f.substring(1) + (f.endsWith(".") ? "" : "."));
        w.endSection();
    }
}
