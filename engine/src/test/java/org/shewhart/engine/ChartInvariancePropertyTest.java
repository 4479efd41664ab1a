package org.shewhart.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.internal.NaiveStatistics;
import org.shewhart.engine.internal.SeriesGenerator;
import org.shewhart.engine.internal.Tolerance;

/**
 * Invariance properties of {@link ChartSpec#compute(double...)} for every rule profile and the run, XmR and MR
 * charts, on random series with ties, missing values, planted patterns, phases, frozen baselines and excluded
 * points:
 *
 * <ul>
 * <li>y -> y + c moves the centre and limits by c (an MR chart does not move) and keeps every point's rules and
 * type, the signals, the runs analysis and the assurance (with the target moved too);</li>
 * <li>y -> k y, k > 0, scales centre, limits and sigma by k and keeps the rest; exactly for powers of two, within
 * a relative 1e-12 for other factors;</li>
 * <li>y -> -y mirrors centre and limits (lower and upper swap), keeps the rules, and swaps improvement and concern
 * (neutral high and low), consistent pass and fail;</li>
 * <li>permuting the series leaves a standard-deviation sigma and the centre unchanged;</li>
 * <li>{@code compute} never writes to its input and gives the same result on a copy.</li>
 * </ul>
 *
 * Exact transforms (powers of two, negation) are compared bit for bit. The others change rounding: lines are
 * compared within a relative 1e-12, and a case where a point lies within 1e-9 of a line (or a moving range within
 * 1e-9 of the screening cut) without being exactly on it in both charts is skipped, since rounding may legitimately
 * move it across; fewer than one case in ten may be skipped. A failure prints the case seed and the series.
 */
final class ChartInvariancePropertyTest {
    /** Cases per property: 200 for each of the 18 profile x chart type combinations. */
    private static final int CASES = 200 * ChartCase.COMBINATIONS;
    private static final double NEAR = 1e-9;

    @Test
    void translationMovesCentreAndLimitsAndKeepsSignals() {
        final int[] skipped = {0};
        int index = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("translate", CASES);
        for (long seed : seeds) {
            final ChartCase c = ChartCase.draw(seed, index++, true);
            final double shift = c.random.nextInt(-1000, 1001) * (c.random.nextBoolean() ? 1 : 0.125);
            checkAffine(c, 1, shift, false, skipped);
        }
        assertTrue(skipped[0] < seeds.length / 10, "near ties skipped " + skipped[0] + " of " + seeds.length
                + " cases");
    }

    @Test
    void powerOfTwoScalingScalesExactly() {
        int index = 0;
        for (long seed : SeriesGenerator.caseSeeds("scale-pow2", CASES)) {
            final ChartCase c = ChartCase.draw(seed, index++, true);
            final double k = Math.scalb(1.0, c.random.nextInt(-40, 41));
            checkAffine(c, k, 0, true, null);
        }
    }

    @Test
    void scalingByAnyPositiveFactorScalesWithinTolerance() {
        final int[] skipped = {0};
        int index = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("scale-any", CASES);
        for (long seed : seeds) {
            final ChartCase c = ChartCase.draw(seed, index++, true);
            final double[] factors = {0.1, 0.3, 1.7, 3, 10, 1e-3, 123.456};
            checkAffine(c, factors[c.random.nextInt(factors.length)], 0, false, skipped);
        }
        assertTrue(skipped[0] < seeds.length / 10, "near ties skipped " + skipped[0] + " of " + seeds.length
                + " cases");
    }

    @Test
    void mirroringSwapsAboveAndBelow() {
        int index = 0;
        for (long seed : SeriesGenerator.caseSeeds("mirror", CASES)) {
            checkAffine(ChartCase.draw(seed, index++, true), -1, 0, true, null);
        }
    }

    /**
     * Checks the chart of {@code a y + b} against the chart of {@code y}. For run and XmR charts every value and
     * line maps by {@code x -> a x + b} (lower and upper swap when {@code a < 0}); the values of an MR chart are
     * differences, which map by {@code x -> |a| x}.
     */
    private static void checkAffine(ChartCase c, double a, double b, boolean exact, int[] skipped) {
        final boolean mr = c.spec.type() == ChartType.MR;
        final double va = mr ? Math.abs(a) : a;
        final double vb = mr ? 0 : b;
        final double[] y1 = new double[c.values.length];
        for (int i = 0; i < y1.length; i++) {
            y1[i] = a * c.values[i] + b;
        }
        final ChartResult r0 = c.spec.compute(c.values);
        final ChartResult r1 = c.specWithTarget(va, vb).compute(y1);
        final Supplier<String> what = () -> String.format(Locale.ROOT, "y -> %s y + %s: %s", a, b, c.describe());
        assertEquals(r0.size(), r1.size(), what);

        double scale = Math.abs(vb);
        for (int i = 0; i < r1.size(); i++) {
            scale = Math.max(scale, finiteAbs(r1.valueAt(i)));
            scale = Math.max(scale, finiteAbs(r1.centreAt(i)));
        }
        final double absolute = Tolerance.RELATIVE * scale;
        final boolean flip = va < 0;
        for (int i = 0; i < r0.size(); i++) {
            final int p = i;
            check(exact, va * r0.valueAt(i) + vb, r1.valueAt(i), absolute, () -> "value " + p + ", " + what.get());
            check(exact, va * r0.centreAt(i) + vb, r1.centreAt(i), absolute, () -> "centre " + p + ", " + what.get());
            check(exact, va * (flip ? r0.upperLimitAt(i) : r0.lowerLimitAt(i)) + vb, r1.lowerLimitAt(i), absolute,
                    () -> "lower limit " + p + ", " + what.get());
            check(exact, va * (flip ? r0.lowerLimitAt(i) : r0.upperLimitAt(i)) + vb, r1.upperLimitAt(i), absolute,
                    () -> "upper limit " + p + ", " + what.get());
            for (int z = 1; z <= 2; z++) {
                final int zone = z;
                check(exact, va * (flip ? r0.upperZoneAt(i, z) : r0.lowerZoneAt(i, z)) + vb, r1.lowerZoneAt(i, z),
                        absolute, () -> "lower " + zone + "-sigma line " + p + ", " + what.get());
                check(exact, va * (flip ? r0.lowerZoneAt(i, z) : r0.upperZoneAt(i, z)) + vb, r1.upperZoneAt(i, z),
                        absolute, () -> "upper " + zone + "-sigma line " + p + ", " + what.get());
            }
            assertEquals(r0.phaseAt(i), r1.phaseAt(i), what);
            assertEquals(r0.isBaseline(i), r1.isBaseline(i), what);
            assertEquals(r0.isExcluded(i), r1.isExcluded(i), what);
        }
        assertEquals(r0.phases().size(), r1.phases().size(), what);
        for (int k = 0; k < r0.phases().size(); k++) {
            final Phase p0 = r0.phases().get(k);
            final Phase p1 = r1.phases().get(k);
            final int phase = k + 1;
            check(exact, va * p0.centre() + vb, p1.centre(), absolute, () -> "phase " + phase + " centre, "
                    + what.get());
            check(exact, Math.abs(a) * p0.sigma(), p1.sigma(), absolute, () -> "phase " + phase + " sigma, "
                    + what.get());
            assertEquals(p0.first(), p1.first(), what);
            assertEquals(p0.last(), p1.last(), what);
            assertEquals(p0.baselinePoints(), p1.baselinePoints(), what);
        }

        if (!exact && (nearTie(r0, r1, scale) || nearScreeningCut(c, r0))) {
            skipped[0]++;
            return;
        }
        for (int k = 0; k < r0.phases().size(); k++) {
            assertEquals(r0.phases().get(k).runs(), r1.phases().get(k).runs(), what);
        }
        boolean exempt = false;
        for (int i = 0; i < r0.size(); i++) {
            final int p = i;
            assertEquals(r0.rulesOf(i), r1.rulesOf(i), () -> "rules of point " + p + ", " + what.get());
            PointType expected = r0.typeAt(i);
            // a side-less rule's point exactly on the centre line is neutral-high on both sides: not swapped
            final boolean keeps = expected.isSpecialCause() && r0.valueAt(i) == r0.centreAt(i)
                    && !r0.rulesOf(i).get(0).isDirectional();
            if (flip && !keeps) {
                expected = mirrored(expected);
            }
            final PointType expectedType = expected;
            assertEquals(expectedType, r1.typeAt(i), () -> "type of point " + p + ", " + what.get());
            exempt |= flip && onCentreSideless(r0, i);
        }
        assertVariationIsLastType(r0, what);
        assertVariationIsLastType(r1, what);
        if (!flip) {
            assertEquals(r0.signals(), r1.signals(), what);
            assertEquals(r0.assurance(), r1.assurance(), what);
        } else {
            if (!exempt) {
                final List<Signal> expected = new ArrayList<>();
                for (Signal s : r0.signals()) {
                    expected.add(new Signal(s.rule(), s.first(), s.last(), mirrored(s.type())));
                }
                assertEquals(expected, r1.signals(), what);
            }
            assertEquals(mirrored(r0.assurance()), r1.assurance(), what);
        }
    }

    /** Whether a side-less rule flags point i while it lies exactly on the centre line. */
    private static boolean onCentreSideless(ChartResult r, int i) {
        if (r.valueAt(i) != r.centreAt(i)) {
            return false;
        }
        for (Rule rule : r.rulesOf(i)) {
            if (!rule.isDirectional()) {
                return true;
            }
        }
        return false;
    }

    private static void assertVariationIsLastType(ChartResult r, Supplier<String> what) {
        for (int i = r.size() - 1; i >= 0; i--) {
            if (r.valueAt(i) == r.valueAt(i)) {
                assertEquals(r.typeAt(i), r.variation(), what);
                return;
            }
        }
        assertEquals(PointType.COMMON_CAUSE, r.variation(), what);
    }

    static PointType mirrored(PointType t) {
        switch (t) {
            case SPECIAL_CAUSE_IMPROVEMENT:
                return PointType.SPECIAL_CAUSE_CONCERN;
            case SPECIAL_CAUSE_CONCERN:
                return PointType.SPECIAL_CAUSE_IMPROVEMENT;
            case SPECIAL_CAUSE_NEUTRAL_HIGH:
                return PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
            case SPECIAL_CAUSE_NEUTRAL_LOW:
                return PointType.SPECIAL_CAUSE_NEUTRAL_HIGH;
            default:
                return t;
        }
    }

    private static Assurance mirrored(Assurance a) {
        if (a == Assurance.CONSISTENT_PASS) {
            return Assurance.CONSISTENT_FAIL;
        }
        if (a == Assurance.CONSISTENT_FAIL) {
            return Assurance.CONSISTENT_PASS;
        }
        return a;
    }

    private static void check(boolean exact, double expected, double actual, double absolute,
            Supplier<String> what) {
        if (exact) {
            Tolerance.assertSame(expected, actual, what);
        } else {
            Tolerance.assertClose(expected, actual, Tolerance.RELATIVE, absolute, what);
        }
    }

    private static double finiteAbs(double x) {
        return Double.isFinite(x) ? Math.abs(x) : 0;
    }

    /**
     * Whether, in either chart, a value or the target lies within {@code NEAR x scale} of a line without lying
     * exactly on it in both: rounding can put such a point on either side.
     */
    private static boolean nearTie(ChartResult r0, ChartResult r1, double scale) {
        for (int i = 0; i < r0.size(); i++) {
            final double[] d0 = distances(r0, r0.valueAt(i), i);
            final double[] d1 = distances(r1, r1.valueAt(i), i);
            for (int k = 0; k < d0.length; k++) {
                if (near(d0[k], scale) || near(d1[k], scale)) {
                    if (!(d0[k] == 0 && d1[k] == 0)) {
                        return true;
                    }
                }
            }
        }
        final int last = r0.size() - 1;
        final double t0 = r0.spec().target();
        final double t1 = r1.spec().target();
        final double[] d0 = distances(r0, t0, last);
        final double[] d1 = distances(r1, t1, last);
        for (int k = 0; k < d0.length; k++) {
            if (near(d0[k], scale) || near(d1[k], scale)) {
                return true;
            }
        }
        return false;
    }

    private static double[] distances(ChartResult r, double x, int i) {
        return new double[] {x - r.centreAt(i), x - r.lowerLimitAt(i), x - r.upperLimitAt(i),
            x - r.lowerZoneAt(i, 1), x - r.upperZoneAt(i, 1), x - r.lowerZoneAt(i, 2), x - r.upperZoneAt(i, 2)};
    }

    private static boolean near(double d, double scale) {
        return Math.abs(d) <= NEAR * scale;
    }

    /** Whether rounding could change which moving ranges a screened XmR chart keeps. */
    private static boolean nearScreeningCut(ChartCase c, ChartResult r) {
        if (c.spec.type() != ChartType.XMR || !c.spec.screensMovingRanges()
                || c.spec.sigmaMethod() == SigmaMethod.STANDARD_DEVIATION) {
            return false;
        }
        final boolean[] use = new boolean[r.size()];
        for (int i = 0; i < use.length; i++) {
            use[i] = r.isBaseline(i) && !r.isExcluded(i);
        }
        for (Phase p : r.phases()) {
            if (NaiveStatistics.nearScreeningCut(c.values, use, p.first(), p.last() + 1, NEAR)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void permutingLeavesStandardDeviationSigmaAndCentreUnchanged() {
        int index = 0;
        int movingRangeSigmaChanged = 0;
        int xmrCases = 0;
        for (long seed : SeriesGenerator.caseSeeds("permute", CASES)) {
            final ChartCase c = ChartCase.draw(seed, index++, false);
            if (c.spec.type() == ChartType.MR) {
                continue;
            }
            final SplittableRandom r = c.random;
            final double[] shuffled = c.values.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                final int j = r.nextInt(i + 1);
                final double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            final Supplier<String> what = () -> "permuted " + SeriesGenerator.java(shuffled) + ", " + c.describe();
            final double scale = NaiveStatistics.meanAbs(c.values, all(c.values.length), 0, c.values.length);
            if (c.spec.type() == ChartType.RUN) {
                Tolerance.assertSame(c.spec.compute(c.values).phases().get(0).centre(),
                        c.spec.compute(shuffled).phases().get(0).centre(), () -> "median, " + what.get());
                continue;
            }
            xmrCases++;
            final ChartSpec sd = c.spec.toBuilder().sigmaMethod(SigmaMethod.STANDARD_DEVIATION).build();
            final Phase p0 = sd.compute(c.values).phases().get(0);
            final Phase p1 = sd.compute(shuffled).phases().get(0);
            Tolerance.assertClose(p0.centre(), p1.centre(), Tolerance.RELATIVE, Tolerance.RELATIVE * scale,
                    () -> "centre, " + what.get());
            Tolerance.assertClose(p0.sigma(), p1.sigma(), Tolerance.RELATIVE, Tolerance.RELATIVE * scale,
                    () -> "SD sigma, " + what.get());
            final ChartSpec mrSigma = c.spec.toBuilder().sigmaMethod(SigmaMethod.MOVING_RANGE).build();
            final double s0 = mrSigma.compute(c.values).phases().get(0).sigma();
            final double s1 = mrSigma.compute(shuffled).phases().get(0).sigma();
            movingRangeSigmaChanged += Tolerance.close(s0, s1, 1e-9, 0) ? 0 : 1;
        }
        // the shuffles must really reorder the data: a moving-range sigma, which depends on order, changes
        assertTrue(movingRangeSigmaChanged > xmrCases / 2, "MR sigma changed in only " + movingRangeSigmaChanged
                + " of " + xmrCases + " permuted XmR series");
    }

    private static boolean[] all(int n) {
        final boolean[] use = new boolean[n];
        Arrays.fill(use, true);
        return use;
    }

    @Test
    void computeNeverWritesToItsInputAndDependsOnlyOnTheValues() {
        int index = 0;
        for (long seed : SeriesGenerator.caseSeeds("copy", CASES)) {
            final ChartCase c = ChartCase.draw(seed, index++, true);
            final double[] input = c.values;
            final double[] before = input.clone();
            final ChartResult r0 = c.spec.compute(input);
            assertArrayEquals(before, input, () -> "compute wrote to its input: " + c.describe());
            final ChartResult r1 = c.spec.compute(input.clone());
            assertSameResult(r0, r1, c::describe);
            // the bulk exports are copies: writing to them changes nothing
            r0.values()[0] = 12345;
            r0.centres()[0] = 12345;
            r0.lowerLimits()[0] = 12345;
            r0.upperLimits()[0] = 12345;
            assertSameResult(r1, r0, c::describe);
        }
    }

    /** Asserts that two results are identical, every double bit for bit. */
    static void assertSameResult(ChartResult expected, ChartResult actual, Supplier<String> what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            final int p = i;
            final Supplier<String> at = () -> "point " + p + ", " + what.get();
            Tolerance.assertSame(expected.valueAt(i), actual.valueAt(i), at);
            Tolerance.assertSame(expected.centreAt(i), actual.centreAt(i), at);
            Tolerance.assertSame(expected.lowerLimitAt(i), actual.lowerLimitAt(i), at);
            Tolerance.assertSame(expected.upperLimitAt(i), actual.upperLimitAt(i), at);
            for (int z = 1; z <= 2; z++) {
                Tolerance.assertSame(expected.lowerZoneAt(i, z), actual.lowerZoneAt(i, z), at);
                Tolerance.assertSame(expected.upperZoneAt(i, z), actual.upperZoneAt(i, z), at);
            }
            assertEquals(expected.rulesAt(i), actual.rulesAt(i), at);
            assertEquals(expected.typeAt(i), actual.typeAt(i), at);
            assertEquals(expected.phaseAt(i), actual.phaseAt(i), at);
            assertEquals(expected.isBaseline(i), actual.isBaseline(i), at);
            assertEquals(expected.isExcluded(i), actual.isExcluded(i), at);
        }
        // records compare their double components with Double.compare: bit for bit, NaN equal to NaN
        assertEquals(expected.phases(), actual.phases(), what);
        assertEquals(expected.signals(), actual.signals(), what);
        assertEquals(expected.variation(), actual.variation(), what);
        assertEquals(expected.assurance(), actual.assurance(), what);
    }
}
