package dev.ctime.profile;

import dev.ctime.model.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code <matrix>} axes into their cartesian product. Each setting holds its
 * alternatives: separated by '|' when present, else, for single-valued settings, by ','
 * (so {@code <lto>thin,fat</lto>} is two alternatives, {@code <features>a,b</features>} one).
 * Generated names join the varying axes: {@code lto-thin+codegenUnits-1}.
 */
public final class Matrix {
    private static final List<String> LIST_SETTINGS = List.of("features", "rustflags", "autodiff");

    private Matrix() {
    }

    public static List<Profile> expand(Map<String, String> axes) throws ProfileException {
        if (axes.containsKey("name")) {
            throw new ProfileException("<matrix> generates its profiles' names: remove <name> (use <namePrefix> to prefix them)");
        }
        String prefix = axes.getOrDefault("namePrefix", "");
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : axes.entrySet()) {
            if (e.getKey().equals("namePrefix")) continue;
            String v = e.getValue() == null ? "" : e.getValue();
            String sep = v.contains("|") ? "\\|" : LIST_SETTINGS.contains(e.getKey()) ? null : ",";
            List<String> alts = sep == null ? List.of(v.strip())
                    : Arrays.stream(v.split(sep)).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (alts.isEmpty()) throw new ProfileException("<matrix> axis <" + e.getKey() + "> has no values");
            alternatives.put(e.getKey(), alts);
        }
        if (alternatives.isEmpty()) throw new ProfileException("<matrix> has no axes: add settings such as <lto>thin,fat</lto>");
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : alternatives.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Profile> out = new ArrayList<>();
        for (Map<String, String> c : combos) {
            List<String> parts = new ArrayList<>();
            alternatives.forEach((k, alts) -> {
                if (alts.size() > 1) parts.add(k + "-" + c.get(k).replaceAll("[^A-Za-z0-9._=-]+", "_"));
            });
            if (parts.isEmpty()) parts.add("matrix");
            Map<String, String> raw = new LinkedHashMap<>(c);
            raw.put("name", prefix + String.join("+", parts));
            out.add(ProfileParser.parse(raw));
        }
        return out;
    }
}
