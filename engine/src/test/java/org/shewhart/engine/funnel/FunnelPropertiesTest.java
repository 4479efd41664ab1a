package org.shewhart.engine.funnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property tests: shape of the funnel, symmetries, invariances, scaling and the overdispersion models. */
final class FunnelPropertiesTest {
    private static final long[] SEEDS = {1, 42, 2024, 77_777, 123_456_789};

    /** A funnel configuration: type, SR method and overdispersion model. */
    static Stream<Arguments> configurations() {
        final Stream.Builder<Arguments> b = Stream.builder();
        for (Overdispersion od : Overdispersion.values()) {
            b.add(Arguments.of(FunnelType.PROPORTION, StandardisedRatioMethod.SHMI, od));
            b.add(Arguments.of(FunnelType.RATIO, StandardisedRatioMethod.SHMI, od));
            b.add(Arguments.of(FunnelType.STANDARDISED_RATIO, StandardisedRatioMethod.SHMI, od));
            b.add(Arguments.of(FunnelType.STANDARDISED_RATIO, StandardisedRatioMethod.CQC, od));
        }
        return b.build();
    }

    /** Random units of a type, overdispersed (a between-unit spread of the true rate) so every model applies. */
    static Data data(FunnelType type, long seed) {
        final Random rnd = new Random(seed);
        final int n = 5 + rnd.nextInt(60);
        final Data d = new Data(n);
        final double base = type == FunnelType.PROPORTION ? 0.02 + 0.4 * rnd.nextDouble() : 0.3 + rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            d.units[i] = "u" + i;
            final double rate = base * Math.exp(0.3 * rnd.nextGaussian());
            if (type == FunnelType.PROPORTION) {
                final double size = 5 + rnd.nextInt(3000);
                d.denominator[i] = size;
                d.numerator[i] = Math.max(0, Math.min(size, Math.rint(size * Math.min(rate, 1))));
            } else if (type == FunnelType.RATIO) {
                final double size = 1 + rnd.nextInt(800);
                d.denominator[i] = size;
                d.numerator[i] = Math.rint(size * rate);
            } else {
                final double expected = 1 + 600 * rnd.nextDouble();
                d.denominator[i] = expected;
                // at least one event, so the SHMI log scale stays finite
                d.numerator[i] = Math.max(1, Math.rint(expected * rate / base));
            }
        }
        return d;
    }

    private static FunnelSpec spec(FunnelType type, StandardisedRatioMethod method, Overdispersion od) {
        return FunnelSpec.builder(type).method(method).overdispersion(od).coverage(90, 95, 99.8).build();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void limitsNarrowAsTheDenominatorGrows(FunnelType type, StandardisedRatioMethod method, Overdispersion od) {
        for (long seed : SEEDS) {
            final Data d = data(type, seed);
            final FunnelResult r = spec(type, method, od).compute(d.units, d.numerator, d.denominator);
            final FunnelLimitsTable t = r.limitsTable();
            final double target = r.target();
            for (int l = 0; l < t.levelCount(); l++) {
                for (int k = 0; k < t.size(); k++) {
                    final String at = type + " " + method + " " + od + " seed " + seed + " level " + l + " row " + k;
                    assertTrue(t.lowerLimitAt(l, k) <= target && target <= t.upperLimitAt(l, k), at);
                    assertTrue(t.adjustedLowerLimitAt(l, k) <= target && target <= t.adjustedUpperLimitAt(l, k), at);
                    if (k > 0) {
                        assertTrue(t.denominatorAt(k) > t.denominatorAt(k - 1), at);
                        assertTrue(notBelow(t.lowerLimitAt(l, k), t.lowerLimitAt(l, k - 1)), at + " lower");
                        assertTrue(notBelow(t.upperLimitAt(l, k - 1), t.upperLimitAt(l, k)), at + " upper");
                        assertTrue(notBelow(t.adjustedLowerLimitAt(l, k), t.adjustedLowerLimitAt(l, k - 1)),
                                at + " adjusted lower");
                        assertTrue(notBelow(t.adjustedUpperLimitAt(l, k - 1), t.adjustedUpperLimitAt(l, k)),
                                at + " adjusted upper");
                    }
                    if (l > 0) {
                        // a higher coverage gives wider limits
                        assertTrue(t.lowerLimitAt(l, k) <= t.lowerLimitAt(l - 1, k), at);
                        assertTrue(t.upperLimitAt(l, k) >= t.upperLimitAt(l - 1, k), at);
                        assertTrue(t.adjustedLowerLimitAt(l, k) <= t.adjustedLowerLimitAt(l - 1, k), at);
                        assertTrue(t.adjustedUpperLimitAt(l, k) >= t.adjustedUpperLimitAt(l - 1, k), at);
                    }
                }
            }
            // each unit's limits are the table's at its denominator
            for (int i = 0; i < r.size(); i++) {
                final int k = java.util.Arrays.binarySearch(t.denominators(), r.denominatorAt(i));
                assertTrue(k >= 0);
                for (int l = 0; l < r.levelCount(); l++) {
                    assertEquals(t.lowerLimitAt(l, k), r.lowerLimitAt(l, i));
                    assertEquals(t.adjustedUpperLimitAt(l, k), r.adjustedUpperLimitAt(l, i));
                }
            }
        }
    }

    /** a >= b, allowing for the last bits of the chi-square inversion between near-equal denominators. */
    private static boolean notBelow(double a, double b) {
        return a >= b - 1e-13 * Math.max(1, Math.abs(b));
    }

    @Test
    void proportionZIsAntisymmetricUnderEventsAndNonEvents() {
        for (long seed : SEEDS) {
            final Data d = data(FunnelType.PROPORTION, seed);
            final Data c = new Data(d.units.length);
            for (int i = 0; i < c.units.length; i++) {
                c.units[i] = d.units[i];
                c.denominator[i] = d.denominator[i];
                c.numerator[i] = d.denominator[i] - d.numerator[i];
            }
            final FunnelSpec spec = FunnelSpec.builder(FunnelType.PROPORTION).build();
            final FunnelResult r = spec.compute(d.units, d.numerator, d.denominator);
            final FunnelResult m = spec.compute(c.units, c.numerator, c.denominator);
            assertClose(1, r.target() + m.target(), "targets p and 1 - p");
            assertClose(r.phi(), m.phi(), "phi");
            assertClose(r.tau2(), m.tau2(), "tau2");
            assertEquals(r.isAdjusted(), m.isAdjusted());
            for (int i = 0; i < r.size(); i++) {
                assertClose(-r.zAt(i), m.zAt(i), "z of unit " + i);
                assertClose(-r.trimmedZAt(i), m.trimmedZAt(i), "winsorised z of unit " + i);
                assertEquals(r.isTrimmed(i), m.isTrimmed(i));
                for (int l = 0; l < r.levelCount(); l++) {
                    // sin²(π/2 - a) = 1 - sin²(a): the funnel of 1 - p mirrors the funnel of p
                    assertClose(1 - r.upperLimitInEffectAt(l, i), m.lowerLimitInEffectAt(l, i), "mirrored lower");
                    assertClose(1 - r.lowerLimitInEffectAt(l, i), m.upperLimitInEffectAt(l, i), "mirrored upper");
                    assertEquals(-r.sideAt(l, i), m.sideAt(l, i), "mirrored side of unit " + i);
                }
            }
        }
    }

    @Test
    void ratioZIsAntisymmetricUnderSwappingTheCounts() {
        for (long seed : SEEDS) {
            final Data d = data(FunnelType.RATIO, seed);
            for (int i = 0; i < d.units.length; i++) {
                d.numerator[i] = Math.max(1, d.numerator[i]);
            }
            final FunnelSpec spec = FunnelSpec.builder(FunnelType.RATIO).build();
            final FunnelResult r = spec.compute(d.units, d.numerator, d.denominator);
            final FunnelResult m = spec.compute(d.units, d.denominator, d.numerator);
            assertClose(1, r.target() * m.target(), "targets T and 1 / T");
            assertClose(r.phi(), m.phi(), "phi");
            assertClose(r.tau2(), m.tau2(), "tau2");
            for (int i = 0; i < r.size(); i++) {
                assertClose(-r.zAt(i), m.zAt(i), "z of unit " + i);
                assertClose(-r.trimmedZAt(i), m.trimmedZAt(i), "winsorised z of unit " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void rowOrderAndSplitRowsDoNotMatter(FunnelType type, StandardisedRatioMethod method, Overdispersion od) {
        for (long seed : SEEDS) {
            final Data d = data(type, seed);
            final FunnelSpec spec = spec(type, method, od);
            final FunnelResult r = spec.compute(d.units, d.numerator, d.denominator);
            // reverse the rows, and split the first unit into two rows whose counts add up exactly
            final int n = d.units.length;
            final Data s = new Data(n + 1);
            for (int i = 0; i < n; i++) {
                s.units[i] = d.units[n - 1 - i];
                s.numerator[i] = d.numerator[n - 1 - i];
                s.denominator[i] = d.denominator[n - 1 - i];
            }
            final double half = Math.floor(d.numerator[0] / 2);
            s.units[n] = d.units[0];
            s.numerator[n - 1] = d.numerator[0] - half;
            s.numerator[n] = half;
            s.denominator[n - 1] = d.denominator[0] - d.denominator[0] / 4;
            s.denominator[n] = d.denominator[0] / 4;
            final double[] before = s.numerator.clone();
            final FunnelResult q = spec.compute(s.units, s.numerator, s.denominator);
            assertArrayEquals(before, s.numerator, "input not modified");
            assertEquals(r.size(), q.size());
            assertEquals(d.units[n - 1], q.unitAt(0), "units in order of first appearance");
            assertClose(r.target(), q.target(), "target");
            assertClose(r.phi(), q.phi(), "phi");
            assertClose(r.tau2(), q.tau2(), "tau2");
            for (int i = 0; i < r.size(); i++) {
                final int j = q.indexOf(r.unitAt(i));
                assertEquals(r.numeratorAt(i), q.numeratorAt(j));
                assertClose(r.denominatorAt(i), q.denominatorAt(j), "denominator");
                assertClose(r.zAt(i), q.zAt(j), "z");
                assertEquals(r.sideAt(i), q.sideAt(j), "side of " + r.unitAt(i));
                for (int l = 0; l < r.levelCount(); l++) {
                    assertClose(r.adjustedLowerLimitAt(l, i), q.adjustedLowerLimitAt(l, j), "adjusted lower");
                    assertClose(r.upperLimitAt(l, i), q.upperLimitAt(l, j), "upper");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void multiplierScalesRatiosTargetAndLimitsOnly(FunnelType type, StandardisedRatioMethod method,
            Overdispersion od) {
        for (long seed : SEEDS) {
            final Data d = data(type, seed);
            final FunnelResult r = spec(type, method, od).compute(d.units, d.numerator, d.denominator);
            final FunnelResult k = spec(type, method, od).toBuilder().multiplier(1000).build()
                    .compute(d.units, d.numerator, d.denominator);
            assertClose(1000 * r.target(), k.target(), "target");
            assertEquals(r.phi(), k.phi());
            assertEquals(r.tau2(), k.tau2());
            assertEquals(r.isAdjusted(), k.isAdjusted());
            for (int i = 0; i < r.size(); i++) {
                assertEquals(r.zAt(i), k.zAt(i));
                assertEquals(r.transformedAt(i), k.transformedAt(i));
                assertClose(1000 * r.ratioAt(i), k.ratioAt(i), "ratio");
                for (int l = 0; l < r.levelCount(); l++) {
                    assertClose(1000 * r.lowerLimitAt(l, i), k.lowerLimitAt(l, i), "lower");
                    assertClose(1000 * r.upperLimitAt(l, i), k.upperLimitAt(l, i), "upper");
                    assertClose(1000 * r.adjustedLowerLimitAt(l, i), k.adjustedLowerLimitAt(l, i), "adj lower");
                    assertClose(1000 * r.adjustedUpperLimitAt(l, i), k.adjustedUpperLimitAt(l, i), "adj upper");
                    assertEquals(r.sideAt(l, i), k.sideAt(l, i));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void adjustmentWidensTheLimitsAsItsModelSays(FunnelType type, StandardisedRatioMethod method,
            Overdispersion od) {
        for (long seed : SEEDS) {
            final Data d = data(type, seed);
            final FunnelResult none = spec(type, method, Overdispersion.NONE)
                    .compute(d.units, d.numerator, d.denominator);
            final FunnelResult r = spec(type, method, od).compute(d.units, d.numerator, d.denominator);
            assertFalse(none.isAdjusted());
            if (od == Overdispersion.NONE) {
                assertEquals(0, r.phi());
                assertEquals(0, r.tau2());
                continue;
            }
            assertEquals(r.isAdjusted(), !(r.phi() <= 1), "fallback exactly when phi <= 1");
            assertEquals(r.isFallback(), !r.isAdjusted());
            final double centre = r.transformedTarget();
            for (int i = 0; i < r.size(); i++) {
                final double x = r.denominatorAt(i);
                // variance of the limits on the transformed scale, as each model defines it
                final double s2 = type == FunnelType.STANDARDISED_RATIO && method == StandardisedRatioMethod.SHMI
                        ? 1 / x : 1 / (4 * x);
                final double v = od == Overdispersion.ADDITIVE ? s2 + r.tau2() : Math.max(1, r.phi()) * s2;
                for (int l = 0; l < r.levelCount(); l++) {
                    final double h = r.criticalValueAt(l) * Math.sqrt(v);
                    final double up = r.adjustedUpperLimitAt(l, i);
                    if (type == FunnelType.PROPORTION) {
                        if (centre + h < Math.PI / 2 && up < 1) {
                            assertClose(Math.sin(centre + h) * Math.sin(centre + h), up, "PR adjusted upper");
                        }
                    } else if (type == FunnelType.RATIO || method == StandardisedRatioMethod.SHMI) {
                        assertClose(Math.exp(centre + h), up, "log-scale adjusted upper");
                    } else {
                        assertClose(1 + h, up, "CQC adjusted upper");
                    }
                    assertTrue(up >= none.adjustedUpperLimitAt(l, i) - 1e-15, "never narrower than no adjustment");
                }
            }
        }
    }

    @Test
    void criticalValuesAreFunnelPlotRsConstants() {
        final FunnelResult r = FunnelSpec.builder(FunnelType.RATIO).coverage(99.8, 90, 95).build()
                .compute(new String[] {"a", "b"}, new double[] {3, 4}, new double[] {5, 6});
        assertEquals(90, r.coverageAt(0));
        assertEquals(1.644854, r.criticalValueAt(0));
        assertEquals(1.959964, r.criticalValueAt(1));
        assertEquals(3.090232, r.criticalValueAt(2));
        assertEquals(2, r.outlierLevel(), "outliers at the widest limits by default");
    }

    @Test
    void fallbackCanBeSwitchedOffAsWithDrawUnadjusted() throws Exception {
        final FunnelPlotRCasesTest.Input in = FunnelPlotRCasesTest.csv(
                "funnelplotr-PR-synthetic_binomial-no_overdispersion.csv");
        final FunnelSpec spec = FunnelSpec.builder(FunnelType.PROPORTION).build();
        final FunnelResult r = spec.compute(in.units, in.numerator, in.denominator);
        assertTrue(r.phi() < 1);
        assertTrue(r.isFallback());
        assertFalse(r.isAdjusted());
        final FunnelResult k = spec.toBuilder().underdispersionFallback(false).build()
                .compute(in.units, in.numerator, in.denominator);
        assertFalse(k.isFallback());
        assertTrue(k.isAdjusted());
        assertEquals(0, k.tau2(), "n phi < n - 1");
        for (int i = 0; i < k.size(); i++) {
            // with tau2 = 0 the adjusted PR limits are the unadjusted ones
            assertEquals(k.lowerLimitAt(1, i), k.lowerLimitInEffectAt(1, i));
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        assertTrue(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    /** Input columns. */
    static final class Data {
        final String[] units;
        final double[] numerator;
        final double[] denominator;

        Data(int n) {
            units = new String[n];
            numerator = new double[n];
            denominator = new double[n];
        }
    }
}
