package dev.ctime.model;

/**
 * One rustc run of a build's graph (a dependency, a build script's compilation, the leaf crate), measured as the
 * leaf is: wall time, user + system CPU of it and its children (the linker), peak RSS. In a scenario's figures,
 * the median of each over the builds that ran it.
 *
 * @param pkg       the Cargo package it belongs to
 * @param crate     rustc's crate name ({@code build_script_build} for a build script)
 * @param crateType lib, rlib, cdylib, bin (a build script), proc-macro, ...
 * @param cpuMs     user + system CPU time of the rustc and its children (the linker)
 * @param wallMs    its wall time (units run side by side, so these do not add up to the build's wall time)
 * @param maxRssKb  peak resident set of the largest process in its tree
 * @param builds    how many builds the medians are over
 */
public record BuildUnit(String pkg, String crate, String crateType, double cpuMs, double wallMs, double maxRssKb, int builds) {
    /** A build script's compilation (its run is cargo's work, counted in the whole build but not here). */
    public boolean buildScript() {
        return crate.startsWith("build_script_");
    }

    /** The same unit in another build: package, crate and type. */
    public String key() {
        return pkg + "/" + crate + "/" + crateType;
    }
}
