package dev.ctime.verdict;

import dev.ctime.model.Applied;
import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Summary;
import dev.ctime.profile.SettingsIdentity;
import dev.ctime.stats.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the decision knows without measuring: profiles that built the same library byte for byte run the same, and
 * those whose settings and toolchain are the same as well build the same work. Such profiles are not compared on
 * noise (a sample tested against itself is no test): a group with the same build is judged as one, its builds pooled.
 */
final class IdenticalBuilds {
    /** Each profile whose library another stands for, mapped to that one. */
    private final Map<String, String> library;
    /** Each profile whose library and build another stands for, mapped to that one. */
    private final Map<String, String> build = new LinkedHashMap<>();

    private IdenticalBuilds(Map<String, String> library, List<ProfileResult> profiles) {
        this.library = library;
        library.forEach((p, same) -> {
            ProfileResult a = find(profiles, p);
            ProfileResult b = find(profiles, same);
            if (a != null && b != null && sameWork(a, b) && Objects.equals(a.toolchain(), b.toolchain())
                    && a.pipeline() == null && b.pipeline() == null) {
                build.put(p, same);
            }
        });
    }

    /**
     * The same settings, or, where they are written differently (opt-level 3 spelt out against release's default), the
     * same effective Cargo profile with the same features and rustflags: either way the same work to build.
     */
    static boolean sameWork(ProfileResult a, ProfileResult b) {
        if (SettingsIdentity.same(a.settings(), b.settings())) return true;
        Applied x = a.applied();
        Applied y = b.applied();
        if (x == null || y == null || x.effective() == null || y.effective() == null || x.effective().isEmpty()) return false;
        return effective(x).equals(effective(y)) && Objects.equals(x.features(), y.features())
                && Objects.equals(x.rustflagsAdded(), y.rustflagsAdded());
    }

    private static Map<String, String> effective(Applied a) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (EffectiveSetting e : a.effective()) m.put(e.key(), e.value());
        return m;
    }

    static IdenticalBuilds of(List<ProfileResult> profiles, String reference) {
        return new IdenticalBuilds(IdenticalLibraries.of(profiles, reference), profiles);
    }

    /** What two profiles share by construction. */
    TotalCost.Same between(String a, String b) {
        if (stand(build, a).equals(stand(build, b))) return TotalCost.Same.BUILD;
        if (stand(library, a).equals(stand(library, b))) return TotalCost.Same.LIBRARY;
        return TotalCost.Same.NONE;
    }

    /** The points to judge: one per group of the same build, standing for it with every build of the group pooled. */
    List<Decider.Point> judgedAsOne(List<Decider.Point> points) {
        Map<String, List<Decider.Point>> groups = new LinkedHashMap<>();
        for (Decider.Point p : points) groups.computeIfAbsent(stand(build, p.profile()), k -> new ArrayList<>()).add(p);
        List<Decider.Point> out = new ArrayList<>();
        groups.forEach((head, members) -> {
            Decider.Point first = members.stream().filter(p -> p.profile().equals(head)).findFirst().orElse(members.get(0));
            if (members.size() == 1) {
                out.add(first);
                return;
            }
            List<Double> pooled = new ArrayList<>();
            for (Decider.Point p : members) for (double v : Statistics.units(p.build())) pooled.add(v);
            Summary builds = Statistics.summarize(pooled.stream().mapToDouble(Double::doubleValue).toArray());
            out.add(new Decider.Point(first.profile(), builds, first.run()));
        });
        return out;
    }

    /** The other profiles of this one's group of the same build, which the decision judges as one with it. */
    List<String> buildsLike(String profile) {
        String head = stand(build, profile);
        List<String> out = new ArrayList<>();
        if (!head.equals(profile)) out.add(head);
        build.forEach((p, same) -> {
            if (same.equals(head) && !p.equals(profile)) out.add(p);
        });
        return out;
    }

    private static String stand(Map<String, String> groups, String p) {
        return groups.getOrDefault(p, p);
    }

    private static ProfileResult find(List<ProfileResult> profiles, String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
