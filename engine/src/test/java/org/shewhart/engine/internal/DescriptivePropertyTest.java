package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link Descriptive}: mean and standard deviation against exact decimal arithmetic
 * ({@link NaiveStatistics}) within a relative 1e-12 (judged against the mean absolute value where cancellation
 * makes the result itself small), the median and the count exactly, on random series with missing values, masks
 * and sub-ranges, plus badly conditioned series (a large offset with a small spread).
 */
final class DescriptivePropertyTest {
    private static final int CASES = 5000;

    @Test
    void meanMedianCountAndStandardDeviationAgreeWithNaive() {
        for (long seed : SeriesGenerator.caseSeeds("descriptive", CASES)) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final SplittableRandom r = g.random();
            final double[] x = g.series();
            final boolean[] use = g.use(x.length);
            if (r.nextInt(4) == 0) {
                // continuous values with a large offset: the corrected two-pass algorithms matter here
                final double offset = Math.scalb(1.0, r.nextInt(0, 30)) * (r.nextBoolean() ? 1 : -1);
                for (int i = 0; i < x.length; i++) {
                    x[i] = x[i] != x[i] ? x[i] : offset + x[i] * r.nextDouble();
                }
            }
            final int n = x.length;
            final int from = n == 0 ? 0 : r.nextInt(Math.min(n, 3) + 1);
            final int to = n - r.nextInt(Math.min(n - from, 3) + 1);
            final Supplier<String> what = () -> String.format(Locale.ROOT, "seed=%dL from=%d to=%d%n  x = %s%n  "
                    + "use = %s", seed, from, to, SeriesGenerator.java(x), Arrays.toString(use));
            final double scale = NaiveStatistics.meanAbs(x, use, from, to);
            final double[] before = x.clone();

            Tolerance.assertClose(NaiveStatistics.mean(x, use, from, to), Descriptive.mean(x, use, from, to),
                    Tolerance.RELATIVE, Tolerance.RELATIVE * scale, () -> "mean " + what.get());
            final double[] scratch = new double[to - from];
            Tolerance.assertSame(NaiveStatistics.median(x, use, from, to),
                    Descriptive.median(x, use, from, to, scratch), () -> "median " + what.get());
            assertEquals(NaiveStatistics.selected(x, use, from, to).size(), Descriptive.count(x, use, from, to),
                    () -> "count " + what.get());
            // the error of a two-pass variance grows with n eps (mean / sd)^2: relative to the value, with a floor
            // for spreads that are tiny against the offset
            final double sd = NaiveStatistics.standardDeviation(x, use, from, to);
            Tolerance.assertClose(sd, Descriptive.standardDeviation(x, use, from, to), Tolerance.RELATIVE,
                    1e-14 * scale, () -> "standard deviation " + what.get());
            assertTrue(Arrays.equals(before, x), () -> "input modified " + what.get());
        }
    }

    @Test
    void constantSeriesHasZeroStandardDeviationAndItsOwnMean() {
        for (long seed : SeriesGenerator.caseSeeds("descriptive-constant", 500)) {
            final SplittableRandom r = new SplittableRandom(seed);
            final int n = 2 + r.nextInt(300);
            final double c = r.nextDouble(-1e6, 1e6);
            final double[] x = new double[n];
            Arrays.fill(x, c);
            final boolean[] use = new boolean[n];
            Arrays.fill(use, true);
            Tolerance.assertSame(c, Descriptive.mean(x, use, 0, n), () -> "mean, seed " + seed);
            Tolerance.assertSame(c, Descriptive.median(x, use, 0, n, new double[n]), () -> "median, seed " + seed);
            Tolerance.assertSame(0, Descriptive.standardDeviation(x, use, 0, n), () -> "sd, seed " + seed);
        }
    }
}
