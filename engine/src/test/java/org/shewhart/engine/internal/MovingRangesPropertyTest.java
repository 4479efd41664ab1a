package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link MovingRanges#average}, screened and unscreened, against
 * {@link NaiveStatistics#averageMovingRange}: unselected points are stepped over (a moving range spans an excluded
 * point), a missing value makes both moving ranges touching it missing, screening drops moving ranges not strictly
 * below 3.267 x AMR once, and no moving range left gives NaN.
 */
final class MovingRangesPropertyTest {
    private static final int CASES = 5000;

    @Test
    void averageAgreesWithNaive() {
        int screenedDiffers = 0;
        int noRange = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("amr", CASES);
        for (long seed : seeds) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final double[] x = g.series();
            final boolean[] use = g.use(x.length);
            final int n = x.length;
            final int from = n == 0 ? 0 : g.random().nextInt(Math.min(n, 3) + 1);
            final int to = n - g.random().nextInt(Math.min(n - from, 3) + 1);
            final double[] before = x.clone();
            for (boolean screen : new boolean[] {false, true}) {
                final double expected = NaiveStatistics.averageMovingRange(x, use, from, to, screen);
                final double actual = MovingRanges.average(x, use, from, to, screen);
                Tolerance.assertClose(expected, actual, Tolerance.RELATIVE, 0, () -> String.format(Locale.ROOT,
                        "AMR screen=%s seed=%dL from=%d to=%d%n  x = %s%n  use = %s", screen, seed, from, to,
                        SeriesGenerator.java(x), Arrays.toString(use)));
            }
            assertTrue(Arrays.equals(before, x), "input modified, seed " + seed);
            final double plain = MovingRanges.average(x, use, from, to, false);
            final double screened = MovingRanges.average(x, use, from, to, true);
            screenedDiffers += plain == plain && !Tolerance.close(plain, screened, 1e-9, 0) ? 1 : 0;
            noRange += plain != plain ? 1 : 0;
        }
        // both branches of the screening and the no-moving-range case must be exercised
        assertTrue(screenedDiffers > seeds.length / 20, "screening changed the AMR in only " + screenedDiffers
                + " cases");
        assertTrue(noRange > seeds.length / 50, "only " + noRange + " cases without a moving range");
    }

    @Test
    void constantSeriesHasNoScreenedAverage() {
        // NHSRplotthedots quirk (oracle README): every moving range of a constant series is 0, not below 3.267 x 0
        for (long seed : SeriesGenerator.caseSeeds("amr-constant", 200)) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final int n = 2 + g.random().nextInt(60);
            final double[] x = new double[n];
            Arrays.fill(x, g.random().nextInt(-100, 100) * 0.25);
            final boolean[] use = new boolean[n];
            Arrays.fill(use, true);
            Tolerance.assertSame(0, MovingRanges.average(x, use, 0, n, false), () -> "unscreened, seed " + seed);
            Tolerance.assertSame(Double.NaN, MovingRanges.average(x, use, 0, n, true), () -> "screened, seed " + seed);
        }
    }
}
