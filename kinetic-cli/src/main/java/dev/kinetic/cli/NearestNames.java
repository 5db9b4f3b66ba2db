package dev.kinetic.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names closest to a mistyped one ({@code --fromat} → {@code --format}), for the "Did you mean" line of a usage
 * error: at most two edits away, where swapping two neighbouring letters counts as one.
 */
final class NearestNames {
    private static final int MAX_EDITS = 2;

    private NearestNames() {
    }

    /** The names at most two edits from {@code typed}, nearest first; empty when none is that close. */
    static List<String> of(String typed, Collection<String> names) {
        return names.stream()
                .filter(name -> distance(typed, name) <= Math.min(MAX_EDITS, name.length() / 3))
                .sorted(Comparator.comparingInt(name -> distance(typed, name)))
                .toList();
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
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
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
