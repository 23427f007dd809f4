package dev.ctime.shard;

import dev.ctime.model.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which profiles each shard measures: every shard computes the same split from the same POM, so
 * no coordination is needed. Profiles are dealt out by expected cost, largest first, each to the
 * shard with the least so far (the LPT rule); the anchor is measured by every shard and dealt to
 * none. Costs come from an earlier run's build times where it measured every profile, else from
 * a model of the settings.
 *
 * @param costBasis "history" or "cost model"
 * @param costs     the expected cost of each dealt profile, in the basis's units
 * @param shards    for each shard (index 0 = shard 1), the profiles it measures besides the anchor
 */
public record ShardPlan(String anchor, String costBasis, Map<String, Double> costs, List<List<String>> shards) {

    /** What this shard measures: its slice and the anchor. */
    public List<String> measured(Shard s) {
        List<String> out = new ArrayList<>();
        out.add(anchor);
        out.addAll(shards.get(s.index() - 1));
        return out;
    }

    /**
     * @param known an earlier run's build CPU time per profile (any subset; used only when it covers all)
     * @throws IllegalArgumentException when the anchor is not one of the profiles
     */
    public static ShardPlan of(List<Profile> profiles, int count, String anchor, Map<String, Double> known) {
        List<String> names = profiles.stream().map(Profile::name).toList();
        if (!names.contains(anchor)) {
            throw new IllegalArgumentException("ctime.anchor is '" + anchor + "', which is not one of the profiles ("
                    + String.join(", ", names) + "): every shard measures the anchor to make the shards comparable; name a cheap"
                    + " profile with ctime.anchor, or add one named " + anchor);
        }
        List<Profile> dealt = profiles.stream().filter(p -> !p.name().equals(anchor)).toList();
        boolean history = !dealt.isEmpty() && dealt.stream().allMatch(p -> known.get(p.name()) != null);
        Map<String, Double> costs = new LinkedHashMap<>();
        for (Profile p : dealt) costs.put(p.name(), history ? known.get(p.name()) : modelCost(p));
        List<Profile> order = new ArrayList<>(dealt);
        order.sort(Comparator.comparingDouble((Profile p) -> -costs.get(p.name())).thenComparing(Profile::name));
        List<List<String>> shards = new ArrayList<>();
        double[] load = new double[count];
        for (int i = 0; i < count; i++) shards.add(new ArrayList<>());
        for (Profile p : order) {
            int least = 0;
            for (int i = 1; i < count; i++) if (load[i] < load[least]) least = i;
            shards.get(least).add(p.name());
            load[least] += costs.get(p.name());
        }
        // Within a shard, the POM's order: the report reads as the user wrote the profiles.
        for (List<String> s : shards) s.sort(Comparator.comparingInt(names::indexOf));
        return new ShardPlan(anchor, history ? "history" : "cost model", costs, shards.stream().map(List::copyOf).toList());
    }

    /**
     * Relative build cost from the settings, release = 1: what dominates a Rust build's time as the
     * seeds measure it (fat LTO and Enzyme multiply it, a training pipeline adds builds and runs).
     */
    public static double modelCost(Profile p) {
        return buildCost(p) + pipelineCost(p);
    }

    /** One build of the profile as shipped, in the units of {@link #modelCost}. */
    public static double buildCost(Profile p) {
        double c = "dev".equals(p.inheritsOrDefault()) && p.optLevel() == null ? 0.4 : 1.0;
        if ("0".equals(p.optLevel())) c = 0.4;
        String lto = p.isAutodiff() && p.lto() == null ? "fat" : p.lto();
        if ("fat".equals(lto)) c *= 4;
        else if ("thin".equals(lto)) c *= 2;
        if (p.codegenUnits() != null && p.codegenUnits() == 1) c *= 1.5;
        if (p.isAutodiff()) c *= 3;
        return c;
    }

    /** What its training pipeline adds (PGO's instrumented build and training, BOLT's rewrite), in the same units. */
    public static double pipelineCost(Profile p) {
        double c = buildCost(p);
        return (p.usesPgo() ? 2.5 * c : 0) + (p.usesBolt() ? 1.0 : 0);
    }
}
