package org.shewhart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.internal.SeriesGenerator;
import org.shewhart.engine.internal.Tolerance;

/**
 * Input contracts of {@link ChartSpec#compute(double...)} for every profile and the run, XmR and MR charts: a
 * missing value is plotted as missing, is never flagged and is common cause (an MR chart has no moving range at
 * the first point of a phase or next to a missing value); a series with fewer than two values is an
 * {@link SpcInputException}; two and three values are charted.
 */
final class ChartInputContractTest {
    private static final int CASES = 200 * ChartCase.COMBINATIONS;

    @Test
    void missingPointsAreNeverFlaggedAndAreCommonCause() {
        int index = 0;
        int missing = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("missing", CASES);
        for (long seed : seeds) {
            final ChartCase c = ChartCase.draw(seed, index++, true);
            final ChartResult r = c.spec.compute(c.values);
            for (int i = 0; i < r.size(); i++) {
                final int p = i;
                final Supplier<String> what = () -> "point " + p + ": " + c.describe();
                final double[] y = c.values;
                final boolean expectMissing;
                if (c.spec.type() == ChartType.MR) {
                    final boolean phaseStart = r.phases().get(r.phaseAt(i) - 1).first() == i;
                    expectMissing = phaseStart || y[i] != y[i] || y[i - 1] != y[i - 1];
                } else {
                    expectMissing = y[i] != y[i];
                }
                assertEquals(expectMissing, Double.isNaN(r.valueAt(i)), what);
                if (expectMissing) {
                    missing++;
                    assertEquals(0, r.rulesAt(i), () -> "a missing point is flagged by " + r.rulesOf(p) + ", "
                            + what.get());
                    assertEquals(PointType.COMMON_CAUSE, r.typeAt(i), what);
                }
            }
        }
        assertTrue(missing > seeds.length, "only " + missing + " missing points in " + seeds.length + " charts");
    }

    @Test
    void fewerThanTwoValuesIsAnInputError() {
        final double[][] series = {
            {}, {1.5}, {Double.NaN}, {Double.NaN, Double.NaN}, {2, Double.NaN}, {Double.NaN, Double.NaN, -1},
            {Double.NaN, Double.NaN, Double.NaN},
        };
        for (RuleProfile profile : RuleProfile.values()) {
            for (ChartType type : ChartCase.TYPES) {
                final ChartSpec spec = ChartSpec.builder(type).profile(profile).build();
                for (double[] y : series) {
                    final SpcInputException e = assertThrows(SpcInputException.class, () -> spec.compute(y),
                            () -> spec.type().id() + "/" + profile.id() + " " + SeriesGenerator.java(y));
                    assertNotNull(e.getMessage());
                    assertTrue(e.getMessage().contains(y.length == 0 ? "empty" : "at least 2"), e.getMessage());
                }
            }
        }
    }

    @Test
    void shortSeriesAreChartedIfAndOnlyIfTheyHaveTwoValues() {
        int charted = 0;
        int rejected = 0;
        int index = 0;
        for (long seed : SeriesGenerator.caseSeeds("short", 100 * ChartCase.COMBINATIONS)) {
            final SplittableRandom r = new SplittableRandom(seed);
            final RuleProfile profile = ChartCase.PROFILES[index % ChartCase.PROFILES.length];
            final ChartType type = ChartCase.TYPES[(index / ChartCase.PROFILES.length) % ChartCase.TYPES.length];
            index++;
            final double[] y = new double[r.nextBoolean() ? 2 + r.nextInt(2) : r.nextInt(4)];
            for (int i = 0; i < y.length; i++) {
                final int kind = r.nextInt(4);
                y[i] = kind == 0 ? Double.NaN : kind == 1 ? 1 : r.nextInt(-3, 4) * 0.5;
            }
            final ChartSpec spec = ChartSpec.builder(type).profile(profile)
                    .improvement(Improvement.values()[r.nextInt(3)]).target(r.nextInt(-2, 3)).build();
            final Supplier<String> what = () -> String.format(Locale.ROOT, "seed=%dL %s", seed,
                    ChartCase.describe(spec, y, seed));
            if (ChartCase.countValues(y) < 2) {
                assertThrows(SpcInputException.class, () -> spec.compute(y), what);
                rejected++;
                continue;
            }
            final ChartResult result;
            try {
                result = spec.compute(y);
            } catch (RuntimeException e) {
                throw new AssertionError("a series with two values must be charted: " + what.get(), e);
            }
            charted++;
            assertEquals(y.length, result.size(), what);
            assertEquals(1, result.phases().size(), what);
            final Phase phase = result.phases().get(0);
            assertEquals(0, phase.first(), what);
            assertEquals(y.length - 1, phase.last(), what);
            if (type == ChartType.MR) {
                assertNull(phase.runs(), what);
            } else {
                assertNotNull(phase.runs(), what);
                assertTrue(phase.runs().useful() <= 3, what);
                // the centre of two or three values lies within their range
                final double centre = phase.centre();
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double v : y) {
                    if (v == v) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                if (!(centre >= min && centre <= max)) {
                    fail("centre " + centre + " outside [" + min + ", " + max + "]: " + what.get());
                }
            }
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(result.valueAt(i))) {
                    assertEquals(0, result.rulesAt(i), what);
                }
                if (type != ChartType.MR) {
                    Tolerance.assertSame(y[i], result.valueAt(i), what);
                }
            }
        }
        assertTrue(charted > 700 && rejected > 300, charted + " charted, " + rejected + " rejected");
    }
}
