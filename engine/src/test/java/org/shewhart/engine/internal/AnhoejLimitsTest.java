package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Anhøj's critical values. Expected values: the table of SPC-METHODS.md b3, computed from round(log2 n) + 3 and
 * R's qbinom(0.05, n - 1, 0.5); the longest-run column agrees with an independent public table (23 -> 8,
 * 46 -> 9, 91 -> 10).
 */
final class AnhoejLimitsTest {
    @Test
    void publishedCriticalValues() {
        final int[][] table = {{10, 6, 2}, {11, 6, 2}, {12, 7, 3}, {19, 7, 6}, {20, 7, 6}, {23, 8, 7}, {30, 8, 10},
            {40, 8, 14}, {46, 9, 17}, {50, 9, 19}, {59, 9, 23}, {60, 9, 23}, {70, 9, 28}, {80, 9, 32}, {90, 9, 37},
            {91, 10, 37}, {100, 10, 41}};
        for (int[] row : table) {
            assertEquals(row[1], RunsTests.longestRunMax(row[0]), "longest run limit for n = " + row[0]);
            assertEquals(row[2], RunsTests.crossingsMin(row[0]), "minimum crossings for n = " + row[0]);
        }
    }

    @Test
    void tableAndApproximationEqualTheExactQuantile() {
        // across the tabled range, its edge, and the normal-start path beyond it
        for (int n = 1; n <= 12_000; n += n < RunsTests.TABLED + 10 ? 1 : 13) {
            final int exact = BinomialDistribution.of(n - 1, 0.5).inverseCumulativeProbability(0.05);
            assertEquals(exact, RunsTests.crossingsMin(n), "n = " + n);
        }
        for (int n : new int[] {100_000, 1_000_003, 10_000_000}) {
            final int exact = BinomialDistribution.of(n - 1, 0.5).inverseCumulativeProbability(0.05);
            assertEquals(exact, RunsTests.crossingsMin(n), "n = " + n);
        }
    }
}
