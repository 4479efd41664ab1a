package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.RuleProfile;

/** Runs the limits benchmark once per dataset: the centre and sigma of the engine's own XmR and run charts. */
final class LimitsBenchmarkTest {
    @Test
    void limitsAreTheChartsOwn() {
        for (String dataset : new String[] {"noise", "shifted", "ties"}) {
            final LimitsBenchmark b = new LimitsBenchmark();
            b.length = 10_000;
            b.dataset = dataset;
            b.setUp();
            final double[] both = b.xmr();
            // anhoej: screened moving ranges, sigma = AMR / 1.128
            final ChartResult xmr = ChartSpec.builder(ChartType.XMR).profile(RuleProfile.ANHOEJ).build()
                    .compute(b.values);
            assertEquals(xmr.phases().get(0).centre(), both[0], 0, dataset);
            assertEquals(xmr.phases().get(0).sigma(), both[1] / 1.128, 0, dataset);
            final ChartResult run = ChartSpec.builder(ChartType.RUN).build().compute(b.values);
            assertEquals(run.phases().get(0).centre(), b.median(), 0, dataset);
            assertEquals(Data.sum(b.values), b.sum(), 0);
        }
    }
}
