package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a report was merged from shards. Figures of different runners are never mixed as they are:
 * each profile is compared with its own shard's anchor, and comparisons across shards go through
 * the anchors, their intervals widened by both anchors' uncertainty. The absolute figures shown
 * for profiles of later shards are rescaled to the first shard's anchor (said so on the page).
 *
 * @param anchorRatios every measured profile's figures against its own shard's anchor, with 95% intervals
 * @param findings     what differs between the shards: machines, a slow runner, profiles no shard measured
 * @param anchor the profile every shard measured, through which the shards are compared
 * @param shards the merged reports, one per shard
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergeInfo(String anchor, List<Source> shards, List<Comparison> anchorRatios, List<String> findings) {

    /**
     * @param anchorDrift the shard's anchor against the other shards' anchors, on the anchor's main
     *                    build figure; significant means a faster or slower runner
     * @param index the shard's number, from 1
     * @param count how many shards the matrix was dealt into
     * @param report the shard's report as given to the merge
     * @param createdAt when that report was written (ISO-8601, UTC)
     * @param machine the machine that measured it
     * @param profiles the profiles it measured
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(int index, int count, String report, String createdAt, MachineFacts machine,
                         List<String> profiles, Comparison anchorDrift) {
    }
}
