package org.shewhart.engine.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.Series;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SpcInputException;

/** The contract of {@link LiveChart} beyond equality with a recompute: inputs, errors, freezing, edge cases. */
final class LiveChartTest {
    private static final ChartSpec XMR = ChartSpec.builder(ChartType.XMR).baseline(5).build();

    @Test
    void anEmptyChartAnswersWithoutPoints() {
        final LiveChart live = LiveChart.of(XMR);
        assertEquals(0, live.size());
        assertFalse(live.isFrozen());
        assertEquals(List.of(), live.signals());
        assertEquals(List.of(), live.latestSignals());
        assertEquals(List.of(), live.phases());
        assertEquals(PointType.COMMON_CAUSE, live.variation());
        assertNull(live.assurance());
        assertThrows(SpcInputException.class, live::toResult);
        assertThrows(IndexOutOfBoundsException.class, () -> live.typeAt(0));
        assertThrows(IndexOutOfBoundsException.class, () -> live.valueAt(0));
    }

    @Test
    void aBaselineFreezesTheLimitsAtItsLastPoint() {
        final LiveChart live = LiveChart.of(XMR);
        for (int i = 0; i < 4; i++) {
            live.append(10 + i % 2);
            assertFalse(live.isFrozen(), "point " + i);
        }
        live.append(12);
        assertTrue(live.isFrozen());
        final double upper = live.upperLimitAt(4);
        live.append(100);
        assertEquals(upper, live.upperLimitAt(5));
        assertTrue(live.isFlagged(5, Rule.OUTSIDE_LIMITS));
        assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, live.typeAt(5));
        assertEquals(List.of(new Signal(Rule.OUTSIDE_LIMITS, 5, 5, PointType.SPECIAL_CAUSE_IMPROVEMENT)),
                live.latestSignals());
    }

    @Test
    void knownParametersFreezeFromTheFirstPointAndNothingElseDoes() {
        assertTrue(frozenAfterOne(ChartSpec.builder(ChartType.XMR).knownCentre(0).knownSigma(1).build()));
        assertTrue(frozenAfterOne(ChartSpec.builder(ChartType.RUN).knownCentre(0).build()));
        assertTrue(frozenAfterOne(ChartSpec.builder(ChartType.C).knownCentre(3).build()));
        assertFalse(frozenAfterOne(ChartSpec.builder(ChartType.XMR).knownCentre(0).build()));
        assertFalse(frozenAfterOne(ChartSpec.builder(ChartType.XMR).build()));
        // i' averages the scaled moving ranges of the whole phase: never frozen, whatever the baseline
        final LiveChart ip = LiveChart.of(ChartSpec.builder(ChartType.I_PRIME).baseline(2).build());
        for (int i = 0; i < 10; i++) {
            ip.append(i % 3, 10);
        }
        assertFalse(ip.isFrozen());
        assertEquals(ip.toResult().signals(), ip.signals());
    }

    private static boolean frozenAfterOne(ChartSpec spec) {
        final LiveChart live = LiveChart.of(spec);
        live.append(1);
        return live.isFrozen();
    }

    @Test
    void withoutABaselineEveryReadEqualsARecompute() {
        // every point moves the mean: the first points change type as later ones arrive
        final LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.XMR).profile(RuleProfile.NELSON).build());
        final double[] y = {5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        for (int i = 0; i < y.length; i++) {
            live.append(y[i]);
            if (i > 0) {
                final ChartResult full = live.toResult();
                for (int j = 0; j <= i; j++) {
                    assertEquals(full.typeAt(j), live.typeAt(j), i + "/" + j);
                    assertEquals(full.centreAt(j), live.centreAt(j), i + "/" + j);
                }
                assertEquals(full.signals(), live.signals());
            }
        }
        assertFalse(live.isFrozen());
    }

    @Test
    void anInvalidPointIsRefusedAndLeavesTheChartAsItWas() {
        final LiveChart p = LiveChart.of(ChartSpec.builder(ChartType.P).baseline(3).build());
        p.append(1, 10);
        p.append(2, 10);
        final SpcInputException above = assertThrows(SpcInputException.class, () -> p.append(11, 10));
        assertTrue(above.getMessage().contains("point 3"), above.getMessage());
        assertThrows(SpcInputException.class, () -> p.append(-1, 10));
        assertThrows(SpcInputException.class, () -> p.append(1, -10));
        assertEquals(2, p.size());
        p.append(3, 10);
        assertEquals(3, p.size());
        assertEquals(p.toResult().centreAt(2), p.centreAt(2));

        final LiveChart t = LiveChart.of(ChartSpec.builder(ChartType.T).build());
        assertThrows(SpcInputException.class, () -> t.append(0));
        t.append(Double.NaN);
        assertEquals(1, t.size());

        // c charts under the qcc profiles need equal areas of opportunity, as ChartSpec.compute
        final LiveChart c = LiveChart.of(ChartSpec.builder(ChartType.C).profile(RuleProfile.WECO).build());
        c.append(3, 5);
        assertThrows(SpcInputException.class, () -> c.append(3, 6));
        assertThrows(SpcInputException.class, () -> ChartSpec.builder(ChartType.C).profile(RuleProfile.WECO)
                .build().compute(Series.of(new double[] {3, 3}, new double[] {5, 6})));
    }

    @Test
    void denominatorsAreAllOrNothing() {
        assertThrows(SpcInputException.class, () -> LiveChart.of(ChartSpec.builder(ChartType.U).build()).append(1));
        final LiveChart sized = LiveChart.of(ChartSpec.builder(ChartType.XMR).build());
        sized.append(1, 2);
        assertThrows(IllegalStateException.class, () -> sized.append(1));
        final LiveChart plain = LiveChart.of(ChartSpec.builder(ChartType.XMR).build());
        plain.append(1);
        assertThrows(IllegalStateException.class, () -> plain.append(1, 2));
        // with a denominator an xmr chart plots the ratio, as a Series with sizes
        sized.append(3, 4);
        assertEquals(0.75, sized.valueAt(1));
    }

    @Test
    void subgroupChartsAndSpecsTheEngineRefusesFailAtOnce() {
        assertThrows(SpcInputException.class, () -> LiveChart.of(ChartSpec.builder(ChartType.XBAR_S).build()));
        assertThrows(SpcInputException.class, () -> LiveChart.of(ChartSpec.builder(ChartType.XMR)
                .sigmaMethod(SigmaMethod.UWAVE_R).build()));
        assertThrows(SpcInputException.class, () -> LiveChart.of(XMR, Series.ofSubgroups(new double[] {1},
                new double[] {1}, new double[] {1}, new double[] {2})));
    }

    @Test
    void phasesAndExclusionsBeyondTheLastPointWaitForIt() {
        final ChartSpec spec = ChartSpec.builder(ChartType.XMR).phaseStarts(6).exclude(2, 8).build();
        final LiveChart live = LiveChart.of(spec);
        for (int i = 0; i < 5; i++) {
            live.append(i % 3);
        }
        assertEquals(1, live.phases().size());
        // the spec in force so far: no phase start yet, only the exclusion already reached
        assertArrayEquals(new int[0], live.toResult().spec().phaseStarts());
        assertArrayEquals(new int[] {2}, live.toResult().spec().excluded());
        for (int i = 5; i < 10; i++) {
            live.append(i % 4);
        }
        assertEquals(2, live.phases().size());
        assertEquals(2, live.phaseAt(6));
        assertTrue(live.isExcluded(8));
        assertArrayEquals(new int[] {6}, live.toResult().spec().phaseStarts());
        assertArrayEquals(new int[] {2, 8}, live.toResult().spec().excluded());
        assertEquals(live.toResult().phases(), live.phases());
    }

    @Test
    void fewerThanTwoValuesCannotBeChartedButCanBeRead() {
        final LiveChart live = LiveChart.of(XMR);
        live.append(Double.NaN);
        live.append(4);
        assertThrows(SpcInputException.class, live::toResult);
        assertEquals(4, live.centreAt(1));
        assertEquals(PointType.COMMON_CAUSE, live.typeAt(1));
        live.append(5);
        assertEquals(live.toResult().centreAt(2), live.centreAt(2));
    }

    @Test
    void assuranceComesFromTheNewestPointsLimits() {
        final LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.XMR).baseline(4).target(100)
                .improvement(Improvement.DECREASE).build());
        for (double y : new double[] {10, 11, 10, 12, 11}) {
            live.append(y);
        }
        assertEquals(Assurance.CONSISTENT_PASS, live.assurance());
        assertEquals(live.toResult().assurance(), live.assurance());
    }

    @Test
    void historyIsReadOnceNotPerPoint() {
        // 20,000 points without a baseline: appending is linear, the recompute happens at the first read
        final double[] y = new double[20_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i * 7919) % 13;
        }
        final LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.RUN).build(), Series.of(y));
        assertEquals(live.toResult().signals(), live.signals());
        assertEquals(live.toResult().variation(), live.variation());
    }
}
