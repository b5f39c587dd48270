package procrust.config.read;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean": the known key closest to a mistyped one, by spelling. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, or null when none is close. Case, '-' and '_' are
     * ignored first ({@code dependsOn}, {@code depends-on} both give {@code depends_on}); then the
     * optimal-string-alignment distance must be at most a third of the word (at least 1, at most 3).
     */
    public static String closest(String word, Collection<String> candidates) {
        String w = fold(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, fold(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.min(3, Math.max(1, w.length() / 3));
        return bestDistance <= limit && bestDistance < w.length() ? best : null;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as 1. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return a.equals(b) ? 0 : Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
