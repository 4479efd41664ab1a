package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.Rule;
import org.shewhart.engine.batch.BatchResult;

/** Runs the batch benchmark once: every summary is the series' own chart, and the shifted series signal. */
final class BatchBenchmarkTest {
    @Test
    void batchSummariesAreTheSeriesOwnCharts() {
        for (String profile : new String[] {"mdc", "nelson"}) {
            final BatchBenchmark b = new BatchBenchmark();
            b.series = 2000;
            b.profile = profile;
            b.threads = 2;
            b.setUp();
            final BatchResult r = b.scan();
            assertEquals(2000, r.seriesCount());
            int shifted = 0;
            for (int s = 0; s < r.seriesCount(); s++) {
                final ChartResult c = b.spec.compute(Arrays.copyOfRange(b.values, s * BatchBenchmark.POINTS,
                        (s + 1) * BatchBenchmark.POINTS));
                assertNull(r.error(s));
                assertEquals(c.upperLimitAt(BatchBenchmark.POINTS - 1), r.upperLimit(s), 0);
                assertEquals(c.variation(), r.variation(s));
                int signals = 0;
                for (Rule rule : Rule.values()) {
                    signals += r.signals(s, rule);
                }
                assertEquals(c.signals().size(), signals);
                shifted += s % 10 == 0 && r.signals(s, Rule.SHIFT) > 0 ? 1 : 0;
            }
            assertTrue(shifted > 20, profile + ": shifted series with a shift signal: " + shifted);
        }
    }
}
