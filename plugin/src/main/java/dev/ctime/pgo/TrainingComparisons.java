package dev.ctime.pgo;

import dev.ctime.model.Decision;
import dev.ctime.model.FigureId;
import dev.ctime.profile.SettingsIdentity;
import dev.ctime.model.Comparison;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.model.Summary;
import dev.ctime.model.Thresholds;
import dev.ctime.model.TrainingEffect;
import dev.ctime.verdict.Judge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes what PGO and BOLT buy and cost ({@link TrainingEffect}) from the measured profiles. */
public final class TrainingComparisons {
    private TrainingComparisons() {
    }

    /** Null where the run has no trained profile that built. */
    public static TrainingEffect of(List<ProfileResult> profiles, String scenario, String reference, Thresholds t) {
        List<ProfileResult> trained = profiles.stream().filter(p -> p.pipeline() != null && p.status().measured()
                && p.compile() != null).toList();
        if (trained.isEmpty()) return null;
        String sc = scenario != null ? scenario : trained.get(0).compile().keySet().stream().findFirst().orElse(Decision.DEFAULT_SCENARIO);
        List<TrainingEffect.Build> builds = new ArrayList<>();
        List<TrainingEffect.Row> rows = new ArrayList<>();
        for (ProfileResult p : trained) {
            ProfileResult twin = twinOf(p, profiles);
            ProfileResult base = twin != null ? twin : profiles.stream().filter(q -> q.name().equals(reference) && measured(q))
                    .findFirst().orElse(null);
            Summary mine = cpu(p, sc);
            Summary theirs = base == null ? null : cpu(base, sc);
            Comparison build = mine == null || theirs == null ? null
                    : Judge.of(FigureId.Build.cpu(sc).id(), p.name(), mine, base.name(), theirs, t.compile());
            Comparison with = mine == null || theirs == null ? null : Judge.of(FigureId.Build.cpu(sc).with(FigureId.CPU_MS + "+pipeline").id(), p.name(),
                    mine.plus(p.pipeline().cpuMs()), base.name(), theirs, t.compile());
            builds.add(new TrainingEffect.Build(p.name(), kind(p), base == null ? null : base.name(), twin != null, p.pipeline(), build, with));
            if (base == null || p.kernels() == null || base.kernels() == null) continue;
            for (KernelTiming k : p.kernels()) {
                KernelTiming b = base.kernels().stream().filter(x -> x.name().equals(k.name()) && x.n() == k.n()).findFirst()
                        .orElse(null);
                if (b == null || k.status() != Status.OK || b.status() != Status.OK) continue;
                FigureId.Kernel fig = FigureId.Kernel.of(k, FigureId.PRIMAL_NS);
                rows.add(new TrainingEffect.Row(p.name(), base.name(), k.name(), k.n(),
                        compare(fig.id(), p.name(), k.primalNs(), base.name(), b.primalNs(), t.runtime()),
                        compare(fig.with(FigureId.GRADIENT_NS).id(), p.name(), k.gradientNs(), base.name(), b.gradientNs(), t.runtime())));
            }
        }
        return new TrainingEffect(sc, builds, rows);
    }

    /** "PGO", "BOLT" or "PGO+BOLT". */
    static String kind(ProfileResult p) {
        boolean pgo = p.profile().usesPgo();
        boolean bolt = p.profile().usesBolt();
        return pgo && bolt ? "PGO+BOLT" : pgo ? "PGO" : "BOLT";
    }

    /** The measured profile whose settings are this one's without pgo and bolt. */
    static ProfileResult twinOf(ProfileResult p, List<ProfileResult> all) {
        Map<String, Object> want = untrained(p.settings());
        return all.stream().filter(q -> q != p && q.pipeline() == null && measured(q) && SettingsIdentity.same(untrained(q.settings()), want))
                .findFirst().orElse(null);
    }

    private static Map<String, Object> untrained(Map<String, Object> settings) {
        Map<String, Object> m = new TreeMap<>(settings == null ? Map.of() : settings);
        m.remove("pgo");
        m.remove("bolt");
        return m;
    }

    private static boolean measured(ProfileResult p) {
        return p.status().measured() && p.compile() != null;
    }

    private static Summary cpu(ProfileResult p, String sc) {
        ScenarioFigures f = p.compile() == null ? null : p.compile().get(sc);
        return f == null ? null : f.cpuMs();
    }

    private static Comparison compare(String fig, String p, Summary a, String r, Summary b, double threshold) {
        return a == null || b == null ? null : Judge.of(fig, p, a, r, b, threshold);
    }
}
