package org.shewhart.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.SpcInputException;

/** Building subgroups, and the sigma estimators by hand on two small subgroups. */
final class SubgroupsTest {
    private static final double EPS = 1e-12;
    /** {1, 2, 3}: n = 3, R = 2, s = 1; {2, 4, 6, 8}: n = 4, R = 6, s = sqrt(20/3). */
    private static final Subgroups TWO = Subgroups.ofObservations(new double[] {1, 2, 3, 2, 4, 6, 8},
            new int[] {7, 7, 7, 3, 3, 3, 3});
    private static final double S2 = Math.sqrt(20.0 / 3);
    /** c4(3) = Γ(3/2) = √π / 2; c4(4) = sqrt(2/3) / Γ(3/2); c4(6) = sqrt(2/5) Γ(3) / Γ(5/2) = sqrt(2/5) 2 / (3√π/4). */
    private static final double C4_3 = Math.sqrt(Math.PI) / 2;
    private static final double C4_4 = Math.sqrt(2.0 / 3) / (Math.sqrt(Math.PI) / 2);
    private static final double C4_6 = Math.sqrt(2.0 / 5) * 2 / (0.75 * Math.sqrt(Math.PI));

    @Test
    void summarisesObservations() {
        assertEquals(2, TWO.size());
        assertArrayEquals(new double[] {2, 5}, TWO.means(), EPS);
        assertArrayEquals(new int[] {3, 4}, TWO.subgroupSizes());
        assertEquals(1, TWO.standardDeviationAt(0), EPS);
        assertEquals(S2, TWO.standardDeviationAt(1), EPS);
        assertEquals(6, TWO.rangeAt(1), 0);
        assertFalse(TWO.isIndividuals());
        assertTrue(TWO.hasObservations());
    }

    @Test
    void skipsMissingObservations() {
        final Subgroups s = Subgroups.ofObservations(new double[] {1, Double.NaN, 3, 5}, new int[] {1, 1, 1, 2});
        assertArrayEquals(new int[] {2, 1}, s.subgroupSizes());
        assertEquals(2, s.meanAt(0), 0);
        assertTrue(Double.isNaN(s.rangeAt(1)));
    }

    @Test
    void estimatorsByHand() {
        assertSigma((2 / 1.693 + 6 / 2.059) / 2, SigmaMethod.UWAVE_R);
        assertSigma((1 / C4_3 + S2 / C4_4) / 2, SigmaMethod.UWAVE_SD);
        final double w1 = Math.pow(1.693 / 0.8883697, 2);
        final double w2 = Math.pow(2.059 / 0.8798108, 2);
        assertSigma((2 / 1.693 * w1 + 6 / 2.059 * w2) / (w1 + w2), SigmaMethod.MVLUE_R);
        final double v1 = C4_3 * C4_3 / (1 - C4_3 * C4_3);
        final double v2 = C4_4 * C4_4 / (1 - C4_4 * C4_4);
        assertSigma((1 / C4_3 * v1 + S2 / C4_4 * v2) / (v1 + v2), SigmaMethod.MVLUE_SD);
        // Σ (n - 1) s² = 2 + 3 x 20/3 = 22 over 5 degrees of freedom, c4(6)
        assertSigma(Math.sqrt(22.0 / 5) / C4_6, SigmaMethod.RMSDF);
        // individuals 1, 3, 2: moving ranges 2, 1 -> 1.5 / 1.128; sd = 1 -> 1 / c4(3)
        assertEquals(1.5 / 1.128, Ewma.withDefaults().compute(1, 3, 2).sigma(), EPS);
        assertEquals(1 / C4_3, Ewma.withDefaults().with(SigmaMethod.STANDARD_DEVIATION).compute(1, 3, 2).sigma(),
                EPS);
    }

    @Test
    void defaultEstimatorSwitchesToRmsdfAbove25() {
        final double[] value = new double[30];
        final int[] group = new int[30];
        for (int i = 0; i < 30; i++) {
            value[i] = i % 7;
            group[i] = i < 26 ? 1 : 2;
        }
        assertEquals(SigmaMethod.RMSDF, Ewma.withDefaults().compute(Subgroups.ofObservations(value, group))
                .sigmaMethod());
        assertEquals(SigmaMethod.UWAVE_R, Ewma.withDefaults().compute(TWO).sigmaMethod());
    }

    @Test
    void estimatorIds() {
        assertEquals(SigmaMethod.UWAVE_R, SigmaMethod.of("UWAVE-R"));
        assertEquals(SigmaMethod.MOVING_RANGE, SigmaMethod.of(" mr "));
        assertEquals("unknown sigma method 'x'; valid: mr, sd, uwave-r, uwave-sd, mvlue-r, mvlue-sd, rmsdf",
                assertThrows(SpcInputException.class, () -> SigmaMethod.of("x")).getMessage());
    }

    @Test
    void rejectsBadData() {
        assertEquals("subgroup label 1 reappears in row 4 after other labels (its rows start at row 1); the rows of "
                + "a subgroup must be contiguous", assertThrows(SpcInputException.class,
                    () -> Subgroups.ofObservations(new double[] {1, 2, 3, 4}, new int[] {1, 1, 2, 1})).getMessage());
        assertEquals("subgroup 2 (label 9, rows 3-4) has no values; every subgroup needs at least one non-missing "
                + "observation", assertThrows(SpcInputException.class, () -> Subgroups.ofObservations(
                    new double[] {1, 2, Double.NaN, Double.NaN}, new int[] {1, 1, 9, 9})).getMessage());
        assertThrows(SpcInputException.class, () -> Subgroups.ofObservations(new double[] {1}, new int[] {1, 2}));
        assertThrows(SpcInputException.class, () -> Subgroups.ofObservations(new double[0], new int[0]));
        assertThrows(SpcInputException.class,
                () -> Subgroups.ofObservations(new double[] {Double.POSITIVE_INFINITY}, new int[] {1}));
        assertEquals("size of subgroup 2 is 0; sizes must be >= 1", assertThrows(SpcInputException.class,
                () -> Subgroups.ofMeans(new double[] {1, 2}, new int[] {3, 0})).getMessage());
        assertThrows(SpcInputException.class,
                () -> Subgroups.ofSummaries(new double[] {1}, new double[] {-1}, null, new int[] {3}));
        assertThrows(SpcInputException.class, () -> Subgroups.ofIndividuals());
    }

    private static void assertSigma(double expected, SigmaMethod estimator) {
        final CusumResult r = Cusum.withDefaults().with(estimator).compute(TWO);
        assertEquals(expected, r.sigma(), EPS, estimator.id());
        assertEquals(estimator, r.sigmaMethod());
        // centre: Σ n x̄ / Σ n = (3 x 2 + 4 x 5) / 7
        assertEquals(26.0 / 7, r.centre(), EPS);
    }
}
