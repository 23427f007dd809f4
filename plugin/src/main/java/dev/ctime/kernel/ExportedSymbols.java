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
}
