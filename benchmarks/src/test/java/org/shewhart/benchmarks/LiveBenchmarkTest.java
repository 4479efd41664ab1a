package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.Series;
import org.shewhart.engine.live.LiveChart;

/**
 * Runs each {@link LiveBenchmark} method once and checks its answer: the appended chart equals a full recompute
 * of the same points, and the recompute charts history + 1 points with the planted shift found.
 */
final class LiveBenchmarkTest {
    @Test
    void appendEqualsAFullRecomputeUnderEveryProfile() {
        for (String chart : new String[] {"xmr", "p"}) {
            for (String profile : new String[] {"mdc", "anhoej", "ihi", "nelson"}) {
                final LiveBenchmark b = state(2_000, profile, chart);
                final LiveChart live = b.live;
                b.keepHistory();
                final int sum = b.append();
                // each point's type as a full recompute gives it when that point is the newest (a later point can
                // re-flag an earlier one, so this is not the type at the end)
                final Series points = live.toSeries();
                final double[] y = new double[points.size()];
                final double[] n = new double[points.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = points.valueAt(i);
                    n[i] = points.sizeAt(i);
                }
                int expected = 0;
                for (int i = 2_000; i < 2_000 + LiveBenchmark.BATCH; i++) {
                    final ChartResult prefix = b.spec.compute(points.hasSizes()
                            ? Series.of(Arrays.copyOf(y, i + 1), Arrays.copyOf(n, i + 1))
                            : Series.of(Arrays.copyOf(y, i + 1)));
                    expected += prefix.typeAt(i).ordinal();
                }
                assertEquals(expected, sum, chart + "/" + profile);
                assertEquals(2_000 + LiveBenchmark.BATCH, live.size());
                assertTrue(live.isFrozen());
                final ChartResult full = live.toResult();
                assertEquals(full.signals(), live.signals(), chart + "/" + profile);
                assertEquals(full.phases(), live.phases(), chart + "/" + profile);
                for (int i = 0; i < live.size(); i++) {
                    assertEquals(full.typeAt(i), live.typeAt(i), chart + "/" + profile + " point " + i);
                    assertEquals(full.rulesAt(i), live.rulesAt(i), chart + "/" + profile + " point " + i);
                }
            }
        }
    }

    @Test
    void theChartIsRebuiltBeforeItDoublesItsHistory() {
        final LiveBenchmark b = state(100, "mdc", "xmr");
        for (int k = 0; k < 5; k++) {
            b.keepHistory();
            b.append();
            assertTrue(b.live.size() <= 200, "size " + b.live.size());
        }
    }

    @Test
    void recomputeChartsTheHistoryAndOnePointMore() {
        for (String profile : new String[] {"mdc", "anhoej", "nelson"}) {
            final LiveBenchmark b = state(10_000, profile, "xmr");
            final ChartResult r = b.recompute();
            assertEquals(10_001, r.size());
            // the last quarter sits 1.5 sigma higher than the 20-point baseline: most of it is flagged high
            int high = 0;
            for (int i = 7_500; i < 10_001; i++) {
                if (r.typeAt(i) == PointType.SPECIAL_CAUSE_IMPROVEMENT
                        && (r.isFlagged(i, Rule.SHIFT) || r.isFlagged(i, Rule.LONG_RUN))) {
                    high++;
                }
            }
            assertTrue(high > 1_000, profile + ": " + high);
        }
    }

    private static LiveBenchmark state(int history, String profile, String chart) {
        final LiveBenchmark b = new LiveBenchmark();
        b.history = history;
        b.profile = profile;
        b.chart = chart;
        b.baseline = 20;
        b.setUp();
        return b;
    }
}
