package org.shewhart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.internal.SeriesGenerator;

/**
 * The engine against {@link ReferenceChartCalculator}, the calculator as it was before the one-pass
 * classification, the bit-parallel rules and the reusable workspace: on thousands of random charts of every chart
 * type and profile ({@link RandomCharts}: ties, missing values, values on the lines, phases, baselines, exclusions,
 * overrides longer than a 64-point word, invalid inputs), {@link ChartSpec#compute} gives the same result to the
 * last bit (values, every line, rule masks, point types, phases with their runs analysis, signals, variation,
 * assurance, notes) or the same error, and a {@link ChartWorkspace} reused across series of different lengths gives
 * it too.
 */
final class ChartWorkspaceEquivalenceTest {
    private static final int CASES_PER_COMBINATION = 120;

    @Test
    void engineEqualsTheReferenceCalculatorOnRandomCharts() {
        int charts = 0;
        int errors = 0;
        int flagged = 0;
        for (ChartType type : ChartType.values()) {
            for (RuleProfile profile : RuleProfile.values()) {
                final long[] seeds = SeriesGenerator.caseSeeds("workspace-" + type + "-" + profile,
                        CASES_PER_COMBINATION);
                for (long seed : seeds) {
                    final RandomCharts.Case c = RandomCharts.draw(seed, type, profile);
                    final Series series = c.series();
                    ChartResult expected = null;
                    String expectedError = null;
                    try {
                        expected = ReferenceChartCalculator.compute(c.spec, series);
                    } catch (SpcInputException e) {
                        expectedError = e.getMessage();
                    }
                    ChartResult actual = null;
                    String actualError = null;
                    try {
                        actual = c.spec.compute(series);
                    } catch (SpcInputException e) {
                        actualError = e.getMessage();
                    }
                    assertEquals(expectedError, actualError, c::describe);
                    if (expected == null) {
                        errors++;
                        continue;
                    }
                    charts++;
                    assertSameChart(expected, actual, c::describe);
                    if (Limits.constantPerPhase(type)) {
                        assertConstantLines(actual, c::describe);
                    }
                    for (int i = 0; i < expected.size(); i++) {
                        flagged += expected.rulesAt(i) != 0 ? 1 : 0;
                    }
                }
            }
        }
        // the cases must chart, fail and flag in earnest, or the property would hold vacuously
        assertTrue(charts > 8000 && errors > 300 && flagged > 100_000,
                "charts " + charts + ", errors " + errors + ", flagged points " + flagged);
    }

    @Test
    void reusedWorkspaceEqualsTheReferenceCalculator() {
        for (ChartType type : ChartType.values()) {
            for (RuleProfile profile : RuleProfile.values()) {
                final long[] seeds = SeriesGenerator.caseSeeds("workspace-reuse-" + type + "-" + profile, 30);
                for (long seed : seeds) {
                    final RandomCharts.Case c = RandomCharts.draw(seed, type, profile);
                    final ChartWorkspace w = new ChartWorkspace(c.spec);
                    // a longer series of the same spec first, so that stale values would show
                    final RandomCharts.Case other = RandomCharts.draw(seed ^ 0x5A5A, type, profile);
                    for (RandomCharts.Case s : new RandomCharts.Case[] {other, c, other, c}) {
                        ChartResult expected = null;
                        String expectedError = null;
                        try {
                            expected = ReferenceChartCalculator.compute(c.spec, s.series());
                        } catch (SpcInputException e) {
                            expectedError = e.getMessage();
                        }
                        String actualError = null;
                        try {
                            compute(w, s);
                        } catch (SpcInputException e) {
                            actualError = e.getMessage();
                        }
                        assertEquals(expectedError, actualError, s::describe);
                        if (expected != null) {
                            assertSameWorkspace(expected, w, s::describe);
                        }
                    }
                }
            }
        }
    }

    private static void compute(ChartWorkspace w, RandomCharts.Case c) {
        // at an offset inside longer arrays, as a feed holds its series
        final int pad = 3;
        final double[] values = padded(c.values, pad);
        if (c.sds != null) {
            w.computeSubgroups(values, padded(c.sds, pad), padded(c.ranges, pad), padded(c.sizes, pad), pad,
                    c.values.length);
        } else {
            w.compute(values, c.sizes == null ? null : padded(c.sizes, pad), pad, c.values.length);
        }
    }

    private static double[] padded(double[] x, int pad) {
        final double[] y = new double[x.length + 2 * pad];
        java.util.Arrays.fill(y, 7.0);
        System.arraycopy(x, 0, y, pad, x.length);
        return y;
    }

    /** Limits.constantPerPhase's claim, which the bit-parallel rules rely on: every line the same within a phase. */
    private static void assertConstantLines(ChartResult r, Supplier<String> what) {
        for (Phase p : r.phases()) {
            for (int i = p.first() + 1; i <= p.last(); i++) {
                final int at = i;
                final Supplier<String> where = () -> "lines vary at point " + at + ": " + what.get();
                same(r.centreAt(p.first()), r.centreAt(i), where);
                same(r.lowerLimitAt(p.first()), r.lowerLimitAt(i), where);
                same(r.upperLimitAt(p.first()), r.upperLimitAt(i), where);
                for (int z = 1; z <= 2; z++) {
                    same(r.lowerZoneAt(p.first(), z), r.lowerZoneAt(i, z), where);
                    same(r.upperZoneAt(p.first(), z), r.upperZoneAt(i, z), where);
                }
            }
        }
    }

    /** Every per-point and per-chart field of two results, doubles to the bit (NaN equals NaN). */
    static void assertSameChart(ChartResult expected, ChartResult actual, Supplier<String> what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            final int p = i;
            final Supplier<String> at = () -> "point " + p + ": " + what.get();
            same(expected.valueAt(i), actual.valueAt(i), at);
            same(expected.centreAt(i), actual.centreAt(i), at);
            same(expected.lowerLimitAt(i), actual.lowerLimitAt(i), at);
            same(expected.upperLimitAt(i), actual.upperLimitAt(i), at);
            for (int z = 1; z <= 2; z++) {
                same(expected.lowerZoneAt(i, z), actual.lowerZoneAt(i, z), at);
                same(expected.upperZoneAt(i, z), actual.upperZoneAt(i, z), at);
            }
            if (expected.rulesAt(i) != actual.rulesAt(i)) {
                fail(String.format(Locale.ROOT, "rules of point %d: expected %s but was %s%n%s", i,
                        expected.rulesOf(i), actual.rulesOf(i), what.get()));
            }
            assertEquals(expected.typeAt(i), actual.typeAt(i), at);
            assertEquals(expected.phaseAt(i), actual.phaseAt(i), at);
            assertEquals(expected.isBaseline(i), actual.isBaseline(i), at);
            assertEquals(expected.isExcluded(i), actual.isExcluded(i), at);
        }
        assertEquals(expected.phases(), actual.phases(), what);
        assertEquals(expected.signals(), actual.signals(), what);
        assertEquals(expected.variation(), actual.variation(), what);
        assertEquals(expected.assurance(), actual.assurance(), what);
        assertEquals(expected.notes(), actual.notes(), what);
    }

    /** What a workspace reports, against a result. */
    static void assertSameWorkspace(ChartResult expected, ChartWorkspace w, Supplier<String> what) {
        assertEquals(expected.size(), w.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            final int p = i;
            final Supplier<String> at = () -> "point " + p + ": " + what.get();
            same(expected.valueAt(i), w.valueAt(i), at);
            same(expected.centreAt(i), w.centreAt(i), at);
            same(expected.lowerLimitAt(i), w.lowerLimitAt(i), at);
            same(expected.upperLimitAt(i), w.upperLimitAt(i), at);
            assertEquals(expected.rulesAt(i), w.rulesAt(i), at);
            assertEquals(expected.typeAt(i), w.typeAt(i), at);
            assertEquals(expected.phaseAt(i), w.phaseAt(i), at);
        }
        assertEquals(expected.phases().size(), w.phaseCount(), what);
        for (int p = 0; p < w.phaseCount(); p++) {
            same(expected.phases().get(p).centre(), w.phaseCentre(p), what);
            same(expected.phases().get(p).sigma(), w.phaseSigma(p), what);
        }
        assertEquals(expected.signals().size(), w.signalCount(), what);
        for (int k = 0; k < w.signalCount(); k++) {
            assertEquals(expected.signals().get(k),
                    new Signal(w.signalRule(k), w.signalFirst(k), w.signalLast(k), w.signalType(k)), what);
        }
        for (Rule r : Rule.values()) {
            assertEquals(expected.signals().stream().filter(s -> s.rule() == r).count(), w.signalCount(r), what);
        }
        assertEquals(expected.variation(), w.variation(), what);
        assertEquals(expected.assurance(), w.assurance(), what);
    }

    private static void same(double expected, double actual, Supplier<String> what) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            fail("expected " + expected + " but was " + actual + ": " + what.get());
        }
    }
}
