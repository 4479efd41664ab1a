package org.shewhart.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.SpcInputException;

/** Capability by hand, one-sided specifications, summaries and input checks (qcc numbers: the reference cases). */
final class CapabilityTest {
    private static final double EPS = 1e-12;
    /** Ten values; 6.5 is below LSL = 7 and 13.5 above USL = 13. */
    private static final double[] X = {8, 9, 10, 11, 12, 10, 9, 11, 6.5, 13.5};

    @Test
    void handComputedIndicesAndIntervals() {
        // μ = 10, σ = 1 given, k = 3, specs 7..13, T = 10 (midpoint), n = 10:
        //   Cp = 6 / 6 = 1, Cp_l = Cp_u = Cp_k = 3 / 3 = 1, Cpm = 1 / sqrt(1 + 0) = 1 (Boyles df = n = 10)
        //   Cp interval: sqrt(qchisq(.025, 9) / 9) = sqrt(2.700389 / 9), sqrt(19.022768 / 9)
        //   Cp_l interval: 1 ∓ qnorm(.95) sqrt(1/90 + 1/18) = 1 ∓ 1.644854 x 0.2581989
        //   Cp_k interval: 1 ∓ qnorm(.975) x 0.2581989 = 1 ∓ 1.959964 x 0.2581989
        //   Cpm interval: sqrt(qchisq(.025, 10) / 10) = sqrt(3.246973 / 10), sqrt(20.483177 / 10)
        final CapabilityResult r = Capability.withDefaults().withSpecificationLimits(7, 13).withCentre(10)
                .withSigma(1).compute(X);
        assertEquals(10, r.observations());
        assertEquals(10, r.target(), 0);
        assertTrue(r.hasTarget());
        assertIndex(1, Math.sqrt(2.700389 / 9), Math.sqrt(19.022768 / 9), r.cp(), 1e-7);
        final double half = Math.sqrt(1.0 / 90 + 1.0 / 18);
        assertIndex(1, 1 - 1.6448536 * half, 1 + 1.6448536 * half, r.cpl(), 1e-7);
        assertIndex(1, 1 - 1.6448536 * half, 1 + 1.6448536 * half, r.cpu(), 1e-7);
        assertIndex(1, 1 - 1.9599640 * half, 1 + 1.9599640 * half, r.cpk(), 1e-7);
        assertIndex(1, Math.sqrt(3.246973 / 10), Math.sqrt(20.483177 / 10), r.cpm(), 1e-7);
        // Pp family with the sample SD of X
        final double sd = sampleSd(X);
        assertEquals(sd, r.overallSigma(), EPS);
        assertEquals(6 / (6 * sd), r.pp().value(), EPS);
        assertEquals((10.0 - 7) / (3 * sd), r.ppl().value(), EPS);
        // expected: 100 Φ(-3) = 0.1349898 % on each side; observed: 1 of 10 on each side
        assertEquals(0.1349898, r.expectedPercentBelow(), 1e-7);
        assertEquals(0.1349898, r.expectedPercentAbove(), 1e-7);
        assertEquals(10, r.observedPercentBelow(), EPS);
        assertEquals(10, r.observedPercentAbove(), EPS);
        // the chart behind it: 10 ± 3
        assertEquals(7, r.lowerLimitAt(0), EPS);
        assertEquals(13, r.upperLimitAt(9), EPS);
    }

    @Test
    void oneSidedSpecificationLeavesTwoSidedIndicesUndefined() {
        final CapabilityResult r = Capability.withDefaults().withSpecificationLimits(7, Double.NaN).withCentre(10)
                .withSigma(1).compute(X);
        assertNull(r.cp());
        assertNull(r.cpu());
        assertNull(r.cpm());
        assertNull(r.pp());
        assertNull(r.ppu());
        assertNull(r.ppm());
        assertEquals(r.cpl().value(), r.cpk().value(), 0);
        assertTrue(r.cpk().lower() < r.cpl().lower(), "Cp_k uses the two-sided quantile");
        assertTrue(Double.isNaN(r.upperSpecification()));
        assertTrue(Double.isNaN(r.expectedPercentAbove()));
        assertTrue(Double.isNaN(r.observedPercentAbove()));
        assertTrue(Double.isNaN(r.target()));
        assertFalse(r.hasTarget());
        // a given target is kept, but Cpm still needs both limits
        final CapabilityResult t = Capability.withDefaults().withSpecificationLimits(Double.NaN, 13).withTarget(10)
                .compute(X);
        assertTrue(t.hasTarget());
        assertNull(t.cpm());
        assertNull(t.cpl());
    }

    @Test
    void smallExpectedPercentagesAreSetToZero() {
        // 100 Φ(-5) = 2.9e-5 % < 0.01 %: reported as 0, as qcc does
        final CapabilityResult r = Capability.withDefaults().withSpecificationLimits(5, 15).withCentre(10)
                .withSigma(1).compute(X);
        assertEquals(0, r.expectedPercentBelow(), 0);
        assertEquals(0, r.expectedPercentAbove(), 0);
    }

    @Test
    void summariesGiveTheSameIndicesWithoutObservedPercentages() {
        final Random random = new Random(11);
        final double[] value = new double[100];
        final int[] group = new int[100];
        for (int i = 0; i < 100; i++) {
            value[i] = 74 + 0.01 * random.nextGaussian();
            group[i] = i / 5;
        }
        final Subgroups raw = Subgroups.ofObservations(value, group);
        final double[] sd = new double[20];
        final double[] range = new double[20];
        for (int i = 0; i < 20; i++) {
            sd[i] = raw.standardDeviationAt(i);
            range[i] = raw.rangeAt(i);
        }
        final Subgroups summary = Subgroups.ofSummaries(raw.means(), sd, range, raw.subgroupSizes());
        final Capability c = Capability.withDefaults().withSpecificationLimits(73.97, 74.03).withTarget(74.001);
        final CapabilityResult a = c.compute(raw, 15);
        final CapabilityResult b = c.compute(summary, 15);
        assertEquals(75, a.observations());
        assertEquals(a.overallSigma(), b.overallSigma(), 1e-15);
        for (CapabilityIndex.Kind kind : CapabilityIndex.Kind.values()) {
            assertEquals(a.index(kind).value(), b.index(kind).value(), 1e-9, kind.label());
            assertEquals(a.index(kind).lower(), b.index(kind).lower(), 1e-9, kind.label());
        }
        assertEquals(a.expectedPercentAbove(), b.expectedPercentAbove(), 1e-12);
        assertFalse(Double.isNaN(a.observedPercentAbove()));
        assertTrue(Double.isNaN(b.observedPercentAbove()));
        // phase 2 subgroups are charted, not analysed
        assertEquals(20, a.size());
        assertEquals(2, a.phaseAt(15));
    }

    @Test
    void rejectsBadInput() {
        final Capability d = Capability.withDefaults();
        assertEquals("no specification limits: set LSL and/or USL with withSpecificationLimits(lsl, usl)",
                assertThrows(SpcInputException.class, () -> d.compute(X)).getMessage());
        assertEquals("LSL (13.0) must be less than USL (7.0)",
                assertThrows(SpcInputException.class, () -> d.withSpecificationLimits(13, 7)).getMessage());
        assertThrows(SpcInputException.class, () -> d.withSpecificationLimits(7, 7));
        assertThrows(SpcInputException.class, () -> d.withSpecificationLimits(Double.NaN, Double.NaN));
        assertThrows(SpcInputException.class, () -> d.withSpecificationLimits(Double.NEGATIVE_INFINITY, 1));
        assertThrows(SpcInputException.class, () -> d.withConfidenceLevel(1));
        assertThrows(SpcInputException.class, () -> d.withConfidenceLevel(0));
        assertThrows(SpcInputException.class, () -> d.withSigmas(-3));
        assertEquals("capability needs at least 2 phase-1 observations, got 1",
                assertThrows(SpcInputException.class,
                        () -> d.withSpecificationLimits(0, 1).withSigma(1).compute(Subgroups.ofIndividuals(0.5, 0.6),
                                1)).getMessage());
        final Subgroups meansOnly = Subgroups.ofMeans(new double[] {1, 2}, new int[] {5, 5});
        assertThrows(SpcInputException.class, () -> d.withSpecificationLimits(0, 3).withSigma(1).compute(meansOnly));
    }

    private static void assertIndex(double value, double lower, double upper, CapabilityIndex actual, double tol) {
        assertEquals(value, actual.value(), EPS, "value");
        assertEquals(lower, actual.lower(), tol, "lower");
        assertEquals(upper, actual.upper(), tol, "upper");
    }

    private static double sampleSd(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
