package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a shard run measured of the whole matrix, for {@code ctime:merge}.
 *
 * @param profiles  every profile of the matrix, in order (so a merge can tell which none measured)
 * @param measured  the anchor and this shard's slice
 * @param costBasis how the slices were balanced: "history" (an earlier run's build times) or "cost model"
 * @param costs     the expected cost of each dealt profile
 * @param index this shard's number, from 1
 * @param count how many shards the matrix was dealt into
 * @param anchor the profile every shard measures, through which a merge compares them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShardInfo(int index, int count, String anchor, List<String> profiles, List<String> measured, String costBasis,
                        Map<String, Double> costs) {
}
