package dev.ctime.report;

import java.util.List;
import java.util.Map;

/**
 * The whole run, as written to report.json.
 *
 * @param toolchain the default toolchain's rustc and LLVM versions
 * @param toolchains every toolchain the profiles used, with what was detected of it
 */
public record Report(int schemaVersion, String tool, String createdAt, String label, Map<String, Object> crate,
                     Map<String, Object> machine, Map<String, Object> settings, Map<String, Object> toolchain,
                     List<Map<String, Object>> toolchains, List<ProfileResult> profiles) {
    public static final int SCHEMA_VERSION = 1;
}
