package dev.ctime.doctor;

import dev.ctime.cargo.Toolchain;
import dev.ctime.run.Machine;
import java.io.File;
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
            if (e.present()) {
                out.add("  Enzyme: present and loadable (" + String.join(", ", e.foundFiles()) + ")");
            } else {
                out.add("  Enzyme: " + e.state() + (e.expectedFiles().isEmpty() ? "" : ", expected at " + e.expectedFiles().get(0))
                        + (e.rustcSays() == null ? "" : "; rustc -Zautodiff=Enable says: " + e.rustcSays()));
                out.add("  to fix: " + e.howToFix());
            }
        }
        for (String[] l : new String[][] {{"lld", "ld.lld", "lld"}, {"mold", "mold", "mold"}, {"bfd", "ld.bfd", "binutils"}}) {
            Path p = which(l[1]);
            out.add("linker " + l[0] + ": " + (p != null ? "found at " + p : "not found; to fix: apt-get install " + l[2]));
        }
        String hc = Machine.hardwareCounters();
        out.add("hardware counters: " + hc + (hc.equals("available") ? ""
                : "; ctime relies on wall and CPU time from getrusage and on repetition instead"));
        return new Findings(out, tcs, enz);
    }

    /** The executable's path on the PATH, or null. */
    public static Path which(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
