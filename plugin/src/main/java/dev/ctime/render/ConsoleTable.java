package dev.ctime.render;

import dev.ctime.verdict.CallAdvice;
import dev.ctime.model.FigureId;
import dev.ctime.verdict.DecisionText;
import dev.ctime.model.Verdict;
import dev.ctime.model.Race;
import dev.ctime.text.Units;
import dev.ctime.model.MergeInfo;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The table people read at the end of a run, one block of rows per profile, each figure with its
 * interval and its ratio to the reference; then the verdict: the recommendation, the ties and
 * what makes the figures less reliable. Fits 120 columns: longer profile and kernel names are cut in the table.
 */
public final class ConsoleTable {
    /** The console's width, Maven's prefix aside: every line ctime prints fits it. */
    public static final int WIDTH = 100;

    private ConsoleTable() {
    }

    /** What the console shows by default: the tables, the warnings and the verdict; the details are behind {@link #FULL}. */
    public static final String COMPACT = "compact";
    /** Every figure against the reference, instruction counts, Enzyme's and PGO's details kernel by kernel. */
    public static final String FULL = "full";

    public static List<String> render(Report r) {
        return render(r, false);
    }

    /** @param full the details too (ctime.console=full): every ratio, the instruction counts, autodiff and PGO kernel by kernel */
    public static List<String> render(Report r, boolean full) {
        // Two tables, each within 100 columns: the builds, one row per profile, then the kernels.
        List<String[]> rows = new ArrayList<>();
        // The build the decision reads (a mix of several where ctime.builds asks for it), named in the column's head.
        String decided = r.decision() != null && r.decision().scenario() != null ? r.decision().scenario() : null;
        rows.add(new String[] {"profile", "status", decided == null ? "build cpu" : decided.contains("=") ? "period's build cpu"
                : decided + " build cpu", "vs ref"});
        List<String[]> kernelRows = new ArrayList<>();
        // Names too long to share a line with the kernels' columns (a matrix's) head their kernel rows instead.
        boolean ownLine = r.profiles().stream().anyMatch(x -> fit(clean(x.name()), r.profiles().stream().map(y -> clean(y.name()))
                .toList(), 24).length() > 24);
        kernelRows.add(ownLine ? new String[] {"kernel", "n", "primal", "vs ref", "gradient", "vs ref", "grad check"}
                : new String[] {"profile", "kernel", "n", "primal", "vs ref", "gradient", "vs ref", "grad check"});
        // A race's profiles that left are on the page; the console's kernel table keeps to the finalists and the reference.
        java.util.Set<String> leftRace = r.race() == null ? java.util.Set.of() : r.race().left().stream()
                .map(Race.Left::profile).filter(n -> !n.equals(r.reference())).collect(java.util.stream.Collectors.toSet());
        Map<String, String> identical = IdenticalLibraries.of(r);
        Map<String, String> timedOnce = IdenticalLibraries.timedOnce(r);
        Map<String, List<String>> sameReason = byText(r.profiles(), p -> p.reason() == null ? null : p.status() + ": " + p.reason(),
                ProfileResult::name);
        List<String> names = r.profiles().stream().map(x -> clean(x.name())).toList();
        for (ProfileResult p : r.profiles()) {
            String sc = p.compile() == null ? null : decided != null && p.compile().containsKey(decided) ? decided
                    : p.compile().keySet().stream().findFirst().orElse(null);
            ScenarioFigures f = sc == null ? null : p.compile().get(sc);
            String name = fit(clean(p.name()), names, 24);
            rows.add(new String[] {name, p.status().id(), f == null ? "" : ms(f.cpuMs()),
                    f == null ? "" : ratio(r, p.name(), FigureId.Build.cpu(sc).id())});
            if (identical.containsKey(p.name())) {
                rows.add(note("  " + IdenticalLibraries.note(identical.get(p.name()), timedOnce.containsKey(p.name())), 4));
            }
            List<String> same = p.reason() == null ? List.of() : sameReason.get(p.status() + ": " + p.reason());
            // A reason several profiles share (a missing Enzyme backend) is said once, after the last of them, naming them.
            if (p.reason() != null && same.get(same.size() - 1).equals(p.name())) {
                rows.add(note("  " + p.status() + (same.size() > 1 ? " (" + String.join(", ", same.stream().map(ConsoleTable::clean)
                        .toList()) + ")" : "") + ": " + firstLine(clean(p.reason())), 4));
            }
            List<KernelTiming> ks = p.kernels() == null ? List.of() : p.kernels();
            // An identical library's kernels are the other's, row for row: its builds row says so instead.
            if (timedOnce.containsKey(p.name()) || leftRace.contains(p.name())) continue;
            if (ownLine && !ks.isEmpty()) kernelRows.add(new String[] {name});
            for (int i = 0; i < ks.size(); i++) {
                KernelTiming k = ks.get(i);
                FigureId.Kernel fig = FigureId.Kernel.of(k, FigureId.PRIMAL_NS);
                String[] row = new String[] {i == 0 ? name : "", fit(clean(k.name()), ks.stream().map(x -> clean(x.name())).toList(), 14),
                        Integer.toString(k.n()), ns(k.primalNs()), k.primalNs() == null ? "" : ratio(r, p.name(), fig.id()),
                        ns(k.gradientNs()), k.gradientNs() == null ? "" : ratio(r, p.name(), fig.with(FigureId.GRADIENT_NS).id()),
                        k.gradientCheck() == null ? (k.status() == Status.OK ? "" : "FAILED")
                                : k.gradientCheck().ok() ? String.format(Locale.ROOT, "ok %.0e", k.gradientCheck().maxRelError())
                                        + checkedShare(k.gradientCheck())
                                : Double.isNaN(k.gradientCheck().maxRelError()) ? "FAILED" // not measured (a missing symbol), not wrong
                                : "WRONG " + String.format(Locale.ROOT, "%.1e", k.gradientCheck().maxRelError())};
                kernelRows.add(ownLine ? java.util.Arrays.copyOfRange(row, 1, row.length) : row);
            }
        }
        List<String> out = format(rows, java.util.Set.of(2, 3));
        if (kernelRows.size() > 1) {
            out.add("");
            out.addAll(format(kernelRows, ownLine ? java.util.Set.of(1, 2, 3, 4, 5) : java.util.Set.of(2, 3, 4, 5, 6)));
            if (!leftRace.isEmpty()) out.add("(the kernels of the " + (leftRace.size() == 1 ? "profile" : leftRace.size() + " profiles")
                    + " that left the race: report.html)");
        }
        if (full) {
            out.addAll(instructions(r));
            out.addAll(callers(r));
            out.addAll(differences(r));
        }
        out.addAll(race(r.race()));
        out.addAll(AutodiffLines.autodiff(r.autodiff(), full));
        out.addAll(AutodiffLines.training(r.training(), full));
        out.addAll(shards(r));
        out.add("");
        out.addAll(wrap("± is the half-width of the median's 95% interval (a ~ marks fewer than 6 runs, whose interval is"
                + " [min, max] and less sure); vs ref is the ratio to " + (r.reference() == null ? "the reference"
                : clean(r.reference())) + " (0.80x = 20% less): a bare ratio differs (significant and beyond the threshold),"
                + " '=' marks an equivalent figure (its whole interval within the threshold), '?' an inconclusive one (neither"
                + " yet: more runs would settle it)." + (full ? "" : " Every ratio with its interval, the instruction counts and"
                + " the details kernel by kernel: -Dctime.console=full, or report.html."), WIDTH, ""));
        // The warnings, then the verdict last: what the run ends on is what a terminal still shows.
        out.add("");
        if (r.control() != null && !r.control().unreliable()) out.addAll(wrap(r.control().describe() + ".", WIDTH, "  "));
        if (r.interrupted() != null) out.addAll(wrap("warning: this run was " + clean(r.interrupted()), WIDTH, "  "));
        if (r.warnings() != null) {
            for (String w : r.warnings()) out.addAll(wrap("warning: " + clean(w), WIDTH, "  "));
        }
        if (r.decision() != null) {
            out.add("");
            out.addAll(wrap("verdict: " + clean(DecisionText.headline(r.decision())) + ".", WIDTH, "  "));
            out.addAll(wrap(clean(r.decision().reason()), WIDTH, "  "));
            r.profiles().stream().filter(p -> p.name().equals(r.decision().recommended())).findFirst().ifPresent(p -> {
                out.add("");
                CargoSnippet.of(p).lines().forEach(l -> out.add("  " + clean(l)));
            });
            List<String> calls = CallAdvice.calls(r.decision(), r.callers());
            if (!calls.isEmpty()) out.add("");
            for (String c : calls) out.addAll(wrap(clean(c), WIDTH, "  "));
            CallAdvice.bindingChange(r).ifPresent(c -> out.addAll(wrap(clean(c.sentence()), WIDTH, "  ")));
            String next = DecisionText.next(r.decision());
            if (next != null) {
                out.add("");
                out.addAll(wrap(next, WIDTH, "  "));
            }
        }
        return out;
    }

    /** " (all)" where every coordinate was checked, " (64/1M)" for a sample, nothing where an older report does not say. */
    /** What each binding adds to a call from Java, per kernel function, size and data placement (the full console). */
    static List<String> callers(Report r) {
        CallerRows t = CallerRows.of(r, false);
        if (t == null) return List.of();
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(wrap("calls from Java: what each binding adds to one call, over the kernel's C loop (median over the forks"
                + " that timed it):", WIDTH, ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(t.head().toArray(String[]::new));
        t.rows().forEach(x -> rows.add(x.toArray(String[]::new)));
        out.addAll(format(rows, java.util.Set.of(1, 4, 5, 6, 7, 8)));
        for (String n : t.notes()) out.addAll(wrap(clean(n), WIDTH, "  "));
        return out;
    }

    static String checkedShare(GradientCheck c) {
        if (c.coordinates() == null || c.sample() == null) return "";
        return GradientCheck.ALL.equals(c.sample()) ? " (all)"
                : " (" + c.checked() + "/" + Units.calls(c.coordinates()).replace(" million", "M").replace(" billion", "G") + ")";
    }

    /**
     * The ratios that differ from the reference, with their 95% intervals, one line per profile
     * (wrapped), then how many are equivalent and how many inconclusive.
     */
    static List<String> differences(Report r) {
        List<String> out = new ArrayList<>();
        if (r.comparisons() == null || r.comparisons().isEmpty()) return out;
        java.util.Map<String, List<String>> byProfile = new java.util.LinkedHashMap<>();
        java.util.Map<String, int[]> tally = new java.util.LinkedHashMap<>();
        for (Comparison c : r.comparisons()) {
            List<String> l = byProfile.computeIfAbsent(c.profile(), k -> new ArrayList<>());
            int[] t = tally.computeIfAbsent(c.profile(), k -> new int[2]);
            if (c.verdict() == Verdict.EQUIVALENT) t[0]++;
            if (c.verdict() == Verdict.INCONCLUSIVE) t[1]++;
            if (c.significant()) l.add(figureName(c.figure()) + " " + c.describe());
        }
        out.add("");
        out.add("against " + clean(r.reference()) + ", with 95% intervals (the figures that differ; the rest are counted):");
        byProfile.forEach((p, l) -> {
            int[] t = tally.get(p);
            String rest = t[1] == 0 ? (l.isEmpty() ? "equivalent on every figure" : "the other " + t[0] + " equivalent")
                    : (l.isEmpty() ? "no figure differs: " : "; ") + t[0] + " equivalent, " + t[1] + " inconclusive";
            String text = l.isEmpty() ? rest : String.join(", ", l) + (rest.startsWith(";") ? rest : "; " + rest);
            wrap(clean(p) + ": " + text, WIDTH - 2, "  ").forEach(line -> out.add("  " + line));
        });
        return out;
    }

    /** A race: how the field narrowed, who left beaten by whom, and what it spent beside the exhaustive search. */
    static List<String> race(Race race) {
        List<String> out = new ArrayList<>();
        if (race == null) return out;
        out.add("");
        int all = race.field().isEmpty() ? 0 : race.field().get(0);
        out.addAll(wrap("race: " + all + " profiles, " + race.left().size() + " left, " + race.finalists().size() + " finalists ("
                + String.join(", ", race.finalists().stream().map(ConsoleTable::clean).toList()) + ")" + (race.stopped() == null ? ""
                : "; stopped: " + clean(race.stopped())), WIDTH, "  "));
        Map<String, List<String>> byRound = new java.util.LinkedHashMap<>();
        for (Race.Left l : race.left()) {
            String when = "after " + clean(l.after()) + (l.beatenBy() == null ? "" : ", significantly costlier per build than "
                    + clean(l.beatenBy()));
            byRound.computeIfAbsent(when, k -> new ArrayList<>()).add(clean(l.profile()) + (l.totalMs() == null ? ""
                    : " (" + signed(l.totalMs()) + " a build" + (l.totalLow() == null ? "" : ", " + signed(l.totalLow()) + " to "
                    + (l.totalHigh() == null ? "?" : signed(l.totalHigh()))) + ")"));
        }
        byRound.forEach((when, who) -> wrap(when + ": " + String.join(", ", who), WIDTH - 2, "  ").forEach(l -> out.add("  " + l)));
        Race.Spent sp = race.spent();
        if (sp != null) {
            wrap("spent: " + sp.builds() + " builds and " + sp.forks() + " forks" + (sp.cpuMs() == null ? "" : ", "
                    + Units.duration(sp.cpuMs()) + " of CPU") + ", " + Units.duration(sp.wallMs()) + " in all; an exhaustive search"
                    + " runs at least " + sp.exhaustiveBuilds() + " builds" + (sp.exhaustiveEstimateMs() == null ? "" : ", about "
                    + Units.duration(sp.exhaustiveEstimateMs()) + " by the estimate"), WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
        }
        return out;
    }

    private static String signed(double ms) {
        return (ms >= 0 ? "+" : "-") + Units.ms(Math.abs(ms));
    }

    /** Which slice a shard run measured; where a merged report's parts came from, and how their anchors agree. */
    static List<String> shards(Report r) {
        List<String> out = new ArrayList<>();
        if (r.shard() != null) {
            out.add("");
            out.addAll(wrap("shard " + r.shard().index() + "/" + r.shard().count() + ": measured " + String.join(", ",
                    r.shard().measured().stream().map(ConsoleTable::clean).toList()) + " of the " + r.shard().profiles().size()
                    + " profiles (" + clean(r.shard().anchor()) + " is the anchor every shard measures; balanced by "
                    + r.shard().costBasis() + "); join the shards' reports with ctime:merge", WIDTH, "  "));
        }
        if (r.merge() != null) {
            out.add("");
            out.add("merged from " + r.merge().shards().size() + " shards, each compared through its own " + clean(r.merge().anchor())
                    + ":");
            for (MergeInfo.Source s : r.merge().shards()) {
                wrap("shard " + s.index() + "/" + s.count() + ": " + String.join(", ", s.profiles().stream().map(ConsoleTable::clean)
                        .toList()) + (s.anchorDrift() == null ? "" : "; its anchor against the others' " + s.anchorDrift().describe()
                        + mark(s.anchorDrift())), WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
            }
        }
        return out;
    }

    /** A ratio as the tables print it: "=1.00x", "?0.98x", "21.58x". */
    static String brief(Comparison c) {
        return c.mark() + String.format(Locale.ROOT, "%.2fx", c.ratio());
    }

    static String mark(Comparison c) {
        return c.mark().isEmpty() ? "" : " " + c.mark();
    }

    /** A figure's label with control characters made visible (names come from the user's crate). */
    public static String figureName(String figure) {
        return clean(FigureId.parse(figure).label());
    }

    /** Instructions per call where Cachegrind counted them: one line per kernel size, profiles side by side. */
    static List<String> instructions(Report r) {
        List<String> out = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (p.kernels() == null) continue;
            for (KernelTiming k : p.kernels()) {
                if (k.primalInstructions() == null) continue;
                FigureId.Kernel fig = FigureId.Kernel.of(k, FigureId.PRIMAL_INSTRUCTIONS);
                String g = k.gradientInstructions() == null ? "" : String.format(Locale.ROOT, ", gradient %,.0f %s",
                        k.gradientInstructions(), ratio(r, p.name(), fig.with(FigureId.GRADIENT_INSTRUCTIONS).id()));
                out.add(String.format(Locale.ROOT, "  %s %s n=%d: primal %,.0f %s%s", clean(p.name()), clean(k.name()), k.n(),
                        k.primalInstructions(), ratio(r, p.name(), fig.id()), g).stripTrailing());
                if (k.primalCycles() != null) {
                    out.add(String.format(Locale.ROOT, "    estimated cycles: primal %,.0f %s%s", k.primalCycles(),
                            ratio(r, p.name(), fig.with(FigureId.PRIMAL_CYCLES).id()), k.gradientCycles() == null ? ""
                            : String.format(Locale.ROOT, ", gradient %,.0f %s", k.gradientCycles(),
                            ratio(r, p.name(), fig.with(FigureId.GRADIENT_CYCLES).id()))).stripTrailing());
                }
            }
        }
        if (!out.isEmpty()) {
            out.add(0, "");
            out.add(1, "instructions per call (Cachegrind; deterministic, the same on a busy machine; vs ref beside each):");
        }
        return out;
    }

    /** A name cut to fit, unless cutting would make two of the names it stands among read the same: then whole. */
    static String fit(String name, List<String> among, int max) {
        java.util.Set<String> whole = new java.util.HashSet<>(among);
        boolean apart = among.stream().map(n -> clip(n, max)).distinct().count() == whole.size();
        return apart ? clip(name, max) : name;
    }

    /** Long names are cut in the table (in full in the lines below it), so rows fit the console; two cut names stay apart. */
    static String clip(String s, int max) {
        return Units.clip(s, max);
    }

    /** Control characters (a newline in a name) would break the table: shown escaped. */
    public static String clean(String s) {
        if (s == null) return "";
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replaceAll("\\p{Cntrl}", "?");
    }

    static String ratio(Report r, String profile, String figure) {
        if (r.comparisons() == null) return "";
        if (profile.equals(r.reference())) return "ref";
        for (Comparison c : r.comparisons()) {
            if (c.profile().equals(profile) && c.figure().equals(figure)) {
                return c.mark() + String.format(Locale.ROOT, "%.2fx", c.ratio());
            }
        }
        return "";
    }

    /** A row of one text, set under the table's second column: a note on the row above. */
    private static String[] note(String text, int cols) {
        String[] row = new String[cols];
        Arrays.fill(row, "");
        row[1] = text;
        return row;
    }

    /** Columns as wide as their widest cell, the given ones right-aligned; note rows (second cell indented) span the table. */
    private static List<String> format(List<String[]> rows, java.util.Set<Integer> right) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            if (r.length == 1 || r[1].startsWith("  ")) continue;
            for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c].length());
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            // A heading: a profile whose name stands above its rows.
            if (r.length == 1) {
                out.add(r[0]);
                continue;
            }
            if (r[1].startsWith("  ")) {
                String pad = " ".repeat(w[0] + 3);
                List<String> lines = wrap(r[1].strip(), WIDTH - pad.length(), "  ");
                lines.forEach(l -> out.add(pad + l));
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String v = r[c];
                sb.append(right.contains(c) ? " ".repeat(w[c] - v.length()) + v : v + " ".repeat(w[c] - v.length()));
                if (c < cols - 1) sb.append(' ');
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    /** Items grouped by a text they share (null: left out), in first-seen order, each group its items' names in order. */
    public static <T> Map<String, List<String>> byText(List<T> items, java.util.function.Function<T, String> text,
                                                     java.util.function.Function<T, String> name) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (T i : items) {
            String t = text.apply(i);
            if (t != null) out.computeIfAbsent(t, k -> new ArrayList<>()).add(name.apply(i));
        }
        return out;
    }

    /** Text broken at spaces into lines of at most {@code width} (a longer word stands alone), later lines indented. */
    public static List<String> wrap(String text, int width, String indent) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }

    /** The first line of a {@link #clean}ed text (its escaped newline), within 100 columns. */
    public static String firstLine(String s) {
        int nl = s.indexOf("\\n");
        String l = nl < 0 ? s : s.substring(0, nl) + " …";
        return l.length() > 100 ? l.substring(0, 99) + "…" : l;
    }

    static String ms(Summary s) {
        if (s == null) return "";
        return Units.ms(s.median()) + pm(s);
    }

    static String ns(Summary s) {
        if (s == null) return "";
        return Units.ns(s.median()) + pm(s);
    }

    /** The interval's half-width as a share of the median; marked when it rests on too few runs for 95%. */
    private static String pm(Summary s) {
        return String.format(Locale.ROOT, " %s±%.0f%%", s.ciLevel() < 0.95 ? "~" : "", 100 * s.precision());
    }
}
