package dev.ctime.gate;

import dev.ctime.model.FigureKind;
import dev.ctime.profile.SettingsIdentity;
import dev.ctime.model.FigureId;
import dev.ctime.verdict.Comparisons;
import dev.ctime.model.Verdict;
import dev.ctime.model.MachineFacts;
import dev.ctime.verdict.Judge;
import dev.ctime.model.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regression gate's rule, one place for check and compare: a figure regressed only when the
 * change is significant (the same test as every comparison ctime makes, Holm-corrected across
 * every timed figure of the check, so that many figures do not multiply false alarms), beyond
 * its kind's threshold, and beyond the noise measured in both runs (larger than the two medians'
 * interval half-widths together, so the intervals do not overlap). Counted figures (instructions, sizes) are exact: the threshold alone decides.
 * Where both runs counted a kernel's instructions, the counts decide for that kernel and its
 * times are reported beside them.
 */
public final class Gate {
    public enum OnMismatch { FAIL, WARN, IGNORE }

    /** What a baseline figure the current run lacks does to the check: fail it (the default), or only warn. */
    /**
     * FAIL: a lost figure fails the check; WARN: it only warns; STRICT: a figure the run switched off (a setting, a tool
     * missing on this runner) fails as well, where otherwise it is reported as switched off and passes.
     */
    public enum OnMissing { FAIL, WARN, STRICT }

    /** How a switched-off figure's row ends: what would make it fail. */
    static final String STRICT_NOTE = "; ctime.check.onMissing=strict fails on it";

    /** @param mismatches what differs between the two runs that a comparison would silently mix */
    /** @param warnings what makes the timed verdicts less trustworthy: a run whose control differed */
    public record Result(List<GateRow> rows, List<Mismatch> mismatches, List<String> warnings) {
        /** Every row that fails the check: regressions, and missing figures unless lowered to warnings. */
        public List<GateRow> regressions() {
            return rows.stream().filter(GateRow::fails).toList();
        }

        /** The failing rows that regressed (the rest of {@link #regressions()} are missing figures). */
        public List<GateRow> regressed() {
            return rows.stream().filter(r -> r.fails() && r.verdict().equals(GateVerdict.REGRESSED)).toList();
        }

        /** Every figure of the baseline gone now, failing or only warned of. */
        public List<GateRow> missing() {
            return rows.stream().filter(r -> r.verdict().equals(GateVerdict.MISSING)).toList();
        }
    }

    private Gate() {
    }

    /** Toolchains, machine and profile settings that differ, one sentence each. */
    public static List<Mismatch> mismatches(Measured baseline, Measured current) {
        List<Mismatch> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(baseline.toolchains().keySet());
        names.addAll(current.toolchains().keySet());
        for (String n : names) {
            String b = baseline.toolchains().get(n);
            String c = current.toolchains().get(n);
            if (b != null && c != null && !b.equals(c)) out.add(new Mismatch(Mismatch.Kind.TOOLCHAIN, "toolchain " + n + ": baseline " + b + ", now " + c));
        }
        for (String k : MachineFacts.IDENTITY) {
            String b = baseline.machine().get(k);
            String c = current.machine().get(k);
            if (b != null && c != null && !b.equals(c)) out.add(new Mismatch(Mismatch.Kind.MACHINE, "machine " + k + ": baseline " + b + ", now " + c));
        }
        for (Map.Entry<String, Measured.Profile> e : current.profiles().entrySet()) {
            Measured.Profile b = baseline.profiles().get(e.getKey());
            if (b == null) continue;
            List<String> diff = SettingsIdentity.differences(b.settings(), e.getValue().settings());
            if (!diff.isEmpty()) out.add(new Mismatch(Mismatch.Kind.SETTINGS, "profile " + e.getKey() + ": settings changed: "
                    + String.join(", ", diff)));
        }
        return out;
    }

    public static Result compare(Measured baseline, Measured current, GateThresholds t, OnMismatch onMismatch) {
        return compare(baseline, current, t, onMismatch, OnMissing.FAIL);
    }

    /**
     * Every figure of both runs, judged. A figure the baseline has and the current run lacks (a kernel that
     * crashed, hung, failed its check or lost its symbol; a profile that failed or is gone) is missing, named
     * with its cause, and fails the check unless {@code onMissing} is WARN: a gate never goes green on a
     * kernel that stopped working.
     */
    public static Result compare(Measured baseline, Measured current, GateThresholds t, OnMismatch onMismatch, OnMissing onMissing) {
        List<Mismatch> mismatches = mismatches(baseline, current);
        boolean global = mismatches.stream().anyMatch(Mismatch::global);
        List<GateRow> rows = new ArrayList<>();
        List<Comparison> timed = new ArrayList<>();
        List<int[]> timedAt = new ArrayList<>();
        Set<String> profiles = new LinkedHashSet<>(baseline.profiles().keySet());
        profiles.addAll(current.profiles().keySet());
        for (String p : profiles) {
            Measured.Profile b = baseline.profiles().get(p);
            Measured.Profile c = current.profiles().get(p);
            boolean fail = onMissing != OnMissing.WARN;
            if (b == null) {
                rows.add(notComparable(p, "*", "not in the baseline"));
                continue;
            }
            if (c == null || (b.status().measured() && !c.status().measured())) {
                String why = c == null ? "the profile is not in this run" : c.whyMissing("*");
                b.figures().forEach((f, fb) -> rows.add(missing(p, f, fb, why, fail)));
                if (b.figures().isEmpty()) rows.add(notComparable(p, "*", why));
                continue;
            }
            if (!b.status().measured() || !c.status().measured()) {
                rows.add(notComparable(p, "*", "status: baseline " + b.status() + ", now " + c.status()));
                continue;
            }
            String changed = SettingsIdentity.differences(b.settings(), c.settings()).isEmpty() ? null : "settings changed";
            Set<String> figures = new LinkedHashSet<>(b.figures().keySet());
            figures.addAll(c.figures().keySet());
            for (String f : figures) {
                Figure fb = b.figures().get(f);
                Figure fc = c.figures().get(f);
                if (fc == null && current.switchedOff(f) != null && onMissing != OnMissing.STRICT) {
                    rows.add(new GateRow(p, f, fb.kind(), fb.unit(), fb.median(), null, null, null, null, GateVerdict.NOT_COMPARABLE, 0,
                            false, f, current.switchedOff(f) + STRICT_NOTE));
                    continue;
                }
                if (fc == null) {
                    rows.add(missing(p, f, fb, current.switchedOff(f) != null ? current.switchedOff(f) : c.whyMissing(f), fail));
                    continue;
                }
                if (fb == null) {
                    rows.add(new GateRow(p, f, fc.kind(), fc.unit(), null, fc.median(), null, null, null, GateVerdict.NOT_COMPARABLE, 0,
                            false, f, "not in the baseline"));
                    continue;
                }
                String reason = changed != null && onMismatch != OnMismatch.IGNORE ? changed
                        : global && onMismatch != OnMismatch.IGNORE ? "toolchain or machine changed" : null;
                double th = t.of(fb.kind());
                String decidedBy = decidingFigure(f, b, c);
                boolean gating = decidedBy.equals(f);
                if (reason != null) {
                    rows.add(new GateRow(p, f, fb.kind(), fb.unit(), fb.median(), fc.median(), fc.median() / fb.median(), null, null,
                            GateVerdict.NOT_COMPARABLE, th, false, decidedBy, reason));
                } else if (fb.runs().isEmpty() || fc.runs().isEmpty()) {
                    rows.add(exact(p, f, fb, fc, th, gating, decidedBy));
                } else {
                    Comparison cmp = Judge.of(f, p, fc.values(), "baseline", fb.values(), th);
                    timed.add(cmp);
                    timedAt.add(new int[] {rows.size()});
                    rows.add(new GateRow(p, f, fb.kind(), fb.unit(), fb.median(), fc.median(), cmp.ratio(), cmp.ciLow(), cmp.ciHigh(),
                            GateVerdict.INCONCLUSIVE, th, gating, decidedBy, null));
                }
            }
        }
        judgeTimed(rows, timed, timedAt, baseline, current);
        List<String> warnings = new ArrayList<>();
        if (baseline.unreliable() != null) warnings.add("the baseline's " + baseline.unreliable());
        if (current.unreliable() != null) warnings.add("this run's " + current.unreliable());
        return new Result(rows, mismatches, warnings);
    }

    /**
     * The figure that decides for this one: a kernel's instruction count where both runs counted it;
     * for a build's wall time, its CPU time (wall time also measures what else ran on the machine).
     */
    static String decidingFigure(String figure, Measured.Profile b, Measured.Profile c) {
        FigureId id = FigureId.parse(figure);
        String instead = id instanceof FigureId.Build f && f.measure().equals(FigureId.WALL_MS) ? f.with(FigureId.CPU_MS).id()
                : id instanceof FigureId.Kernel f && !f.counted() ? f.counterpart().id() : figure;
        return b.figures().containsKey(instead) && c.figures().containsKey(instead) ? instead : figure;
    }

    private static GateRow exact(String p, String f, Figure fb, Figure fc, double th, boolean gating, String decidedBy) {
        double ratio = fb.median() == 0 ? (fc.median() == 0 ? 1 : Double.POSITIVE_INFINITY) : fc.median() / fb.median();
        GateVerdict v = ratio - 1 >= th ? GateVerdict.REGRESSED : 1 - ratio >= th ? GateVerdict.IMPROVED : GateVerdict.EQUIVALENT;
        return new GateRow(p, f, fb.kind(), fb.unit(), fb.median(), fc.median(), ratio, ratio, ratio, v, th, gating, decidedBy, null);
    }

    /**
     * Holm's step-down over every timed figure of the check, then the threshold and the noise:
     * the change must exceed both runs' interval half-widths. Equivalent where the interval lies
     * within the threshold on both sides (the comparisons' one rule); inconclusive where it cannot tell.
     */
    private static void judgeTimed(List<GateRow> rows, List<Comparison> timed, List<int[]> at, Measured baseline, Measured current) {
        // Holm's step-down over the check's timed figures: the one rule every family of comparisons gets.
        List<Comparison> holm = Comparisons.holm(timed);
        for (int i = 0; i < timed.size(); i++) {
            Comparison c = timed.get(i);
            GateRow r = rows.get(at.get(i)[0]);
            Figure fb = baseline.profiles().get(r.profile()).figures().get(r.figure());
            Figure fc = current.profiles().get(r.profile()).figures().get(r.figure());
            // Beyond the noise of both runs: the two medians' intervals must not overlap.
            double noise = fb.precision() + fc.precision();
            double th = r.threshold();
            // Different in the judge's one sense (significant after Holm and at least the threshold), then beyond the noise.
            boolean significant = holm.get(i).significant();
            GateVerdict verdict;
            String note = String.format(java.util.Locale.ROOT, "noise ±%.1f%% baseline, ±%.1f%% now; p = %.2g", fb.precision() * 100,
                    fc.precision() * 100, c.pValue());
            if (significant && c.ratio() - 1 > noise) verdict = GateVerdict.REGRESSED;
            else if (significant && 1 - c.ratio() > noise) verdict = GateVerdict.IMPROVED;
            else if (c.verdict() == Verdict.EQUIVALENT) verdict = GateVerdict.EQUIVALENT;
            else verdict = GateVerdict.INCONCLUSIVE;
            if (Math.signum(fc.median() - fb.median()) * Math.signum(c.ratio() - 1) < 0) {
                // The change is the median of run-by-run ratios; with overlapping runs it can point the other way.
                note += String.format(java.util.Locale.ROOT, "; the medians moved %s (%+.1f%%) but the run-by-run ratios"
                        + " say %+.1f%%: the runs overlap, so neither direction is settled", fc.median() > fb.median() ? "up" : "down",
                        (fc.median() / fb.median() - 1) * 100, (c.ratio() - 1) * 100);
            }
            rows.set(at.get(i)[0], new GateRow(r.profile(), r.figure(), r.kind(), r.unit(), r.baseline(), r.current(), r.ratio(),
                    r.ciLow(), r.ciHigh(), verdict, th, r.gating(), r.decidedBy(), note));
        }
    }

    private static GateRow missing(String profile, String figure, Figure fb, String why, boolean fails) {
        return new GateRow(profile, figure, fb.kind(), fb.unit(), fb.median(), null, null, null, null, GateVerdict.MISSING, 0, fails,
                figure, why);
    }

    private static GateRow notComparable(String profile, String figure, String why) {
        return new GateRow(profile, figure, FigureKind.COMPILE, "", null, null, null, null, null, GateVerdict.NOT_COMPARABLE, 0, false,
                figure, why);
    }
}
