package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link BitRules} against the scalar {@link RuleKernels}: on thousands of random series
 * (lengths up to 700, so that runs cross every 64-point word boundary; ties with each other and with the lines,
 * missing values, missing and crossed lines, constant and variable lines, planted patterns, sub-ranges) and random
 * rule sets (every two-of-three variant, lengths 2..64, whole pattern or from the N-th point), the bit-parallel pass
 * flags exactly the points the scalar kernels flag, rule by rule, never touches points outside its range, and
 * gives every flagged trend point the side {@link RuleKernels#trendSide} gives it. Also the scalar trend kernel's
 * one-pass sides against {@code trendSide}, including long runs of ties. A failure prints the case seed.
 */
final class BitRulesPropertyTest {
    private static final int CASES = 6000;
    private static final int[] BITS = {1, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6, 1 << 7};

    /** One case: a series, its lines, a range and a rule set. */
    private static final class Case {
        final long seed;
        final double[] v;
        final double[][] lines;
        final int from;
        final int to;
        final BitRules.Rules rules;
        final boolean constantLines;

        Case(long seed) {
            this.seed = seed;
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final SplittableRandom r = g.random();
            final int kind = r.nextInt(4);
            final int n = kind == 0 ? r.nextInt(20) : kind == 1 ? 20 + r.nextInt(180) : 60 + r.nextInt(640);
            v = g.series(n, true);
            lines = g.lines(v);
            final int linesKind = r.nextInt(5);
            if (linesKind <= 1 && n > 0) {
                // constant over the range, as on XmR and c charts: the bit-parallel window rules apply
                for (double[] line : lines) {
                    Arrays.fill(line, line[r.nextInt(n)]);
                }
            } else if (linesKind == 2) {
                // crossed lines (lower above upper): comparisons must still match the scalar kernels one by one
                for (int row = 1; row < 7; row += 2) {
                    final double[] t = lines[row];
                    lines[row] = lines[row + 1];
                    lines[row + 1] = t;
                }
            }
            if (r.nextInt(3) == 0 && n > 0) {
                from = r.nextInt(Math.min(n, 70) + 1);
                to = n - r.nextInt(Math.min(n - from, 70) + 1);
            } else {
                from = 0;
                to = n;
            }
            boolean constant = true;
            for (int row = 0; row < 7; row++) {
                for (int i = from; i < to; i++) {
                    constant &= Double.doubleToRawLongBits(lines[row][i])
                            == Double.doubleToRawLongBits(lines[row][from]);
                }
            }
            constantLines = constant;
            rules = new BitRules.Rules(r.nextInt(5) == 0 ? 0 : length(r, 2), r.nextInt(5) == 0 ? 0 : length(r, 3),
                    r.nextBoolean(), r.nextInt(4), r.nextBoolean(), r.nextInt(4) == 0 ? 0 : length(r, 3) + 2,
                    r.nextInt(4) == 0 ? 0 : length(r, 1), r.nextInt(4) == 0 ? 0 : length(r, 1), BITS);
        }

        private static int length(SplittableRandom r, int min) {
            // mostly the profiles' lengths, sometimes anything up to a whole word
            return r.nextInt(3) == 0 ? min + r.nextInt(BitRules.MAX_LENGTH - min + 1) : min + r.nextInt(15);
        }

        String describe() {
            final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "seed=%dL from=%d to=%d constantLines=%s %s%n  v = %s", seed, from, to, constantLines, rules,
                    SeriesGenerator.java(v)));
            final String[] names = {"centre", "lower", "upper", "lower1", "upper1", "lower2", "upper2"};
            for (int row = 0; row < 7; row++) {
                sb.append(String.format(Locale.ROOT, "%n  %-6s = %s", names[row], SeriesGenerator.java(lines[row])));
            }
            return sb.toString();
        }
    }

    /** The scalar kernels for the same rule set, as the engine ran them before the bit-parallel pass. */
    private static int[] scalar(Case c, long[] rising) {
        final BitRules.Rules r = c.rules;
        final int[] mask = new int[c.v.length];
        final double[][] l = c.lines;
        RuleKernels.outside(c.v, l[1], l[2], c.from, c.to, mask, BITS[0]);
        if (r.shift() > 0) {
            RuleKernels.shift(c.v, l[0], c.from, c.to, r.shift(), false, r.wholePattern(), mask, BITS[1]);
        }
        if (r.trend() > 0) {
            RuleKernels.trend(c.v, c.from, c.to, r.trend(), false, r.wholePattern(), mask, BITS[2], rising);
        }
        switch (r.twoOfThree()) {
            case BitRules.TWO_OF_THREE_SAME_SIDE:
            case BitRules.TWO_OF_THREE_SAME_SIDE_OUTSIDE:
                RuleKernels.twoOfThreeSameSide(c.v, l[0], l[5], l[6], l[1], l[2], c.from, c.to,
                        r.twoOfThree() == BitRules.TWO_OF_THREE_SAME_SIDE_OUTSIDE, mask, BITS[3]);
                break;
            case BitRules.TWO_OF_THREE_WINDOW_END:
                RuleKernels.zoneWindow(c.v, l[5], l[6], c.from, c.to, 3, 2, mask, BITS[3]);
                break;
            default:
                break;
        }
        if (r.fourOfFive()) {
            RuleKernels.zoneWindow(c.v, l[3], l[4], c.from, c.to, 5, 4, mask, BITS[4]);
        }
        if (r.alternating() > 0) {
            RuleKernels.alternating(c.v, c.from, c.to, r.alternating(), mask, BITS[5]);
        }
        if (r.stratification() > 0) {
            RuleKernels.stratification(c.v, l[3], l[4], c.from, c.to, r.stratification(), mask, BITS[6]);
        }
        if (r.mixture() > 0) {
            RuleKernels.mixture(c.v, l[3], l[4], c.from, c.to, r.mixture(), mask, BITS[7]);
        }
        return mask;
    }

    @Test
    void bitParallelRulesFlagExactlyWhatTheScalarKernelsFlag() {
        final int[] flaggedPerRule = new int[BITS.length];
        int constant = 0;
        for (long seed : SeriesGenerator.caseSeeds("bit-rules", CASES)) {
            final Case c = new Case(seed);
            final long[] expectedRising = new long[(c.v.length + 63) >>> 6];
            final int[] expected = scalar(c, expectedRising);
            final int[] actual = new int[c.v.length];
            final long[] rising = new long[expectedRising.length];
            BitRules.apply(c.rules, c.v, c.lines, c.from, c.to, c.constantLines, actual, rising);
            if (!c.constantLines) {
                // the caller's part: qcc's window rules with variable zone lines
                if (c.rules.twoOfThree() == BitRules.TWO_OF_THREE_WINDOW_END) {
                    RuleKernels.zoneWindow(c.v, c.lines[5], c.lines[6], c.from, c.to, 3, 2, actual, BITS[3]);
                }
                if (c.rules.fourOfFive()) {
                    RuleKernels.zoneWindow(c.v, c.lines[3], c.lines[4], c.from, c.to, 5, 4, actual, BITS[4]);
                }
            } else {
                constant++;
            }
            for (int i = 0; i < c.v.length; i++) {
                if (expected[i] != actual[i]) {
                    fail(String.format(Locale.ROOT, "point %d: scalar flags %s, bit-parallel %s%n%s", i,
                            Integer.toBinaryString(expected[i]), Integer.toBinaryString(actual[i]), c.describe()));
                }
                for (int b = 0; b < BITS.length; b++) {
                    flaggedPerRule[b] += (actual[i] & BITS[b]) != 0 ? 1 : 0;
                }
                if ((actual[i] & BITS[2]) != 0) {
                    final int side = RuleKernels.trendSide(c.v, c.from, c.to, i, c.rules.trend(), false,
                            c.rules.wholePattern());
                    final boolean up = (rising[i >>> 6] >>> i & 1L) != 0;
                    if ((side > 0) != up || side == 0) {
                        fail(String.format(Locale.ROOT, "trend side of point %d: trendSide %d, bit-parallel %s%n%s",
                                i, side, up ? "rising" : "falling", c.describe()));
                    }
                }
            }
        }
        // every rule must flag in earnest, and both the constant-line and the per-point paths must be taken
        for (int b = 0; b < BITS.length; b++) {
            assertTrue(flaggedPerRule[b] > 2000, "rule " + b + " flagged only " + flaggedPerRule[b] + " points");
        }
        assertTrue(constant > CASES / 5 && constant < CASES * 4 / 5, "constant-line cases: " + constant);
    }

    @Test
    void scalarTrendSidesEqualTrendSideInOnePass() {
        int flagged = 0;
        for (long seed : SeriesGenerator.caseSeeds("trend-sides", CASES)) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final SplittableRandom r = g.random();
            final double[] v = g.series(r.nextInt(300), true);
            if (r.nextInt(4) == 0 && v.length > 10) {
                // a long run of ties inside, where trendSide per point would rescan the run
                final int at = r.nextInt(v.length - 5);
                Arrays.fill(v, at, Math.min(v.length, at + 5 + r.nextInt(200)), v[at] == v[at] ? v[at] : 1.5);
            }
            final int length = 3 + r.nextInt(8);
            final boolean skip = r.nextBoolean();
            final boolean whole = r.nextBoolean();
            final int[] mask = new int[v.length];
            final long[] rising = new long[(v.length + 63) >>> 6];
            Arrays.fill(rising, r.nextLong());
            final int[] plain = new int[v.length];
            RuleKernels.trend(v, 0, v.length, length, skip, whole, mask, 1, rising);
            RuleKernels.trend(v, 0, v.length, length, skip, whole, plain, 1);
            assertTrue(Arrays.equals(plain, mask), "the sides must not change the flags");
            for (int i = 0; i < v.length; i++) {
                if (mask[i] != 0) {
                    flagged++;
                    final int point = i;
                    final int side = RuleKernels.trendSide(v, 0, v.length, i, length, skip, whole);
                    assertEquals(side > 0, (rising[i >>> 6] >>> i & 1L) != 0, () -> String.format(Locale.ROOT,
                            "seed=%dL point %d length=%d skip=%s whole=%s%n  v = %s", seed, point, length, skip, whole,
                            SeriesGenerator.java(v)));
                }
            }
        }
        assertTrue(flagged > 10_000, "only " + flagged + " trend points");
    }

    @Test
    void zoneWindowSlidesAsItRecounts() {
        // the sliding counts against a recount of every window, on constant, piecewise-constant and variable lines
        int flagged = 0;
        for (long seed : SeriesGenerator.caseSeeds("zone-window-slide", CASES)) {
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final SplittableRandom r = g.random();
            final double[] v = g.series(r.nextInt(300), true);
            final double[][] lines = g.lines(v);
            final int window = 1 + r.nextInt(8);
            final int needed = 1 + r.nextInt(window);
            final int row = r.nextBoolean() ? 3 : 5;
            final int[] mask = new int[v.length];
            RuleKernels.zoneWindow(v, lines[row], lines[row + 1], 0, v.length, window, needed, mask, 1);
            final boolean[] expected = NaiveRules.zoneWindow(v, lines[row], lines[row + 1], 0, v.length, window,
                    needed);
            for (int i = 0; i < v.length; i++) {
                if (expected[i] != (mask[i] != 0)) {
                    fail(String.format(Locale.ROOT, "seed=%dL point %d window=%d needed=%d%n  v = %s", seed, i,
                            window, needed, SeriesGenerator.java(v)));
                }
                flagged += mask[i];
            }
        }
        assertTrue(flagged > 10_000, "only " + flagged + " points flagged");
    }
}
