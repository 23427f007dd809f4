package dev.ctime.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which shard reports a merge reads: paths and globs, relative to a base folder. */
public final class ShardReports {
    private ShardReports() {
    }

    /** The items in order, each glob expanded in name order; a glob that matches nothing is a problem. */
    public static List<Path> expand(Path base, String items, List<String> problems) {
        List<Path> out = new ArrayList<>();
        for (String raw : items.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            if (!item.matches(".*[*?\\[{].*")) {
                out.add(base.resolve(item).normalize());
                continue;
            }
            java.nio.file.PathMatcher m = base.getFileSystem().getPathMatcher("glob:" + item);
            List<Path> hits = new ArrayList<>();
            try (java.util.stream.Stream<Path> files = Files.walk(base, 8)) {
                files.filter(Files::isRegularFile).filter(f -> m.matches(base.relativize(f))).sorted().forEach(hits::add);
            } catch (IOException e) {
                problems.add("cannot search " + base + " for " + item + ": " + e.getMessage());
            }
            if (hits.isEmpty()) problems.add(item + " matches no file under " + base + ": give each shard's report.json");
            out.addAll(hits);
        }
        return out;
    }
}
