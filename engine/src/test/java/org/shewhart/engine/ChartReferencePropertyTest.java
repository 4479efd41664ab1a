package org.shewhart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.internal.NaiveRules;
import org.shewhart.engine.internal.NaiveStatistics;
import org.shewhart.engine.internal.SeriesGenerator;
import org.shewhart.engine.internal.Tolerance;

/**
 * The whole chart against a plain reference, on random charts of every profile and the run, XmR and MR types
 * (with phases, frozen baselines, exclusions, overrides and missing values): the plotted values, each phase's
 * centre and sigma and the lines from {@link NaiveStatistics}; each rule's flags from {@link NaiveRules} applied,
 * as DESIGN.md section 4 wires them per profile, to the chart's own lines; the runs analysis from exact integer
 * thresholds; every point's type from the rule precedence, the side of the point (a trend point: the direction of
 * its trend) and the improvement direction; and the assurance.
 */
final class ChartReferencePropertyTest {
    private static final int CASES = 200 * ChartCase.COMBINATIONS;

    @Test
    void profilesAreWiredAsTheDesignTableSays() {
        // DESIGN.md section 4: limits constant, screening, points on the centre line, ties, flag placement, lengths
        assertProfile(RuleProfile.MDC, true, true, false, false, true, 7, 7);
        assertProfile(RuleProfile.MDC_2023, true, true, false, false, true, 7, 7);
        assertProfile(RuleProfile.ANHOEJ, false, true, true, true, true, 0, 0);
        assertProfile(RuleProfile.IHI, false, false, true, true, true, 6, 5);
        assertProfile(RuleProfile.WECO, false, false, false, false, false, 8, 0);
        assertProfile(RuleProfile.NELSON, false, false, false, false, false, 9, 6);
    }

    private static void assertProfile(RuleProfile p, boolean mdcConstant, boolean screens, boolean skipCentre,
            boolean skipTies, boolean whole, int shift, int trend) {
        assertEquals(mdcConstant, p.usesMdcConstant(), p.id());
        assertEquals(screens, p.screensMovingRangesByDefault(), p.id());
        assertEquals(skipCentre, p.skipsCentrePoints(), p.id());
        assertEquals(skipTies, p.skipsTies(), p.id());
        assertEquals(whole, p.flagsWholePattern(), p.id());
        assertEquals(shift, p.shiftLength(), p.id());
        assertEquals(trend, p.trendLength(), p.id());
    }

    @Test
    void chartAgreesWithThePlainReference() {
        int index = 0;
        int trendTyped = 0;
        final long[] seeds = SeriesGenerator.caseSeeds("reference", CASES);
        for (long seed : seeds) {
            final ChartCase c = ChartCase.draw(seed, index++, true);
            final ChartResult r = c.spec.compute(c.values);
            checkStatistics(c, r);
            final int[] expectedMask = new int[r.size()];
            for (Phase p : r.phases()) {
                expectedRules(c, r, p, expectedMask);
            }
            for (int i = 0; i < r.size(); i++) {
                final int point = i;
                if (expectedMask[i] != r.rulesAt(i)) {
                    fail(String.format(Locale.ROOT, "rules of point %d: expected %s but was %s%n%s", i,
                            names(expectedMask[i]), r.rulesOf(i), c.describe()));
                }
                final PointType expected = expectedType(c, r, i);
                if (expected != null) {
                    assertEquals(expected, r.typeAt(i), () -> "type of point " + point + ": " + c.describe());
                    trendTyped += expected.isSpecialCause() && r.rulesOf(i).get(0) == Rule.TREND ? 1 : 0;
                }
            }
            assertEquals(expectedAssurance(c, r), r.assurance(), c::describe);
        }
        assertTrue(trendTyped > seeds.length / 10, "only " + trendTyped + " points typed by a trend");
    }

    private static String names(int mask) {
        final StringBuilder sb = new StringBuilder("[");
        for (Rule rule : Rule.values()) {
            if ((mask & rule.bit()) != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(rule);
            }
        }
        return sb.append(']').toString();
    }

    /** Plotted values, centre, sigma and lines of every phase against {@link NaiveStatistics}. */
    private static void checkStatistics(ChartCase c, ChartResult r) {
        final ChartSpec spec = c.spec;
        final double[] y = c.values;
        final double[] v = r.values();
        final boolean[] use = new boolean[r.size()];
        for (int i = 0; i < use.length; i++) {
            use[i] = r.isBaseline(i) && !r.isExcluded(i);
        }
        for (Phase p : r.phases()) {
            final int from = p.first();
            final int to = p.last() + 1;
            for (int i = from; i < to; i++) {
                // an MR chart plots |y[i] - y[i-1]| within the phase; the first point of a phase has none
                final double expected = spec.type() != ChartType.MR ? y[i] : i == from ? Double.NaN
                        : Math.abs(y[i] - y[i - 1]);
                final int point = i;
                Tolerance.assertSame(expected, v[i], () -> "plotted value " + point + ": " + c.describe());
            }
            final double scale = NaiveStatistics.meanAbs(v, use, from, to);
            final double centre;
            final double sigma;
            switch (spec.type()) {
                case RUN:
                    centre = NaiveStatistics.median(v, use, from, to);
                    sigma = Double.NaN;
                    break;
                case XMR:
                    centre = NaiveStatistics.mean(v, use, from, to);
                    if (spec.sigmaMethod() == SigmaMethod.STANDARD_DEVIATION) {
                        final int count = NaiveStatistics.selected(v, use, from, to).size();
                        sigma = NaiveStatistics.standardDeviation(v, use, from, to) / NaiveStatistics.c4(count);
                    } else {
                        final double amr = NaiveStatistics.averageMovingRange(v, use, from, to,
                                spec.screensMovingRanges());
                        // NHSRplotthedots: mean +- 2.66 AMR; otherwise sigma = AMR / d2(2) = AMR / 1.128
                        sigma = spec.profile().usesMdcConstant() ? 2.66 * amr / 3 : amr / 1.128;
                    }
                    break;
                default:
                    centre = NaiveStatistics.mean(v, use, from, to);
                    // UCL = D4(2) x mean MR = 3.267 x mean MR, i.e. sigma = (3.267 - 1) / 3 x mean MR
                    sigma = (3.267 - 1) / 3 * centre;
                    break;
            }
            final double tolerance = Tolerance.RELATIVE * scale;
            final Supplier<String> what = () -> "phase " + p.number() + ": " + c.describe();
            Tolerance.assertClose(centre, p.centre(), Tolerance.RELATIVE, tolerance, () -> "centre, " + what.get());
            Tolerance.assertClose(sigma, p.sigma(), Tolerance.RELATIVE, tolerance, () -> "sigma, " + what.get());
            for (int i = from; i < to; i++) {
                final double k = spec.sigmas();
                final boolean floor = spec.type() == ChartType.MR;
                Tolerance.assertClose(centre, r.centreAt(i), Tolerance.RELATIVE, tolerance, what);
                Tolerance.assertClose(line(centre, -k, sigma, floor), r.lowerLimitAt(i), Tolerance.RELATIVE,
                        tolerance, () -> "lower limit, " + what.get());
                Tolerance.assertClose(line(centre, k, sigma, floor), r.upperLimitAt(i), Tolerance.RELATIVE,
                        tolerance, () -> "upper limit, " + what.get());
                for (int z = 1; z <= 2; z++) {
                    Tolerance.assertClose(line(centre, -z * k / 3, sigma, floor), r.lowerZoneAt(i, z),
                            Tolerance.RELATIVE, tolerance, () -> "lower zone, " + what.get());
                    Tolerance.assertClose(line(centre, z * k / 3, sigma, floor), r.upperZoneAt(i, z),
                            Tolerance.RELATIVE, tolerance, () -> "upper zone, " + what.get());
                }
            }
        }
    }

    /** centre + k sigma; an MR chart's lower lines are floored at 0; no sigma, no line. */
    private static double line(double centre, double k, double sigma, boolean floorAtZero) {
        if (Double.isNaN(sigma)) {
            return Double.NaN;
        }
        final double x = centre + k * sigma;
        return floorAtZero && x < 0 ? 0 : x;
    }

    /** ORs the bits of every rule the profile applies in phase {@code p}, each computed by the naive reference. */
    private static void expectedRules(ChartCase c, ChartResult r, Phase p, int[] mask) {
        final ChartSpec spec = c.spec;
        final RuleProfile profile = spec.profile();
        final int from = p.first();
        final int to = p.last() + 1;
        final int n = r.size();
        final double[] v = r.values();
        final double[] centre = r.centres();
        final double[] lower = r.lowerLimits();
        final double[] upper = r.upperLimits();
        final double[] lower1 = new double[n];
        final double[] upper1 = new double[n];
        final double[] lower2 = new double[n];
        final double[] upper2 = new double[n];
        final boolean[] included = new boolean[n];
        for (int i = 0; i < n; i++) {
            lower1[i] = r.lowerZoneAt(i, 1);
            upper1[i] = r.upperZoneAt(i, 1);
            lower2[i] = r.lowerZoneAt(i, 2);
            upper2[i] = r.upperZoneAt(i, 2);
            included[i] = !r.isExcluded(i);
        }
        or(mask, NaiveRules.outside(v, lower, upper, from, to), Rule.OUTSIDE_LIMITS);
        if (spec.type() == ChartType.MR) {
            assertEquals(null, p.runs(), c::describe);
            return;
        }
        final boolean whole = profile.flagsWholePattern();
        if (spec.shiftLength() > 0) {
            or(mask, NaiveRules.shift(v, centre, from, to, spec.shiftLength(), profile.skipsCentrePoints(), whole),
                    Rule.SHIFT);
        }
        if (spec.trendLength() > 0) {
            or(mask, NaiveRules.trend(v, from, to, spec.trendLength(), profile.skipsTies(), whole), Rule.TREND);
        }
        switch (profile) {
            case MDC:
            case MDC_2023:
                or(mask, NaiveRules.twoOfThreeSameSide(v, centre, lower2, upper2, lower, upper, from, to,
                        profile == RuleProfile.MDC_2023), Rule.TWO_OF_THREE);
                break;
            case NELSON:
                or(mask, NaiveRules.alternating(v, from, to, 14), Rule.ALTERNATING);
                or(mask, NaiveRules.stratification(v, lower1, upper1, from, to, 15), Rule.STRATIFICATION);
                or(mask, NaiveRules.mixture(v, lower1, upper1, from, to, 8), Rule.MIXTURE);
                or(mask, NaiveRules.zoneWindow(v, lower2, upper2, from, to, 3, 2), Rule.TWO_OF_THREE);
                or(mask, NaiveRules.zoneWindow(v, lower1, upper1, from, to, 5, 4), Rule.FOUR_OF_FIVE);
                break;
            case WECO:
                or(mask, NaiveRules.zoneWindow(v, lower2, upper2, from, to, 3, 2), Rule.TWO_OF_THREE);
                or(mask, NaiveRules.zoneWindow(v, lower1, upper1, from, to, 5, 4), Rule.FOUR_OF_FIVE);
                break;
            default:
                break;
        }
        // runs analysis on the included points of the whole phase (not only the baseline)
        final int[] counts = NaiveRules.runsCount(v, centre, included, from, to);
        final int useful = counts[0];
        final RunsAnalysis expected;
        if (useful == 0) {
            expected = new RunsAnalysis(0, -1, -1, -1, -1, -1, -1, -1, false);
        } else {
            final int longestMax = NaiveStatistics.longestRunMax(useful);
            final int crossingsMin = NaiveStatistics.crossingsMin(useful);
            final int[] expectedRuns = NaiveStatistics.expectedRuns(useful);
            final int runs = counts[2];
            boolean signal = false;
            if (profile == RuleProfile.ANHOEJ) {
                if (counts[1] > longestMax) {
                    signal = true;
                    or(mask, NaiveRules.longRuns(v, centre, included, from, to, longestMax), Rule.LONG_RUN);
                }
                if (runs - 1 < crossingsMin) {
                    signal = true;
                    or(mask, NaiveRules.useful(v, centre, included, from, to), Rule.FEW_CROSSINGS);
                }
            } else if (profile == RuleProfile.IHI && expectedRuns[0] >= 0
                    && (runs < expectedRuns[0] || runs > expectedRuns[1])) {
                signal = true;
                or(mask, NaiveRules.useful(v, centre, included, from, to), Rule.RUNS);
            }
            // the IHI runs range is only built for the ihi profile (it walks the runs distribution)
            final boolean ihi = profile == RuleProfile.IHI;
            expected = new RunsAnalysis(useful, counts[1], longestMax, runs - 1, crossingsMin, runs,
                    ihi ? expectedRuns[0] : -1, ihi ? expectedRuns[1] : -1, signal);
        }
        assertEquals(expected, p.runs(), () -> "runs analysis of phase " + p.number() + ": " + c.describe());
    }

    private static void or(int[] mask, boolean[] flags, Rule rule) {
        for (int i = 0; i < mask.length; i++) {
            if (flags[i]) {
                mask[i] |= rule.bit();
            }
        }
    }

    /**
     * The type of point i from its highest-precedence rule: the side is the point's side of the centre line (on
     * the line counts as high), except for a trend, whose side is the direction of the trend the point belongs to.
     * Returns null (not checked) for a point shared by a rising and a falling trend, where the choice between
     * them is a convention.
     */
    private static PointType expectedType(ChartCase c, ChartResult r, int i) {
        if (r.rulesAt(i) == 0) {
            return PointType.COMMON_CAUSE;
        }
        final Rule rule = r.rulesOf(i).get(0);
        int side = r.valueAt(i) >= r.centreAt(i) ? 1 : -1;
        if (rule == Rule.TREND) {
            final Phase p = r.phases().get(r.phaseAt(i) - 1);
            final RuleProfile profile = c.spec.profile();
            final double[] v = r.values();
            final int length = c.spec.trendLength();
            final boolean up = NaiveRules.trend(v, p.first(), p.last() + 1, length, profile.skipsTies(),
                    profile.flagsWholePattern(), 1)[i];
            final boolean down = NaiveRules.trend(v, p.first(), p.last() + 1, length, profile.skipsTies(),
                    profile.flagsWholePattern(), -1)[i];
            if (up == down) {
                return null;
            }
            side = up ? 1 : -1;
        }
        // a moving range above its limit is a change in variation, neither better nor worse
        final Improvement improvement = c.spec.type() == ChartType.MR ? Improvement.NEUTRAL : c.spec.improvement();
        if (!rule.isDirectional() || improvement == Improvement.NEUTRAL) {
            return side > 0 ? PointType.SPECIAL_CAUSE_NEUTRAL_HIGH : PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
        }
        return side == improvement.sign() ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.SPECIAL_CAUSE_CONCERN;
    }

    /** NHSRplotthedots assurance against the last point's limits. */
    private static Assurance expectedAssurance(ChartCase c, ChartResult r) {
        final double target = c.spec.target();
        final int last = r.size() - 1;
        final double lower = r.lowerLimitAt(last);
        final double upper = r.upperLimitAt(last);
        if (Double.isNaN(target) || c.spec.improvement() == Improvement.NEUTRAL || c.spec.type() == ChartType.MR
                || (Double.isNaN(lower) && Double.isNaN(upper))) {
            return null;
        }
        final boolean higherIsBetter = c.spec.improvement() == Improvement.INCREASE;
        if (target > upper) {
            return higherIsBetter ? Assurance.CONSISTENT_FAIL : Assurance.CONSISTENT_PASS;
        }
        if (target < lower) {
            return higherIsBetter ? Assurance.CONSISTENT_PASS : Assurance.CONSISTENT_FAIL;
        }
        return Assurance.INCONSISTENT;
    }
}
