package org.shewhart.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.shewhart.engine.internal.BitRules;
import org.shewhart.engine.internal.RuleKernels;
import org.shewhart.engine.internal.RunsTests;

/**
 * Charts many series with one {@link ChartSpec} in arrays it keeps and reuses: the per-thread scratch of a batch
 * scan. After {@link #compute(double[], double[], int, int)} the accessors give what {@link ChartSpec#compute}
 * would give for the same series (the same code computes both: {@code ChartSpec.compute} runs a workspace whose
 * arrays become the {@link ChartResult}), but once the arrays have grown to the longest series a series allocates
 * only two small objects (a view of its columns and the rule masks of one word, about 150 bytes) and nothing per
 * point, and no {@link ChartResult}, {@link Phase} or {@link Signal} object is made.
 *
 * <pre>{@code
 * ChartWorkspace w = new ChartWorkspace(spec);      // one per thread
 * for (int s = 0; s < seriesCount; s++) {
 *     try {
 *         w.compute(values, null, offsets[s], offsets[s + 1] - offsets[s]);
 *     } catch (SpcInputException e) {
 *         ...                                       // the series cannot be charted: e.getMessage() says why
 *         continue;
 *     }
 *     double ucl = w.upperLimitAt(w.size() - 1);
 *     int shifts = w.signalCount(Rule.SHIFT);
 * }
 * }</pre>
 *
 * <p>{@code org.shewhart.engine.batch.BatchEngine} runs one workspace per thread over the series of a columnar
 * feed. Every accessor describes the last series computed; after a {@link SpcInputException} they are undefined
 * until the next successful computation.
 *
 * <p>Not thread-safe: use one workspace per thread.
 */
public final class ChartWorkspace {
    private static final int CENTRE = Limits.CENTRE;
    private static final int LOWER = Limits.LOWER;
    private static final int UPPER = Limits.UPPER;
    private static final int LOWER1 = Limits.LOWER1;
    private static final int UPPER1 = Limits.UPPER1;
    private static final int LOWER2 = Limits.LOWER2;
    private static final int UPPER2 = Limits.UPPER2;
    private static final Rule[] RULES = Rule.values();
    private static final PointType[] POINT_TYPES = PointType.values();
    private static final int TREND = Rule.TREND.ordinal();
    private static final int TREND_BIT = Rule.TREND.bit();
    /** Rules that signal once per phase, from the first to the last point they flag. */
    private static final int PHASE_LEVEL = Rule.FEW_CROSSINGS.bit() | Rule.RUNS.bit();
    private static final int RUNS_FIELDS = 9;

    private final ChartSpec spec;
    private final ChartType type;
    private final RuleProfile profile;
    private final Improvement improvement;
    private final int[] phaseStarts;
    private final int[] excludedPoints;
    private final double multiply;
    /** Whether every computation gets new arrays (to hand to a ChartResult) rather than reusing them. */
    private final boolean fresh;
    private final int[] lookBack = new int[RULES.length];
    private final int directionalBits;
    /** The bit-parallel rules of the profile, or null where its runs skip points (the scalar kernels then). */
    private final BitRules.Rules bitRules;
    private final boolean zoneWindows;
    /** Whether {@link Limits} gives every point of a phase the same lines (true of the types listed there). */
    private final boolean constantLines;

    private int capacity = -1;
    private double[] valueCopy;
    private double[] sizeCopy;
    private double[] sdCopy;
    private double[] rangeCopy;
    private double[] v;
    private double[][] lines;
    private int[] mask;
    private byte[] types;
    private int[] phaseOf;
    private boolean[] baseline;
    private boolean[] excluded;
    private boolean[] use;
    private boolean[] included;
    private double[] scratch;
    private long[] rising;
    private int n;

    private final int[] starts;
    private final double[] phaseSigma;
    private final int[] baselinePoints;
    private final int[] runs;
    private final boolean[] hasRuns;
    private final int[] stats = new int[3];
    private final int[] expected = new int[2];

    private int signalCount;
    private int[] signalRule = new int[16];
    private int[] signalFirst = new int[16];
    private int[] signalLast = new int[16];
    private byte[] signalType = new byte[16];
    private int[] sortedRule = new int[16];
    private int[] sortedFirst = new int[16];
    private int[] sortedLast = new int[16];
    private byte[] sortedType = new byte[16];
    private final int[] perRule = new int[RULES.length + 1];
    private final int[] cursor = new int[RULES.length];
    private final int[] openStart = new int[RULES.length];
    private final int[] openSide = new int[RULES.length];
    private final int[] levelFirst = new int[RULES.length];
    private final int[] levelLast = new int[RULES.length];
    private PointType variation;
    private Assurance assurance;

    /**
     * A workspace for charts of one specification. Its arrays grow to the longest series computed and are then
     * reused.
     *
     * @param spec the chart specification
     */
    public ChartWorkspace(ChartSpec spec) {
        this(spec, false);
    }

    private ChartWorkspace(ChartSpec spec, boolean fresh) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.fresh = fresh;
        this.type = spec.type();
        this.profile = spec.profile();
        // a moving range above its limit is a change in short-term variation, not a move in the direction the
        // values improve in: MR points and signals are neutral whatever the spec's direction
        this.improvement = type == ChartType.MR ? Improvement.NEUTRAL : spec.improvement();
        this.phaseStarts = spec.phaseStarts();
        this.excludedPoints = spec.excluded();
        this.multiply = spec.multiply();
        final int phases = phaseStarts.length + 1;
        this.starts = new int[phases + 1];
        this.phaseSigma = new double[phases];
        this.baselinePoints = new int[phases];
        this.runs = new int[phases * RUNS_FIELDS];
        this.hasRuns = new boolean[phases];
        int directional = 0;
        for (Rule r : RULES) {
            lookBack[r.ordinal()] = lookBack(spec, r);
            directional |= r.isDirectional() ? r.bit() : 0;
        }
        this.directionalBits = directional;
        final int shift = spec.shiftLength();
        final int trend = spec.trendLength();
        final boolean bitParallel = (shift == 0 || !profile.skipsCentrePoints())
                && (trend == 0 || !profile.skipsTies()) && BitRules.Rules.fits(shift, trend);
        this.bitRules = bitParallel ? bitRules(profile, shift, trend) : null;
        this.zoneWindows = profile.twoOfThree() == RuleProfile.TwoOfThree.WINDOW_END || profile.hasFourOfFive();
        this.constantLines = Limits.constantPerPhase(type);
    }

    /** A workspace whose every computation allocates new arrays, for {@link ChartCalculator}. */
    static ChartWorkspace single(ChartSpec spec) {
        return new ChartWorkspace(spec, true);
    }

    private static BitRules.Rules bitRules(RuleProfile profile, int shift, int trend) {
        final int twoOfThree;
        switch (profile.twoOfThree()) {
            case MDC:
                twoOfThree = BitRules.TWO_OF_THREE_SAME_SIDE;
                break;
            case MDC_2023:
                twoOfThree = BitRules.TWO_OF_THREE_SAME_SIDE_OUTSIDE;
                break;
            case WINDOW_END:
                twoOfThree = BitRules.TWO_OF_THREE_WINDOW_END;
                break;
            default:
                twoOfThree = BitRules.TWO_OF_THREE_NONE;
                break;
        }
        final boolean nelson = profile.hasNelsonExtras();
        // Nelson 1984 lengths, as qcc 3.0: 14 alternating, 15 within 1 sigma, 8 beyond 1 sigma on both sides
        return new BitRules.Rules(shift, trend, profile.flagsWholePattern(), twoOfThree, profile.hasFourOfFive(),
                nelson ? 14 : 0, nelson ? 15 : 0, nelson ? 8 : 0, new int[] {Rule.OUTSIDE_LIMITS.bit(),
                    Rule.SHIFT.bit(), Rule.TREND.bit(), Rule.TWO_OF_THREE.bit(), Rule.FOUR_OF_FIVE.bit(),
                    Rule.ALTERNATING.bit(), Rule.STRATIFICATION.bit(), Rule.MIXTURE.bit()});
    }

    /** @return the specification this workspace charts with */
    public ChartSpec spec() {
        return spec;
    }

    /**
     * Charts {@code values[offset .. offset + length)}, optionally over {@code sizes} at the same positions (the
     * columns of {@link Series#of(double[], double[])}). The arrays are read, never written or kept.
     *
     * @param values values in time order, NaN = missing
     * @param sizes denominators, or {@code null}
     * @param offset index of the series' first point in the arrays
     * @param length number of points
     * @throws SpcInputException if the series cannot be charted as specified (as {@link ChartSpec#compute})
     */
    public void compute(double[] values, double[] sizes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        if (sizes != null) {
            Objects.checkFromIndexSize(offset, length, sizes.length);
        }
        ensureInputs(length);
        System.arraycopy(values, offset, valueCopy, 0, length);
        if (sizes != null) {
            System.arraycopy(sizes, offset, sizeCopy, 0, length);
        }
        run(valueCopy, sizes == null ? null : sizeCopy, null, null, length);
    }

    /**
     * Charts subgroups {@code [offset, offset + length)} given as the columns of {@link Series#ofSubgroups}, for
     * xbar, s and r charts.
     *
     * @param means subgroup means, NaN = missing
     * @param sds subgroup standard deviations
     * @param ranges subgroup ranges
     * @param sizes numbers of observations
     * @param offset index of the first subgroup in the arrays
     * @param length number of subgroups
     * @throws SpcInputException if the series cannot be charted as specified
     */
    public void computeSubgroups(double[] means, double[] sds, double[] ranges, double[] sizes, int offset,
            int length) {
        Objects.checkFromIndexSize(offset, length, means.length);
        Objects.checkFromIndexSize(offset, length, sds.length);
        Objects.checkFromIndexSize(offset, length, ranges.length);
        Objects.checkFromIndexSize(offset, length, sizes.length);
        ensureInputs(length);
        System.arraycopy(means, offset, valueCopy, 0, length);
        System.arraycopy(sds, offset, sdCopy, 0, length);
        System.arraycopy(ranges, offset, rangeCopy, 0, length);
        System.arraycopy(sizes, offset, sizeCopy, 0, length);
        run(valueCopy, sizeCopy, sdCopy, rangeCopy, length);
    }

    private void ensureInputs(int length) {
        if (valueCopy == null || valueCopy.length < length) {
            final int c = Math.max(length, valueCopy == null ? 0 : 2 * valueCopy.length);
            valueCopy = new double[c];
            sizeCopy = new double[c];
            sdCopy = new double[c];
            rangeCopy = new double[c];
        }
    }

    private void ensure(int size) {
        if (fresh || size > capacity) {
            final int c = fresh ? size : Math.max(size, 2 * capacity);
            v = new double[c];
            lines = new double[7][c];
            mask = new int[c];
            types = new byte[c];
            phaseOf = new int[c];
            baseline = new boolean[c];
            excluded = new boolean[c];
            use = new boolean[c];
            included = new boolean[c];
            // only medians, t and Laney charts need a scratch column
            scratch = type == ChartType.RUN || type == ChartType.G || type == ChartType.T
                    || type == ChartType.P_PRIME || type == ChartType.U_PRIME ? new double[c] : new double[0];
            rising = new long[(c + 63) >>> 6];
            capacity = c;
        } else {
            Arrays.fill(mask, 0, size, 0);
            Arrays.fill(types, 0, size, (byte) 0);
            Arrays.fill(excluded, 0, size, false);
            Arrays.fill(rising, 0, (size + 63) >>> 6, 0L);
        }
    }

    /**
     * The whole computation: validation, plotted values, per phase centre, sigma and lines, the profile's rules and
     * runs analysis, point types, signals, variation and assurance. The columns are 0-based, of length n.
     */
    void run(double[] value, double[] size, double[] sd, double[] range, int length) {
        if (length == 0) {
            throw new SpcInputException("no points to chart: the series is empty");
        }
        validate(value, size, sd, length);
        ensure(length);
        n = length;
        plottedValues(value, size, sd, range);
        int withValues = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] == v[i] || (type == ChartType.MR && value[i] == value[i])) {
                withValues++;
            }
        }
        if (withValues < 2) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart needs at least 2 points with values, got %d", type.id(), withValues));
        }
        phaseBoundaries();
        for (int i : excludedPoints) {
            if (i >= n) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "excluded point %d is beyond the last point (%d)", i + 1, n));
            }
            excluded[i] = true;
        }
        final int phases = starts.length - 1;
        if (type == ChartType.MR) {
            for (int p = 0; p < phases; p++) {
                movingRangesInPlace(starts[p], starts[p + 1]);
            }
        }
        // Limits writes every line of every point of a phase, NaN where there is none
        final Limits.Columns columns = new Limits.Columns(v, value, size, sd, range);
        for (int p = 0; p < phases; p++) {
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
        final double m = multiply;
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

        for (int p = 0; p < phases; p++) {
            final int from = starts[p];
            final int to = starts[p + 1];
            applyRules(from, to);
            hasRuns[p] = type != ChartType.MR;
            // the runs figures are read only by a ChartResult (a fresh workspace); a reused one needs them only
            // for the rules of the Anhøj and IHI profiles (about a fifth of a short chart's time otherwise)
            if (hasRuns[p] && (fresh || profile.hasAnhoejRuns() || profile.hasIhiRuns())) {
                // categories have no order: the statistics are reported, but never signal (qicharts2 dots.only)
                runsAnalysis(p, from, to);
            }
            int points = 0;
            for (int i = from; i < to; i++) {
                if (baseline[i] && included[i] && v[i] == v[i]) {
                    points++;
                }
            }
            baselinePoints[p] = points;
        }
        classify();
        variation = lastType();
        assurance = assess();
    }

    private void plottedValues(double[] value, double[] size, double[] sd, double[] range) {
        final double[] source;
        switch (type) {
            case S:
                source = sd;
                break;
            case R:
                source = range;
                break;
            default:
                source = value;
        }
        if (size == null || !type.plotsRatio() || sd != null) {
            System.arraycopy(source, 0, v, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                // IEEE division, as qicharts2: 0 / 0 is NaN (missing); k / 0 is +Inf, an infinite rate that has
                // no limits and is written as null, but lies above the centre line for the run rules
                v[i] = value[i] / size[i];
            }
        }
    }

    /**
     * Rejects series a chart cannot take: a missing denominator column or subgroup statistics, negative counts,
     * numerators above denominators on binomial charts, non-positive times on t charts, unequal areas of
     * opportunity on c charts under qcc's rules.
     */
    private void validate(double[] value, double[] size, double[] sd, int length) {
        if (type.isSubgrouped() && sd == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart needs subgroups: several observations per x, given as Series.ofSubgroups",
                    type.id()));
        }
        if (type.needsSizes() && size == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart needs a denominator (subgroup size or area of opportunity) for every point",
                    type.id()));
        }
        final boolean counts = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
        final boolean binomial = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        final boolean times = type == ChartType.T;
        final boolean sizes = size != null;
        for (int i = 0; i < length; i++) {
            final double y = value[i];
            final double s = sizes ? size[i] : Double.NaN;
            if (counts && y < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: count %s is negative; a %s chart counts events, so values must be >= 0", i + 1,
                        y, type.id()));
            }
            if (binomial && y > s && s > 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: numerator %s is greater than denominator %s; a %s chart needs numerator <= "
                                + "denominator", i + 1, y, s, type.id()));
            }
            if (times && !(y > 0) && y == y) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: time %s is not positive; a t chart needs times between events > 0 (add 0.5 to "
                                + "same-day events, or use a g chart)", i + 1, y));
            }
            if (sizes && s < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: denominator %s is negative; it must be >= 0", i + 1, s));
            }
        }
        final boolean qcc = profile == RuleProfile.WECO || profile == RuleProfile.NELSON;
        if (type == ChartType.C && qcc && sizes) {
            for (int i = 1; i < length; i++) {
                if (size[i] != size[0]) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "point %d: size %s differs from %s; a c chart needs equal areas of opportunity (use a "
                                    + "u chart for counts per unit)", i + 1, size[i], size[0]));
                }
            }
        }
    }

    private void movingRangesInPlace(int from, int to) {
        double previous = v[from];
        v[from] = Double.NaN;
        for (int i = from + 1; i < to; i++) {
            final double x = v[i];
            v[i] = Math.abs(x - previous);
            previous = x;
        }
    }

    private void phaseBoundaries() {
        starts[0] = 0;
        for (int k = 0; k < phaseStarts.length; k++) {
            if (phaseStarts[k] >= n) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "a phase cannot start at point %d: the series has %d points", phaseStarts[k] + 1, n));
            }
            starts[k + 1] = phaseStarts[k];
        }
        starts[starts.length - 1] = n;
    }

    private void applyRules(int from, int to) {
        if (type == ChartType.MR || spec.isCategorical()) {
            // moving ranges are serially dependent, and categories have no order: only the limits test applies
            // (qicharts2 switches its runs analysis off for both)
            RuleKernels.outside(v, lines[LOWER], lines[UPPER], from, to, mask, Rule.OUTSIDE_LIMITS.bit());
            return;
        }
        if (bitRules != null) {
            // qcc's window rules compare a whole window with the zone lines of its last point: bit-parallel only
            // where the lines are the same at every point of the phase
            BitRules.apply(bitRules, v, lines, from, to, constantLines, mask, rising);
            if (zoneWindows && !constantLines) {
                if (profile.twoOfThree() == RuleProfile.TwoOfThree.WINDOW_END) {
                    RuleKernels.zoneWindow(v, lines[LOWER2], lines[UPPER2], from, to, 3, 2, mask,
                            Rule.TWO_OF_THREE.bit());
                }
                if (profile.hasFourOfFive()) {
                    RuleKernels.zoneWindow(v, lines[LOWER1], lines[UPPER1], from, to, 5, 4, mask,
                            Rule.FOUR_OF_FIVE.bit());
                }
            }
            return;
        }
        final double[] centre = lines[CENTRE];
        RuleKernels.outside(v, lines[LOWER], lines[UPPER], from, to, mask, Rule.OUTSIDE_LIMITS.bit());
        final boolean whole = profile.flagsWholePattern();
        final int shift = spec.shiftLength();
        if (shift > 0) {
            RuleKernels.shift(v, centre, from, to, shift, profile.skipsCentrePoints(), whole, mask,
                    Rule.SHIFT.bit());
        }
        final int trend = spec.trendLength();
        if (trend > 0) {
            RuleKernels.trend(v, from, to, trend, profile.skipsTies(), whole, mask, Rule.TREND.bit(), rising);
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

    private void runsAnalysis(int p, int from, int to) {
        final double[] centre = lines[CENTRE];
        RunsTests.count(v, centre, included, from, to, stats);
        final int at = p * RUNS_FIELDS;
        final int useful = stats[RunsTests.USEFUL];
        if (useful == 0) {
            runs[at] = 0;
            for (int k = 1; k < RUNS_FIELDS - 1; k++) {
                runs[at + k] = -1;
            }
            runs[at + RUNS_FIELDS - 1] = 0;
            return;
        }
        final int longest = stats[RunsTests.LONGEST_RUN];
        final int count = stats[RunsTests.RUNS];
        final int crossings = count - 1;
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
        if (spec.isCategorical()) {
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
        } else if (profile.hasIhiRuns() && expected[0] >= 0 && (count < expected[0] || count > expected[1])) {
            signal = true;
            RunsTests.flagUseful(v, centre, included, from, to, mask, Rule.RUNS.bit());
        }
        runs[at] = useful;
        runs[at + 1] = longest;
        runs[at + 2] = longestMax;
        runs[at + 3] = crossings;
        runs[at + 4] = crossingsMin;
        runs[at + 5] = count;
        runs[at + 6] = expected[0];
        runs[at + 7] = expected[1];
        runs[at + 8] = signal ? 1 : 0;
    }

    /**
     * Point types by rule precedence, and one signal per maximal stretch of points that a rule flags on the same
     * side within a phase, in one pass over the mask: each point's side is worked out once, a stretch is written
     * when it ends, and the signals are then put in rule order (stable, so by first point within a rule).
     */
    private void classify() {
        signalCount = 0;
        for (int p = 0; p + 1 < starts.length; p++) {
            final int from = starts[p];
            final int to = starts[p + 1];
            int open = 0;
            int levels = 0;
            for (int i = from; i < to; i++) {
                final int m = mask[i];
                if ((m | open) == 0) {
                    continue;
                }
                final int centreSide = centreSide(i);
                final int trendSide = (m & TREND_BIT) != 0 ? trendSide(i) : 0;
                if (m != 0) {
                    final int r = Integer.numberOfTrailingZeros(m);
                    types[i] = (byte) PointType.of(r == TREND ? trendSide : centreSide, improvement,
                            RULES[r].isDirectional()).ordinal();
                    for (int level = m & PHASE_LEVEL; level != 0; level &= level - 1) {
                        final int r2 = Integer.numberOfTrailingZeros(level);
                        if ((levels & (1 << r2)) == 0) {
                            levels |= 1 << r2;
                            levelFirst[r2] = i;
                        }
                        levelLast[r2] = i;
                    }
                }
                final int stretch = m & ~PHASE_LEVEL;
                for (int closing = open & ~stretch; closing != 0; closing &= closing - 1) {
                    close(Integer.numberOfTrailingZeros(closing), from, i - 1);
                }
                for (int going = open & stretch & directionalBits; going != 0; going &= going - 1) {
                    // a directional rule's stretch splits where the side changes
                    final int r = Integer.numberOfTrailingZeros(going);
                    final int side = r == TREND ? trendSide : centreSide;
                    if (side != openSide[r]) {
                        close(r, from, i - 1);
                        openStart[r] = i;
                        openSide[r] = side;
                    }
                }
                for (int opening = stretch & ~open; opening != 0; opening &= opening - 1) {
                    final int r = Integer.numberOfTrailingZeros(opening);
                    openStart[r] = i;
                    openSide[r] = r == TREND ? trendSide : centreSide;
                }
                open = stretch;
            }
            for (; open != 0; open &= open - 1) {
                close(Integer.numberOfTrailingZeros(open), from, to - 1);
            }
            for (; levels != 0; levels &= levels - 1) {
                // one signal for the phase: from its first to its last flagged point
                final int r = Integer.numberOfTrailingZeros(levels);
                addSignal(r, Math.max(from, levelFirst[r] - lookBack[r]), levelLast[r],
                        PointType.of(centreSide(levelLast[r]), improvement, RULES[r].isDirectional()));
            }
        }
        sortSignals();
    }

    private void close(int r, int from, int last) {
        final boolean directional = RULES[r].isDirectional();
        final PointType t = PointType.of(directional ? openSide[r] : centreSide(last), improvement, directional);
        addSignal(r, Math.max(from, openStart[r] - lookBack[r]), last, t);
    }

    private int centreSide(int i) {
        return v[i] >= lines[CENTRE][i] || v[i] != v[i] ? 1 : -1;
    }

    /** The side of a point the trend flags: the direction of the trend (the later one at a turning point). */
    private int trendSide(int i) {
        return (rising[i >>> 6] >>> i & 1L) != 0 ? 1 : -1;
    }

    private void addSignal(int rule, int first, int last, PointType t) {
        if (signalCount == signalRule.length) {
            final int c = 2 * signalCount;
            signalRule = Arrays.copyOf(signalRule, c);
            signalFirst = Arrays.copyOf(signalFirst, c);
            signalLast = Arrays.copyOf(signalLast, c);
            signalType = Arrays.copyOf(signalType, c);
        }
        signalRule[signalCount] = rule;
        signalFirst[signalCount] = first;
        signalLast[signalCount] = last;
        signalType[signalCount] = (byte) t.ordinal();
        signalCount++;
    }

    /** Signals by rule precedence, then in the order found (phase, then first point): a stable counting sort. */
    private void sortSignals() {
        Arrays.fill(perRule, 0);
        for (int k = 0; k < signalCount; k++) {
            perRule[signalRule[k] + 1]++;
        }
        for (int r = 0; r < RULES.length; r++) {
            perRule[r + 1] += perRule[r];
        }
        if (sortedRule.length < signalRule.length) {
            sortedRule = new int[signalRule.length];
            sortedFirst = new int[signalRule.length];
            sortedLast = new int[signalRule.length];
            sortedType = new byte[signalRule.length];
        }
        System.arraycopy(perRule, 0, cursor, 0, RULES.length);
        for (int k = 0; k < signalCount; k++) {
            final int at = cursor[signalRule[k]]++;
            sortedRule[at] = signalRule[k];
            sortedFirst[at] = signalFirst[k];
            sortedLast[at] = signalLast[k];
            sortedType[at] = signalType[k];
        }
    }

    private PointType lastType() {
        for (int i = n - 1; i >= 0; i--) {
            if (v[i] == v[i]) {
                return POINT_TYPES[types[i]];
            }
        }
        return PointType.COMMON_CAUSE;
    }

    /** Making Data Count assurance from the last point's limits: {@link Assurance#of}. */
    private Assurance assess() {
        return Assurance.of(spec.target(), improvement.sign(), lines[LOWER][n - 1], lines[UPPER][n - 1]);
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
     * The chart as a {@link ChartResult} that takes over this workspace's arrays (a workspace made by
     * {@link #single} only).
     */
    ChartResult result(List<Note> notes) {
        if (!fresh) {
            // a reused workspace skips the runs figures its profile does not need, and its arrays are reused
            throw new IllegalStateException("only a single-use workspace makes a ChartResult");
        }
        final List<Phase> phases = new ArrayList<>(starts.length - 1);
        for (int p = 0; p + 1 < starts.length; p++) {
            RunsAnalysis r = null;
            if (hasRuns[p]) {
                final int at = p * RUNS_FIELDS;
                r = new RunsAnalysis(runs[at], runs[at + 1], runs[at + 2], runs[at + 3], runs[at + 4], runs[at + 5],
                        runs[at + 6], runs[at + 7], runs[at + 8] != 0);
            }
            phases.add(new Phase(p + 1, starts[p], starts[p + 1] - 1, lines[CENTRE][starts[p]],
                    phaseSigma[p] * multiply, baselinePoints[p], r));
        }
        final List<Signal> signals = new ArrayList<>(signalCount);
        for (int k = 0; k < signalCount; k++) {
            signals.add(new Signal(RULES[sortedRule[k]], sortedFirst[k], sortedLast[k], POINT_TYPES[sortedType[k]]));
        }
        return new ChartResult(spec, v, lines, mask, types, phaseOf, baseline, excluded, phases, signals, variation,
                assurance, notes);
    }

    /** @return the number of points of the last series */
    public int size() {
        return n;
    }

    /** @return the number of phases */
    public int phaseCount() {
        return starts.length - 1;
    }

    /**
     * @param p 0-based phase index
     * @return the phase's centre line (after the multiplier), NaN if none; {@link Phase#centre()}
     */
    public double phaseCentre(int p) {
        return lines[CENTRE][starts[Objects.checkIndex(p, phaseCount())]];
    }

    /**
     * @param p 0-based phase index
     * @return the phase's sigma (after the multiplier), NaN if none; {@link Phase#sigma()}
     */
    public double phaseSigma(int p) {
        return phaseSigma[Objects.checkIndex(p, phaseCount())] * multiply;
    }

    /**
     * @param i point index
     * @return the plotted value, NaN if missing
     */
    public double valueAt(int i) {
        return v[Objects.checkIndex(i, n)];
    }

    /**
     * @param i point index
     * @return the centre line at the point, NaN if none
     */
    public double centreAt(int i) {
        return lines[CENTRE][Objects.checkIndex(i, n)];
    }

    /**
     * @param i point index
     * @return the lower control limit, NaN if none
     */
    public double lowerLimitAt(int i) {
        return lines[LOWER][Objects.checkIndex(i, n)];
    }

    /**
     * @param i point index
     * @return the upper control limit, NaN if none
     */
    public double upperLimitAt(int i) {
        return lines[UPPER][Objects.checkIndex(i, n)];
    }

    /**
     * @param i point index
     * @return the bit mask of the rules that flag the point ({@link Rule#bit()})
     */
    public int rulesAt(int i) {
        return mask[Objects.checkIndex(i, n)];
    }

    /**
     * @param i point index
     * @return the point's type
     */
    public PointType typeAt(int i) {
        return POINT_TYPES[types[Objects.checkIndex(i, n)]];
    }

    /**
     * @param i point index
     * @return the 1-based phase number of the point
     */
    public int phaseAt(int i) {
        return phaseOf[Objects.checkIndex(i, n)] + 1;
    }

    /** @return the type of the last point with a value (common cause if there is none) */
    public PointType variation() {
        return variation;
    }

    /** @return the assurance against the target, or {@code null} without a target, a direction or limits */
    public Assurance assurance() {
        return assurance;
    }

    /** @return the number of signals (patterns), as {@code ChartResult.signals().size()} */
    public int signalCount() {
        return signalCount;
    }

    /**
     * @param rule a rule
     * @return the number of signals of that rule
     */
    public int signalCount(Rule rule) {
        return perRule[rule.ordinal() + 1] - perRule[rule.ordinal()];
    }

    /**
     * @param k signal index, in the order of {@link ChartResult#signals()} (rule precedence, then first point)
     * @return the signal's rule
     */
    public Rule signalRule(int k) {
        return RULES[sortedRule[Objects.checkIndex(k, signalCount)]];
    }

    /**
     * @param k signal index
     * @return the index of the signal's first point
     */
    public int signalFirst(int k) {
        return sortedFirst[Objects.checkIndex(k, signalCount)];
    }

    /**
     * @param k signal index
     * @return the index of the signal's last point
     */
    public int signalLast(int k) {
        return sortedLast[Objects.checkIndex(k, signalCount)];
    }

    /**
     * @param k signal index
     * @return the signal's type
     */
    public PointType signalType(int k) {
        return POINT_TYPES[sortedType[Objects.checkIndex(k, signalCount)]];
    }
}
