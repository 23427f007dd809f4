package dev.ctime.autodiff;

import dev.ctime.model.Status;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ctime.kernel.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Summary;
import dev.ctime.verdict.Comparison;
import dev.ctime.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code #[autodiff]} costs and buys, per Enzyme profile: at build time the fat LTO it
 * forces (the hand-written baseline built the same way against release), Enzyme itself (the
 * autodiff build against that baseline, with Enzyme's own pass and the code generation after it
 * from the LLVM trace, and the loop passes the two builds ran side by side), and what the profile's
 * Enzyme settings change against plain {@code Enable}; at run time, per kernel, Enzyme's gradient
 * and the autodiff build's primal against the hand-written ones, and gradient over primal against
 * both primals (an autodiff build can slow the primal down, which flatters its own ratio). Presets
 * Enzyme rejected are listed with its verdict. Every ratio carries its 95% interval, by the same rule
 * as every other comparison.
 *
 * @param hand     the baseline: the hand-written gradients built on the same toolchain with fat LTO
 * @param release  the profile the forced LTO is measured against
 * @param builds   one per Enzyme profile that built
 * @param rows     one per Enzyme profile, kernel and size measured on both sides
 * @param anchor   published figures to read the ratios against
 * @param rejected the Enzyme profiles that did not build, with why
 * @param releaseNote where release is on another toolchain than the hand-written baseline, what that mixes in
 * @param scenario the build scenario whose figures are compared
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutodiffBreakdown(String hand, String release, String scenario, List<Build> builds, List<Row> rows, String anchor,
                                List<Rejected> rejected, String releaseNote) {
    public static final String ANCHOR = "for scale: ADBench reports Enzyme's gradient/primal ratio for GMM at 4.7x in C++ and"
            + " 11.4x in Rust (Enzyme issue 1832), against the faster primal: read it beside the gradient over the hand-written"
            + " primal where the autodiff build's own primal is slower";

    /**
     * An Enzyme profile that did not build: its settings and Enzyme's verdict (or the build's failure).
     *
     * @param profile the profile's name
     * @param autodiff its Enzyme settings (-Zautodiff values)
     * @param reason Enzyme's verdict, or the build's failure
     */
    public record Rejected(String profile, List<String> autodiff, String reason) {
    }

    /**
     * @param buildCpuVsRelease  the Enzyme build's CPU time against release's
     * @param forcedLto          the hand-written baseline (fat LTO, no Enzyme) against release: the LTO autodiff forces
     * @param enzymeOverFatLto   the Enzyme build against the hand-written baseline: Enzyme and what it adds
     * @param settingsEffect     against the plain Enable profile, where this profile changes Enzyme's settings
     * @param codegenAfterEnzymeMs LLVM's code generation of the differentiated module (not an optimisation)
     * @param loopPassesMs       the loop vectoriser, SLP vectoriser and unrollers in this build's trace
     * @param handLoopPassesMs   the same in the hand-written baseline's trace
     * @param identicalTo        the profile whose library this one's is, byte for byte, where there is one
     * @param enzymePass         Enzyme's pass over the analysis builds that traced it, with its interval (at its real level:
     *                           two runs hold the median with probability 50%)
     * @param profile the Enzyme profile's name
     * @param autodiff its Enzyme settings (-Zautodiff values)
     * @param buildCpuMs its build's median CPU time (ms)
     * @param enzymePassMs Enzyme's own pass in the LLVM trace of an analysis build (ms), the median where it was traced more than once
     * @param settingsAgainst the plain Enable profile settingsEffect compares with
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Build(String profile, List<String> autodiff, Double buildCpuMs, Comparison buildCpuVsRelease,
                        Comparison forcedLto, Comparison enzymeOverFatLto, Double enzymePassMs,
                        @com.fasterxml.jackson.annotation.JsonAlias("postDifferentiationOptMs") Double codegenAfterEnzymeMs,
                        String settingsAgainst, Comparison settingsEffect, Map<String, Double> loopPassesMs,
                        Map<String, Double> handLoopPassesMs, String identicalTo, Summary enzymePass) {
    }

    /**
     * @param gradientToPrimal     this profile's gradient over its own primal
     * @param handGradientToPrimal the hand-written gradient over the hand-written primal
     * @param gradientToHandPrimal this profile's gradient over the hand-written primal: its ratio where its own primal is
     *                             not slowed down
     * @param profile the Enzyme profile's name
     * @param kernel the kernel's name
     * @param n its input size
     * @param gradientVsHand Enzyme's gradient against the hand-written one
     * @param primalVsHand the autodiff build's primal against the hand-written build's
     * @param buildCpuVsRelease the Enzyme build's CPU time against release's (repeated per row for tables that read rows only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String profile, String kernel, int n, Comparison gradientVsHand, Comparison primalVsHand,
                      Comparison buildCpuVsRelease, Comparison gradientToPrimal, Comparison handGradientToPrimal,
                      Comparison gradientToHandPrimal) {
    }

    /** Null where the run has no Enzyme profile that built. */
    public static AutodiffBreakdown of(List<ProfileResult> profiles, String scenario, Thresholds t) {
        List<ProfileResult> enzyme = profiles.stream().filter(p -> isAutodiff(p) && p.status().measured() && p.compile() != null)
                .toList();
        List<Rejected> rejected = profiles.stream().filter(p -> isAutodiff(p) && p.status() == Status.FAILED)
                .map(p -> new Rejected(p.name(), autodiffOf(p), p.reason())).toList();
        if (enzyme.isEmpty()) {
            return rejected.isEmpty() ? null : new AutodiffBreakdown(null, null, scenario, List.of(), List.of(), null, rejected, null);
        }
        java.util.Map<String, String> identical = dev.ctime.model.IdenticalLibraries.timedOnce(profiles, null);
        String sc = scenario != null ? scenario : enzyme.get(0).compile().keySet().stream().findFirst().orElse("full");
        ProfileResult hand = handBaseline(profiles, enzyme.get(0));
        // The fat LTO autodiff forces is read against a build without it on the same toolchain where there is one:
        // release differs between toolchains too.
        List<ProfileResult> plainBuilds = profiles.stream().filter(p -> !isAutodiff(p) && measured(p)
                && !"fat".equals(String.valueOf(p.settings().get("lto"))) && p.settings().get("pgo") == null
                && p.settings().get("bolt") == null).toList();
        ProfileResult release = plainBuilds.stream().filter(p -> hand != null && Objects.equals(p.toolchain(), hand.toolchain())
                        && !"dev".equals(p.settings().get("inherits")) && p.settings().get("optLevel") == null
                        && p.settings().get("lto") == null)
                .findFirst().orElse(profiles.stream().filter(p -> p.name().equals("release") && measured(p)).findFirst()
                        .orElse(plainBuilds.isEmpty() ? null : plainBuilds.get(0)));
        String releaseNote = hand == null || release == null || Objects.equals(release.toolchain(), hand.toolchain()) ? null
                : "the forced fat LTO compares " + hand.name() + " (toolchain " + hand.toolchain() + ") with " + release.name()
                + " (toolchain " + release.toolchain() + "), so it holds the toolchains' difference too; a profile without LTO"
                + " on " + hand.toolchain() + " (<toolchain>" + hand.toolchain() + "</toolchain>) would separate the two";
        ProfileResult plain = enzyme.stream().filter(p -> autodiffOf(p).equals(List.of("Enable"))).findFirst().orElse(null);
        List<Build> builds = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (ProfileResult e : enzyme) {
            Summary cpu = cpu(e, sc);
            Comparison vsRelease = compare("compile." + sc + ".cpuMs", e, cpu, release, cpu(release, sc), t.compile());
            boolean changesSettings = plain != null && plain != e;
            builds.add(new Build(e.name(), autodiffOf(e), cpu == null ? null : cpu.median(), vsRelease,
                    hand == null ? null : compare("compile." + sc + ".cpuMs", hand, cpu(hand, sc), release, cpu(release, sc), t.compile()),
                    compare("compile." + sc + ".cpuMs", e, cpu, hand, cpu(hand, sc), t.compile()),
                    e.analysis() == null ? null : e.analysis().enzymePassMs(),
                    e.analysis() == null ? null : e.analysis().codegenAfterEnzymeMs(),
                    changesSettings ? plain.name() : null,
                    changesSettings ? compare("compile." + sc + ".cpuMs", e, cpu, plain, cpu(plain, sc), t.compile()) : null,
                    e.analysis() == null ? null : e.analysis().loopPassesMs(),
                    hand == null || hand.analysis() == null ? null : hand.analysis().loopPassesMs(), identical.get(e.name()),
                    e.analysis() == null || e.analysis().enzymePassRunsMs() == null || e.analysis().enzymePassRunsMs().isEmpty() ? null
                            : dev.ctime.stats.Statistics.summarize(e.analysis().enzymePassRunsMs().stream().mapToDouble(Double::doubleValue)
                            .toArray())));
            if (e.kernels() == null) continue;
            for (KernelTiming k : e.kernels()) {
                if (k.status() != Status.OK) continue;
                KernelTiming h = hand == null || hand.kernels() == null ? null : hand.kernels().stream()
                        .filter(x -> x.name().equals(k.name()) && x.n() == k.n() && x.status() == Status.OK).findFirst().orElse(null);
                String f = "kernel:" + k.name() + ":" + k.n() + ":";
                rows.add(new Row(e.name(), k.name(), k.n(),
                        h == null ? null : compare(f + "gradientNs", e, k.gradientNs(), hand, h.gradientNs(), t.runtime()),
                        h == null ? null : compare(f + "primalNs", e, k.primalNs(), hand, h.primalNs(), t.runtime()),
                        vsRelease,
                        selfRatio(f + "gradientNs/primalNs", e.name(), k, t),
                        h == null ? null : selfRatio(f + "gradientNs/primalNs", hand.name(), h, t),
                        h == null || k.gradientNs() == null || h.primalNs() == null ? null
                                : Comparison.of(f + "gradientNs/handPrimalNs", e.name(), k.gradientNs(), hand.name(), h.primalNs(), t.runtime())));
            }
        }
        return new AutodiffBreakdown(hand == null ? null : hand.name(), release == null ? null : release.name(), sc, builds, rows,
                ANCHOR, rejected, releaseNote);
    }

    private static final Map<String, String> LOOP_PASS_NAMES = Map.of("LoopVectorizePass", "loop vectoriser", "SLPVectorizerPass",
            "SLP vectoriser", "LoopUnrollPass", "unroller", "LoopFullUnrollPass", "full unroller");

    /** The loop passes of an Enzyme build beside the hand-written baseline's, as every view says them; null where neither had any. */
    public static String loopPasses(Build b) {
        if (b.loopPassesMs() == null) return null; // not traced: nothing known of them
        Map<String, Double> mine = b.loopPassesMs() == null ? Map.of() : b.loopPassesMs();
        Map<String, Double> hand = b.handLoopPassesMs() == null ? Map.of() : b.handLoopPassesMs();
        if (mine.isEmpty() && hand.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (String pass : EnzymeTrace.LOOP_PASSES) {
            if (!mine.containsKey(pass) && !hand.containsKey(pass)) continue;
            parts.add(LOOP_PASS_NAMES.get(pass) + " " + (mine.containsKey(pass) ? dev.ctime.render.Units.ms(mine.get(pass)) : "not run")
                    + " (hand-written " + (hand.containsKey(pass) ? dev.ctime.render.Units.ms(hand.get(pass)) : "not run") + ")");
        }
        return String.join(", ", parts);
    }

    /** Enzyme's pass as every view says it: the median of its runs with their range, or the one run there is. */
    public static String enzymePass(Build b) {
        if (b.enzymePass() == null || b.enzymePass().runs() < 2) return b.enzymePassMs() == null ? null : dev.ctime.render.Units.ms(b.enzymePassMs());
        Summary s = b.enzymePass();
        return dev.ctime.render.Units.ms(s.median()) + " (" + dev.ctime.render.Units.ms(s.ciLow()) + "–" + dev.ctime.render.Units.ms(s.ciHigh())
                + ", " + s.runs() + " runs, " + Math.round(s.ciLevel() * 100) + "% interval)";
    }

    /** Where the profile asks Enzyme to print (PrintPerf, PrintTA, …): its build cost holds the printing, which no shipped build pays. */
    public static String printingNote(Build b) {
        List<String> print = b.autodiff().stream().filter(f -> f.startsWith("Print")).toList();
        return print.isEmpty() ? null : "its build time includes Enzyme printing " + String.join(", ", print)
                + ", which a shipped build would not: not a cost of the setting itself";
    }

    /** What the passes an autodiff build left out, which the hand-written build ran, mean; null where it left none out. */
    public static String loopPassesMissing(Build b) {
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
        List<ProfileResult> candidates = profiles.stream().filter(p -> !isAutodiff(p) && measured(p)
                && "fat".equals(String.valueOf(p.settings().get("lto"))) && Objects.equals(p.toolchain(), enzyme.toolchain())).toList();
        return candidates.stream().filter(p -> p.name().equals("hand-fat-lto")).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    private static boolean measured(ProfileResult p) {
        return p != null && p.status().measured() && p.compile() != null;
    }

    static boolean isAutodiff(ProfileResult p) {
        return p.settings() != null && p.settings().get("autodiff") instanceof List<?> l && !l.isEmpty();
    }

    private static List<String> autodiffOf(ProfileResult p) {
        List<String> out = new ArrayList<>();
        if (p.settings().get("autodiff") instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
        return out;
    }

    private static Summary cpu(ProfileResult p, String scenario) {
        if (p == null || p.compile() == null) return null;
        ScenarioFigures f = p.compile().get(scenario);
        return f == null ? null : f.cpuMs();
    }

    private static Comparison compare(String figure, ProfileResult p, Summary a, ProfileResult r, Summary b, double threshold) {
        if (p == null || r == null || a == null || b == null) return null;
        return Comparison.of(figure, p.name(), a, r.name(), b, threshold);
    }

    /** Gradient over primal within one profile: fork medians of the one against the other's. */
    private static Comparison selfRatio(String figure, String profile, KernelTiming k, Thresholds t) {
        if (k.gradientNs() == null || k.primalNs() == null) return null;
        return Comparison.of(figure, profile, k.gradientNs(), profile, k.primalNs(), t.runtime());
    }
}
