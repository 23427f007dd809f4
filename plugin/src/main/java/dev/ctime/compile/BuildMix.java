package dev.ctime.compile;

import dev.ctime.model.Interference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The builds a team pays for in one period of its workload (ctime.builds, e.g. {@code clean=1,edit=20}: one CI build
 * and twenty edits per expectedCalls-worth of run time). The decision's build cost is their sum, taken round by round
 * (the scenarios of a round are timed side by side, so a round's sum is one sample of the period's build cost).
 *
 * @param counts how many builds of each scenario, in the order given
 */
public record BuildMix(Map<Scenario, Double> counts) {
    public BuildMix {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** One build of one scenario: what the decision reads where no mix is asked for. */
    public static BuildMix of(Scenario s) {
        return new BuildMix(Map.of(s, 1.0));
    }

    /**
     * Reads {@code scenario=count,...}; problems (unknown scenario, a count that is not a number of at least 0, no count
     * above 0) come back as text, all at once.
     */
    public static BuildMix parse(String text, List<String> problems) {
        Map<Scenario, Double> counts = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) continue;
            int eq = item.indexOf('=');
            String name = (eq < 0 ? item : item.substring(0, eq)).strip();
            Optional<Scenario> s = Scenario.byId(name);
            if (s.isEmpty()) {
                problems.add("'" + item.strip() + "': no scenario '" + name + "'");
                continue;
            }
            try {
                double n = eq < 0 ? 1 : Double.parseDouble(item.substring(eq + 1).strip());
                if (!(n >= 0) || Double.isInfinite(n)) throw new NumberFormatException();
                counts.merge(s.get(), n, Double::sum);
            } catch (NumberFormatException e) {
                problems.add("'" + item.strip() + "': the count is not a number of at least 0");
            }
        }
        if (problems.isEmpty() && counts.values().stream().noneMatch(n -> n > 0)) problems.add("no scenario with a count above 0");
        return new BuildMix(counts);
    }

    /** A mix of more than one build: its cost is a figure of its own, under {@link #id}. */
    public boolean combined() {
        return counts.size() > 1 || counts.values().stream().anyMatch(n -> n != 1.0);
    }

    /** The scenario the decision reads: the scenario's own id, or for a combined mix "clean=1,edit=20". */
    public String id() {
        if (!combined()) return counts.keySet().iterator().next().id;
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(s.id + "=" + count(n)));
        return String.join(",", parts);
    }

    public List<Scenario> scenarios() {
        return List.copyOf(counts.keySet());
    }

    /** The scenarios a decision's scenario id stands for: this mix's where it is the mix, else the one it names. */
    public List<Scenario> scenariosFor(String id) {
        if (id == null) return List.of();
        if (id.equals(id())) return scenarios().stream().filter(s -> counts.get(s) > 0).toList();
        return Scenario.byId(id).map(List::of).orElse(List.of());
    }

    /**
     * The period's builds, one per round that timed every scenario of the mix: CPU and wall the counts' weighted sums,
     * peak RSS the largest, no units; null where the mix is not combined (its scenario's own figures serve).
     */
    public List<BuildMeasurement> combine(Map<Scenario, List<BuildMeasurement>> samples) {
        if (!combined()) return null;
        int rounds = Integer.MAX_VALUE;
        for (Map.Entry<Scenario, Double> e : counts.entrySet()) {
            if (e.getValue() > 0) rounds = Math.min(rounds, samples.getOrDefault(e.getKey(), List.of()).size());
        }
        List<BuildMeasurement> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            double wall = 0, cpu = 0, rss = 0, cargo = 0;
            Interference worst = null;
            for (Map.Entry<Scenario, Double> e : counts.entrySet()) {
                if (e.getValue() == 0) continue;
                BuildMeasurement m = samples.get(e.getKey()).get(i);
                wall += e.getValue() * m.wallMs();
                cpu += e.getValue() * m.cpuMs();
                cargo += e.getValue() * m.cargoWallMs();
                rss = Math.max(rss, m.maxRssKb());
                if (m.disturbed()) worst = m.interference();
                else if (worst == null) worst = m.interference();
            }
            out.add(new BuildMeasurement(wall, cpu, rss, cargo, null, worst));
        }
        return out;
    }

    private static String count(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }
}
