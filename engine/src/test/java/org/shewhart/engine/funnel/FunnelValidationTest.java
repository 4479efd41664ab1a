package org.shewhart.engine.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.SpcInputException;

/** Bad input and bad options: one {@link SpcInputException} naming unit, value and what would be valid. */
final class FunnelValidationTest {
    private static final FunnelSpec PROPORTION = FunnelSpec.builder(FunnelType.PROPORTION).build();
    private static final FunnelSpec RATIO = FunnelSpec.builder(FunnelType.RATIO).build();
    private static final FunnelSpec SHMI = FunnelSpec.builder(FunnelType.STANDARDISED_RATIO).build();

    private static String message(FunnelSpec spec, String[] units, double[] o, double[] d) {
        return assertThrows(SpcInputException.class, () -> spec.compute(units, o, d)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' should mention '" + p + "'");
        }
    }

    @Test
    void negativeCount() {
        assertMentions(message(RATIO, new String[] {"a", "b"}, new double[] {1, -2}, new double[] {3, 4}),
                "unit 'b'", "index 1", "numerator -2", ">= 0");
    }

    @Test
    void numeratorAboveDenominatorForProportions() {
        assertMentions(message(PROPORTION, new String[] {"a", "b"}, new double[] {5, 12}, new double[] {10, 10}),
                "unit 'b'", "numerator 12", "denominator 10", "0 <= numerator <= denominator");
        // a ratio of counts may exceed 1
        assertEquals(1.2, RATIO.compute(new String[] {"a", "b"}, new double[] {5, 12}, new double[] {10, 10})
                .ratioAt(1), 1e-15);
    }

    @Test
    void zeroOrNegativeDenominator() {
        assertMentions(message(SHMI, new String[] {"a", "b"}, new double[] {1, 2}, new double[] {0, 4}),
                "unit 'a'", "index 0", "denominator 0", "> 0");
        assertMentions(message(RATIO, new String[] {"a", "b"}, new double[] {1, 2}, new double[] {3, -4.5}),
                "unit 'b'", "denominator -4.5", "> 0");
    }

    @Test
    void missingOrInfiniteValues() {
        assertMentions(message(RATIO, new String[] {"a", "b"}, new double[] {Double.NaN, 2}, new double[] {3, 4}),
                "unit 'a'", "numerator NaN");
        assertMentions(message(RATIO, new String[] {"a", "b"}, new double[] {1, 2},
                new double[] {3, Double.POSITIVE_INFINITY}), "unit 'b'", "denominator Infinity", "finite");
    }

    @Test
    void lengthsAndEmptyInput() {
        assertMentions(message(RATIO, new String[] {"a"}, new double[] {1, 2}, new double[] {3, 4}),
                "same length");
        assertMentions(message(RATIO, new String[0], new double[0], new double[0]), "at least one unit");
        assertThrows(NullPointerException.class,
                () -> RATIO.compute(new String[] {"a", null}, new double[] {1, 2}, new double[] {3, 4}));
    }

    @Test
    void duplicateUnitsAreSummed() {
        final FunnelResult r = PROPORTION.compute(new String[] {"b", "a", "b"}, new double[] {1, 2, 3},
                new double[] {10, 20, 30});
        assertEquals(2, r.size());
        assertEquals("b", r.unitAt(0));
        assertEquals(4, r.numeratorAt(0));
        assertEquals(40, r.denominatorAt(0));
        assertEquals(0.1, r.ratioAt(0), 1e-15);
        assertEquals(6.0 / 60, r.target(), 1e-15);
    }

    @Test
    void shmiRoundingToZero() {
        assertMentions(message(SHMI, new String[] {"a", "b"}, new double[] {0, 2}, new double[] {0.004, 4}),
                "unit 'a'", "0.004", "rounds to 0.00");
        // without rounding the same unit is fine
        final FunnelResult r = SHMI.toBuilder().shmiRounding(false).trim(0).build()
                .compute(new String[] {"a", "b"}, new double[] {1, 2}, new double[] {0.004, 4});
        assertEquals(0.004, r.denominatorAt(0));
    }

    @Test
    void shmiZeroEvents() {
        // a unit with no events has ln(0) = -infinity: fine if truncated, an error if it would enter phi
        assertMentions(message(SHMI.toBuilder().trim(0).build(), new String[] {"a", "b", "c"},
                new double[] {0, 5, 6}, new double[] {4, 5, 6}), "unit 'a'", "numerator 0", "-infinity");
        final String[] units = new String[20];
        final double[] o = new double[20];
        final double[] e = new double[20];
        for (int i = 0; i < 20; i++) {
            units[i] = "u" + i;
            o[i] = i == 0 ? 0 : 10 + i;
            e[i] = 15;
        }
        final FunnelResult r = SHMI.compute(units, o, e);
        assertTrue(r.isTrimmed(0));
        assertTrue(Double.isNaN(r.trimmedZAt(0)));
        assertEquals(Double.NEGATIVE_INFINITY, r.zAt(0));
        assertTrue(r.isOutlier(0), "0 observed is below any lower limit");
    }

    @Test
    void ratioWithoutEvents() {
        assertMentions(message(RATIO, new String[] {"a", "b"}, new double[] {0, 0}, new double[] {3, 4}),
                "every numerator is 0");
        // with a given target it is a valid, if dull, funnel
        assertEquals(0, FunnelSpec.builder(FunnelType.RATIO).target(0.5).build()
                .compute(new String[] {"a", "b"}, new double[] {0, 0}, new double[] {3, 4}).ratioAt(0));
    }

    @Test
    void builderOptions() {
        final FunnelSpec.Builder b = FunnelSpec.builder(FunnelType.PROPORTION);
        assertMentions(assertThrows(SpcInputException.class, () -> b.coverage(95, 100)).getMessage(),
                "coverage 100", "between 0 and 100");
        assertMentions(assertThrows(SpcInputException.class, () -> b.coverage(95, 95)).getMessage(),
                "coverage 95", "twice");
        assertMentions(assertThrows(SpcInputException.class, () -> b.coverage()).getMessage(), "at least one");
        assertMentions(assertThrows(SpcInputException.class, () -> b.trim(0.5)).getMessage(), "trim 0.5", "< 0.5");
        assertMentions(assertThrows(SpcInputException.class, () -> b.multiplier(0)).getMessage(), "positive");
        assertMentions(assertThrows(SpcInputException.class, () -> b.gridPoints(1)).getMessage(), ">= 2");
        assertMentions(assertThrows(SpcInputException.class,
                () -> FunnelSpec.builder(FunnelType.PROPORTION).outlierCoverage(90).build()).getMessage(),
                "outlier coverage 90", "95, 99.8");
        assertMentions(assertThrows(SpcInputException.class,
                () -> FunnelSpec.builder(FunnelType.PROPORTION).multiplier(100).target(100).build()).getMessage(),
                "below 100", "got 100");
        assertEquals(90, FunnelSpec.builder(FunnelType.PROPORTION).coverage(90, 99).outlierCoverage(90).build()
                .outlierCoverage());
        // the default outlier level follows the coverage levels, also through toBuilder()
        assertEquals(90, FunnelSpec.builder(FunnelType.PROPORTION).build().toBuilder().coverage(80, 90).build()
                .outlierCoverage());
    }

    @Test
    void trimZeroTrimsNothing() {
        final String[] units = {"a", "b", "c", "d", "e"};
        final double[] o = {3, 9, 14, 30, 41};
        final double[] d = {10, 20, 30, 40, 50};
        for (FunnelSpec spec : new FunnelSpec[] {PROPORTION.toBuilder().trim(0).build(),
            SHMI.toBuilder().trim(0).build()}) {
            final FunnelResult r = spec.compute(units, o, d);
            assertEquals(5, r.unitsUsed());
            for (int i = 0; i < r.size(); i++) {
                assertEquals(r.zAt(i), r.trimmedZAt(i));
                assertTrue(!r.isTrimmed(i));
            }
        }
    }

    @Test
    void identifiers() {
        assertEquals(FunnelType.PROPORTION, FunnelType.of("PR"));
        assertEquals(FunnelType.RATIO, FunnelType.of("ratio"));
        assertEquals(FunnelType.STANDARDISED_RATIO, FunnelType.of("Standardized-Ratio"));
        assertEquals(StandardisedRatioMethod.CQC, StandardisedRatioMethod.of("CQC"));
        assertEquals(Overdispersion.MULTIPLICATIVE, Overdispersion.of("multiplicative"));
        assertMentions(assertThrows(SpcInputException.class, () -> FunnelType.of("rate")).getMessage(),
                "'rate'", "proportion, ratio, standardised-ratio");
        assertMentions(assertThrows(SpcInputException.class, () -> Overdispersion.of("phi")).getMessage(),
                "'phi'", "none, multiplicative, additive");
    }
}
