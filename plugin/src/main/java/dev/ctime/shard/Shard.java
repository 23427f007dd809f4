package dev.ctime.shard;

/**
 * One slice of a matrix measured on its own runner: {@code index} of {@code count}, from 1, as CI
 * job matrices number their jobs (GitHub's strategy.matrix, GitLab's CI_NODE_INDEX/CI_NODE_TOTAL).
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: use I/N with 1 <= I <= N");
        }
    }

    /** "2/3"; the message of a bad value names the fix. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})\\s*/\\s*(\\d{1,4})").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("ctime.shard is '" + t + "': write I/N, the shard's number and the number of"
                    + " shards, e.g. 2/3 (in GitHub Actions: ${{ matrix.shard }}/3; in GitLab: $CI_NODE_INDEX/$CI_NODE_TOTAL)");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException("ctime.shard is '" + t + "': the shard's number must be between 1 and the number"
                    + " of shards (" + n + ")");
        }
        return new Shard(i, n);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
