package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded property tests of {@link RuleKernels} and the flagging kernels of {@link RunsTests}: on thousands of
 * random series (ties at the lines, missing values, constant series, planted patterns, variable and missing
 * limits, sub-ranges) every kernel flags exactly the points {@link NaiveRules} flags, ORs its bit into the mask
 * without touching other bits or points outside the range, and is invariant under power-of-two scaling over the
 * whole exponent range, translation and mirroring. A failure prints the case seed and the series; rerun one case
 * with {@code SeriesGenerator.forSeed(seed)}.
 */
final class RuleKernelsPropertyTest {
    private static final int CASES = 4000;
    private static final int BIT = 1 << 5;
    private static final int OTHER_BITS = ~BIT & 0x3FF;

    /** One kernel configuration: draws its own parameters and runs both the kernel and the naive reference. */
    enum Variant {
        OUTSIDE {
            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.outside(c.v, c.lines[1], c.lines[2], c.from, c.to, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.outside(c.v, c.lines[1], c.lines[2], c.from, c.to);
            }
        },
        SHIFT_BREAK_WHOLE(2, 9, false, true),
        SHIFT_BREAK_FROM_NTH(2, 9, false, false),
        SHIFT_SKIP_WHOLE(2, 9, true, true),
        SHIFT_SKIP_FROM_NTH(2, 9, true, false),
        TREND_BREAK_WHOLE(3, 8, false, true),
        TREND_BREAK_FROM_NTH(3, 8, false, false),
        TREND_SKIP_WHOLE(3, 8, true, true),
        TREND_SKIP_FROM_NTH(3, 8, true, false),
        TWO_OF_THREE_MDC {
            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.twoOfThreeSameSide(c.v, c.lines[0], c.lines[5], c.lines[6], c.lines[1], c.lines[2],
                        c.from, c.to, false, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.twoOfThreeSameSide(c.v, c.lines[0], c.lines[5], c.lines[6], c.lines[1],
                        c.lines[2], c.from, c.to, false);
            }
        },
        TWO_OF_THREE_MDC_2023 {
            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.twoOfThreeSameSide(c.v, c.lines[0], c.lines[5], c.lines[6], c.lines[1], c.lines[2],
                        c.from, c.to, true, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.twoOfThreeSameSide(c.v, c.lines[0], c.lines[5], c.lines[6], c.lines[1],
                        c.lines[2], c.from, c.to, true);
            }
        },
        ZONE_WINDOW {
            @Override
            void draw(Case c, SplittableRandom r) {
                // qcc's WE2 (3, 2) and WE3 (5, 4) most of the time, any window otherwise
                final int kind = r.nextInt(3);
                c.window = kind == 0 ? 3 : kind == 1 ? 5 : 1 + r.nextInt(6);
                c.needed = kind == 0 ? 2 : kind == 1 ? 4 : 1 + r.nextInt(c.window);
                c.zone = r.nextBoolean() ? 1 : 2;
            }

            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.zoneWindow(c.v, c.lower(c.zone), c.upper(c.zone), c.from, c.to, c.window, c.needed,
                        mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.zoneWindow(c.v, c.lower(c.zone), c.upper(c.zone), c.from, c.to, c.window,
                        c.needed);
            }
        },
        ALTERNATING {
            @Override
            void draw(Case c, SplittableRandom r) {
                c.length = r.nextBoolean() ? 14 : 3 + r.nextInt(12);
            }

            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.alternating(c.v, c.from, c.to, c.length, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.alternating(c.v, c.from, c.to, c.length);
            }
        },
        STRATIFICATION {
            @Override
            void draw(Case c, SplittableRandom r) {
                c.length = r.nextBoolean() ? 15 : 1 + r.nextInt(15);
            }

            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.stratification(c.v, c.lines[3], c.lines[4], c.from, c.to, c.length, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.stratification(c.v, c.lines[3], c.lines[4], c.from, c.to, c.length);
            }
        },
        MIXTURE {
            @Override
            void draw(Case c, SplittableRandom r) {
                c.length = r.nextBoolean() ? 8 : 2 + r.nextInt(7);
            }

            @Override
            void fast(Case c, int[] mask) {
                RuleKernels.mixture(c.v, c.lines[3], c.lines[4], c.from, c.to, c.length, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.mixture(c.v, c.lines[3], c.lines[4], c.from, c.to, c.length);
            }
        },
        LONG_RUNS {
            @Override
            void draw(Case c, SplittableRandom r) {
                c.length = 1 + r.nextInt(9);
            }

            @Override
            void fast(Case c, int[] mask) {
                RunsTests.flagLongRuns(c.v, c.lines[0], c.use, c.from, c.to, c.length, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.longRuns(c.v, c.lines[0], c.use, c.from, c.to, c.length);
            }
        },
        USEFUL_POINTS {
            @Override
            void fast(Case c, int[] mask) {
                RunsTests.flagUseful(c.v, c.lines[0], c.use, c.from, c.to, mask, BIT);
            }

            @Override
            boolean[] naive(Case c) {
                return NaiveRules.useful(c.v, c.lines[0], c.use, c.from, c.to);
            }
        };

        private final int minLength;
        private final int maxLength;
        private final boolean skip;
        private final boolean whole;

        Variant() {
            this(0, 0, false, false);
        }

        Variant(int minLength, int maxLength, boolean skip, boolean whole) {
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.skip = skip;
            this.whole = whole;
        }

        /** Draws the rule's parameters. */
        void draw(Case c, SplittableRandom r) {
            c.length = minLength + r.nextInt(maxLength - minLength + 1);
        }

        /** Runs the kernel. */
        void fast(Case c, int[] mask) {
            if (name().startsWith("SHIFT")) {
                RuleKernels.shift(c.v, c.lines[0], c.from, c.to, c.length, skip, whole, mask, BIT);
            } else {
                RuleKernels.trend(c.v, c.from, c.to, c.length, skip, whole, mask, BIT);
            }
        }

        /** Runs the naive reference. */
        boolean[] naive(Case c) {
            if (name().startsWith("SHIFT")) {
                return NaiveRules.shift(c.v, c.lines[0], c.from, c.to, c.length, skip, whole);
            }
            return NaiveRules.trend(c.v, c.from, c.to, c.length, skip, whole);
        }
    }

    /** The inputs of one case. */
    static final class Case {
        final long seed;
        double[] v;
        double[][] lines;
        boolean[] use;
        int from;
        int to;
        int length;
        int window;
        int needed;
        int zone;

        Case(long seed) {
            this.seed = seed;
        }

        double[] lower(int sigmas) {
            return lines[2 * sigmas + 1];
        }

        double[] upper(int sigmas) {
            return lines[2 * sigmas + 2];
        }

        /** A copy with every value and line transformed by x -> a x + b; a negative a swaps lower and upper. */
        Case affine(double a, double b) {
            final Case c = new Case(seed);
            c.v = map(v, a, b);
            c.lines = new double[7][];
            c.lines[0] = map(lines[0], a, b);
            for (int row = 1; row < 7; row += 2) {
                c.lines[a > 0 ? row : row + 1] = map(lines[row], a, b);
                c.lines[a > 0 ? row + 1 : row] = map(lines[row + 1], a, b);
            }
            c.use = use;
            c.from = from;
            c.to = to;
            c.length = length;
            c.window = window;
            c.needed = needed;
            c.zone = zone;
            return c;
        }

        private static double[] map(double[] x, double a, double b) {
            final double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = a * x[i] + b;
            }
            return y;
        }

        String describe(Variant variant) {
            final StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s seed=%dL from=%d to=%d length=%d window=%d needed=%d zone=%d",
                    variant, seed, from, to, length, window, needed, zone));
            sb.append("\n  v      = ").append(SeriesGenerator.java(v));
            final String[] names = {"centre", "lower", "upper", "lower1", "upper1", "lower2", "upper2"};
            for (int row = 0; row < 7; row++) {
                sb.append(String.format(Locale.ROOT, "%n  %-6s = ", names[row]))
                        .append(SeriesGenerator.java(lines[row]));
            }
            sb.append("\n  use    = ").append(Arrays.toString(use));
            return sb.toString();
        }
    }

    static Case draw(Variant variant, long seed) {
        final SeriesGenerator g = SeriesGenerator.forSeed(seed);
        final Case c = new Case(seed);
        c.v = g.series();
        c.lines = g.lines(c.v);
        c.use = g.use(c.v.length);
        final SplittableRandom r = g.random();
        final int n = c.v.length;
        // mostly the whole array, sometimes a sub-range (a phase) with points left and right of it
        if (r.nextInt(3) == 0 && n > 0) {
            c.from = r.nextInt(Math.min(n, 4) + 1);
            c.to = n - r.nextInt(Math.min(n - c.from, 4) + 1);
        } else {
            c.from = 0;
            c.to = n;
        }
        variant.draw(c, r);
        return c;
    }

    private static int[] initialMask(long seed, int n) {
        final SplittableRandom r = new SplittableRandom(seed ^ 0xABCDEF);
        final int[] mask = new int[n];
        for (int i = 0; i < n; i++) {
            mask[i] = r.nextInt() & OTHER_BITS;
        }
        return mask;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void kernelFlagsExactlyWhatTheNaiveReferenceFlags(Variant variant) {
        int flagged = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("kernel-" + variant, CASES);
        for (long seed : seeds) {
            final Case c = draw(variant, seed);
            final int[] mask = initialMask(seed, c.v.length);
            final int[] before = mask.clone();
            final double[] valuesBefore = c.v.clone();
            variant.fast(c, mask);
            final boolean[] expected = variant.naive(c);
            final List<Integer> missing = new ArrayList<>();
            final List<Integer> extra = new ArrayList<>();
            for (int i = 0; i < mask.length; i++) {
                final boolean actual = (mask[i] & BIT) != 0;
                if (expected[i] && !actual) {
                    missing.add(i);
                } else if (!expected[i] && actual) {
                    extra.add(i);
                }
                if ((mask[i] & ~BIT) != before[i]) {
                    fail("kernel changed bits other than its own at point " + i + ": " + c.describe(variant));
                }
                flagged += actual ? 1 : 0;
            }
            if (!missing.isEmpty() || !extra.isEmpty()) {
                fail(String.format(Locale.ROOT, "kernel vs naive: naive flags %s that the kernel does not, "
                        + "kernel flags %s that the naive does not%n%s", missing, extra, c.describe(variant)));
            }
            if (!Arrays.equals(valuesBefore, c.v)) {
                fail("kernel modified its input: " + c.describe(variant));
            }
        }
        // the generator must actually produce patterns, or this property would hold vacuously
        assertTrue(flagged > seeds.length / 4, variant + " flagged only " + flagged + " points in " + seeds.length
                + " cases");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = "TREND_.*", mode = EnumSource.Mode.MATCH_ALL)
    void trendSideIsTheDirectionOfTheTrendThatFlagsThePoint(Variant variant) {
        int turningPoints = 0;
        for (long seed : SeriesGenerator.caseSeeds("trend-side-" + variant, CASES)) {
            final Case c = draw(variant, seed);
            final int[] mask = new int[c.v.length];
            variant.fast(c, mask);
            final boolean[] rising = NaiveRules.trend(c.v, c.from, c.to, c.length, variant.skip, variant.whole, 1);
            final boolean[] falling = NaiveRules.trend(c.v, c.from, c.to, c.length, variant.skip, variant.whole, -1);
            for (int i = c.from; i < c.to; i++) {
                // NaiveRules.trendSide recomputes both directions: call it only where they do not settle the side
                final int expected = rising[i] != falling[i] ? (rising[i] ? 1 : -1) : !rising[i] ? 0
                        : NaiveRules.trendSide(c.v, c.from, c.to, i, c.length, variant.skip, variant.whole);
                final int actual = RuleKernels.trendSide(c.v, c.from, c.to, i, c.length, variant.skip, variant.whole);
                if (expected != actual) {
                    fail(String.format(Locale.ROOT, "side of point %d: expected %d but was %d (kernel flag %s)%n%s",
                            i, expected, actual, mask[i] != 0, c.describe(variant)));
                }
                if ((expected != 0) != (mask[i] != 0)) {
                    fail("trendSide and trend disagree on whether point " + i + " is flagged: "
                            + c.describe(variant));
                }
                turningPoints += rising[i] && falling[i] ? 1 : 0;
            }
        }
        // whole patterns must meet points shared by a rising and a falling trend, or the right-side rule is untested
        assertTrue(!variant.whole || turningPoints > 20, variant + ": only " + turningPoints + " turning points");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void kernelIsInvariantUnderExactAffineMaps(Variant variant) {
        // power-of-two scalings are exact from the bottom to the top of the exponent range (the data are quarters
        // below 2^20), as are integer translations and negation: the flags must not change
        final double[][] maps = {
            {Math.scalb(1.0, -1000), 0}, {Math.scalb(1.0, -600), 0}, {Math.scalb(1.0, 600), 0},
            {Math.scalb(1.0, 1000), 0}, {1, 1024}, {1, -3}, {-1, 0}, {-Math.scalb(1.0, -1000), 0},
        };
        for (long seed : SeriesGenerator.caseSeeds("kernel-affine-" + variant, CASES / 4)) {
            final Case c = draw(variant, seed);
            final int[] reference = new int[c.v.length];
            variant.fast(c, reference);
            for (double[] map : maps) {
                final Case t = c.affine(map[0], map[1]);
                final int[] mask = new int[c.v.length];
                variant.fast(t, mask);
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i] != reference[i]) {
                        fail(String.format(Locale.ROOT, "flags changed at point %d under x -> %s x + %s: "
                                + "%s before, %s after%n%s", i, map[0], map[1], reference[i] != 0, mask[i] != 0,
                                c.describe(variant)));
                    }
                }
            }
        }
    }
}
