package dev.ctime.cargo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the Cargo config files cargo would read from a working directory (its ancestors'
 * .cargo/config[.toml], then CARGO_HOME's) and whether any sets rustflags, so ctime knows how
 * to add its own flags without silently displacing the user's.
 */
public final class CargoConfigScan {
    private CargoConfigScan() {
    }

    /**
     * @param buildTarget where a target triple is set for every build ("CARGO_BUILD_TARGET" or a config file's path) and
     *                    the triple, or null: cargo then builds into target/TRIPLE/, which ctime does not follow
     */
    public record Result(List<Path> files, List<Path> withBuildRustflags, List<Path> withTargetRustflags, String buildTarget) {
        public boolean hasTargetRustflags() {
            return !withTargetRustflags.isEmpty();
        }
    }

    public static Result scan(Path cwd, Map<String, String> env) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path d = cwd.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            addConfig(files, d.resolve(".cargo"));
        }
        String home = env.getOrDefault("CARGO_HOME", env.containsKey("HOME") ? env.get("HOME") + "/.cargo" : null);
        if (home != null) {
            Path h = Path.of(home);
            if (files.stream().noneMatch(f -> f.getParent().equals(h))) addConfig(files, h);
        }
        List<Path> build = new ArrayList<>();
        List<Path> target = new ArrayList<>();
        String buildTarget = env.get("CARGO_BUILD_TARGET") == null ? null
                : "CARGO_BUILD_TARGET=" + env.get("CARGO_BUILD_TARGET") + " in the environment";
        for (Path f : files) {
            String text = Files.readString(f);
            java.util.Set<CargoToml.Table> where = CargoToml.rustflagsTables(text, f);
            if (where.contains(CargoToml.Table.BUILD)) build.add(f);
            if (where.contains(CargoToml.Table.TARGET)) target.add(f);
            String triple = CargoToml.buildTarget(text, f);
            if (buildTarget == null && triple != null) buildTarget = "build.target = " + triple + " in " + f;
        }
        return new Result(files, build, target, buildTarget);
    }

    private static void addConfig(List<Path> files, Path dir) {
        for (String n : List.of("config.toml", "config")) {
            Path f = dir.resolve(n);
            if (Files.isRegularFile(f)) {
                files.add(f);
                return;
            }
        }
    }
}
