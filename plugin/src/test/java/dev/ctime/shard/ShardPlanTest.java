package dev.ctime.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    static Profile p(String name, String... kv) throws Exception {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", name);
        for (int i = 0; i < kv.length; i += 2) raw.put(kv[i], kv[i + 1]);
        return ProfileParser.parse(raw);
    }

    List<Profile> matrix() throws Exception {
        return List.of(p("dev", "inherits", "dev"), p("release"), p("thin", "lto", "thin"), p("fat", "lto", "fat"),
                p("fat-cgu1", "lto", "fat", "codegenUnits", "1"), p("o2", "optLevel", "2"), p("pgo", "pgo", "true"));
    }

    @Test
    void parsesIOverNAndNamesTheFix() {
        assertEquals(new Shard(2, 3), Shard.parse(" 2/3 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("2-3")).getMessage().contains("write I/N"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3")).getMessage().contains("between 1 and"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3")).getMessage().contains("between 1 and"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("")).getMessage().contains("CI_NODE_INDEX"));
    }

    @Test
    void everyProfileInExactlyOneShardAndTheAnchorInAll() throws Exception {
        for (int n = 1; n <= 7; n++) {
            ShardPlan plan = ShardPlan.of(matrix(), n, "release", Map.of());
            List<String> dealt = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<String> m = plan.measured(new Shard(i, n));
                assertEquals("release", m.get(0));
                dealt.addAll(m.subList(1, m.size()));
            }
            dealt.sort(null);
            assertEquals(List.of("dev", "fat", "fat-cgu1", "o2", "pgo", "thin"), dealt, "n = " + n);
        }
    }

    @Test
    void balancesByCostLargestFirst() throws Exception {
        ShardPlan plan = ShardPlan.of(matrix(), 3, "release", Map.of());
        assertEquals("cost model", plan.costBasis());
        // fat-cgu1 (6) and fat (4) are the heaviest: they never share a shard.
        for (List<String> s : plan.shards()) assertTrue(!(s.contains("fat") && s.contains("fat-cgu1")), plan.shards().toString());
        double[] load = plan.shards().stream().mapToDouble(s -> s.stream().mapToDouble(plan.costs()::get).sum()).toArray();
        double max = java.util.Arrays.stream(load).max().orElseThrow();
        double min = java.util.Arrays.stream(load).min().orElseThrow();
        assertTrue(max - min <= 4, java.util.Arrays.toString(load));
        assertTrue(ShardPlan.modelCost(p("a", "autodiff", "Enable")) > ShardPlan.modelCost(p("f", "lto", "fat")));
        assertTrue(ShardPlan.modelCost(p("d", "inherits", "dev")) < ShardPlan.modelCost(p("r")));
    }

    @Test
    void historyDecidesWhereItKnowsEveryProfile() throws Exception {
        Map<String, Double> known = Map.of("dev", 900.0, "thin", 10.0, "fat", 10.0, "fat-cgu1", 10.0, "o2", 10.0, "pgo", 10.0);
        ShardPlan plan = ShardPlan.of(matrix(), 2, "release", known);
        assertEquals("history", plan.costBasis());
        assertEquals(List.of("dev"), plan.shards().stream().filter(s -> s.contains("dev")).findFirst().orElseThrow(),
                "the slowest known profile gets a shard of its own");
        Map<String, Double> partial = Map.of("dev", 900.0);
        assertEquals("cost model", ShardPlan.of(matrix(), 2, "release", partial).costBasis());
    }

    @Test
    void theSamePlanOnEveryRunner() throws Exception {
        // Another runner is another JVM: other identity hash codes, another locale and time zone. Its plan is this one's.
        String here = ShardPlan.of(matrix(), 3, "release", Map.of()).shards().toString();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2", "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati",
                "-cp", System.getProperty("java.class.path"), Print.class.getName()).redirectErrorStream(true).start();
        String there = new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, other.waitFor(), there);
        assertEquals(here, there);
        assertTrue(here.contains("fat"), here);
    }

    /** The plan as another runner prints it. */
    public static final class Print {
        public static void main(String[] args) throws Exception {
            System.out.println(ShardPlan.of(new ShardPlanTest().matrix(), 3, "release", Map.of()).shards());
        }
    }

    @Test
    void anAnchorThatIsNoProfileIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(matrix(), 2, "base", Map.of()));
        assertTrue(e.getMessage().contains("ctime.anchor is 'base'") && e.getMessage().contains("dev, release, thin"), e.getMessage());
    }
}
