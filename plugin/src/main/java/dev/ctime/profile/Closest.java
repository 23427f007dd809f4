package dev.ctime.profile;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a misspelt one, by edit distance, where it is close enough. */
public final class Closest {
    private Closest() {
    }

    public static Optional<String> among(String name, Collection<String> known) {
        String k = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : known) {
            int d = distance(k, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return bestD <= Math.max(2, name.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
