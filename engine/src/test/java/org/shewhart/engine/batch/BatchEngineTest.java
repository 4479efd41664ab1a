package org.shewhart.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Phase;
import org.shewhart.engine.RandomCharts;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.internal.SeriesGenerator;

/**
 * The batch engine against {@link ChartSpec#compute} series by series: for every chart type and profile, a feed of
 * random series of one spec ({@link RandomCharts}: ties, missing values, phases, invalid series among valid ones)
 * is scanned on one and on three threads, and every summary column equals what the series' own
 * {@link ChartResult} says, or its error message.
 */
final class BatchEngineTest {
    private static final int SERIES = 40;

    @Test
    void everySummaryEqualsTheSeriesOwnChart() {
        int charted = 0;
        int failed = 0;
        int signalled = 0;
        for (ChartType type : ChartType.values()) {
            for (RuleProfile profile : RuleProfile.values()) {
                final long[] seeds = SeriesGenerator.caseSeeds("batch-" + type + "-" + profile, SERIES);
                // one spec for the feed (the first case's), series from every case
                final ChartSpec spec = RandomCharts.draw(seeds[0], type, profile).spec;
                final List<RandomCharts.Case> cases = new ArrayList<>();
                for (long seed : seeds) {
                    cases.add(RandomCharts.draw(seed, type, profile));
                }
                final BatchInput input = feed(cases, type.isSubgrouped());
                for (int threads : new int[] {1, 3}) {
                    final BatchResult r = BatchEngine.scan(spec, input, threads);
                    assertEquals(cases.size(), r.seriesCount());
                    for (int s = 0; s < cases.size(); s++) {
                        final RandomCharts.Case c = cases.get(s);
                        ChartResult expected = null;
                        String error = null;
                        try {
                            expected = spec.compute(series(input, s));
                        } catch (SpcInputException e) {
                            error = e.getMessage();
                        }
                        final int series = s;
                        final String what = type + " " + profile + " series " + s + " (" + c.describe() + ")";
                        assertEquals(c.values.length, r.points(s), what);
                        assertEquals(error, r.error(s), what);
                        if (expected == null) {
                            failed++;
                            assertTrue(Double.isNaN(r.centre(s)) && r.lastType(s) == null && r.phases(s) == 0
                                    && r.firstSignalPoint(s) == -1, what);
                            continue;
                        }
                        charted++;
                        final int last = expected.size() - 1;
                        final Phase phase = expected.phases().get(expected.phases().size() - 1);
                        assertEquals(expected.phases().size(), r.phases(s), what);
                        assertEquals(phase.centre(), r.centre(s), 0, what);
                        assertEquals(phase.sigma(), r.sigma(s), 0, what);
                        assertEquals(expected.lowerLimitAt(last), r.lowerLimit(s), 0, what);
                        assertEquals(expected.upperLimitAt(last), r.upperLimit(s), 0, what);
                        assertEquals(expected.typeAt(last), r.lastType(s), what);
                        assertEquals(expected.variation(), r.variation(s), what);
                        assertEquals(expected.assurance(), r.assurance(s), what);
                        int first = -1;
                        int lastPoint = -1;
                        for (Signal sig : expected.signals()) {
                            first = first < 0 ? sig.first() : Math.min(first, sig.first());
                            lastPoint = Math.max(lastPoint, sig.last());
                        }
                        assertEquals(first, r.firstSignalPoint(series), what);
                        assertEquals(lastPoint, r.lastSignalPoint(series), what);
                        for (Rule rule : Rule.values()) {
                            assertEquals(expected.signals().stream().filter(x -> x.rule() == rule).count(),
                                    r.signals(s, rule), what + " " + rule);
                        }
                        signalled += expected.signals().isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(charted > 4000 && failed > 100 && signalled > 2000,
                "charted " + charted + ", failed " + failed + ", with signals " + signalled);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BatchInput.of(new int[] {1, 2}, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> BatchInput.of(new int[] {0, 3, 2}, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> BatchInput.of(new int[] {0, 4}, new double[3]));
        final BatchInput ok = BatchInput.of(new int[] {0, 3}, new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class,
                () -> BatchEngine.scan(ChartSpec.builder(ChartType.XMR).build(), ok, 0));
        assertEquals(3, ok.longestSeries());
    }

    /** Series s of the feed as the engine's own series, as one would chart it alone. */
    private static org.shewhart.engine.Series series(BatchInput in, int s) {
        final int from = in.offset(s);
        final int to = from + in.length(s);
        final double[] v = java.util.Arrays.copyOfRange(in.values(), from, to);
        if (in.sds() != null) {
            return org.shewhart.engine.Series.ofSubgroups(v, java.util.Arrays.copyOfRange(in.sds(), from, to),
                    java.util.Arrays.copyOfRange(in.ranges(), from, to),
                    java.util.Arrays.copyOfRange(in.sizes(), from, to));
        }
        return in.sizes() == null ? org.shewhart.engine.Series.of(v)
                : org.shewhart.engine.Series.of(v, java.util.Arrays.copyOfRange(in.sizes(), from, to));
    }

    /** The cases' columns end to end, with the offsets (denominator 1 where a case has none). */
    private static BatchInput feed(List<RandomCharts.Case> cases, boolean subgroups) {
        final int[] offsets = new int[cases.size() + 1];
        for (int s = 0; s < cases.size(); s++) {
            offsets[s + 1] = offsets[s] + cases.get(s).values.length;
        }
        final int rows = offsets[cases.size()];
        final double[] values = new double[rows];
        final double[] sizes = new double[rows];
        final double[] sds = new double[rows];
        final double[] ranges = new double[rows];
        boolean anySizes = false;
        for (int s = 0; s < cases.size(); s++) {
            final RandomCharts.Case c = cases.get(s);
            System.arraycopy(c.values, 0, values, offsets[s], c.values.length);
            if (c.sizes != null) {
                anySizes = true;
                System.arraycopy(c.sizes, 0, sizes, offsets[s], c.values.length);
            } else {
                java.util.Arrays.fill(sizes, offsets[s], offsets[s + 1], 1.0);
            }
            if (c.sds != null) {
                System.arraycopy(c.sds, 0, sds, offsets[s], c.values.length);
                System.arraycopy(c.ranges, 0, ranges, offsets[s], c.values.length);
            }
        }
        if (subgroups) {
            return BatchInput.ofSubgroups(offsets, values, sds, ranges, sizes);
        }
        return anySizes ? BatchInput.of(offsets, values, sizes) : BatchInput.of(offsets, values);
    }
}
