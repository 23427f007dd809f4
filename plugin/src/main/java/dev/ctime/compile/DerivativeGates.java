package dev.ctime.compile;

import dev.ctime.autodiff.EnzymeExclusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a crate's sources say about leaving derivatives out: the names it gates on ctime's cfg, and the functions it
 * defines (so that advice names one of the crate's own functions, never a library's that Enzyme happened to reject in).
 */
record DerivativeGates(Set<String> gated, Set<String> functions) {
    private static final Pattern GATE = Pattern.compile(EnzymeExclusion.CFG + "\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FN = Pattern.compile("\\bfn\\s+([A-Za-z_][A-Za-z0-9_]*)");

    DerivativeGates {
        gated = Set.copyOf(gated);
        functions = Set.copyOf(functions);
    }

    /** Every .rs file under the crate's folder, its build output aside. */
    static DerivativeGates scan(Path crateDir) throws IOException {
        Set<String> gated = new TreeSet<>();
        Set<String> functions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(crateDir)) {
            files.filter(f -> f.toString().endsWith(".rs") && !crateDir.relativize(f).startsWith("target")).forEach(f -> {
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Matcher g = GATE.matcher(text);
                while (g.find()) gated.add(g.group(1));
                Matcher d = FN.matcher(text);
                while (d.find()) functions.add(d.group(1));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new DerivativeGates(gated, functions);
    }
}
