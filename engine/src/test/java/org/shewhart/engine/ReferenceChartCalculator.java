package org.shewhart.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.internal.RuleKernels;
import org.shewhart.engine.internal.RunsTests;

/**
 * The chart calculator as it was before the one-pass classification and the bit-parallel rules (git e7ab68b),
 * kept verbatim as the reference that {@code ChartWorkspaceEquivalenceTest} compares the engine with: one pass per
 * rule in {@code classify}, {@code RuleKernels.trendSide} per flagged trend point, every rule through the scalar
 * {@code RuleKernels}. Test code only; slow on purpose.
 */
final class ReferenceChartCalculator {
    private static final int CENTRE = Limits.CENTRE;
    private static final int LOWER = Limits.LOWER;
    private static final int UPPER = Limits.UPPER;
    private static final int LOWER1 = Limits.LOWER1;
    private static final int UPPER1 = Limits.UPPER1;
    private static final int LOWER2 = Limits.LOWER2;
    private static final int UPPER2 = Limits.UPPER2;

    private ReferenceChartCalculator() {
    }

    static ChartResult compute(ChartSpec spec, Series series) {
        final int n = series.size();
        final ChartType type = spec.type();
        final RuleProfile profile = spec.profile();
        if (n == 0) {
            throw new SpcInputException("no points to chart: the series is empty");
        }
        validate(spec, series);
        final double[] v = plottedValues(series, type);
        int withValues = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] == v[i] || (type == ChartType.MR && series.valueAt(i) == series.valueAt(i))) {
                withValues++;
            }
        }
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
        final Limits.Columns columns = new Limits.Columns(v, series.values(), series.sizes(), series.sds(),
                series.ranges());

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
            phaseSigma[p] = Limits.phase(spec, columns, use, from, to, lines, scratch);
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
                // categories have no order: the statistics are reported, but never signal (qicharts2 dots.only)
                runs = runsAnalysis(profile, spec.isCategorical(), v, lines[CENTRE], included, from, to, mask,
                        stats, expected);
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
                variation(v, types), assurance(spec, lines), notes(spec, series, v, lines));
    }

    private static double[] plottedValues(Series series, ChartType type) {
        final double[] value = series.values();
        final double[] size = series.sizes();
        final int n = value.length;
        final double[] source;
        switch (type) {
            case S:
                source = series.sds();
                break;
            case R:
                source = series.ranges();
                break;
            default:
                source = value;
        }
        final double[] v = new double[n];
        if (size == null || !type.plotsRatio() || series.isSubgrouped()) {
            System.arraycopy(source, 0, v, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                // IEEE division, as qicharts2: 0 / 0 is NaN (missing); k / 0 is +Inf, an infinite rate that has
                // no limits and is written as null, but lies above the centre line for the run rules
                v[i] = value[i] / size[i];
            }
        }
        return v;
    }

    /**
     * Rejects series a chart cannot take: a missing denominator column or subgroup statistics, negative counts,
     * numerators above denominators on binomial charts, non-positive times on t charts, unequal areas of
     * opportunity on c charts under qcc's rules.
     */
    private static void validate(ChartSpec spec, Series series) {
        final ChartType type = spec.type();
        final int n = series.size();
        if (type.isSubgrouped() && !series.isSubgrouped()) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart needs subgroups: several observations per x, given as Series.ofSubgroups",
                    type.id()));
        }
        if (type.needsSizes() && !series.hasSizes()) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart needs a denominator (subgroup size or area of opportunity) for every point",
                    type.id()));
        }
        final boolean counts = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
        final boolean binomial = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        for (int i = 0; i < n; i++) {
            final double y = series.valueAt(i);
            final double size = series.sizeAt(i);
            if (counts && y < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: count %s is negative; a %s chart counts events, so values must be >= 0", i + 1,
                        y, type.id()));
            }
            if (binomial && y > size && size > 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: numerator %s is greater than denominator %s; a %s chart needs numerator <= "
                                + "denominator", i + 1, y, size, type.id()));
            }
            if (type == ChartType.T && !(y > 0) && y == y) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: time %s is not positive; a t chart needs times between events > 0 (add 0.5 to "
                                + "same-day events, or use a g chart)", i + 1, y));
            }
            if (series.hasSizes() && size < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: denominator %s is negative; it must be >= 0", i + 1, size));
            }
        }
        final boolean qcc = spec.profile() == RuleProfile.WECO || spec.profile() == RuleProfile.NELSON;
        if (type == ChartType.C && qcc && series.hasSizes()) {
            for (int i = 1; i < n; i++) {
                if (series.sizeAt(i) != series.sizeAt(0)) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "point %d: size %s differs from %s; a c chart needs equal areas of opportunity (use a "
                                    + "u chart for counts per unit)", i + 1, series.sizeAt(i), series.sizeAt(0)));
                }
            }
        }
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

    private static void applyRules(ChartSpec spec, ChartType type, double[] v, double[][] lines, int from, int to,
            int[] mask) {
        final RuleProfile profile = spec.profile();
        final double[] centre = lines[CENTRE];
        RuleKernels.outside(v, lines[LOWER], lines[UPPER], from, to, mask, Rule.OUTSIDE_LIMITS.bit());
        if (type == ChartType.MR || spec.isCategorical()) {
            // moving ranges are serially dependent, and categories have no order: only the limits test applies
            // (qicharts2 switches its runs analysis off for both)
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

    private static RunsAnalysis runsAnalysis(RuleProfile profile, boolean categorical, double[] v, double[] centre,
            boolean[] included, int from, int to, int[] mask, int[] stats, int[] expected) {
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
        if (profile.hasIhiRuns()) {
            // the runs table walks the distribution of the number of runs: only the IHI profile needs it
            RunsTests.expectedRuns(useful, expected);
        } else {
            expected[0] = -1;
            expected[1] = -1;
        }
        boolean signal = false;
        if (categorical) {
            signal = false;
        } else if (profile.hasAnhoejRuns()) {
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
        // deliberate change since this calculator was frozen: MR points are neutral whatever the direction
        final Improvement improvement = spec.type() == ChartType.MR ? Improvement.NEUTRAL : spec.improvement();
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
            final boolean phaseLevel = r == Rule.FEW_CROSSINGS || r == Rule.RUNS;
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
                    if (phaseLevel) {
                        // one signal for the phase: from its first to its last flagged point
                        for (int k = to - 1; k > i; k--) {
                            if ((mask[k] & bit) != 0) {
                                j = k;
                                break;
                            }
                        }
                    } else {
                        // a stretch of consecutive flagged points; directional rules also split where the side
                        // changes (a shift above followed at once by a shift below is two signals)
                        while (j + 1 < to && (mask[j + 1] & bit) != 0 && (!r.isDirectional()
                                || PointType.of(side(spec, r, v, centre, j + 1, starts, phaseOf), improvement,
                                        true) == t)) {
                            j++;
                        }
                    }
                    final PointType type = r.isDirectional() ? t
                            : PointType.of(side(spec, r, v, centre, j, starts, phaseOf), improvement, false);
                    final int first = Math.max(from, i - lookBack(spec, r));
                    signals.add(new Signal(r, first, j, type));
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

    /** States why a point has no value or no limits where the data, not the method, is the reason. */
    private static List<Note> notes(ChartSpec spec, Series series, double[] v, double[][] lines) {
        final List<Note> notes = new ArrayList<>();
        final ChartType type = spec.type();
        for (int i = 0; i < v.length; i++) {
            final double size = series.sizeAt(i);
            if (type.isSubgrouped() && size < 2 && series.valueAt(i) == series.valueAt(i)
                    && (type == ChartType.S || type == ChartType.R || lines[UPPER][i] != lines[UPPER][i])) {
                notes.add(new Note(i, type == ChartType.S || type == ChartType.R
                        ? "a subgroup of one observation has no standard deviation or range: no value, no limits"
                        : "a subgroup of one observation: no limits (sigma / sqrt(n) needs c4(n), n >= 2)"));
            } else if (series.hasSizes() && !type.isSubgrouped() && size == 0) {
                notes.add(new Note(i, series.valueAt(i) == 0 || series.valueAt(i) != series.valueAt(i)
                        ? "zero denominator: no value, no limits"
                        : "zero denominator with a positive count: an infinite rate, shown without a value or "
                                + "limits"));
            } else if (series.valueAt(i) != series.valueAt(i)) {
                notes.add(new Note(i, "missing value: drawn as a gap, left out of every calculation"));
            }
        }
        return notes;
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
        final int sign = spec.type() == ChartType.MR ? 0 : spec.improvement().sign();
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
