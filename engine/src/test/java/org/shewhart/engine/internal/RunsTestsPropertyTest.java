package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link RunsTests}: the counts against {@link NaiveRules#runsCount}, and the Anhøj and
 * IHI thresholds against exact integer arithmetic in {@link NaiveStatistics} for every series length a chart is
 * likely to have. ({@link RunsTests#flagLongRuns} and {@link RunsTests#flagUseful} are covered with the rule
 * kernels in {@link RuleKernelsPropertyTest}.)
 */
final class RunsTestsPropertyTest {
    private static final int CASES = 5000;

    @Test
    void countAgreesWithNaive() {
        int withRuns = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("runs-count", CASES);
        for (long seed : seeds) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final double[] v = g.series();
            final double[] centre = g.lines(v)[0];
            final boolean[] use = g.use(v.length);
            final int n = v.length;
            final int from = n == 0 ? 0 : g.random().nextInt(Math.min(n, 3) + 1);
            final int to = n - g.random().nextInt(Math.min(n - from, 3) + 1);
            final int[] out = {-7, -7, -7};
            RunsTests.count(v, centre, use, from, to, out);
            final int[] expected = NaiveRules.runsCount(v, centre, use, from, to);
            assertArrayEquals(expected, out, () -> String.format(Locale.ROOT,
                    "[useful, longest, runs] seed=%dL from=%d to=%d%n  v = %s%n  centre = %s%n  use = %s", seed,
                    from, to, SeriesGenerator.java(v), SeriesGenerator.java(centre), Arrays.toString(use)));
            withRuns += out[RunsTests.RUNS] > 1 ? 1 : 0;
        }
        assertTrue(withRuns > seeds.length / 2, "too few cases with more than one run: " + withRuns);
    }

    @Test
    void countAgreesWithNaiveOnLongSeries() {
        // whole 64-point words of useful points take the word path (popcounts and run scans): series up to 700
        // points, mostly without missing values or points on the line, with long runs planted across word ends
        int wordPath = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("runs-count-long", CASES);
        for (long seed : seeds) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final java.util.SplittableRandom r = g.random();
            final int n = 60 + r.nextInt(640);
            final double[] v = g.series(n, r.nextInt(3) == 0);
            final double[] centre = new double[n];
            Arrays.fill(centre, r.nextBoolean() ? 0.125 : r.nextInt(-2, 3));
            if (r.nextBoolean()) {
                // a run longer than a word, somewhere
                final int at = r.nextInt(n);
                Arrays.fill(v, at, Math.min(n, at + 60 + r.nextInt(140)), r.nextBoolean() ? 9.0 : -9.0);
            }
            final boolean[] use = new boolean[n];
            Arrays.fill(use, true);
            if (r.nextInt(4) == 0) {
                use[r.nextInt(n)] = false;
            }
            final int from = r.nextInt(Math.min(n, 70));
            final int to = n - r.nextInt(Math.min(n - from, 70) + 1);
            final int[] out = {-7, -7, -7};
            RunsTests.count(v, centre, use, from, to, out);
            final int[] expected = NaiveRules.runsCount(v, centre, use, from, to);
            assertArrayEquals(expected, out, () -> String.format(Locale.ROOT,
                    "[useful, longest, runs] seed=%dL from=%d to=%d%n  v = %s%n  centre = %s%n  use = %s", seed,
                    from, to, SeriesGenerator.java(v), SeriesGenerator.java(centre), Arrays.toString(use)));
            wordPath += out[RunsTests.USEFUL] >= 64 ? 1 : 0;
        }
        assertTrue(wordPath > seeds.length / 2, "too few cases with a whole word of useful points: " + wordPath);
    }

    @Test
    void longestRunMaxIsRoundedLog2PlusThree() {
        for (int n = 1; n <= 100_000; n++) {
            final int useful = n;
            assertEquals(NaiveStatistics.longestRunMax(n), RunsTests.longestRunMax(n), () -> "n = " + useful);
        }
    }

    @Test
    void crossingsMinIsTheFivePercentBinomialQuantile() {
        for (int n = 1; n <= 600; n++) {
            final int useful = n;
            assertEquals(NaiveStatistics.crossingsMin(n), RunsTests.crossingsMin(n), () -> "n = " + useful);
        }
    }

    @Test
    void expectedRunsMatchTheExactRunsDistribution() {
        final int[] out = new int[2];
        for (int n = 0; n <= 300; n++) {
            RunsTests.expectedRuns(n, out);
            final int useful = n;
            assertArrayEquals(NaiveStatistics.expectedRuns(n), out, () -> "[lower, upper] for n = " + useful);
        }
    }
}
