package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.Rule;

/**
 * Runs the rules benchmark once per profile and dataset, with and without the vector masks (the same scalar masks
 * on JDK 17): its mask must be the chart's own rule mask.
 */
final class RulesBenchmarkTest {
    @Test
    void rulesGiveTheChartsMask() {
        for (String profile : new String[] {"mdc", "weco", "nelson", "ihi"}) {
            for (String dataset : new String[] {"noise", "shifted", "ties"}) {
                final RulesBenchmark b = new RulesBenchmark();
                b.simd = dataset.hashCode() % 2 == 0;
                b.length = 10_000;
                b.profile = profile;
                b.dataset = dataset;
                b.setUp();
                final int[] mask = b.rules();
                final ChartResult r = b.spec.compute(b.values);
                int flagged = 0;
                for (int i = 0; i < mask.length; i++) {
                    // the runs analysis (IHI's too few or too many runs) is not a rule kernel
                    final int expected = r.rulesAt(i) & ~Rule.RUNS.bit();
                    assertEquals(expected, mask[i], profile + " " + dataset + " point " + i);
                    flagged += mask[i] != 0 ? 1 : 0;
                }
                assertTrue(flagged > 0, profile + " " + dataset + " flags nothing");
            }
        }
        final RulesBenchmark b = new RulesBenchmark();
        b.length = 1000;
        b.profile = "nelson";
        b.dataset = "noise";
        b.setUp();
        double expected = 0;
        for (double v : b.values) {
            expected += v;
        }
        assertEquals(expected, b.sum(), 1e-9 * expected);
    }
}
