package dev.ctime.run;

import dev.ctime.cargo.Toolchain;
import dev.ctime.doctor.EnzymeDetector;
import dev.ctime.model.EnzymeStatus;
import dev.ctime.exec.EnvironmentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The toolchains a run uses, each probed once (rustc -vV through rustup), with the reason a missing
 * one is missing, and whether each has an Enzyme backend. Profiles share toolchains, so a matrix
 * of twenty profiles probes one or two.
 */
final class Toolchains {
    private final Path crateDir;
    private final Path logs;
    private final Map<String, Toolchain> probed = new LinkedHashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, EnzymeStatus> enzyme = new HashMap<>();

    Toolchains(Path crateDir, Path logs) {
        this.crateDir = crateDir;
        this.logs = logs;
    }

    /** The toolchain by rustup name (null: the directory's default); null, with the reason kept, when it is not installed. */
    Toolchain get(String name) throws IOException, InterruptedException {
        String key = key(name);
        if (probed.containsKey(key)) return probed.get(key);
        if (problems.containsKey(key)) return null;
        try {
            Toolchain tc = Toolchain.probe(name, crateDir, logs);
            probed.put(key, tc);
            return tc;
        } catch (IOException e) {
            problems.put(key, e.getMessage());
            return null;
        }
    }

    /** Why the named toolchain is not usable; null where it is (or was never asked for). */
    String problem(String name) {
        return problems.get(key(name));
    }

    /** The default toolchain, which must be there: without it nothing builds. */
    Toolchain required() throws IOException, InterruptedException {
        Toolchain tc = get(null);
        if (tc == null) throw new EnvironmentException(problem(null));
        return tc;
    }

    EnzymeStatus enzyme(Toolchain tc) throws IOException, InterruptedException {
        EnzymeStatus e = enzyme.get(tc.displayName());
        if (e == null) {
            e = EnzymeDetector.detect(tc, logs.resolve("enzyme"));
            enzyme.put(tc.displayName(), e);
        }
        return e;
    }

    Map<String, Toolchain> probed() {
        return probed;
    }

    Map<String, String> problems() {
        return problems;
    }

    Map<String, EnzymeStatus> enzyme() {
        return enzyme;
    }

    private static String key(String name) {
        return name == null ? "default" : name;
    }
}
