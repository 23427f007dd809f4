package dev.ctime.verdict;

import dev.ctime.model.FigureId;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Control;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Status;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every figure of every measured profile against the reference profile's same figure. A profile
 * has many figures, and at 5% each some would differ by chance alone: within each family, Holm's
 * step-down procedure keeps the chance of calling any figure different when none is at 5%. A
 * profile has two families, its builds' figures and its kernels' timed figures: they answer
 * different questions (what it costs to build, what it buys at run time). Counted figures are
 * exact, not tests, and take no part. Intervals stay the marginal 95% ones.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** The reference: the named profile where it was measured, else the first profile that was. */
    public static String reference(List<ProfileResult> profiles, String wanted) {
        List<ProfileResult> measured = profiles.stream().filter(p -> p.status().measured() && p.compile() != null).toList();
        if (measured.stream().anyMatch(p -> p.name().equals(wanted))) return wanted;
        return measured.isEmpty() ? null : measured.get(0).name();
    }

    public static List<Comparison> all(List<ProfileResult> profiles, String reference, Thresholds t) {
        List<Comparison> out = new ArrayList<>();
        ProfileResult ref = profiles.stream().filter(p -> p.name().equals(reference)).findFirst().orElse(null);
        if (ref == null) return out;
        Map<FigureId, ProfileFigures.Entry> theirs = new java.util.HashMap<>();
        ProfileFigures.of(ref).forEach(f -> theirs.put(f.id(), f));
        Map<String, String> timedOnce = IdenticalLibraries.timedOnce(profiles, reference);
        for (ProfileResult p : profiles) {
            if (p == ref || !p.status().measured()) continue;
            boolean sameKernels = reference.equals(timedOnce.get(p.name()));
            List<Comparison> builds = new ArrayList<>();
            List<Comparison> kernels = new ArrayList<>();
            for (ProfileFigures.Entry f : ProfileFigures.of(p)) {
                ProfileFigures.Entry r = theirs.get(f.id());
                if (r == null || !f.judgedInRun()) continue;
                boolean kernel = f.id() instanceof FigureId.Kernel;
                double threshold = kernel ? t.runtime() : t.compile();
                List<Comparison> family = kernel ? kernels : builds;
                if (kernel && sameKernels && f.counted() == null) {
                    family.add(Judge.identical(f.id().id(), p.name(), reference, threshold, f.timed() == null ? 0 : f.timed().runs()));
                } else if (f.counted() != null) exact(family, f.id().id(), p.name(), f.counted(), reference, r.counted(), threshold);
                else add(family, f.id().id(), p.name(), f.timed(), reference, r.timed(), threshold);
            }
            out.addAll(holm(builds));
            out.addAll(holm(kernels));
        }
        return out;
    }

    /** Holm's step-down: the i-th smallest of m p-values must be below 5% / (m - i), and every smaller one too. */
    public static List<Comparison> holm(List<Comparison> family) {
        List<Comparison> sorted = new ArrayList<>(family.stream().filter(c -> Comparison.TIMED.equals(c.basis())).toList());
        sorted.sort(java.util.Comparator.comparingDouble(Comparison::pValue));
        java.util.Set<Comparison> passing = new java.util.HashSet<>();
        int m = sorted.size();
        for (int i = 0; i < m; i++) {
            if (sorted.get(i).pValue() > (1 - Statistics.LEVEL) / (m - i)) break;
            passing.add(sorted.get(i));
        }
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : family) out.add(!Comparison.TIMED.equals(c.basis()) ? c : Judge.judged(c, passing.contains(c)));
        return out;
    }

    private static void exact(List<Comparison> out, String figure, String p, Double a, String r, Double b, double threshold) {
        if (a != null && b != null && b > 0) out.add(Judge.exact(figure, p, a, r, b, threshold));
    }

    private static void add(List<Comparison> out, String figure, String p, Summary a, String r, Summary b, double threshold) {
        if (a != null && b != null) out.add(Judge.of(figure, p, a, r, b, threshold));
    }

    /**
     * The run's false-alarm check: the reference's byte-identical copy against the reference, by the same
     * rule as every profile.
     */
    public static Control control(ProfileResult reference, List<KernelTiming> copy, Thresholds t) {
        ProfileResult asProfile = new ProfileResult(Control.NAME, Status.OK, null, null, null, reference.toolchain(), null, null, null, null,
                null, copy, null, null);
        ProfileResult ref = new ProfileResult(reference.name(), Status.OK, null, null, null, reference.toolchain(), null, null, null,
                null, null, reference.kernels(), null, null);
        List<Comparison> cs = all(List.of(ref, asProfile), reference.name(), t);
        int differing = (int) cs.stream().filter(Comparison::significant).count();
        return new Control(reference.name(), cs.size(), differing, cs);
    }
}
