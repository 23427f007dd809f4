package dev.ctime.render;

import dev.ctime.model.PipelineStage;
import dev.ctime.model.Profile;
import dev.ctime.verdict.Decider;
import dev.ctime.cargo.CargoCommand;
import dev.ctime.model.ProfileResult;
import java.util.List;
import java.util.Map;

/**
 * What to paste to use a profile in one's own crate, as the console and the page print it; the decision itself is
 * {@link Decider}'s.
 */
public final class CargoSnippet {
    private CargoSnippet() {
    }

    /**
     * What to paste: the Cargo profile keys the ctime profile set on top of the one it inherits,
     * and its rustflags and toolchain, as cargo-wizard would hand them over.
     */
    public static String of(ProfileResult p) {
        Profile prof;
        try {
            prof = p.profile();
        } catch (IllegalArgumentException e) {
            return "# the profile's settings cannot be read back: " + e.getMessage().replace('\n', ' ') + "\n";
        }
        String inherits = prof.inheritsOrDefault();
        StringBuilder sb = new StringBuilder("# Cargo.toml\n[profile.").append(inherits).append("]\n");
        // The keys come from the one mapping the measured builds used (CargoCommand.profileKeys).
        Map<String, String> cargo = new java.util.LinkedHashMap<>(CargoCommand.profileKeys(prof));
        cargo.remove("inherits");
        // incremental is a profile setting that ctime applies per scenario, not through the Cargo profile.
        if (prof.incremental() != null) cargo.put("incremental", String.valueOf(prof.incremental()));
        cargo.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Map<String, String> packages = CargoCommand.packageKeys(prof);
        int keys = cargo.size() + packages.size();
        if (keys == 0) sb.append("# nothing to change: your ").append(inherits).append(" profile as it is\n");
        // Package overrides, one table per package spec, as Cargo reads them.
        Map<String, List<String>> bySpec = new java.util.LinkedHashMap<>();
        packages.forEach((k, v) -> bySpec.computeIfAbsent(k.substring(0, k.lastIndexOf('.')), x -> new java.util.ArrayList<>())
                .add(k.substring(k.lastIndexOf('.') + 1) + " = " + v));
        bySpec.forEach((spec, kv) -> {
            sb.append("[profile.").append(inherits).append(".package.").append(CargoCommand.quote(spec)).append("]\n");
            kv.forEach(line -> sb.append(line).append('\n'));
        });
        List<String> added = p.applied() == null ? null : p.applied().rustflagsAdded();
        // The profile ctime trained lives in its own output folder: the pipeline, not the path, is what to reproduce.
        List<?> flags = added != null ? added.stream().filter(f -> !String.valueOf(f).startsWith("-Cprofile-use=")
                && !String.valueOf(f).equals("-Cllvm-args=-pgo-warn-missing-function")).toList() : null;
        if (flags != null && !flags.isEmpty()) {
            List<?> l = flags;
            // TOML strings, escaped: a flag may hold a quote or a backslash (a path on some machines).
            sb.append("\n# .cargo/config.toml\n[build]\nrustflags = ").append(CargoCommand.tomlArray(l.stream().map(String::valueOf)
                    .toList())).append('\n');
        }
        if (prof.usesPgo()) {
            sb.append("\n# PGO: build with -Cprofile-generate=DIR, run a representative workload, merge with\n"
                    + "# llvm-profdata merge -o merged.profdata DIR/*.profraw, then build with -Cprofile-use=merged.profdata\n");
        }
        if (prof.usesBolt()) {
            sb.append("\n# BOLT: llvm-bolt LIB -instrument -o LIB.inst, run the workload on it, merge-fdata, then\n# llvm-bolt LIB -o LIB.bolt -data=merged.fdata ")
                    .append(String.join(" ", PipelineStage.BOLT_OPTIONS)).append('\n');
        }
        if (prof.toolchain() != null) {
            sb.append("\n# rust-toolchain.toml\n[toolchain]\nchannel = ").append(CargoCommand.quote(prof.toolchain()))
                    .append('\n');
        }
        List<String> features = p.applied() == null ? null : p.applied().features();
        if (features != null && !features.isEmpty()) {
            List<String> f = features;
            sb.append("\n# build with: cargo build --profile ").append(inherits).append(" --features ")
                    .append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }
}
