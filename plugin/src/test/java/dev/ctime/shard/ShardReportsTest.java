package dev.ctime.shard;

import dev.ctime.shard.ShardReports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardReportsTest {
    @TempDir
    Path base;

    @Test
    void itemsAreFilesOrGlobsInNameOrder() throws Exception {
        for (String s : List.of("shards/ctime-shard-2", "shards/ctime-shard-1", "shards/ctime-shard-3", "other")) {
            Files.createDirectories(base.resolve(s));
            Files.writeString(base.resolve(s).resolve("report.json"), "{}");
        }
        List<String> problems = new ArrayList<>();
        List<Path> found = ShardReports.expand(base, "shards/*/report.json, other/report.json", problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(base.resolve("shards/ctime-shard-1/report.json"), base.resolve("shards/ctime-shard-2/report.json"),
                base.resolve("shards/ctime-shard-3/report.json"), base.resolve("other/report.json")), found);
        ShardReports.expand(base, "nowhere/*/report.json", problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("nowhere/*/report.json matches no file"), problems.get(0));
    }
}
