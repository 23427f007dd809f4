package dev.ctime.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A table without the columns that are empty in every row: a column of blanks says nothing and takes a phone's width.
 * Both page writers (the site's and the standalone page's) show a table through it.
 */
record FilledColumns(List<String> headers, List<List<String>> rows) {
    static FilledColumns of(List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) return new FilledColumns(headers, rows);
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            int col = c;
            if (rows.stream().anyMatch(r -> col < r.size() && r.get(col) != null && !r.get(col).isBlank())) keep.add(c);
        }
        if (keep.size() == headers.size()) return new FilledColumns(headers, rows);
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) out.add(keep.stream().map(c -> c < r.size() ? r.get(c) : "").toList());
        return new FilledColumns(keep.stream().map(headers::get).toList(), out);
    }
}
