package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The measured crate: which package, where, and which commit of its sources.
 *
 * @param crateName the library's crate name as rustc sees it
 * @param gitCommit the commit of the sources, where they are in a git repository
 * @param gitDirty  whether they had uncommitted changes
 * @param packageName the Cargo package's name
 * @param version its version
 * @param manifest the Cargo.toml measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrateFacts(@JsonProperty("package") String packageName, String version, String crateName, String manifest,
                         String gitCommit, Boolean gitDirty) {
}
