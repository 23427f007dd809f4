package dev.ctime.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When two profiles' settings are the same: every setting compares by its text (a report read back
 * holds 3 where the POM held "3"), an unset setting is absent, order does not matter. Resume,
 * the gate and the PGO twin all ask this one question.
 */
public final class SettingsIdentity {
    private SettingsIdentity() {
    }

    /** "codegenUnits=16, lto=fat": the settings in one canonical text, unset ones left out. */
    public static String canonical(Map<String, ?> settings) {
        Map<String, String> sorted = new TreeMap<>();
        if (settings != null) settings.forEach((k, v) -> {
            if (v != null) sorted.put(k, String.valueOf(v));
        });
        return sorted.toString();
    }

    /** Each setting that differs, as "lto fat → thin" (or "(unset)"), in key order. */
    public static List<String> differences(Map<String, ?> before, Map<String, ?> now) {
        Map<String, ?> b = before == null ? Map.of() : before;
        Map<String, ?> n = now == null ? Map.of() : now;
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(n.keySet());
        for (String k : keys) {
            Object x = b.get(k);
            Object y = n.get(k);
            if (!Objects.equals(x == null ? null : String.valueOf(x), y == null ? null : String.valueOf(y))) {
                out.add(k + " " + (x == null ? "(unset)" : x) + " → " + (y == null ? "(unset)" : y));
            }
        }
        return out;
    }

    public static boolean same(Map<String, ?> a, Map<String, ?> b) {
        return canonical(a).equals(canonical(b));
    }

    /** A short hash of the canonical text, to spot a changed profile at a glance. */
    public static String hash(Map<String, ?> settings) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(settings).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
