package dev.ctime.render;

import dev.ctime.model.Binding;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Placement;
import dev.ctime.model.Report;
import dev.ctime.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls from Java as a table, one row per kernel function, size and data placement, one column per binding: what
 * the binding adds to each call (the call less the kernel's C loop). The console and the page print the same rows.
 *
 * @param head    the column names
 * @param rows    the cells
 * @param missing each reason a binding has no figure, with the bindings it holds for
 */
public record CallerRows(List<String> head, List<List<String>> rows, Map<String, Set<String>> missing) {
    /** The table of a report, or null where it has no calls from Java. */
    public static CallerRows of(Report r, boolean withCall) {
        if (r.callers() == null || r.callers().isEmpty()) return null;
        List<String> head = new ArrayList<>(List.of("kernel", "n", "function", "data"));
        for (Binding b : Binding.values()) head.add(b.id());
        record Row(String kernel, int n, String function, Placement data) {
        }
        Map<Row, Map<Binding, CallerCost>> byRow = new LinkedHashMap<>();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (CallerCost c : r.callers()) {
            byRow.computeIfAbsent(new Row(c.kernel(), c.n(), c.function(), c.data()), k -> new LinkedHashMap<>()).put(c.binding(), c);
            if (c.missing() != null) missing.computeIfAbsent(c.missing(), k -> new LinkedHashSet<>()).add(c.binding().id());
        }
        List<List<String>> rows = new ArrayList<>();
        for (var e : byRow.entrySet()) {
            Row k = e.getKey();
            List<String> row = new ArrayList<>(List.of(k.kernel(), Integer.toString(k.n()), k.function(), k.data().id()));
            for (Binding b : Binding.values()) row.add(cell(e.getValue().get(b), withCall));
            rows.add(row);
        }
        return new CallerRows(head, rows, missing);
    }

    /** "+366 ns", or "+366 ns of 943 ns" with the whole call; "-" where there is no figure. */
    static String cell(CallerCost c, boolean withCall) {
        if (c == null || c.bindingNs() == null) return "-";
        String share = (c.bindingNs().median() >= 0 ? "+" : "") + Units.ns(c.bindingNs().median());
        return withCall && c.callNs() != null ? share + " of " + Units.ns(c.callNs().median()) : share;
    }

    /** "ffm, ffm-critical: the forks run on JDK 17; …": one line per reason. */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        missing.forEach((why, bindings) -> out.add(String.join(", ", bindings) + ": " + why));
        return out;
    }
}
