package dev.ctime.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles whose settings differ but whose libraries are byte for byte the same (equal
 * {@link Applied#librarySha256}): their run times are equal by construction. One rule for the run,
 * which times such a group's kernels once, and for every view, which says so.
 */
public final class IdenticalLibraries {
    private IdenticalLibraries() {
    }

    /**
     * @param sha    each profile's library hash, in the report's order (null where it built none)
     * @param prefer the profile to stand for its group where it is in one (the reference), else the first
     * @return each profile whose library another stands for, mapped to that one; absent where a profile is alone
     */
    public static Map<String, String> of(Map<String, String> sha, String prefer) {
        Map<String, String> standsFor = new LinkedHashMap<>();
        sha.forEach((p, h) -> {
            if (h == null || standsFor.containsKey(h)) return;
            boolean preferred = prefer != null && h.equals(sha.get(prefer));
            standsFor.put(h, preferred ? prefer : p);
        });
        Map<String, String> out = new LinkedHashMap<>();
        sha.forEach((p, h) -> {
            if (h != null && !standsFor.get(h).equals(p)) out.put(p, standsFor.get(h));
        });
        return out;
    }

    /** As the report has them: the profiles that built a library, the reference standing for its group. */
    public static Map<String, String> of(Report r) {
        return of(r.profiles(), r.reference());
    }

    public static Map<String, String> of(List<ProfileResult> profiles, String reference) {
        Map<String, String> sha = new LinkedHashMap<>();
        for (ProfileResult p : profiles) {
            if (p.status().measured() && p.applied() != null) sha.put(p.name(), p.applied().librarySha256());
        }
        return of(sha, reference);
    }

    /**
     * The identical libraries whose kernels were timed once, as the other's (a run does that; shards merged from
     * different runners may hold identical libraries timed apart): their kernel figures are the other's, row for row.
     */
    public static Map<String, String> timedOnce(Report r) {
        return timedOnce(r.profiles(), r.reference());
    }

    public static Map<String, String> timedOnce(List<ProfileResult> profiles, String reference) {
        Map<String, String> out = new LinkedHashMap<>();
        of(profiles, reference).forEach((p, same) -> {
            if (java.util.Objects.equals(kernels(profiles, p), kernels(profiles, same))) out.put(p, same);
        });
        return out;
    }

    private static Object kernels(List<ProfileResult> profiles, String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst().map(ProfileResult::kernels).orElse(null);
    }

    /** How every view names it, beside the profile. */
    public static String note(String same, boolean timedOnce) {
        return "identical binary to " + same + (timedOnce ? " (its kernels timed once, as " + same + "'s)" : " (timed apart)");
    }

    public static String note(String same) {
        return note(same, true);
    }

    /** The report's warning: per library that stands for others, which ones it stands for and what that means. */
    public static List<String> warnings(Map<String, String> identical) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        identical.forEach((p, same) -> groups.computeIfAbsent(same, k -> new java.util.ArrayList<>()).add(p));
        return groups.entrySet().stream().map(g -> String.join(", ", g.getValue()) + (g.getValue().size() == 1 ? " built a library"
                : " built libraries") + " byte for byte the same as " + g.getKey() + "'s, so their kernels were timed once and run"
                + " equally fast by construction: whatever differs in their settings changes nothing in this crate's binary")
                .toList();
    }
}
