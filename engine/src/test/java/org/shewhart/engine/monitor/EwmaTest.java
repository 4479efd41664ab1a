package org.shewhart.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.shewhart.engine.SpcInputException;

/** EWMA by hand and its input checks (the qcc numbers are in {@link QccReferenceCasesTest}). */
final class EwmaTest {
    private static final double EPS = 1e-12;

    @Test
    void handComputedSmoothingAndLimits() {
        // centre 0, sigma 1, lambda 0.5, L = 3, x = 2, 0, 4:
        //   e = .5*2 + .5*0 = 1 | .5*0 + .5*1 = .5 | .5*4 + .5*.5 = 2.25
        //   σ_i² = (.5 / 1.5)(1 - .25^i) = .25, .3125, .328125
        final EwmaResult r = Ewma.withDefaults().withLambda(0.5).withCentre(0).withSigma(1).compute(2, 0, 4);
        assertArrayEquals(new double[] {1, 0.5, 2.25}, r.ewmaValues(), EPS);
        assertEquals(0.5, r.sigmaAt(0), EPS);
        assertEquals(Math.sqrt(0.3125), r.sigmaAt(1), EPS);
        assertEquals(Math.sqrt(0.328125), r.sigmaAt(2), EPS);
        assertEquals(-1.5, r.lowerLimitAt(0), EPS);
        assertEquals(3 * Math.sqrt(0.328125), r.upperLimitAt(2), EPS);
        // 2.25 > 1.7185: the only signal
        assertArrayEquals(new int[] {2}, r.signals());
    }

    @Test
    void limitIndexCountsPhaseOneAndPhaseTwoPoints() {
        // the third point is in phase 2 but its limits use i = 3
        final EwmaResult r = Ewma.withDefaults().withLambda(0.5).withCentre(0).withSigma(1)
                .compute(Subgroups.ofIndividuals(2, 0, 4), 2);
        assertEquals(2, r.phaseAt(2));
        assertEquals(Math.sqrt(0.328125), r.sigmaAt(2), EPS);
    }

    @Test
    void variableSubgroupSizesScaleTheLimits() {
        // σ_i = sigma / sqrt(n_i) * sqrt(λ/(2-λ)(1-(1-λ)^(2i))); with n = 4 the first σ is half that of n = 1
        final EwmaResult r = Ewma.withDefaults().withCentre(0).withSigma(1)
                .compute(Subgroups.ofMeans(new double[] {0, 0}, new int[] {4, 1}), 2);
        assertEquals(Math.sqrt(0.2 / 1.8 * (1 - 0.64)) / 2, r.sigmaAt(0), EPS);
        assertEquals(Math.sqrt(0.2 / 1.8 * (1 - 0.4096)), r.sigmaAt(1), EPS);
    }

    @Test
    void lambdaOneIsAShewhartChartOfTheMeans() {
        final double[] x = {10, 12, 11, 13, 9};
        final EwmaResult r = Ewma.withDefaults().withLambda(1).compute(x);
        assertArrayEquals(x, r.ewmaValues(), 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(r.sigma(), r.sigmaAt(i), EPS);
        }
    }

    @Test
    void rejectsBadParameters() {
        final Ewma d = Ewma.withDefaults();
        assertEquals("lambda must be in (0, 1], got 0.0",
                assertThrows(SpcInputException.class, () -> d.withLambda(0)).getMessage());
        assertThrows(SpcInputException.class, () -> d.withLambda(1.01));
        assertThrows(SpcInputException.class, () -> d.withLambda(Double.NaN));
        assertThrows(SpcInputException.class, () -> d.withSigmas(0));
        assertThrows(SpcInputException.class, () -> d.compute(Subgroups.ofIndividuals(1, 2, 3), 0));
        assertThrows(SpcInputException.class, () -> d.compute(new double[0]));
        assertEquals("value of point 2 is NaN; individual values must be finite numbers (remove missing points "
                + "first)", assertThrows(SpcInputException.class, () -> d.compute(1, Double.NaN, 3)).getMessage());
    }
}
