package dev.ctime.autodiff;

import dev.ctime.model.Decision;
import dev.ctime.model.FigureId;
import dev.ctime.text.Units;
import dev.ctime.stats.Statistics;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.verdict.Judge;
import dev.ctime.model.Status;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.ctime.model.AutodiffBreakdown;

/**
 * Computes what {@code #[autodiff]} costs and buys ({@link AutodiffBreakdown}) from the measured profiles, and
 * words its build-time details for every view.
 */
public final class AutodiffCosts {
    private AutodiffCosts() {
    }

    /** Null where the run has no Enzyme profile that built. */
    public static AutodiffBreakdown of(List<ProfileResult> profiles, String scenario, Thresholds t) {
        List<ProfileResult> enzyme = profiles.stream().filter(p -> isAutodiff(p) && p.status().measured() && p.compile() != null)
                .toList();
        List<AutodiffBreakdown.Rejected> rejected = new java.util.ArrayList<>();
        for (ProfileResult p : profiles) {
            if (!isAutodiff(p)) continue;
            java.util.Map<String, String> without = p.applied() == null ? null : p.applied().autodiffWithout();
            if (p.status() == Status.FAILED && (without == null || without.isEmpty())) {
                rejected.add(new AutodiffBreakdown.Rejected(p.name(), autodiffOf(p), p.reason()));
            } else if (without != null && !without.isEmpty()) {
                // Built again without what Enzyme rejects: named as rejected, with the kernels it left out.
                rejected.add(new AutodiffBreakdown.Rejected(p.name(), autodiffOf(p), EnzymeExclusion.why(without),
                        List.copyOf(without.keySet())));
            }
        }
        if (enzyme.isEmpty()) {
            // Every Enzyme profile failed: the hand-written baseline is still named where it was measured, so the words
            // do not ask for one that is there.
            ProfileResult failed = profiles.stream().filter(p -> isAutodiff(p) && p.status() == Status.FAILED).findFirst().orElse(null);
            ProfileResult hand = failed == null ? null : handBaseline(profiles, failed);
            return rejected.isEmpty() ? null : new AutodiffBreakdown(hand == null ? null : hand.name(), null, scenario, List.of(),
                    List.of(), null, rejected, null);
        }
        java.util.Map<String, String> identical = IdenticalLibraries.timedOnce(profiles, null);
        String sc = scenario != null ? scenario : enzyme.get(0).compile().keySet().stream().findFirst().orElse(Decision.DEFAULT_SCENARIO);
        ProfileResult hand = handBaseline(profiles, enzyme.get(0));
        // The fat LTO autodiff forces is read against a build without it on the same toolchain where there is one:
        // release differs between toolchains too.
        List<ProfileResult> plainBuilds = profiles.stream().filter(p -> !isAutodiff(p) && measured(p)
                && !"fat".equals(p.profile().lto()) && p.profile().pgo() == null
                && p.profile().bolt() == null).toList();
        ProfileResult release = plainBuilds.stream().filter(p -> hand != null && Objects.equals(p.toolchain(), hand.toolchain())
                        && !"dev".equals(p.profile().inherits()) && p.profile().optLevel() == null
                        && p.profile().lto() == null)
                .findFirst().orElse(profiles.stream().filter(p -> p.name().equals("release") && measured(p)).findFirst()
                        .orElse(plainBuilds.isEmpty() ? null : plainBuilds.get(0)));
        String releaseNote = hand == null || release == null || Objects.equals(release.toolchain(), hand.toolchain()) ? null
                : "the forced fat LTO compares " + hand.name() + " (toolchain " + hand.toolchain() + ") with " + release.name()
                + " (toolchain " + release.toolchain() + "), so it holds the toolchains' difference too; a profile without LTO"
                + " on " + hand.toolchain() + " (<toolchain>" + hand.toolchain() + "</toolchain>) would separate the two";
        ProfileResult plain = enzyme.stream().filter(p -> autodiffOf(p).equals(List.of("Enable"))).findFirst().orElse(null);
        List<AutodiffBreakdown.Build> builds = new ArrayList<>();
        List<AutodiffBreakdown.Row> rows = new ArrayList<>();
        for (ProfileResult e : enzyme) {
            Summary cpu = cpu(e, sc);
            Comparison vsRelease = compare(FigureId.Build.cpu(sc).id(), e, cpu, release, cpu(release, sc), t.compile());
            boolean changesSettings = plain != null && plain != e;
            builds.add(new AutodiffBreakdown.Build(e.name(), autodiffOf(e), cpu == null ? null : cpu.median(), vsRelease,
                    hand == null ? null : compare(FigureId.Build.cpu(sc).id(), hand, cpu(hand, sc), release, cpu(release, sc), t.compile()),
                    compare(FigureId.Build.cpu(sc).id(), e, cpu, hand, cpu(hand, sc), t.compile()),
                    e.analysis() == null ? null : e.analysis().enzymePassMs(),
                    e.analysis() == null ? null : e.analysis().codegenAfterEnzymeMs(),
                    changesSettings ? plain.name() : null,
                    changesSettings ? compare(FigureId.Build.cpu(sc).id(), e, cpu, plain, cpu(plain, sc), t.compile()) : null,
                    e.analysis() == null ? null : e.analysis().loopPassesMs(),
                    hand == null || hand.analysis() == null ? null : hand.analysis().loopPassesMs(), identical.get(e.name()),
                    e.analysis() == null || e.analysis().enzymePassRunsMs() == null || e.analysis().enzymePassRunsMs().isEmpty() ? null
                            : Statistics.summarize(e.analysis().enzymePassRunsMs().stream().mapToDouble(Double::doubleValue)
                            .toArray())));
            if (e.kernels() == null) continue;
            for (KernelTiming k : e.kernels()) {
                if (k.status() != Status.OK) continue;
                KernelTiming h = hand == null || hand.kernels() == null ? null : hand.kernels().stream()
                        .filter(x -> x.name().equals(k.name()) && x.n() == k.n() && x.status() == Status.OK).findFirst().orElse(null);
                FigureId.Kernel f = FigureId.Kernel.of(k, FigureId.PRIMAL_NS);
                rows.add(new AutodiffBreakdown.Row(e.name(), k.name(), k.n(),
                        h == null ? null : compare(f.with(FigureId.GRADIENT_NS).id(), e, k.gradientNs(), hand, h.gradientNs(), t.runtime()),
                        h == null ? null : compare(f.with(FigureId.PRIMAL_NS).id(), e, k.primalNs(), hand, h.primalNs(), t.runtime()),
                        vsRelease,
                        selfRatio(f + "gradientNs/primalNs", e.name(), k, t),
                        h == null ? null : selfRatio(f + "gradientNs/primalNs", hand.name(), h, t),
                        h == null || k.gradientNs() == null || h.primalNs() == null ? null
                                : Judge.of(f + "gradientNs/handPrimalNs", e.name(), k.gradientNs(), hand.name(), h.primalNs(), t.runtime())));
            }
        }
        return new AutodiffBreakdown(hand == null ? null : hand.name(), release == null ? null : release.name(), sc, builds, rows,
                AutodiffBreakdown.ANCHOR, rejected, releaseNote);
    }

    private static final Map<String, String> LOOP_PASS_NAMES = Map.of("LoopVectorizePass", "loop vectoriser", "SLPVectorizerPass",
            "SLP vectoriser", "LoopUnrollPass", "unroller", "LoopFullUnrollPass", "full unroller");

    /** The loop passes of an Enzyme build beside the hand-written baseline's, as every view says them; null where neither had any. */
    public static String loopPasses(AutodiffBreakdown.Build b) {
        if (b.loopPassesMs() == null) return null; // not traced: nothing known of them
        Map<String, Double> mine = b.loopPassesMs() == null ? Map.of() : b.loopPassesMs();
        Map<String, Double> hand = b.handLoopPassesMs() == null ? Map.of() : b.handLoopPassesMs();
        if (mine.isEmpty() && hand.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (String pass : EnzymeTrace.LOOP_PASSES) {
            if (!mine.containsKey(pass) && !hand.containsKey(pass)) continue;
            parts.add(LOOP_PASS_NAMES.get(pass) + " " + (mine.containsKey(pass) ? Units.ms(mine.get(pass)) : "not run")
                    + " (hand-written " + (hand.containsKey(pass) ? Units.ms(hand.get(pass)) : "not run") + ")");
        }
        return String.join(", ", parts);
    }

    /** Enzyme's pass as every view says it: the median of its runs with their range, or the one run there is. */
    public static String enzymePass(AutodiffBreakdown.Build b) {
        if (b.enzymePass() == null || b.enzymePass().runs() < 2) return b.enzymePassMs() == null ? null : Units.ms(b.enzymePassMs());
        Summary s = b.enzymePass();
        return Units.ms(s.median()) + " (" + Units.ms(s.ciLow()) + "–" + Units.ms(s.ciHigh())
                + ", " + s.runs() + " runs, " + Math.round(s.ciLevel() * 100) + "% interval)";
    }

    /** Where the profile asks Enzyme to print (PrintPerf, PrintTA, …): its build cost holds the printing, which no shipped build pays. */
    public static String printingNote(AutodiffBreakdown.Build b) {
        List<String> print = b.autodiff().stream().filter(f -> f.startsWith("Print")).toList();
        return print.isEmpty() ? null : "its build time includes Enzyme printing " + String.join(", ", print)
                + ", which a shipped build would not: not a cost of the setting itself";
    }

    /** What the passes an autodiff build left out, which the hand-written build ran, mean; null where it left none out. */
    public static String loopPassesMissing(AutodiffBreakdown.Build b) {
        if (b.loopPassesMs() == null) return null;
        Map<String, Double> mine = b.loopPassesMs() == null ? Map.of() : b.loopPassesMs();
        Map<String, Double> hand = b.handLoopPassesMs() == null ? Map.of() : b.handLoopPassesMs();
        List<String> missing = EnzymeTrace.LOOP_PASSES.stream().filter(p -> !mine.containsKey(p) && hand.containsKey(p))
                .map(LOOP_PASS_NAMES::get).toList();
        return missing.isEmpty() ? null : "the autodiff build did not run the " + String.join(" or the ", missing) + ", which the"
                + " hand-written build did: its code, the primal's included, goes without that vectorisation (rust-lang/rust#160450)";
    }

    /** The hand-written baseline: same toolchain, fat LTO, no Enzyme; the preset's name first. */
    static ProfileResult handBaseline(List<ProfileResult> profiles, ProfileResult enzyme) {
        // A failed profile may not have got as far as its toolchain: then any toolchain's fat-LTO build stands in.
        List<ProfileResult> candidates = profiles.stream().filter(p -> !isAutodiff(p) && measured(p)
                && "fat".equals(p.profile().lto()) && (enzyme.toolchain() == null && enzyme.status() == Status.FAILED
                || Objects.equals(p.toolchain(), enzyme.toolchain()))).toList();
        return candidates.stream().filter(p -> p.name().equals("hand-fat-lto")).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    private static boolean measured(ProfileResult p) {
        return p != null && p.status().measured() && p.compile() != null;
    }

    static boolean isAutodiff(ProfileResult p) {
        return p.profile().isAutodiff();
    }

    private static List<String> autodiffOf(ProfileResult p) {
        return p.profile().autodiff();
    }

    private static Summary cpu(ProfileResult p, String scenario) {
        if (p == null || p.compile() == null) return null;
        ScenarioFigures f = p.compile().get(scenario);
        return f == null ? null : f.cpuMs();
    }

    private static Comparison compare(String figure, ProfileResult p, Summary a, ProfileResult r, Summary b, double threshold) {
        if (p == null || r == null || a == null || b == null) return null;
        return Judge.of(figure, p.name(), a, r.name(), b, threshold);
    }

    /** Gradient over primal within one profile: fork medians of the one against the other's. */
    private static Comparison selfRatio(String figure, String profile, KernelTiming k, Thresholds t) {
        if (k.gradientNs() == null || k.primalNs() == null) return null;
        return Judge.of(figure, profile, k.gradientNs(), profile, k.primalNs(), t.runtime());
    }
}
