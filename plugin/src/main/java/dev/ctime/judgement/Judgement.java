package dev.ctime.judgement;

import dev.ctime.autodiff.AutodiffCosts;
import dev.ctime.model.AutodiffBreakdown;
import dev.ctime.model.Comparison;
import dev.ctime.model.Control;
import dev.ctime.model.Decision;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Thresholds;
import dev.ctime.model.TrainingEffect;
import dev.ctime.model.Workload;
import dev.ctime.pgo.TrainingComparisons;
import dev.ctime.verdict.Decider;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report derives from its profiles' figures and comparisons: the decision, the autodiff and training
 * breakdowns and the warnings the figures call for. One step, so that a measured report and one merged from shards
 * say the same of the same figures.
 *
 * @param warnings what makes these figures less reliable: the control first where it failed, then the noise, the
 *                 levels, the caps and the libraries built twice
 */
public record Judgement(Decision decision, AutodiffBreakdown autodiff, TrainingEffect training, List<String> warnings) {
    public Judgement {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param reference   the profile the comparisons are against, or null where none could be
     * @param comparisons every profile's comparisons with the reference
     * @param scenario    the build scenario the decision weighs
     * @param target      the relative precision at which extra runs stop: figures short of it are named
     * @param control     the A/A control, or null where none ran
     */
    public static Judgement of(List<ProfileResult> profiles, String reference, List<Comparison> comparisons, Workload work,
                               String scenario, Thresholds t, double target, Control control) {
        Decision decision = Decider.decide(profiles, work, scenario, reference, t, comparisons);
        return new Judgement(decision, AutodiffCosts.of(profiles, scenario, t), TrainingComparisons.of(profiles, scenario, reference, t),
                warnings(profiles, reference, target, control));
    }

    /** The warnings the figures alone call for (a run's own, such as load or resume, are the run's to add). */
    public static List<String> warnings(List<ProfileResult> profiles, String reference, double target, Control control) {
        List<String> w = new ArrayList<>();
        if (control != null && control.unreliable()) w.add(control.describe());
        w.addAll(Warnings.of(profiles, target));
        w.addAll(IdenticalLibraries.warnings(IdenticalLibraries.of(profiles, reference)));
        return w;
    }
}
