package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

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
     * @param without where the library was built again without the derivatives Enzyme rejected, their names (the
     *                profile's other kernels are measured); null where the whole profile failed
     */
    public record Rejected(String profile, List<String> autodiff, String reason, List<String> without) {
        public Rejected(String profile, List<String> autodiff, String reason) {
            this(profile, autodiff, reason, null);
        }
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
}
