package dev.ctime.shard;

import dev.ctime.model.FigureId;
import dev.ctime.model.MachineFacts;
import dev.ctime.verdict.Workloads;
import dev.ctime.verdict.Judge;
import dev.ctime.model.Status;
import dev.ctime.model.KernelTiming;
import dev.ctime.store.Json;
import dev.ctime.model.MeasuringSettings;
import dev.ctime.model.MeasuringSetting;
import dev.ctime.model.MergeInfo;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import dev.ctime.verdict.Comparisons;
import dev.ctime.verdict.Decider;
import dev.ctime.model.Decision;
import dev.ctime.model.Control;
import dev.ctime.judgement.Judgement;
import dev.ctime.model.Workload;
import dev.ctime.model.Thresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins shard reports into one. Refuses what cannot be compared (different toolchains, anchors or
 * shard counts, a profile measured twice, a report that was no shard); says what weakens the
 * comparison (different machines, a runner whose anchor moved against the others', profiles no
 * shard measured). Each profile is compared with its own shard's anchor; comparisons with a
 * reference on another shard go through both anchors.
 */
public final class ShardMerge {
    /** A shard's report and where it was read from. */
    public record Part(String source, Report report) {
    }

    /** The merge cannot be done; every reason at once. */
    public static final class Refused extends Exception {
        public Refused(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    /** The precision a shard's report that does not say was measured to (ctime.targetPrecision's default). */
    static final double DEFAULT_TARGET = 0.02;

    private ShardMerge() {
    }


    public static Report merge(List<Part> parts, String wantedReference, Thresholds t, double expectedCalls, String scenario,
                               Workload workload, String tool) throws Refused {
        List<String> problems = check(parts);
        if (!problems.isEmpty()) throw new Refused(problems);
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(java.util.Comparator.comparingInt(p -> p.report().shard().index()));
        String anchor = sorted.get(0).report().shard().anchor();
        List<String> findings = new ArrayList<>(findings(sorted));

        Part first = sorted.get(0);
        ProfileResult firstAnchor = profile(first.report(), anchor);
        List<ProfileResult> merged = new ArrayList<>();
        Map<String, Integer> shardOf = new LinkedHashMap<>();
        List<Comparison> anchorRatios = new ArrayList<>();
        Map<Integer, ProfileResult> anchors = new LinkedHashMap<>();
        for (Part part : sorted) {
            int index = part.report().shard().index();
            ProfileResult a = profile(part.report(), anchor);
            anchors.put(index, a);
            List<ProfileResult> own = part.report().profiles();
            if (a != null && a.status().measured()) {
                for (Comparison c : Comparisons.all(own, anchor, t)) anchorRatios.add(relabel(c, anchor + "@" + index));
            }
            for (ProfileResult p : own) {
                if (p.name().equals(anchor) && part != first) continue;
                shardOf.put(p.name(), index);
                merged.add(part == first || a == null || firstAnchor == null ? p : rescale(p, a, firstAnchor));
            }
        }
        List<String> order = sorted.get(0).report().shard().profiles();
        merged.sort(java.util.Comparator.comparingInt(p -> order.contains(p.name()) ? order.indexOf(p.name()) : order.size()));

        List<MergeInfo.Source> sources = new ArrayList<>();
        for (Part part : sorted) {
            int index = part.report().shard().index();
            Comparison drift = drift(index, anchors, scenarioOf(firstAnchor, scenario), t);
            if (drift != null && drift.significant()) {
                findings.add("shard " + index + "'s runner is " + (drift.ratio() > 1 ? "slower" : "faster") + ": its anchor " + anchor
                        + " took " + drift.describe() + " the other shards' anchors' " + FigureId.parse(drift.figure()).label() + "; its profiles are compared through that anchor, but its absolute"
                        + " figures are not comparable with the other shards'");
            }
            sources.add(new MergeInfo.Source(index, part.report().shard().count(), part.source(), part.report().createdAt(),
                    part.report().machine(), part.report().shard().measured(), drift));
        }
        List<String> all = new ArrayList<>(order);
        all.removeAll(shardOf.keySet());
        if (!all.isEmpty()) {
            findings.add("no shard measured " + String.join(", ", all) + " (a shard report is missing, or its run stopped early):"
                    + " merge every shard's report");
        }

        String reference = Comparisons.reference(merged, wantedReference == null ? anchor : wantedReference);
        List<Comparison> comparisons = reference == null ? List.of()
                : comparisons(merged, reference, anchor, shardOf, anchorRatios, t);
        String sc = Decider.scenario(merged, scenario);
        // The workload the shards were measured for, where one was configured; else every kernel at its largest size.
        Workload work = workload != null ? workload : sorted.stream().map(p -> p.report().decision())
                .filter(d -> d != null && d.workload() != null && !d.workload().derived()).map(Decision::workload).findFirst()
                .orElse(Workloads.defaultFor(merged, expectedCalls));
        // The control of the shard that measured the reference: its forks timed the reference beside its copy.
        Control control = reference == null || !shardOf.containsKey(reference) ? null : sorted.stream()
                .filter(p -> p.report().shard().index() == shardOf.get(reference)).map(p -> p.report().control())
                .filter(c -> c != null).findFirst().orElse(null);
        Report base = first.report();
        double target = base.settings() == null || base.settings().targetPrecision() == null ? DEFAULT_TARGET
                : base.settings().targetPrecision();
        Judgement judged = Judgement.of(merged, reference, comparisons, work, sc, t, target, control);

        List<String> warnings = new ArrayList<>(judged.warnings());
        if (sorted.size() > 1) {
            warnings.add("merged from " + sorted.size() + " shards: comparisons go through each shard's anchor (" + anchor
                    + "); absolute figures of shards 2 and later are rescaled to shard 1's anchor, figure by figure");
        }
        warnings.addAll(findings);
        // What each shard met beside its figures (load, resume, counting); what its figures called for is judged again above.
        for (Part part : sorted) {
            if (part.report().warnings() == null) continue;
            Report r = part.report();
            List<String> derived = Judgement.warnings(r.profiles(), r.reference(), target, r.control());
            for (String w : r.warnings()) {
                if (!w.startsWith("merged from") && !derived.contains(w)) warnings.add("shard " + r.shard().index() + ": " + w);
            }
        }
        List<String> cut = sorted.stream().filter(p -> p.report().interrupted() != null)
                .map(p -> "shard " + p.report().shard().index() + ": " + p.report().interrupted()).toList();

        MeasuringSettings settings = base.settings() == null ? null : base.settings().withMergedShards(sorted.size());
        List<ToolchainFacts> toolchains = new ArrayList<>();
        LinkedHashSet<String> seenToolchains = new LinkedHashSet<>();
        for (Part part : sorted) {
            if (part.report().toolchains() == null) continue;
            for (ToolchainFacts tc : part.report().toolchains()) {
                if (seenToolchains.add(String.valueOf(tc.name()))) toolchains.add(tc);
            }
        }
        return new Report(Report.SCHEMA_VERSION, tool, Instant.now().toString(), base.label(), base.crate(), base.machine(),
                settings, base.toolchain(), toolchains, merged, reference, comparisons, judged.decision(), judged.autodiff(),
                judged.training(), warnings, cut.isEmpty() ? null : String.join("; ", cut), null,
                new MergeInfo(anchor, sources, anchorRatios, findings), control, null, null, null, null);
    }

    /** Everything that makes the parts impossible to merge, all at once. */
    static List<String> check(List<Part> parts) {
        List<String> problems = new ArrayList<>();
        if (parts.isEmpty()) {
            problems.add("no reports to merge: name each shard's report.json in ctime.mergeReports, comma-separated");
            return problems;
        }
        List<Part> shards = new ArrayList<>();
        for (Part p : parts) {
            if (p.report().shard() == null) {
                problems.add(p.source() + " is not a shard's report (it was measured without ctime.shard): merge only reports of"
                        + " runs with -Dctime.shard=I/N");
            } else {
                shards.add(p);
            }
        }
        if (shards.isEmpty()) return problems;
        java.util.Set<Integer> counts = new java.util.TreeSet<>();
        java.util.Set<String> anchors = new java.util.TreeSet<>();
        Map<Integer, String> byIndex = new TreeMap<>();
        for (Part p : shards) {
            counts.add(p.report().shard().count());
            anchors.add(p.report().shard().anchor());
            String before = byIndex.put(p.report().shard().index(), p.source());
            if (before != null) {
                problems.add("shard " + p.report().shard().index() + " is given twice (" + before + " and " + p.source()
                        + "): name each shard's report once");
            }
        }
        if (counts.size() > 1) problems.add("the reports split the matrix differently (into " + counts + " shards): merge the"
                + " shards of one matrix run");
        if (anchors.size() > 1) problems.add("the shards used different anchors " + anchors + ": measure every shard with the"
                + " same ctime.anchor, or their figures cannot be related");
        for (Part p : shards) {
            String anchor = p.report().shard().anchor();
            ProfileResult a = profile(p.report(), anchor);
            if (a == null) {
                problems.add(p.source() + " has no figures of the anchor " + anchor);
            } else if (!a.status().measured()) {
                problems.add("shard " + p.report().shard().index() + "'s anchor " + anchor + " is " + a.status() + " ("
                        + a.reason() + "): without it that shard's profiles cannot be related to the others; measure the shard"
                        + " again (-Dctime.shard=" + p.report().shard().index() + "/" + p.report().shard().count() + ")");
            }
        }
        // The same toolchain everywhere: rustc's version per toolchain name.
        Map<String, Map<String, String>> versions = new TreeMap<>();
        for (Part p : shards) {
            List<ToolchainFacts> tcs = new ArrayList<>();
            if (p.report().toolchains() != null) tcs.addAll(p.report().toolchains());
            for (ToolchainFacts tc : tcs) {
                if (tc.rustcVersion() == null) continue;
                versions.computeIfAbsent(String.valueOf(tc.name()), k -> new TreeMap<>())
                        .merge(tc.rustcVersion(), "shard " + p.report().shard().index(), (a, b) -> a + ", " + b);
            }
        }
        versions.forEach((name, byVersion) -> {
            if (byVersion.size() > 1) {
                List<String> each = new ArrayList<>();
                byVersion.forEach((v, where) -> each.add(v + " (" + where + ")"));
                problems.add("toolchain " + name + " differs between shards: " + String.join(" against ", each)
                        + ": pin the toolchain (rust-toolchain.toml) so every runner builds with the same rustc");
            }
        });
        // A profile measured twice: its figures would have to be chosen between.
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Part p : shards) {
            for (ProfileResult r : p.report().profiles()) {
                if (r.name().equals(p.report().shard().anchor())) continue;
                where.computeIfAbsent(r.name(), k -> new ArrayList<>()).add("shard " + p.report().shard().index() + " ("
                        + p.source() + ")");
            }
        }
        where.forEach((name, in) -> {
            if (in.size() > 1) {
                problems.add("profile " + name + " was measured by " + String.join(" and by ", in) + ": each profile belongs to"
                        + " one shard; were the shards run from different POMs or with different ctime.shard counts?");
            }
        });
        return problems;
    }

    /** Different machines and different measuring settings (each that shapes a result, by the model's table), said once. */
    static List<String> findings(List<Part> parts) {
        List<String> out = new ArrayList<>();
        for (MeasuringSetting s : MeasuringSetting.shapingResults()) {
            String d = differing(parts, s.key(), r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(s.key(), s.stored(r.settings()));
                return m;
            });
            if (d != null) out.add("the shards measured with different settings: " + s.key() + " " + d + "; run every shard from the"
                    + " same POM and properties");
        }
        for (String key : MachineFacts.IDENTITY) {
            String d = differing(parts, key, r -> Json.fields(r.machine()));
            if (d != null) out.add("the shards ran on different machines: " + key + " " + d);
        }
        return out;
    }

    /** "A (shard 1) against B (shards 2, 3)" where the shards' values of a fact differ, else null. */
    private static String differing(List<Part> parts, String key, java.util.function.Function<Report, Map<String, Object>> facts) {
        Map<String, List<Integer>> values = new LinkedHashMap<>();
        for (Part p : parts) {
            Map<String, Object> m = facts.apply(p.report());
            values.computeIfAbsent(String.valueOf(m == null ? null : m.get(key)), k -> new ArrayList<>()).add(p.report().shard().index());
        }
        if (values.size() < 2) return null;
        List<String> each = new ArrayList<>();
        values.forEach((v, idx) -> each.add(v + " (shard" + (idx.size() > 1 ? "s " : " ") + String.join(", ",
                idx.stream().map(String::valueOf).toList()) + ")"));
        return String.join(" against ", each);
    }

    /** The shard's anchor against the pooled anchors of every other shard, on the anchor's build CPU time. */
    static Comparison drift(int index, Map<Integer, ProfileResult> anchors, String scenario, Thresholds t) {
        ProfileResult mine = anchors.get(index);
        Summary s = cpu(mine, scenario);
        if (s == null) return null;
        List<Double> others = new ArrayList<>();
        anchors.forEach((i, a) -> {
            Summary o = cpu(a, scenario);
            if (i != index && o != null) for (double v : Statistics.units(o)) others.add(v);
        });
        if (others.isEmpty()) return null;
        return Judge.of(FigureId.Build.cpu(scenario).id(), mine.name() + "@" + index, Statistics.units(s),
                mine.name() + "@others", others.stream().mapToDouble(Double::doubleValue).toArray(), t.compile());
    }

    private static String scenarioOf(ProfileResult anchor, String wanted) {
        if (wanted != null) return wanted;
        return anchor == null || anchor.compile() == null ? Decision.DEFAULT_SCENARIO
                : anchor.compile().keySet().stream().findFirst().orElse(Decision.DEFAULT_SCENARIO);
    }

    private static Summary cpu(ProfileResult p, String scenario) {
        if (p == null || p.compile() == null || p.compile().get(scenario) == null) return null;
        return p.compile().get(scenario).cpuMs();
    }

    /**
     * Against the reference: where the reference is the anchor, each profile's ratio to its own
     * shard's anchor; otherwise profile/anchor over reference/anchor, with the log-interval
     * half-widths added in quadrature, so both anchors' uncertainty is in it (conservative where
     * both share a shard).
     */
    static List<Comparison> comparisons(List<ProfileResult> merged, String reference, String anchor, Map<String, Integer> shardOf,
                                        List<Comparison> anchorRatios, Thresholds t) {
        List<Comparison> out = new ArrayList<>();
        int refShard = shardOf.getOrDefault(reference, 0);
        for (ProfileResult p : merged) {
            if (p.name().equals(reference) || !p.status().measured()) continue;
            if (p.name().equals(anchor)) {
                // The anchor against a reference elsewhere: the reference's own ratio to its anchor, turned over.
                for (Comparison r : anchorRatios) {
                    if (r.profile().equals(reference) && r.reference().equals(anchor + "@" + refShard)) out.add(invert(r, anchor, reference));
                }
                continue;
            }
            int shard = shardOf.get(p.name());
            for (Comparison c : anchorRatios) {
                if (!c.profile().equals(p.name())) continue;
                if (reference.equals(anchor)) {
                    if (c.reference().equals(anchor + "@" + shard)) out.add(relabel(c, reference));
                } else {
                    Comparison r = anchorRatios.stream().filter(x -> x.profile().equals(reference) && x.figure().equals(c.figure())
                            && x.reference().equals(anchor + "@" + refShard)).findFirst().orElse(null);
                    if (r != null) out.add(chain(c, r, reference));
                }
            }
        }
        return out;
    }

    private static Comparison invert(Comparison r, String profile, String reference) {
        Double low = r.ciHigh() == null ? 0.0 : 1 / r.ciHigh();
        Double high = r.ciLow() <= 0 ? null : 1 / r.ciLow();
        double ratio = 1 / r.ratio();
        return Judge.judge(r.figure(), profile, reference, ratio, low, high, r.significant(), r.threshold(), r.pValue(),
                r.referenceRuns(), r.runs(), r.basis());
    }

    /** a/anchor over b/anchor': the ratio a/b, its interval from both intervals on the log scale. */
    static Comparison chain(Comparison a, Comparison b, String reference) {
        double ratio = a.ratio() / b.ratio();
        Double ha = halfWidth(a);
        Double hb = halfWidth(b);
        double low = 0;
        Double high = null;
        double p = 1;
        if (ha != null && hb != null) {
            double h = Math.sqrt(ha * ha + hb * hb);
            low = ratio * Math.exp(-h);
            high = ratio * Math.exp(h);
            // The intervals are 95% ones: h is 1.96 standard errors of the log ratio.
            double z = h == 0 ? Double.POSITIVE_INFINITY : Math.abs(Math.log(ratio)) / (h / 1.959964);
            p = Double.isInfinite(z) ? 0 : 2 * (1 - org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).cumulativeProbability(z));
        }
        boolean significant = high != null && (low > 1 || high < 1);
        return Judge.judge(a.figure(), a.profile(), reference, ratio, low, high, significant, a.threshold(), p, a.runs(),
                b.runs(), Comparison.COUNTED.equals(a.basis()) && Comparison.COUNTED.equals(b.basis()) ? Comparison.COUNTED
                        : Comparison.TIMED);
    }

    /** The larger log-distance from the ratio to its interval's ends, or null where the interval is open. */
    private static Double halfWidth(Comparison c) {
        if (c.ciHigh() == null || c.ciLow() <= 0) return null;
        return Math.max(Math.log(c.ratio() / c.ciLow()), Math.log(c.ciHigh() / c.ratio()));
    }

    private static Comparison relabel(Comparison c, String reference) {
        return c.between(c.profile(), reference);
    }

    private static ProfileResult profile(Report r, String name) {
        return r.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Every absolute figure of p scaled by first shard's anchor over p's own shard's anchor, figure by figure. */
    static ProfileResult rescale(ProfileResult p, ProfileResult anchorHere, ProfileResult anchorFirst) {
        Map<String, ScenarioFigures> compile = null;
        if (p.compile() != null) {
            compile = new LinkedHashMap<>();
            for (Map.Entry<String, ScenarioFigures> e : p.compile().entrySet()) {
                ScenarioFigures f = e.getValue();
                ScenarioFigures h = anchorHere.compile() == null ? null : anchorHere.compile().get(e.getKey());
                ScenarioFigures a = anchorFirst.compile() == null ? null : anchorFirst.compile().get(e.getKey());
                if (h == null || a == null) {
                    compile.put(e.getKey(), f);
                    continue;
                }
                compile.put(e.getKey(), new ScenarioFigures(scale(f.wallMs(), a.wallMs(), h.wallMs()), scale(f.cpuMs(), a.cpuMs(),
                        h.cpuMs()), scale(f.maxRssKb(), a.maxRssKb(), h.maxRssKb()), scale(f.cargoWallMs(), a.cargoWallMs(),
                        h.cargoWallMs()), f.instructions(), f.interference()));
            }
        }
        List<KernelTiming> kernels = null;
        if (p.kernels() != null) {
            kernels = new ArrayList<>();
            for (KernelTiming k : p.kernels()) {
                KernelTiming h = kernel(anchorHere, k);
                KernelTiming a = kernel(anchorFirst, k);
                if (h == null || a == null) {
                    kernels.add(k);
                    continue;
                }
                kernels.add(new KernelTiming(k.name(), k.n(), k.status(), k.reason(), scale(k.primalNs(), a.primalNs(), h.primalNs()),
                        k.primalNsPerElement(), scale(k.gradientNs(), a.gradientNs(), h.gradientNs()), k.gradientNsPerElement(),
                        k.gradientToPrimal(), k.gradientCheck(), k.primalBatch(), k.gradientBatch(), k.primalValue(), k.warmupMs(),
                        k.primalInstructions(), k.gradientInstructions(), k.unsteady(), k.primalCycles(), k.gradientCycles()));
            }
        }
        return new ProfileResult(p.name(), p.status(), p.reason(), p.settings(), p.applied(), p.toolchain(), compile, p.analysis(),
                p.artifactBytes(), p.harnessOverheadNs(), p.pinned(), kernels, p.warnings(), p.pipeline());
    }

    private static KernelTiming kernel(ProfileResult p, KernelTiming k) {
        if (p.kernels() == null) return null;
        return p.kernels().stream().filter(x -> x.name().equals(k.name()) && x.n() == k.n() && x.status() == Status.OK).findFirst()
                .orElse(null);
    }

    private static Summary scale(Summary s, Summary to, Summary from) {
        if (s == null || to == null || from == null || !(from.median() > 0)) return s;
        return s.times(to.median() / from.median());
    }
}
