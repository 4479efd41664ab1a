package org.shewhart.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.SpcInputException;

/** CUSUM by hand, its invariances and its input checks (the qcc numbers are in {@link QccReferenceCasesTest}). */
final class CusumTest {
    private static final double EPS = 1e-12;

    @Test
    void handComputedTabularSums() {
        // centre 0, sigma 1, k = 0.5, h = 5; z = x
        //   C+: max(0, 0 + 1 - .5) = .5 | .5 + 1.5 = 2 | 2 - 1.5 = .5 | .5 + 2.5 = 3
        //   C-: max(0, 0 - 1.5) = 0 | 0 - 2.5 -> 0 | 0 - (-1 + .5) = .5 | .5 - 3.5 -> 0
        final CusumResult r = Cusum.withDefaults().withCentre(0).withSigma(1).compute(1, 2, -1, 3);
        assertArrayEquals(new double[] {1, 2, -1, 3}, r.zValues(), EPS);
        assertArrayEquals(new double[] {0.5, 2, 0.5, 3}, r.upperSums(), EPS);
        assertArrayEquals(new double[] {0, 0, -0.5, 0}, r.lowerSums(), EPS);
        assertArrayEquals(new int[0], r.upperSignals());
        assertNull(r.sigmaMethod());
    }

    @Test
    void headStartAndStrictSignals() {
        // head start 2, h = 3, k = 0.5, z = x: C+ = 2 + (1.5 - .5) = 3 (not > 3: no signal), 3 + (.4 - .5) = 2.9,
        // 2.9 + (4 - .5) = 6.4 > 3 (signal); C- = max(0, 2 - (1.5 + .5)) = 0
        final CusumResult r = Cusum.withDefaults().withCentre(0).withSigma(1).withDecisionInterval(3)
                .withHeadStart(2).compute(1.5, 0.4, 4);
        assertEquals(3, r.upperAt(0), EPS);
        assertEquals(0, r.lowerAt(0), EPS);
        assertArrayEquals(new int[] {2}, r.upperSignals());
        assertFalse(r.isUpperSignal(0));
        assertEquals(2.9, r.upperAt(1), EPS);
    }

    @Test
    void subgroupMeansAreStandardisedBySigmaOverRootN() {
        // n = 4, sigma 2: standard error 1; mean 3 around centre 1 gives z = 2
        final CusumResult r = Cusum.withDefaults().withCentre(1).withSigma(2)
                .compute(Subgroups.ofMeans(new double[] {3, 1}, new int[] {4, 9}), 2);
        assertEquals(2, r.zAt(0), EPS);
        assertEquals(0, r.zAt(1), EPS);
        assertEquals(4, r.subgroupSizeAt(0));
    }

    @Test
    void estimatesCentreAndSigmaFromPhaseOneOnly() {
        // phase 1 = 10, 12, 11: centre 11, moving ranges 2, 1 -> sigma = 1.5 / 1.128
        final CusumResult r = Cusum.withDefaults().compute(Subgroups.ofIndividuals(10, 12, 11, 50, 60), 3);
        assertEquals(11, r.centre(), EPS);
        assertEquals(1.5 / 1.128, r.sigma(), EPS);
        assertEquals(SigmaMethod.MOVING_RANGE, r.sigmaMethod());
        assertEquals(1, r.phaseAt(2));
        assertEquals(2, r.phaseAt(3));
        assertArrayEquals(new int[] {3, 4}, r.upperSignals());
    }

    @Test
    void shiftingTheDataShiftsOnlyTheCentre() {
        final Random random = new Random(7);
        final double[] value = new double[60];
        final int[] group = new int[60];
        for (int i = 0; i < 60; i++) {
            value[i] = 100 + random.nextGaussian() + (i >= 40 ? 1.5 : 0);
            group[i] = i / 4;
        }
        final double[] shifted = value.clone();
        for (int i = 0; i < 60; i++) {
            shifted[i] += 1000;
        }
        final CusumResult a = Cusum.withDefaults().compute(Subgroups.ofObservations(value, group), 10);
        final CusumResult b = Cusum.withDefaults().compute(Subgroups.ofObservations(shifted, group), 10);
        assertEquals(a.centre() + 1000, b.centre(), 1e-9);
        assertEquals(a.sigma(), b.sigma(), 1e-9);
        assertArrayEquals(a.upperSums(), b.upperSums(), 1e-6);
        assertArrayEquals(a.lowerSums(), b.lowerSums(), 1e-6);
        assertArrayEquals(a.upperSignals(), b.upperSignals());
    }

    @Test
    void summariesGiveTheSameChartAsObservations() {
        final double[] value = {1, 2, 4, 2, 3, 3, 5, 1, 2};
        final int[] group = {1, 1, 1, 2, 2, 2, 3, 3, 3};
        final Subgroups raw = Subgroups.ofObservations(value, group);
        final double[] sd = new double[3];
        final double[] range = new double[3];
        for (int i = 0; i < 3; i++) {
            sd[i] = raw.standardDeviationAt(i);
            range[i] = raw.rangeAt(i);
        }
        final Subgroups summary = Subgroups.ofSummaries(raw.means(), sd, range, raw.subgroupSizes());
        final CusumResult a = Cusum.withDefaults().compute(raw);
        final CusumResult b = Cusum.withDefaults().compute(summary);
        assertEquals(a.sigma(), b.sigma(), 0);
        assertArrayEquals(a.upperSums(), b.upperSums(), 0);
        // UWAVE-R by hand: ranges 3, 1, 4 of subgroups of 3: mean(R) / d2(3) = (8/3) / 1.693
        assertEquals(8.0 / 3 / 1.693, a.sigma(), EPS);
        assertEquals(SigmaMethod.UWAVE_R, a.sigmaMethod());
    }

    @Test
    void rejectsBadParameters() {
        final Cusum d = Cusum.withDefaults();
        assertEquals("decision interval h must be a finite number > 0, got 0.0",
                assertThrows(SpcInputException.class, () -> d.withDecisionInterval(0)).getMessage());
        assertThrows(SpcInputException.class, () -> d.withDecisionInterval(Double.NaN));
        assertThrows(SpcInputException.class, () -> d.withHeadStart(-1));
        assertThrows(SpcInputException.class, () -> d.withShift(Double.POSITIVE_INFINITY));
        assertThrows(SpcInputException.class, () -> d.withSigma(0));
        assertThrows(SpcInputException.class, () -> d.withCentre(Double.NEGATIVE_INFINITY));
        assertEquals("head start (5.0) must be less than the decision interval h (5.0)",
                assertThrows(SpcInputException.class, () -> d.withHeadStart(5).compute(1, 2, 3)).getMessage());
        // the order of the with-calls does not matter: only the final pair is checked
        d.withHeadStart(6).withDecisionInterval(8).compute(1, 2, 3);
    }

    @Test
    void rejectsDataThatCannotBeCalibrated() {
        final Cusum d = Cusum.withDefaults();
        assertEquals("sigma estimator 'mr' needs at least 2 phase-1 values, got 1",
                assertThrows(SpcInputException.class, () -> d.compute(Subgroups.ofIndividuals(1, 2), 1))
                        .getMessage());
        assertEquals("phaseOne (3) must be between 1 and the number of subgroups (2)",
                assertThrows(SpcInputException.class, () -> d.compute(Subgroups.ofIndividuals(1, 2), 3))
                        .getMessage());
        final Subgroups single = Subgroups.ofObservations(new double[] {1, 2, 3, 4}, new int[] {1, 1, 2, 3});
        assertEquals("subgroup 2 has 1 observation; sigma estimator 'uwave-r' needs phase-1 subgroups of at least 2 "
                + "(give a known sigma, or chart individual values)",
                assertThrows(SpcInputException.class, () -> d.compute(single)).getMessage());
        // ... but with a known sigma the same data chart fine
        d.withSigma(1).compute(single);
        final Subgroups meansOnly = Subgroups.ofMeans(new double[] {1, 2}, new int[] {5, 5});
        assertEquals("subgroup 1 has no range; sigma estimator 'uwave-r' needs it for every phase-1 subgroup",
                assertThrows(SpcInputException.class, () -> d.compute(meansOnly)).getMessage());
        assertThrows(SpcInputException.class, () -> d.with(SigmaMethod.MOVING_RANGE).compute(meansOnly));
        assertThrows(SpcInputException.class, () -> d.with(SigmaMethod.UWAVE_R).compute(1, 2, 3));
        assertEquals("the mr estimate of sigma from the 3 phase-1 subgroups is 0.0; it must be > 0 (the phase-1 "
                + "data do not vary): give a known sigma",
                assertThrows(SpcInputException.class, () -> d.compute(4, 4, 4)).getMessage());
    }
}
