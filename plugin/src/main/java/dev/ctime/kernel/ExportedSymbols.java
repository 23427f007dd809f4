package dev.ctime.kernel;

import dev.ctime.exec.Processes;
import dev.ctime.profile.Closest;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The functions a built cdylib exports, read with {@code nm -D}, so that a misspelt kernel
 * symbol is reported right after the first build, with the closest exported name, instead of
 * after every timed build.
 */
public final class ExportedSymbols {
    private ExportedSymbols() {
    }

    /** Function symbols (T, W, i) from {@code nm -D --defined-only} output. */
    static Set<String> parse(String nm) {
        Set<String> out = new TreeSet<>();
        for (String line : nm.split("\\R")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && "TtWi".indexOf(f[1].charAt(0)) >= 0) out.add(f[2].replaceAll("@.*$", ""));
        }
        return out;
    }

    /** The library's exported functions, or null where nm is not there to ask. */
    public static Set<String> of(Path library) throws InterruptedException {
        try {
            Processes.Result r = Processes.ask(List.of("nm", "-D", "--defined-only", library.toString()), null,
                    Duration.ofSeconds(60));
            return r.ok() ? parse(r.stdout()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One sentence per kernel symbol the library does not export, with the closest name it does. */
    public static List<String> missing(List<Kernel> kernels, Set<String> exported, String library) {
        List<String> out = new ArrayList<>();
        for (Kernel k : kernels) {
            for (String[] s : new String[][] {{"primal", k.primal()}, {"gradient", k.gradient()}}) {
                if (s[1] == null || exported.contains(s[1])) continue;
                out.add("kernel '" + k.name() + "': the " + s[0] + " symbol '" + s[1] + "' is not exported by " + library
                        + Closest.among(s[1], exported).map(c -> " (did you mean '" + c + "'?)").orElse("")
                        + "; it exports: " + String.join(", ", exported.stream().limit(20).toList())
                        + (exported.size() > 20 ? " …" : "") + " (a kernel is a #[no_mangle] pub extern \"C\" fn)");
            }
        }
        return out;
    }

    /**
     * Why nothing can be timed at all, or null where something can: no library exports the primal of any kernel. Kernels
     * exported only behind a crate feature are the usual cause, so the features no profile enables are named.
     *
     * @param exportedByProfile each built profile's exported functions
     * @param declared          the crate's features
     * @param enabled           the features every profile's build enables
     */
    public static String noneExported(List<Kernel> kernels, java.util.Map<String, Set<String>> exportedByProfile,
                                      List<String> declared, List<String> enabled) {
        if (kernels.isEmpty() || exportedByProfile.isEmpty()) return null;
        for (Set<String> exported : exportedByProfile.values()) {
            if (kernels.stream().anyMatch(k -> exported.contains(k.primal()))) return null;
        }
        List<String> off = declared.stream().filter(f -> !f.equals("default") && !enabled.contains(f)).toList();
        java.util.Map.Entry<String, Set<String>> first = exportedByProfile.entrySet().iterator().next();
        return "no profile's library exports the primal of any kernel (" + String.join(", ", kernels.stream().map(Kernel::primal)
                .toList()) + "): nothing can be timed; " + first.getKey() + "'s library exports " + (first.getValue().isEmpty()
                ? "no function at all" : String.join(", ", first.getValue().stream().sorted().limit(10).toList())
                + (first.getValue().size() > 10 ? " …" : "")) + (off.isEmpty() ? "; a kernel is a #[no_mangle] pub extern \"C\" fn"
                : "; the crate declares features no profile enables (" + String.join(", ", off) + "): where the kernels are"
                + " exported behind one, enable it for every profile, e.g. -Dctime.features=" + off.get(0));
    }
}
