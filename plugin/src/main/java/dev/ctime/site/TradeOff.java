package dev.ctime.site;

import dev.ctime.report.ProfileResult;
import java.util.List;
import java.util.Map;

/** What to paste to use a profile in one's own crate; the decision itself is {@link dev.ctime.verdict.Decider}'s. */
public final class TradeOff {
    private TradeOff() {
    }

    /**
     * What to paste: the Cargo profile keys the ctime profile set on top of the one it inherits,
     * and its rustflags and toolchain, as cargo-wizard would hand them over.
     */
    public static String cargoSnippet(ProfileResult p) {
        Map<String, Object> s = p.settings();
        String inherits = String.valueOf(s.getOrDefault("inherits", "release"));
        StringBuilder sb = new StringBuilder("# Cargo.toml\n[profile.").append(inherits).append("]\n");
        int keys = 0;
        if (s.containsKey("optLevel")) {
            String o = String.valueOf(s.get("optLevel"));
            sb.append("opt-level = ").append(o.matches("\\d") ? o : "\"" + o + "\"").append('\n');
            keys++;
        }
        boolean autodiff = s.containsKey("autodiff");
        Object lto = autodiff ? "fat" : s.get("lto");
        if (lto != null) {
            sb.append("lto = ").append("thin-local".equals(lto) ? "false" : "\"" + lto + "\"").append('\n');
            keys++;
        }
        if (s.containsKey("codegenUnits")) {
            sb.append("codegen-units = ").append(s.get("codegenUnits")).append('\n');
            keys++;
        }
        if (s.containsKey("debug")) {
            Object d = s.get("debug");
            sb.append("debug = \"").append("line-tables".equals(d) ? "line-tables-only" : d).append("\"\n");
            keys++;
        }
        if (s.containsKey("panic")) {
            sb.append("panic = \"").append(s.get("panic")).append("\"\n");
            keys++;
        }
        if (s.containsKey("incremental")) {
            sb.append("incremental = ").append(s.get("incremental")).append('\n');
            keys++;
        }
        if (keys == 0) sb.append("# nothing to change: your ").append(inherits).append(" profile as it is\n");
        Object flags = p.applied() == null ? null : p.applied().get("rustflagsAdded");
        if (flags instanceof List<?> l && !l.isEmpty()) {
            sb.append("\n# .cargo/config.toml\n[build]\nrustflags = [");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ", ").append('"').append(l.get(i)).append('"');
            sb.append("]\n");
        }
        if (s.containsKey("toolchain")) {
            sb.append("\n# rust-toolchain.toml\n[toolchain]\nchannel = \"").append(s.get("toolchain")).append("\"\n");
        }
        Object features = p.applied() == null ? null : p.applied().get("features");
        if (features instanceof List<?> l && !l.isEmpty()) {
            List<String> f = l.stream().map(String::valueOf).toList();
            sb.append("\n# build with: cargo build --profile ").append(inherits).append(" --features ")
                    .append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }
}
