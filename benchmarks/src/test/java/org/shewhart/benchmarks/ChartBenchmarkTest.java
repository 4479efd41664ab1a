package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.Rule;

/** Runs each benchmark method once and checks its answer, so a broken benchmark fails the build. */
final class ChartBenchmarkTest {
    @Test
    void sumIsTheSumOfTheSeries() {
        final ChartBenchmark b = state(10_000, "nelson");
        double expected = 0;
        for (double v : b.values) {
            expected += v;
        }
        assertEquals(expected, b.sum(), 1e-9 * Math.abs(expected));
    }

    @Test
    void chartFindsThePlantedShiftUnderEveryProfile() {
        for (String profile : new String[] {"mdc", "anhoej", "nelson"}) {
            final ChartBenchmark b = state(10_000, profile);
            final ChartResult r = b.chart();
            assertEquals(10_000, r.size());
            // the last quarter sits 1.5 sigma higher: run rules must flag far more of it than of the first half
            final double shifted = flaggedShare(r, 7_500, 10_000);
            final double before = flaggedShare(r, 0, 5_000);
            assertTrue(shifted > 0.2 && shifted > 5 * before,
                    profile + ": share of points flagged by a run rule, shifted " + shifted + ", before " + before);
        }
    }

    private static double flaggedShare(ChartResult r, int from, int to) {
        int flagged = 0;
        for (int i = from; i < to; i++) {
            if (r.isFlagged(i, Rule.SHIFT) || r.isFlagged(i, Rule.LONG_RUN)) {
                flagged++;
            }
        }
        return (double) flagged / (to - from);
    }

    private static ChartBenchmark state(int length, String profile) {
        final ChartBenchmark b = new ChartBenchmark();
        b.length = length;
        b.profile = profile;
        b.chart = "xmr";
        b.dataset = "shifted";
        b.setUp();
        return b;
    }
}
