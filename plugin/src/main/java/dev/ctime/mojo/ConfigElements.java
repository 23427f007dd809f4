package dev.ctime.mojo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Turns raw POM configuration into name-to-text maps, so ctime validates settings itself and
 * can name a misspelt one and its fix (Maven's own binding would only say it cannot find it).
 * A setting with child elements (<sizes><size>1</size><size>2</size></sizes>) becomes "1,2".
 */
final class ConfigElements {
    private ConfigElements() {
    }

    static List<Map<String, String>> children(PlexusConfiguration parent, String childName) {
        List<Map<String, String>> out = new ArrayList<>();
        if (parent == null) return out;
        for (PlexusConfiguration c : parent.getChildren()) {
            if (!c.getName().equals(childName)) {
                throw new IllegalArgumentException("<" + parent.getName() + "> may only hold <" + childName + "> elements, not <"
                        + c.getName() + ">");
            }
            out.add(settings(c));
        }
        return out;
    }

    static Map<String, String> settings(PlexusConfiguration element) {
        Map<String, String> m = new LinkedHashMap<>();
        if (element == null) return m;
        for (PlexusConfiguration s : element.getChildren()) {
            if (m.containsKey(s.getName())) {
                throw new IllegalArgumentException("<" + element.getName() + "> sets <" + s.getName() + "> twice");
            }
            if (s.getChildCount() > 0) {
                List<String> vs = new ArrayList<>();
                for (PlexusConfiguration v : s.getChildren()) vs.add(v.getValue() == null ? "" : v.getValue().strip());
                m.put(s.getName(), String.join(",", vs));
            } else {
                m.put(s.getName(), s.getValue() == null ? "" : s.getValue().strip());
            }
        }
        return m;
    }
}
