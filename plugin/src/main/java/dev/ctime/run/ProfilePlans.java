package dev.ctime.run;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.EffectiveProfile;
import dev.ctime.cargo.Toolchain;
import dev.ctime.compile.BuildPlan;
import dev.ctime.exec.Processes;
import dev.ctime.model.EnzymeStatus;
import dev.ctime.model.Profile;
import dev.ctime.pgo.PipelineTools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile as configured turned into the plan its builds follow all run long (its settings as Cargo would apply
 * them, its toolchain, features, PGO and BOLT tools and fingerprint), or the reason it cannot be built here.
 */
final class ProfilePlans {
    private final MeasureConfig cfg;
    private final Toolchains toolchains;
    private final EffectiveProfile effective;
    private final CargoCommand.FlagsRoute route;

    ProfilePlans(MeasureConfig cfg, Toolchains toolchains, EffectiveProfile effective, CargoCommand.FlagsRoute route) {
        this.cfg = cfg;
        this.toolchains = toolchains;
        this.effective = effective;
        this.route = route;
    }

    BuildPlan plan(Profile asConfigured) throws IOException, InterruptedException {
        Profile p = cfg.builds().inheritCrate() ? asConfigured : EffectiveProfile.withCargoDefaults(asConfigured);
        Toolchain tc = toolchains.get(p.toolchain());
        List<String> features = new ArrayList<>(p.features());
        cfg.builds().features().stream().filter(f -> !features.contains(f)).forEach(features::add);
        if (p.isAutodiff() && !features.contains(cfg.autodiffFeature())) features.add(cfg.autodiffFeature());
        PipelineTools.Set tools = tc != null && p.trained() ? PipelineTools.forProfile(p.usesPgo(), p.usesBolt(), tc, Processes::which)
                : null;
        return new BuildPlan(p, tc, cfg.workDir().resolve("profiles").resolve(p.name()), features, route, tools,
                Resume.fingerprint(cfg, p, tc), effective == null ? List.of() : effective.of(p));
    }

    /** Why a planned profile cannot be built here (a missing tool, toolchain or Enzyme backend); null when it can. */
    String skipReason(BuildPlan plan) throws IOException, InterruptedException {
        Toolchain tc = plan.toolchain();
        if (plan.tools() != null && !plan.tools().problems().isEmpty()) return String.join("; ", plan.tools().problems());
        if (tc == null) return toolchains.problem(plan.profile().toolchain());
        if (!plan.profile().isAutodiff()) return null;
        EnzymeStatus e = toolchains.enzyme(tc);
        if (e.present()) return null;
        return "no Enzyme backend in toolchain " + tc.displayName() + " (" + tc.rustcVersion() + "): "
                + (e.expectedFiles().isEmpty() ? "" : "expected " + e.expectedFiles().get(0) + "; ")
                + (e.rustcSays() == null ? "" : "rustc says: " + e.rustcSays() + "; ") + "to fix: " + e.howToFix();
    }
}
