package org.shewhart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code sample of README.md, kept here so that it compiles and its numbers hold. Expected values: the Making
 * Data Count vignette series as NHSRplotthedots 0.2.2 charts it (SPC-METHODS.md b12: mean 1.944444, limits
 * -0.7155556 and 4.604444, point 5 above the upper limit).
 */
final class ReadmeExampleTest {
    @Test
    void readmeExample() {
        List<String> printed = new ArrayList<>();
        // --- README example start
        double[] y = {1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};
        ChartResult chart = ChartSpec.builder(ChartType.XMR)
                .profile(RuleProfile.MDC)              // NHS Making Data Count rules
                .improvement(Improvement.DECREASE)     // lower is better
                .build()
                .compute(y);
        printed.add(String.format("mean %.4f, limits %.4f to %.4f, variation %s", chart.centreAt(0),
                chart.lowerLimitAt(0), chart.upperLimitAt(0), chart.variation().id()));
        for (Signal s : chart.signals()) {
            printed.add(SignalText.describe(chart, s, i -> "week " + (i + 1)));
        }
        // --- README example end
        assertEquals(1.944444, chart.centreAt(0), 1e-6);
        assertEquals(-0.7155556, chart.lowerLimitAt(0), 1e-7);
        assertEquals(4.604444, chart.upperLimitAt(0), 1e-6);
        assertTrue(chart.isFlagged(4, Rule.OUTSIDE_LIMITS));
        assertEquals(PointType.SPECIAL_CAUSE_CONCERN, chart.typeAt(4));
        assertEquals("mean 1.9444, limits -0.7156 to 4.6044, variation common-cause", printed.get(0));
        assertEquals("a point above the upper limit at week 5 (concern)", printed.get(1));
    }
}
