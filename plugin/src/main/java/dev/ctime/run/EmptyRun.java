package dev.ctime.run;

import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import dev.ctime.render.ConsoleTable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a finished run measured nothing its reader could use: no profile's build was timed, or kernels were
 * configured and not one was measured in any profile. Such a run never ends in success, whatever
 * ctime.failOnFailedProfile says: there is no figure to read and no verdict, and a green build would hide it.
 */
public final class EmptyRun {
    private EmptyRun() {
    }

    /**
     * @param kernelsConfigured whether the run was asked to time kernels
     * @return what was not measured and the first reasons, or empty where the run measured something of each kind asked
     */
    public static Optional<String> why(Report r, boolean kernelsConfigured) {
        List<ProfileResult> ps = r.profiles();
        if (ps.isEmpty()) return Optional.empty();
        boolean built = ps.stream().anyMatch(p -> p.status() == Status.OK || p.status() == Status.PARTIAL
                || (p.compile() != null && !p.compile().isEmpty()));
        if (!built) {
            return Optional.of("nothing was measured: every profile failed or was skipped (" + reasons(ps.stream()
                    .map(p -> p.name() + ": " + p.status() + (p.reason() == null ? "" : ", " + firstLine(p.reason()))).toList()) + ")");
        }
        if (!kernelsConfigured) return Optional.empty();
        // A kernel whose primal was timed was measured, even where its gradient failed (a misspelt gradient symbol).
        boolean timed = ps.stream().anyMatch(p -> p.kernels() != null && p.kernels().stream()
                .anyMatch(k -> k.primalNs() != null || k.gradientNs() != null));
        if (timed) return Optional.empty();
        List<String> why = ps.stream().filter(p -> p.kernels() != null).flatMap(p -> p.kernels().stream()
                .filter(k -> k.reason() != null).map(k -> p.name() + ", " + k.name() + " n=" + k.n() + ": " + firstLine(k.reason())))
                .toList();
        if (why.isEmpty()) why = ps.stream().map(p -> p.name() + ": " + p.status() + (p.reason() == null ? "" : ", "
                + firstLine(p.reason()))).toList();
        return Optional.of("no kernel was measured in any profile: the builds were timed, but every kernel failed or was"
                + " not run, so there is no run time to weigh and no recommendation (" + reasons(why) + ")");
    }

    private static String reasons(List<String> all) {
        List<String> distinct = all.stream().filter(Objects::nonNull).distinct().toList();
        return String.join("; ", distinct.subList(0, Math.min(5, distinct.size()))) + (distinct.size() > 5 ? "; …" : "");
    }

    /** The first line, control characters shown escaped: a reason may hold a whole stderr. */
    private static String firstLine(String s) {
        return ConsoleTable.firstLine(ConsoleTable.clean(s));
    }
}
