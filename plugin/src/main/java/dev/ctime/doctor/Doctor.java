package dev.ctime.doctor;

import dev.ctime.model.Binding;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.kernel.ForkJdk;
import dev.ctime.profile.Linker;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.model.EnzymeStatus;
import dev.ctime.exec.Processes;
import dev.ctime.cargo.Toolchain;
import dev.ctime.exec.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The facts behind {@code ctime:doctor}: one line per finding, and one per fix for what is missing. */
public final class Doctor {
    private Doctor() {
    }

    public record Findings(List<String> lines, List<Toolchain> toolchains, List<EnzymeStatus> enzyme) {
    }

    public static Findings examine(List<String> toolchainNames, Path work) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        List<Toolchain> tcs = new ArrayList<>();
        List<EnzymeStatus> enz = new ArrayList<>();
        Files.createDirectories(work);
        for (String name : toolchainNames) {
            String tcName = name.equals("default") ? null : name;
            Toolchain tc;
            try {
                tc = Toolchain.probe(tcName, work, work);
            } catch (IOException e) {
                out.add("toolchain " + name + ": not usable: " + e.getMessage());
                continue;
            }
            tcs.add(tc);
            out.add("toolchain " + name + ": " + tc.rustcVersion() + ", channel " + tc.channel() + ", LLVM "
                    + tc.llvmVersion() + ", host " + tc.host());
            EnzymeStatus e = EnzymeDetector.detect(tc, work.resolve("enzyme"));
            enz.add(e);
            if (!tc.isNightly() && toolchainNames.contains("nightly")) {
                // Its own lines follow: telling this one to install nightly would read as if nightly were missing.
                out.add("  Enzyme: not on a " + tc.channel() + " toolchain; autodiff profiles build on nightly (its lines follow)");
            } else if (e.present()) {
                out.add("  Enzyme: present and loadable (" + (e.backend() == null ? String.join(", ", e.foundFiles())
                        : e.backend().describe()) + ")");
            } else {
                out.add("  Enzyme: " + e.state() + (e.expectedFiles().isEmpty() ? "" : ", expected at " + e.expectedFiles().get(0))
                        + (e.rustcSays() == null ? "" : "; rustc -Zautodiff=Enable says: " + e.rustcSays()));
                out.add("  to fix: " + e.howToFix());
            }
            // PGO and BOLT profiles: tools of this toolchain's LLVM major (raw profiles change format between majors).
            PipelineTools.Set t = PipelineTools.forProfile(true, true, tc, Processes::which);
            out.add("  PGO: " + (t.profdata().ok() ? "llvm-profdata at " + t.profdata().path() + " (" + t.profdata().version() + ")"
                    : "unavailable: " + t.profdata().problem()));
            out.add("  BOLT: " + (t.bolt().ok() && t.mergeFdata() != null && t.mergeFdata().ok() ? "llvm-bolt at " + t.bolt().path()
                    + " and merge-fdata at " + t.mergeFdata().path() : "unavailable: " + String.join("; ",
                    t.problems().stream().filter(x -> !x.contains("llvm-profdata")).toList())));
        }
        for (Linker l : Linker.ALL) {
            Path p = Processes.which(l.executable());
            out.add("linker " + l.name() + ": " + (p != null ? "found at " + p : "not found; to fix: apt-get install " + l.debianPackage()));
        }
        out.add(ffm(Path.of(System.getProperty("java.home"))));
        String hc = Machine.hardwareCounters();
        out.add("hardware counters: " + hc + (hc.equals("available") ? ""
                : "; ctime relies on wall and CPU time from getrusage and on repetition instead"));
        out.addAll(conditions(read(Path.of("/proc/loadavg")), Runtime.getRuntime().availableProcessors(),
                read(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")), Processes.which("valgrind")));
        return new Findings(out, tcs, enz);
    }

    /** Where the kernel forks get the FFM bindings from: this JVM, a JDK 22+ beside it, or nowhere (with the fix). */
    static String ffm(Path javaHome) {
        int mine = ForkLauncher.featureOf(javaHome);
        if (mine >= Binding.FIRST_FFM_JDK) return "FFM bindings: on this JVM (JDK " + mine + ")";
        Path beside = ForkJdk.beside(javaHome);
        return beside != null ? "FFM bindings: the kernel forks run on " + beside + " (JDK " + ForkLauncher.featureOf(beside)
                + "), installed beside this JVM (JDK " + mine + ")"
                : "FFM bindings: unavailable: this JVM is JDK " + mine + " and no JDK " + Binding.FIRST_FFM_JDK + " or newer is installed"
                + " beside it; to fix: install one in " + javaHome.getParent() + " (Temurin, say) and ctime finds it, or set"
                + " ctime.jdk to its home";
    }

    /**
     * Measurement conditions: what else loads the machine now, whether the CPU clock may change
     * under the measurement, and whether a deterministic count can back up the noisy times.
     */
    static List<String> conditions(String loadavg, int cpus, String governor, Path valgrind) {
        List<String> out = new ArrayList<>();
        if (loadavg != null && !loadavg.isBlank()) {
            double one = Double.parseDouble(loadavg.strip().split("\\s+")[0]);
            out.add(String.format(java.util.Locale.ROOT, "load: %.2f over the last minute on %d CPUs%s", one, cpus,
                    one >= 0.5 ? "; something else is running: figures measured now will be disturbed (ctime flags what it"
                            + " sees, but a quiet machine gives tighter intervals)" : ", quiet"));
        }
        if (governor == null || governor.isBlank()) {
            out.add("CPU frequency governor: not exposed (typical of a virtual machine; its host decides the clock)");
        } else {
            String g = governor.strip();
            out.add("CPU frequency governor: " + g + (g.equals("performance") ? ""
                    : "; the clock may change during a run: for steadier figures, cpupower frequency-set -g performance"));
        }
        out.add("instruction counts: " + (valgrind != null ? "Valgrind found at " + valgrind + ": kernels are also counted"
                + " under Cachegrind" : "Valgrind not found; to fix: apt-get install valgrind (kernels then get"
                + " instruction counts that do not move with the machine's load)"));
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.isReadable(p) ? Files.readString(p) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
