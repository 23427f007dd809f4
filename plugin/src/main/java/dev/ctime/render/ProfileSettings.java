package dev.ctime.render;

import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a profile really builds with, in a line a person reads before the first build: the keys that shape a build's
 * cost, each with its value, and which of them the crate's own settings (not ctime's, not Cargo's defaults) decide.
 */
public final class ProfileSettings {
    /** Shown always; the others only where they are not Cargo's default. */
    private static final Set<String> ALWAYS = Set.of("opt-level", "lto", "codegen-units");

    private ProfileSettings() {
    }

    /** The profile's line, and a warning where the reference, or a profile named as a Cargo profile, is not Cargo's. */
    public static List<String> lines(Profile p, List<EffectiveSetting> effective, String reference) {
        if (effective.isEmpty()) return List.of();
        List<String> shown = new ArrayList<>();
        Map<String, List<String>> teams = new LinkedHashMap<>();
        for (EffectiveSetting s : effective) {
            if (ALWAYS.contains(s.key()) || !s.source().startsWith(EffectiveSetting.CARGO_DEFAULT)) shown.add(s.key() + " = " + s.value());
            if (s.team()) teams.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s.key() + " = " + s.value());
        }
        List<String> out = new ArrayList<>();
        String from = teams.isEmpty() ? "" : "; from " + String.join("; from ", teams.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue().stream().map(v -> v.substring(0, v.indexOf(" ="))).toList()))
                .toList());
        out.add("profile " + p.name() + (p.name().equals(reference) ? " (the reference)" : "") + " builds with " + String.join(", ", shown)
                + from);
        boolean cargoName = p.name().equals(p.inheritsOrDefault()) || p.name().equals(reference);
        if (cargoName && !teams.isEmpty()) {
            out.add("profile " + p.name() + " is not Cargo's " + p.inheritsOrDefault() + ": your own settings reach it ("
                    + String.join("; ", teams.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " in " + e.getKey()
                    .replaceFirst("^your ", "")).toList()) + "); its figures are your build's, not Cargo's defaults");
        }
        return out;
    }
}
