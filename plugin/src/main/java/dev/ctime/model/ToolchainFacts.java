package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Rust toolchain a run used, or asked for and could not use.
 *
 * @param name    the rustup name ("default" for the directory's own); absent for the report's default toolchain
 * @param enzyme  whether it can build #[autodiff] code, where an Enzyme profile asked
 * @param problem why it could not be used (not installed, rustc failed); the other facts are then absent
 * @param rustcVersion rustc's version line
 * @param llvmVersion the LLVM version rustc was built with
 * @param host the host target triple
 * @param channel stable, beta or nightly
 * @param sysroot rustc's sysroot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolchainFacts(String name, String rustcVersion, String llvmVersion, String host, String channel, String sysroot,
                             EnzymeStatus enzyme, String problem) {
    public static ToolchainFacts missing(String name, String problem) {
        return new ToolchainFacts(name, null, null, null, null, null, null, problem);
    }
}
