package org.shewhart.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.internal.Descriptive;
import org.shewhart.engine.internal.MovingRanges;
import org.shewhart.engine.internal.RuleKernels;
import org.shewhart.engine.internal.RunsTests;

/**
 * Computes a {@link ChartResult} from a {@link ChartSpec} and a {@link Series}: per phase the centre and sigma,
 * then limits and zone lines, the profile's rules, point types, signals, variation and assurance. Stateless; no
 * instances.
 */
final class ChartCalculator {
    /** d2(2) = 1.128: sigma = AMR / 1.128 (Montgomery, Introduction to SQC, appendix VI). */
    static final double D2 = 1.128;
    /** Making Data Count limit half-width in units of AMR (NHSRplotthedots {@code limit <- 2.66}). */
    static final double MDC_CONSTANT = 2.66;

    private static final int CENTRE = 0;
    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int LOWER1 = 3;
    private static final int UPPER1 = 4;
    private static final int LOWER2 = 5;
    private static final int UPPER2 = 6;

    private ChartCalculator() {
    }

    static ChartResult compute(ChartSpec spec, Series series) {
        final int n = series.size();
        final ChartType type = spec.type();
        final RuleProfile profile = spec.profile();
        if (n == 0) {
            throw new SpcInputException("no points to chart: the series is empty");
        }
        final double[] v = plottedValues(series, type);
        final int withValues = Descriptive.count(plottedSource(series), all(n), 0, n);
        if (withValues < 2) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart needs at least 2 points with values, got %d", type.id(), withValues));
        }
        final int[] starts = phaseBoundaries(spec.phaseStarts(), n);
        final boolean[] excluded = new boolean[n];
        for (int i : spec.excluded()) {
            if (i >= n) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "excluded point %d is beyond the last point (%d)", i + 1, n));
            }
            excluded[i] = true;
        }
        if (type == ChartType.MR) {
            for (int p = 0; p + 1 < starts.length; p++) {
                movingRangesInPlace(v, starts[p], starts[p + 1]);
            }
        }

        final double[][] lines = new double[7][n];
        for (double[] line : lines) {
            Arrays.fill(line, Double.NaN);
        }
        final boolean[] baseline = new boolean[n];
        final boolean[] use = new boolean[n];
        final boolean[] included = new boolean[n];
        final int[] phaseOf = new int[n];
        final double[] scratch = new double[n];
        final double m = spec.multiply();
        final List<Phase> phases = new ArrayList<>(starts.length - 1);
        final double[] phaseSigma = new double[starts.length - 1];

        for (int p = 0; p + 1 < starts.length; p++) {
            final int from = starts[p];
            final int to = starts[p + 1];
            final int baseEnd = spec.baseline() > 0 ? Math.min(to, from + spec.baseline()) : to;
            for (int i = from; i < to; i++) {
                phaseOf[i] = p;
                baseline[i] = i < baseEnd;
                included[i] = !excluded[i];
                use[i] = baseline[i] && included[i];
            }
            final double centre;
            final double sigma;
            switch (type) {
                case RUN:
                    centre = known(spec.knownCentre(), m, Descriptive.median(v, use, from, to, scratch));
                    sigma = Double.NaN;
                    break;
                case XMR:
                    centre = known(spec.knownCentre(), m, Descriptive.mean(v, use, from, to));
                    sigma = known(spec.knownSigma(), m, individualsSigma(spec, v, use, from, to));
                    break;
                case MR:
                    centre = known(spec.knownCentre(), m, Descriptive.mean(v, use, from, to));
                    // sigma of a moving range of span 2 is d3(2) sigma = (D4(2) - 1) / 3 x mean MR, so that
                    // centre + 3 sigma = 3.267 x mean MR (qicharts2 qic.mr)
                    sigma = (MovingRanges.SCREEN_LIMIT - 1) / 3 * centre;
                    break;
                default:
                    throw new IllegalStateException("unhandled chart type " + type);
            }
            phaseSigma[p] = sigma;
            fillLines(lines, type, spec.sigmas(), centre, sigma, from, to);
        }

        // the multiplier scales values and lines after calculation (qicharts2 `multiply`)
        if (m != 1) {
            for (int i = 0; i < n; i++) {
                v[i] *= m;
            }
            for (double[] line : lines) {
                for (int i = 0; i < n; i++) {
                    line[i] *= m;
                }
            }
        }

        final int[] mask = new int[n];
        final int[] stats = new int[3];
        final int[] expected = new int[2];
        for (int p = 0; p + 1 < starts.length; p++) {
            final int from = starts[p];
            final int to = starts[p + 1];
            applyRules(spec, type, v, lines, from, to, mask);
            RunsAnalysis runs = null;
            if (type != ChartType.MR) {
                runs = runsAnalysis(profile, v, lines[CENTRE], included, from, to, mask, stats, expected);
            }
            int baselinePoints = 0;
            for (int i = from; i < to; i++) {
                if (baseline[i] && included[i] && v[i] == v[i]) {
                    baselinePoints++;
                }
            }
            phases.add(new Phase(p + 1, from, to - 1, lines[CENTRE][from], phaseSigma[p] * m, baselinePoints,
                    runs));
        }

        final byte[] types = new byte[n];
        final List<Signal> signals = new ArrayList<>();
        classify(spec, v, lines[CENTRE], mask, starts, phaseOf, types, signals);
        return new ChartResult(spec, v, lines, mask, types, phaseOf, baseline, excluded, phases, signals,
                variation(v, types), assurance(spec, lines));
    }

    private static boolean[] all(int n) {
        final boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    /** The array whose missing values decide whether a point has a value. */
    private static double[] plottedSource(Series series) {
        return plottedValues(series, ChartType.XMR);
    }

    private static double[] plottedValues(Series series, ChartType type) {
        final double[] value = series.values();
        final double[] size = series.sizes();
        final int n = value.length;
        final double[] v = new double[n];
        if (size == null) {
            System.arraycopy(value, 0, v, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                // 0/0 is NaN: missing, never a made-up number
                v[i] = value[i] / size[i];
                if (Double.isInfinite(v[i])) {
                    v[i] = Double.NaN;
                }
            }
        }
        return v;
    }

    private static void movingRangesInPlace(double[] v, int from, int to) {
        double previous = v[from];
        v[from] = Double.NaN;
        for (int i = from + 1; i < to; i++) {
            final double x = v[i];
            v[i] = Math.abs(x - previous);
            previous = x;
        }
    }

    private static int[] phaseBoundaries(int[] phaseStarts, int n) {
        final int[] starts = new int[phaseStarts.length + 2];
        starts[0] = 0;
        for (int k = 0; k < phaseStarts.length; k++) {
            if (phaseStarts[k] >= n) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "a phase cannot start at point %d: the series has %d points", phaseStarts[k] + 1, n));
            }
            starts[k + 1] = phaseStarts[k];
        }
        starts[starts.length - 1] = n;
        return starts;
    }

    /** A known value given in plotted units (after the multiplier), or the estimate. */
    private static double known(double knownValue, double multiply, double estimate) {
        return knownValue == knownValue ? knownValue / multiply : estimate;
    }

    private static double individualsSigma(ChartSpec spec, double[] v, boolean[] use, int from, int to) {
        if (spec.sigmaMethod() == SigmaMethod.STANDARD_DEVIATION) {
            final int count = Descriptive.count(v, use, from, to);
            return Descriptive.standardDeviation(v, use, from, to) / Descriptive.c4(count);
        }
        final double amr = MovingRanges.average(v, use, from, to, spec.screensMovingRanges());
        // MDC: limits at mean ± 2.66 AMR, i.e. sigma = 2.66 / 3 x AMR; otherwise sigma = AMR / d2(2)
        return spec.profile().usesMdcConstant() ? amr * MDC_CONSTANT / 3 : amr / D2;
    }

    private static void fillLines(double[][] lines, ChartType type, double k, double centre, double sigma,
            int from, int to) {
        final boolean floorAtZero = type == ChartType.MR;
        for (int i = from; i < to; i++) {
            lines[CENTRE][i] = centre;
            if (sigma == sigma) {
                lines[LOWER][i] = floor(centre - k * sigma, floorAtZero);
                lines[UPPER][i] = centre + k * sigma;
                lines[LOWER1][i] = floor(centre - k / 3 * sigma, floorAtZero);
                lines[UPPER1][i] = centre + k / 3 * sigma;
                lines[LOWER2][i] = floor(centre - 2 * k / 3 * sigma, floorAtZero);
                lines[UPPER2][i] = centre + 2 * k / 3 * sigma;
            }
        }
    }

    private static double floor(double x, boolean atZero) {
        return atZero && x < 0 ? 0 : x;
    }

    private static void applyRules(ChartSpec spec, ChartType type, double[] v, double[][] lines, int from, int to,
            int[] mask) {
        final RuleProfile profile = spec.profile();
        final double[] centre = lines[CENTRE];
        RuleKernels.outside(v, lines[LOWER], lines[UPPER], from, to, mask, Rule.OUTSIDE_LIMITS.bit());
        if (type == ChartType.MR) {
            // moving ranges are serially dependent: only the limits test applies (qicharts2 switches runs off too)
            return;
        }
        final boolean whole = profile.flagsWholePattern();
        final int shift = spec.shiftLength();
        if (shift > 0) {
            RuleKernels.shift(v, centre, from, to, shift, profile.skipsCentrePoints(), whole, mask,
                    Rule.SHIFT.bit());
        }
        final int trend = spec.trendLength();
        if (trend > 0) {
            RuleKernels.trend(v, from, to, trend, profile.skipsTies(), whole, mask, Rule.TREND.bit());
        }
        switch (profile.twoOfThree()) {
            case MDC:
            case MDC_2023:
                RuleKernels.twoOfThreeSameSide(v, centre, lines[LOWER2], lines[UPPER2], lines[LOWER], lines[UPPER],
                        from, to, profile.twoOfThree() == RuleProfile.TwoOfThree.MDC_2023, mask,
                        Rule.TWO_OF_THREE.bit());
                break;
            case WINDOW_END:
                RuleKernels.zoneWindow(v, lines[LOWER2], lines[UPPER2], from, to, 3, 2, mask,
                        Rule.TWO_OF_THREE.bit());
                break;
            case NONE:
            default:
                break;
        }
        if (profile.hasFourOfFive()) {
            RuleKernels.zoneWindow(v, lines[LOWER1], lines[UPPER1], from, to, 5, 4, mask, Rule.FOUR_OF_FIVE.bit());
        }
        if (profile.hasNelsonExtras()) {
            // Nelson 1984 lengths, as qcc 3.0: 14 alternating, 15 within 1 sigma, 8 beyond 1 sigma on both sides
            RuleKernels.alternating(v, from, to, 14, mask, Rule.ALTERNATING.bit());
            RuleKernels.stratification(v, lines[LOWER1], lines[UPPER1], from, to, 15, mask,
                    Rule.STRATIFICATION.bit());
            RuleKernels.mixture(v, lines[LOWER1], lines[UPPER1], from, to, 8, mask, Rule.MIXTURE.bit());
        }
    }

    private static RunsAnalysis runsAnalysis(RuleProfile profile, double[] v, double[] centre, boolean[] included,
            int from, int to, int[] mask, int[] stats, int[] expected) {
        RunsTests.count(v, centre, included, from, to, stats);
        final int useful = stats[RunsTests.USEFUL];
        if (useful == 0) {
            return new RunsAnalysis(0, -1, -1, -1, -1, -1, -1, -1, false);
        }
        final int longest = stats[RunsTests.LONGEST_RUN];
        final int runs = stats[RunsTests.RUNS];
        final int crossings = runs - 1;
        final int longestMax = RunsTests.longestRunMax(useful);
        final int crossingsMin = RunsTests.crossingsMin(useful);
        RunsTests.expectedRuns(useful, expected);
        boolean signal = false;
        if (profile.hasAnhoejRuns()) {
            if (longest > longestMax) {
                signal = true;
                RunsTests.flagLongRuns(v, centre, included, from, to, longestMax, mask, Rule.LONG_RUN.bit());
            }
            if (crossings < crossingsMin) {
                signal = true;
                RunsTests.flagUseful(v, centre, included, from, to, mask, Rule.FEW_CROSSINGS.bit());
            }
        } else if (profile.hasIhiRuns() && expected[0] >= 0 && (runs < expected[0] || runs > expected[1])) {
            signal = true;
            RunsTests.flagUseful(v, centre, included, from, to, mask, Rule.RUNS.bit());
        }
        return new RunsAnalysis(useful, longest, longestMax, crossings, crossingsMin, runs, expected[0],
                expected[1], signal);
    }

    /**
     * Point types by rule precedence, and one {@link Signal} per maximal stretch of points that a rule flags on
     * the same side within a phase.
     */
    private static void classify(ChartSpec spec, double[] v, double[] centre, int[] mask, int[] starts,
            int[] phaseOf, byte[] types, List<Signal> signals) {
        final Improvement improvement = spec.improvement();
        final Rule[] rules = Rule.values();
        for (int i = 0; i < v.length; i++) {
            final int m = mask[i];
            PointType t = PointType.COMMON_CAUSE;
            if (m != 0) {
                for (Rule r : rules) {
                    if ((m & r.bit()) != 0) {
                        t = PointType.of(side(spec, r, v, centre, i, starts, phaseOf), improvement, r.isDirectional());
                        break;
                    }
                }
            }
            types[i] = (byte) t.ordinal();
        }
        for (Rule r : rules) {
            final int bit = r.bit();
            for (int p = 0; p + 1 < starts.length; p++) {
                final int from = starts[p];
                final int to = starts[p + 1];
                int i = from;
                while (i < to) {
                    if ((mask[i] & bit) == 0) {
                        i++;
                        continue;
                    }
                    final PointType t = PointType.of(side(spec, r, v, centre, i, starts, phaseOf), improvement,
                            r.isDirectional());
                    int j = i;
                    while (j + 1 < to && (mask[j + 1] & bit) != 0
                            && PointType.of(side(spec, r, v, centre, j + 1, starts, phaseOf), improvement,
                                    r.isDirectional()) == t) {
                        j++;
                    }
                    final int first = Math.max(from, i - lookBack(spec, r));
                    signals.add(new Signal(r, first, j, t));
                    i = j + 1;
                }
            }
        }
    }

    /**
     * How many points before the first flagged one belong to the pattern: none where the whole pattern is
     * flagged, otherwise the run or window length less one (qcc flags from the N-th point).
     */
    private static int lookBack(ChartSpec spec, Rule r) {
        final RuleProfile profile = spec.profile();
        if (profile.flagsWholePattern()) {
            return 0;
        }
        switch (r) {
            case SHIFT:
                return spec.shiftLength() - 1;
            case TREND:
                return spec.trendLength() - 1;
            case TWO_OF_THREE:
                return profile.twoOfThree() == RuleProfile.TwoOfThree.WINDOW_END ? 2 : 0;
            case FOUR_OF_FIVE:
                return 4;
            case ALTERNATING:
                return 13;
            case STRATIFICATION:
                return 14;
            case MIXTURE:
                return 7;
            default:
                return 0;
        }
    }

    /**
     * The side (+1 high, -1 low) of a flagged point for a rule. A trend point takes the direction of the trend
     * that flags it, and a turning point shared by two trends that of the later one (NHSRplotthedots: "if a point
     * is part of a trend either side, use right side"); other rules take the side of the centre line.
     */
    private static int side(ChartSpec spec, Rule r, double[] v, double[] centre, int i, int[] starts,
            int[] phaseOf) {
        if (r == Rule.TREND) {
            final RuleProfile profile = spec.profile();
            final int side = RuleKernels.trendSide(v, starts[phaseOf[i]], starts[phaseOf[i] + 1], i,
                    spec.trendLength(), profile.skipsTies(), profile.flagsWholePattern());
            return side != 0 ? side : 1;
        }
        return v[i] >= centre[i] || v[i] != v[i] ? 1 : -1;
    }

    private static PointType variation(double[] v, byte[] types) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (v[i] == v[i]) {
                return PointType.values()[types[i]];
            }
        }
        return PointType.COMMON_CAUSE;
    }

    /**
     * Making Data Count assurance from the last point's limits (NHSRplotthedots
     * {@code ptd_calculate_assurance_type}): a target strictly above the upper limit fails consistently if
     * higher is better and passes consistently if lower is better; strictly below the lower limit the reverse;
     * otherwise inconsistent. None without a target, with a neutral direction, or without limits.
     */
    private static Assurance assurance(ChartSpec spec, double[][] lines) {
        final double target = spec.target();
        final int sign = spec.improvement().sign();
        final int last = lines[CENTRE].length - 1;
        final double lower = lines[LOWER][last];
        final double upper = lines[UPPER][last];
        if (target != target || sign == 0 || (lower != lower && upper != upper)) {
            return null;
        }
        if (target > upper) {
            return sign > 0 ? Assurance.CONSISTENT_FAIL : Assurance.CONSISTENT_PASS;
        }
        if (target < lower) {
            return sign > 0 ? Assurance.CONSISTENT_PASS : Assurance.CONSISTENT_FAIL;
        }
        return Assurance.INCONSISTENT;
    }
}
