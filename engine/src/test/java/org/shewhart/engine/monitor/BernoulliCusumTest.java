package org.shewhart.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.SpcInputException;

/**
 * Bernoulli CUSUM (qicharts2 0.8.1 {@code bchart}, Neuburger et al. 2017). There is no reference case: the expected
 * values below are derived by hand from the formulas in {@link BernoulliCusum}.
 */
final class BernoulliCusumTest {
    private static final double EPS = 1e-12;

    // p0 = 0.2, OR = 2: odds(p0) = 0.25
    //   p1 = odds⁻¹(0.5) = 1/3,  p2 = odds⁻¹(0.125) = 1/9
    //   upper weights: event ln((1/3)/0.2) = ln(5/3) = 0.5108256...; non-event ln((2/3)/0.8) = ln(5/6) = -0.1823215...
    //   lower weights: event ln((1/9)/0.2) = ln(5/9) = -0.5877866...; non-event ln((8/9)/0.8) = ln(10/9) = 0.1053605...
    private static final double UP_EVENT = Math.log(5.0 / 3);
    private static final double UP_NONE = Math.log(5.0 / 6);
    private static final double LOW_EVENT = Math.log(5.0 / 9);
    private static final double LOW_NONE = Math.log(10.0 / 9);

    @Test
    void risksAndWeightsFromTargetAndOddsRatio() {
        final BernoulliCusumResult r = BernoulliCusum.withDefaults().withTarget(0.2).compute(0, 1);
        assertEquals(0.2, r.targetRisk(), EPS);
        assertEquals(1.0 / 3, r.upperRisk(), EPS);
        assertEquals(1.0 / 9, r.lowerRisk(), EPS);
        assertEquals(UP_EVENT, r.upperEventWeight(), EPS);
        assertEquals(UP_NONE, r.upperNonEventWeight(), EPS);
        assertEquals(LOW_EVENT, r.lowerEventWeight(), EPS);
        assertEquals(LOW_NONE, r.lowerNonEventWeight(), EPS);
        assertEquals(2, r.oddsRatio());
        assertEquals(3.5, r.limit());
    }

    @Test
    void handComputedSumsWithResetAfterASignal() {
        // limit 1, outcomes 1 1 0 1 1 0 0:
        //   upper: 0.5108 | 1.0217 >= 1 signal -> 0 | max(0, -0.1823) = 0 | 0.5108 | 1.0217 signal -> 0 | 0 | 0
        //   lower: min(0, 0 + 0.5878) = 0 | 0 | -0.1054 | -0.1054 + 0.5878 -> 0 | 0 | -0.1054 | -0.2107
        final BernoulliCusumResult r = BernoulliCusum.withDefaults().withTarget(0.2).withLimit(1)
                .compute(1, 1, 0, 1, 1, 0, 0);
        final double[] upper = {UP_EVENT, 0, 0, UP_EVENT, 0, 0, 0};
        final double[] lower = {0, 0, -LOW_NONE, 0, 0, -LOW_NONE, -2 * LOW_NONE};
        assertArrayEquals(upper, r.upperSums(), EPS);
        assertArrayEquals(lower, r.lowerSums(), EPS);
        assertArrayEquals(new int[] {1, 4}, r.upperSignals());
        assertArrayEquals(new int[0], r.lowerSignals());
        assertTrue(r.isUpperSignal(1));
        assertFalse(r.isUpperSignal(2));
    }

    @Test
    void lowerSumSignalsAfterARunOfNonEventsAndRestarts() {
        // each non-event adds -ln(10/9) = -0.10536 to the lower sum: 9 of them give -0.9482 > -1, the 10th -1.0536
        // <= -1: a signal at cases 10, 20, 30 (indices 9, 19, 29), each followed by a restart from 0
        final int[] none = new int[30];
        final BernoulliCusumResult r = BernoulliCusum.withDefaults().withTarget(0.2).withLimit(1).compute(none);
        assertArrayEquals(new int[] {9, 19, 29}, r.lowerSignals());
        assertEquals(-9 * LOW_NONE, r.lowerAt(8), EPS);
        assertEquals(0, r.lowerAt(9), 0);
        assertEquals(-LOW_NONE, r.lowerAt(10), EPS);
    }

    @Test
    void noEventsNeverSignalUpwards() {
        final int[] none = new int[500];
        for (double p0 : new double[] {0.01, 0.1, 0.5, 0.9}) {
            final BernoulliCusumResult r = BernoulliCusum.withDefaults().withTarget(p0).compute(none);
            assertEquals(0, r.upperSignals().length, "p0 = " + p0);
            for (int i = 0; i < r.size(); i++) {
                assertEquals(0, r.upperAt(i), 0);
            }
        }
    }

    @Test
    void allEventsNeverSignalDownwards() {
        final int[] all = new int[200];
        Arrays.fill(all, 1);
        final BernoulliCusumResult r = BernoulliCusum.withDefaults().withTarget(0.05).compute(all);
        assertEquals(0, r.lowerSignals().length);
        assertTrue(r.upperSignals().length > 0);
    }

    @Test
    void sumsStayWithinTheLimitsAndRestartAfterEverySignal() {
        final Random random = new Random(20240601L);
        final int[] x = new int[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < (i < 2500 ? 0.05 : 0.12) ? 1 : 0;
        }
        final BernoulliCusumResult r = BernoulliCusum.withDefaults().withBaselineCases(1000).compute(x);
        assertTrue(r.upperSignals().length > 0);
        for (int i = 0; i < r.size(); i++) {
            assertTrue(r.upperAt(i) >= 0 && r.upperAt(i) <= r.limit());
            assertTrue(r.lowerAt(i) <= 0 && r.lowerAt(i) >= -r.limit());
            final double before = i == 0 ? 0 : r.upperAt(i - 1);
            final double sum = before + (x[i] == 1 ? r.upperEventWeight() : r.upperNonEventWeight());
            assertEquals(sum >= r.limit(), r.isUpperSignal(i));
            assertEquals(sum > r.limit() || sum <= 0 ? 0 : sum, r.upperAt(i), 0);
        }
    }

    @Test
    void sumExactlyOnTheLimitSignalsButIsKeptAsInQicharts2() {
        // limit = the event weight: one event gives u = limit exactly (signal, kept: 0 < u <= limit), the next
        // event u = 2 limit > limit (signal, restart)
        // (the weight as the calculator computes it: ln(5/3) written directly may differ in the last bit)
        final double weight = BernoulliCusum.withDefaults().withTarget(0.2).compute(1).upperEventWeight();
        final BernoulliCusumResult r = BernoulliCusum.withDefaults().withTarget(0.2).withLimit(weight)
                .compute(1, 1);
        assertTrue(r.isUpperSignal(0));
        assertEquals(weight, r.upperAt(0), 0);
        assertTrue(r.isUpperSignal(1));
        assertEquals(0, r.upperAt(1), 0);
    }

    @Test
    void targetFromBaselineCasesOrFromAllCases() {
        // first 4 cases: 1 event -> p0 = 0.25; all 8 cases: 4 events -> p0 = 0.5
        final int[] x = {1, 0, 0, 0, 1, 1, 1, 0};
        assertEquals(0.25, BernoulliCusum.withDefaults().withBaselineCases(4).compute(x).targetRisk(), 0);
        assertEquals(4, BernoulliCusum.withDefaults().withBaselineCases(4).compute(x).baselineCases());
        assertEquals(0.5, BernoulliCusum.withDefaults().compute(x).targetRisk(), 0);
        final boolean[] b = {true, false, false, false, true, true, true, false};
        assertArrayEquals(BernoulliCusum.withDefaults().compute(x).upperSums(),
                BernoulliCusum.withDefaults().compute(b).upperSums(), 0);
        // a later setting replaces the earlier one
        assertEquals(0.1, BernoulliCusum.withDefaults().withBaselineCases(4).withTarget(0.1).compute(x)
                .targetRisk(), 0);
        assertEquals(0.25, BernoulliCusum.withDefaults().withTarget(0.1).withBaselineCases(4).compute(x)
                .targetRisk(), 0);
    }

    @Test
    void rejectsBadInput() {
        final BernoulliCusum d = BernoulliCusum.withDefaults();
        assertThrows(SpcInputException.class, () -> d.withTarget(0));
        assertThrows(SpcInputException.class, () -> d.withTarget(1));
        assertThrows(SpcInputException.class, () -> d.withOddsRatio(0));
        assertThrows(SpcInputException.class, () -> d.withLimit(-1));
        assertThrows(SpcInputException.class, () -> d.withBaselineCases(0));
        assertThrows(SpcInputException.class, () -> d.compute(new int[0]));
        final SpcInputException two = assertThrows(SpcInputException.class, () -> d.compute(0, 2, 1));
        assertEquals("outcome of case 2 is 2; outcomes must be 0 (no event) or 1 (event)", two.getMessage());
        final SpcInputException flat = assertThrows(SpcInputException.class, () -> d.compute(0, 0, 0));
        assertTrue(flat.getMessage().startsWith("the target risk estimated from all 3 cases is 0.0 (0 events)"),
                flat.getMessage());
        assertThrows(SpcInputException.class, () -> d.withBaselineCases(5).compute(0, 1, 0));
    }
}
