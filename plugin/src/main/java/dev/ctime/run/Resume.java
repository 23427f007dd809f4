package dev.ctime.run;

import dev.ctime.model.InstructionCountState;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.cargo.Toolchain;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.model.MeasuringSetting;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import dev.ctime.model.Profile;
import dev.ctime.profile.SettingsIdentity;
import dev.ctime.store.ReportFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ctime.resume: what of the last report this run can reuse. A profile is the same where its
 * fingerprint (its settings by {@link SettingsIdentity}, the toolchain and the measuring settings)
 * is unchanged and the files its build read are too. The decision is made here from data alone.
 */
final class Resume {
    /**
     * @param outcomes      the planned outcomes as the run now records them (reused, or kept and to be completed)
     * @param interrupted   profiles the last run cut short, with their result there
     * @param reused        the profiles reused whole
     * @param again         the profiles measured again, each with why
     * @param resumedFrom   when the reused profiles were measured, or null where none is
     */
    record Plan(List<BuildOutcome> outcomes, Map<String, ProfileResult> interrupted, List<String> reused, List<String> again,
                String resumedFrom) {
        /** The sentence the run log prints. */
        String describe() {
            return "resume: reusing " + reused.size() + " finished profile" + (reused.size() == 1 ? "" : "s")
                    + (reused.isEmpty() ? "" : " (" + String.join(", ", reused) + ", measured " + resumedFrom + ")")
                    + "; measuring " + (again.isEmpty() ? "nothing else" : String.join(", ", again));
        }
    }

    private Resume() {
    }

    /**
     * Settings, toolchain and what the measurement itself depends on, hashed: equal means reusable where the
     * files the build read are unchanged too.
     */
    static String fingerprint(MeasureConfig cfg, Profile p, Toolchain tc) {
        String s = SettingsIdentity.canonical(p.settings()) + "|" + (tc == null ? "" : tc.rustcVersion()) + "|" + cfg.kernels()
                + "|" + cfg.userEnv().get("RUSTFLAGS") + ConfiguredSettings.shapingResults(cfg);
        return SourceCopy.sha256(s);
    }

    /**
     * The measuring settings that shape a result (the model's table says which) and differ between the last report
     * and this run, as "name old → new".
     */
    static List<String> changedSettings(Report last, MeasureConfig cfg) {
        List<String> out = new ArrayList<>();
        if (last.settings() == null) return out;
        for (MeasuringSetting s : MeasuringSetting.shapingResults()) {
            // Only what the last report says: an older one lacks some settings, and a run that never counted says nothing of counting.
            Object before = s.stored(last.settings());
            Object now = ConfiguredSettings.of(s, cfg);
            if (before != null && now != null && !MeasuringSetting.same(before, now)) out.add(s.key() + " " + before + " → " + now);
        }
        return out;
    }

    /**
     * The plan from the last report in the output folder, or empty where there is nothing to reuse, said why: no report,
     * one that cannot be read, measuring settings that changed since, or a run cut short while counting instructions.
     * A profile cut short keeps the timed builds it finished, and the run completes them; failed and skipped profiles
     * are measured again.
     */
    static java.util.Optional<Plan> from(java.nio.file.Path reportJson, MeasureConfig cfg, List<BuildOutcome> planned,
                                         Function<Map<String, String>, List<String>> sourcesChanged,
                                         java.util.function.Consumer<String> log) {
        Report last;
        try {
            last = java.nio.file.Files.exists(reportJson) ? ReportFiles.readJson(reportJson) : null;
        } catch (java.io.IOException e) {
            log.accept("resume: the last report " + reportJson + " cannot be read (" + e.getMessage() + "): measuring everything");
            return java.util.Optional.empty();
        }
        if (last == null) {
            log.accept("resume: no earlier report in " + reportJson.getParent() + ": measuring everything");
            return java.util.Optional.empty();
        }
        List<String> changed = changedSettings(last, cfg);
        if (!changed.isEmpty()) {
            log.accept("resume: measuring settings changed since the last report (" + String.join(", ", changed) + "): its"
                    + " figures would not be this run's, so everything is measured again");
            return java.util.Optional.empty();
        }
        if (cutWhileCounting(last)) {
            log.accept("resume: the last report was cut short while counting instructions: everything is measured again, so"
                    + " no profile goes without its counts");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(plan(last, planned, cfg, sourcesChanged));
    }

    /**
     * Whether the last run stopped while counting instructions (interrupted, or killed outright after it wrote the
     * report that says counting had begun): its profiles have no counts to reuse. A report older than the state field
     * that was cut short is taken as such too, since it cannot say.
     */
    static boolean cutWhileCounting(Report last) {
        InstructionCountState s = last.settings() == null ? null : last.settings().instructionCountState();
        return s == InstructionCountState.NOT_FINISHED || (s == null && last.interrupted() != null);
    }

    /**
     * The profiles the last report finished, unchanged since, are reused as they are; a profile cut short keeps
     * the timed builds it finished, and the run completes them; failed, skipped, new and changed profiles are
     * measured again.
     *
     * @param planned        this run's planned profiles
     * @param sourcesChanged the files of a recorded set that differ now
     */
    static Plan plan(Report last, List<BuildOutcome> planned, MeasureConfig cfg, Function<Map<String, String>, List<String>> sourcesChanged) {
        List<BuildOutcome> outcomes = new ArrayList<>();
        Map<String, ProfileResult> interrupted = new LinkedHashMap<>();
        List<String> reused = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (BuildOutcome b : planned) {
            if (!b.ok()) continue;
            ProfileResult old = last.profiles().stream().filter(p -> p.name().equals(b.name())).findFirst().orElse(null);
            boolean settled = old != null && old.applied() != null && b.applied().fingerprint().equals(old.applied().fingerprint());
            List<String> edited = !settled ? List.of() : old.applied().sources() == null ? List.of("its sources were not recorded")
                    : sourcesChanged.apply(old.applied().sources());
            boolean same = settled && edited.isEmpty();
            if (same && old.status() == Status.OK) {
                outcomes.add(b.reusing(old));
                reused.add(b.name());
            } else if (same && old.status() == Status.INCOMPLETE && old.compile() != null && !old.compile().isEmpty()) {
                // Cut short: the timed builds it finished are kept and completed; the rest of it is measured again.
                BuildOutcome k = b.keeping(old, cfg.builds().scenarios());
                int n = k.samples().values().stream().mapToInt(List::size).sum();
                if (n > 0) {
                    k = k.warned(n + " timed build" + (n == 1 ? " was" : "s were") + " kept from the run interrupted at "
                            + last.createdAt() + "; the rest were measured in this run");
                }
                outcomes.add(k);
                interrupted.put(b.name(), old);
                again.add(b.name() + " (interrupted" + (n > 0 ? "; keeping its " + n + " timed build" + (n == 1 ? "" : "s") : "") + ")");
            } else {
                again.add(b.name() + (old == null ? " (new)" : !settled ? " (its settings, toolchain or measuring settings changed)"
                        : !edited.isEmpty() ? " (changed: " + String.join(", ", edited.subList(0, Math.min(3, edited.size())))
                        + (edited.size() > 3 ? " and " + (edited.size() - 3) + " more" : "") + ")" : " (" + old.status() + ")"));
            }
        }
        return new Plan(outcomes, interrupted, reused, again, reused.isEmpty() ? null : last.createdAt());
    }
}
