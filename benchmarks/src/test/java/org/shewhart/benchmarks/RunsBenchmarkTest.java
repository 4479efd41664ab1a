package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.RunsAnalysis;

/** Runs the runs benchmark once per dataset: the run chart's own runs analysis. */
final class RunsBenchmarkTest {
    @Test
    void runsAreTheRunChartsOwn() {
        for (String dataset : new String[] {"noise", "shifted", "ties"}) {
            final RunsBenchmark b = new RunsBenchmark();
            b.length = 10_000;
            b.dataset = dataset;
            b.setUp();
            final int[] stats = b.runs();
            final RunsAnalysis expected = ChartSpec.builder(ChartType.RUN).build().compute(b.values).phases()
                    .get(0).runs();
            assertEquals(expected.useful(), stats[0], dataset);
            assertEquals(expected.longestRun(), stats[1], dataset);
            assertEquals(expected.runs(), stats[2], dataset);
            assertTrue(stats[2] > 100, dataset + ": too few runs " + stats[2]);
        }
    }
}
