package dev.ctime.run;

import dev.ctime.profile.Closest;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.cargo.Toolchain;
import dev.ctime.exec.Processes;
import dev.ctime.model.ShardInfo;
import dev.ctime.profile.Linker;
import dev.ctime.profile.Presets;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileException;
import dev.ctime.shard.ShardPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which profiles this run measures: the configured ones or ctime's presets, narrowed by
 * ctime.profiles and by the shard, each checked against its toolchain, the crate and the machine.
 * Every problem is found before any build and reported at once.
 */
final class ProfileSelection {
    /** @param shard what this shard measures, or null for a run of the whole matrix */
    record Selected(List<Profile> profiles, ShardInfo shard) {
    }

    private final MeasureConfig cfg;
    private final CrateInfo crate;
    private final Toolchains toolchains;
    private final Consumer<String> log;

    ProfileSelection(MeasureConfig cfg, CrateInfo crate, Toolchains toolchains, Consumer<String> log) {
        this.cfg = cfg;
        this.crate = crate;
        this.toolchains = toolchains;
        this.log = log;
    }

    Selected select() throws ProfileException, IOException, InterruptedException {
        List<Profile> all = new ArrayList<>(cfg.profiles());
        if (all.isEmpty()) {
            all.addAll(Presets.standard());
            if (crate.features().contains(cfg.autodiffFeature())) {
                if (toolchains.get(Presets.AUTODIFF_TOOLCHAIN) != null) {
                    all.addAll(Presets.autodiff());
                } else {
                    log.accept("the crate has an '" + cfg.autodiffFeature() + "' feature, but toolchain "
                            + Presets.AUTODIFF_TOOLCHAIN + " is not usable (" + toolchains.problem(Presets.AUTODIFF_TOOLCHAIN)
                            + "): the Enzyme presets are left out");
                }
            }
        }
        Set<String> problems = new LinkedHashSet<>();
        List<String> names = all.stream().map(Profile::name).toList();
        if (!cfg.only().isEmpty()) {
            // Named with the rest, in one pass, each with the closest profile.
            for (String o : cfg.only()) {
                if (names.contains(o)) continue;
                problems.add(notAProfile("ctime.profiles", o, names));
            }
            all.removeIf(p -> !cfg.only().contains(p.name()));
        }
        // The default reference (release) may be absent, and the first measured profile stands in; another name is a choice.
        String ref = cfg.judging().reference();
        if (ref != null && !ref.equals("release") && !names.contains(ref)) {
            problems.add(notAProfile("ctime.reference", ref, names));
        }
        int max = cfg.sharding() == null ? 0 : cfg.sharding().maxProfiles();
        boolean sharded = cfg.sharding() != null && cfg.sharding().shard() != null;
        if (max > 0 && !sharded && all.size() > max) {
            problems.add("this run would measure " + all.size() + " profiles, more than ctime.maxProfiles = " + max + ": at least "
                    + all.size() * cfg.builds().repeat() * cfg.builds().scenarios().size() + " timed builds, and every kernel fork"
                    + " would load " + all.size() + " libraries. Narrow the matrix, pick profiles with ctime.profiles, split it"
                    + " over runners with ctime.shard=I/N and ctime:merge, or raise ctime.maxProfiles to measure them all");
        }
        List<String> seen = new ArrayList<>();
        for (Profile p : all) {
            if (seen.contains(p.name())) problems.add("two profiles are named '" + p.name() + "': names must be unique");
            seen.add(p.name());
            problems.addAll(problems(p));
        }
        if (problems.size() == 1) throw new ProfileException(problems.iterator().next());
        if (!problems.isEmpty()) {
            throw new ProfileException("the profiles have " + problems.size() + " problems, each to fix before any build:\n  - " + String.join("\n  - ", problems));
        }
        MeasureConfig.Sharding sh = cfg.sharding();
        if (sh == null || sh.shard() == null) return new Selected(all, null);
        ShardPlan plan;
        try {
            plan = ShardPlan.of(all, sh.shard().count(), sh.anchor(), sh.knownCosts());
        } catch (IllegalArgumentException e) {
            throw new ProfileException(e.getMessage());
        }
        List<String> keep = plan.measured(sh.shard());
        log.accept("shard " + sh.shard() + ": measuring " + sh.anchor() + " (the anchor, measured by every shard)"
                + (keep.size() > 1 ? " and " + String.join(", ", keep.subList(1, keep.size())) : " only (no profile fell to"
                + " this shard)") + " of " + all.size() + " profiles, balanced by " + plan.costBasis());
        all.removeIf(p -> !keep.contains(p.name()));
        return new Selected(all, new ShardInfo(sh.shard().index(), sh.shard().count(), sh.anchor(), seen, keep, plan.costBasis(),
                plan.costs()));
    }

    private static String notAProfile(String setting, String name, List<String> names) {
        return setting + " names '" + name + "', which is not a profile here" + Closest.among(name, names)
                .map(c -> ": did you mean '" + c + "'?").orElse(".") + " The profiles are: " + String.join(", ", names);
    }

    /** What makes a profile impossible as written, each with its fix; empty when it can run. */
    private List<String> problems(Profile p) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        String where = "profile '" + p.name() + "'";
        Toolchain tc = toolchains.get(p.toolchain());
        if (tc == null) return out; // not installed: the profile is skipped with that reason
        List<String> nightlyOnly = new ArrayList<>();
        if (p.frontendThreads() != null) nightlyOnly.add("frontendThreads (-Zthreads)");
        if (p.isAutodiff()) nightlyOnly.add("autodiff (-Zautodiff)");
        if (p.rustflags().stream().anyMatch(f -> f.startsWith("-Z"))) nightlyOnly.add("rustflags -Z…");
        if (!nightlyOnly.isEmpty() && !tc.isNightly()) {
            out.add(where + ": " + String.join(", ", nightlyOnly) + " need a nightly toolchain, but " + tc.displayName() + " is "
                    + tc.channel() + " (" + tc.rustcVersion() + "): add <toolchain>nightly</toolchain>");
        }
        if (p.isAutodiff() && !crate.features().contains(cfg.autodiffFeature())) {
            out.add(where + ": autodiff profiles build with the crate's '" + cfg.autodiffFeature() + "' feature, which "
                    + crate.packageName() + " does not declare: add it to [features] (gating the #[autodiff_reverse] code), or"
                    + " name yours with ctime.autodiffFeature");
        }
        if (p.trained() && cfg.kernels().isEmpty()) {
            out.add(where + ": " + (p.usesPgo() ? "<pgo>" : "<bolt>") + " trains on the configured kernels, and none are"
                    + " configured: add <kernels> (the training runs them with other inputs than the timed runs) or drop it");
        }
        Optional<Linker> linker = p.linker() == null ? Optional.empty() : Linker.named(p.linker());
        if (linker.isPresent() && Processes.which(linker.get().executable()) == null) {
            out.add(where + ": linker " + p.linker() + " needs `" + linker.get().executable() + "` on the PATH, and there is none:"
                    + " install it (Debian: apt-get install " + linker.get().debianPackage() + ") or drop <linker>");
        }
        return out;
    }
}
