package org.shewhart.engine.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Phase;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.Series;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.internal.RuleKernels;

/**
 * A chart that grows one point at a time: {@link #append(double)} (or {@link #append(double, double)} with a
 * denominator) adds a point, and the chart's lines, rule flags, point types, signals, phases, variation and
 * assurance are then those of {@link ChartSpec#compute(Series)} on every point appended so far, exactly (same
 * doubles, same flags, same signals), without rescanning the series.
 *
 * <pre>{@code
 * LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.XMR).baseline(20).build());
 * for (double y : feed) {
 *     int i = live.append(y);
 *     if (live.typeAt(i).isSpecialCause()) {
 *         alert(live.latestSignals());
 *     }
 * }
 * }</pre>
 *
 * <h2>Cost of an append</h2>
 *
 * <p>Only the limits can force a rescan: the rules are state machines that read one point each (run counters,
 * trend counters with the profile's tie handling, the two-of-three and four-of-five windows, Nelson's
 * alternation, stratification and mixture, the runs analysis). So the cost depends on whether the lines of the
 * current phase are <em>frozen</em>, that is, no longer moved by later points ({@link #isFrozen()}):
 *
 * <ul>
 * <li><b>A baseline</b> ({@link ChartSpec#baseline()} k): a phase's centre and limits come from its first k
 *     points. Until the k-th point arrives, every point moves them, and the phase is recomputed by the engine when
 *     it is next read (O(k)); at the k-th point the lines freeze and every later append of the phase is O(1).
 *     Amortised over the phase, O(1) per point (each of the first k points costs at most O(k) once the chart is
 *     read after every append).</li>
 * <li><b>Known parameters</b>: a known centre ({@code run}, {@code mr}, {@code c}, {@code g}, {@code p},
 *     {@code np}, {@code u}) or known centre and sigma ({@code xmr}) fix the lines from the first point: O(1) per
 *     append.</li>
 * <li><b>Neither</b>: every point moves the centre, so any earlier point of the phase may change side, flags and
 *     type. The chart stays exactly equal to a full recompute, but reading it after an append costs O(points in
 *     the phase), as a recompute does. Appending many points before reading costs O(1) each and one recompute
 *     at the first read, so loading history is linear. The alternative, refusing such specs, would push callers
 *     to a recompute of their own; this class does the same work and says so here. The {@code i-prime} chart
 *     is always in this case (its sigma averages the scaled moving ranges of the whole phase, baseline or not).
 *     </li>
 * </ul>
 *
 * <p>Charts whose limits vary with the denominator ({@code p}, {@code np}, {@code u}, {@code p-prime},
 * {@code u-prime}) take a frozen phase's lines for a new denominator from the engine over the baseline (O(k)) and
 * cache them by denominator, so a repeated denominator is O(1).
 *
 * <p>Patterns that flag points retroactively stay O(1) amortised: a whole-pattern run or trend (profiles
 * {@code mdc}, {@code mdc-2023}, {@code ihi}) flags its earlier points once, when it reaches its length, and each
 * point is flagged at most once per pattern. The runs signals that depend on the whole phase (Anhøj's long runs
 * and too few crossings, the IHI runs table) switch on and off as points arrive; they are held as a flag per phase
 * (or per run) and applied when a point's rules are read, never written into n points. Their limits are kept in
 * brackets that only need the exact quantile about once every √n points.
 *
 * <h2>Reading</h2>
 *
 * <p>The per-point accessors mirror {@link ChartResult}: {@link #valueAt}, {@link #centreAt},
 * {@link #lowerLimitAt}, {@link #upperLimitAt}, {@link #lowerZoneAt}, {@link #upperZoneAt}, {@link #rulesAt},
 * {@link #typeAt}; per chart {@link #phases()}, {@link #signals()}, {@link #variation()} and {@link #assurance()}.
 * Each answers for the chart as it stands: a later point can flag an earlier one (a run reaching its length), so
 * read the latest state rather than caching it. {@link #latestSignals()} gives what ends at the newest point
 * without listing the whole chart. {@link #toResult()} recomputes a {@code ChartResult} (O(n)).
 *
 * <p>Phase starts and excluded points of the spec that lie beyond the points appended so far take effect when
 * their point arrives; {@link ChartSpec#compute} would reject them, so {@link #toResult()} computes with a spec
 * that leaves them out. Until two points have values a chart cannot be computed ({@link #toResult()} throws as
 * {@code compute} does) but the accessors still answer, from the same per-phase formulas.
 *
 * <p>Supported: every chart type but the subgroup charts ({@code xbar-s}, {@code xbar-r}, {@code s}, {@code r},
 * whose points are not one value and one denominator), every profile, phases, baselines, exclusions, known
 * centre and sigma, multiplier, improvement direction, target.
 *
 * <p>Instances are mutable and not thread-safe: confine one to a thread or guard it.
 */
public final class LiveChart {
    static final int CENTRE = 0;
    static final int LOWER = 1;
    static final int UPPER = 2;
    static final int LOWER1 = 3;
    static final int UPPER1 = 4;
    static final int LOWER2 = 5;
    static final int UPPER2 = 6;

    private final ChartSpec spec;
    private final ChartType type;
    final RuleSet rules;
    private final double multiply;
    /** Plotted value = value / size when there are sizes (run, xmr, mr, p, u, p', u', i'). */
    private final boolean ratio;
    /** Whether the lines vary by point (with the denominator) rather than being one set per phase. */
    private final boolean perPointLines;
    /** The number of points of a phase after which its lines are frozen; MAX_VALUE if never. */
    private final int freezeAt;
    private final int baseline;
    private final int[] phaseStarts;
    private final int[] excludedPoints;
    /** The spec with one phase start at point 2 (after two dummy points) and no exclusions. */
    private final ChartSpec rangeSpec;
    /** c charts under the qcc profiles need equal areas of opportunity. */
    private final boolean equalSizes;
    private final boolean counts;
    private final boolean binomial;

    /** -1 until the first point says, then 0 (values only) or 1 (values and denominators). */
    private int withSizes = -1;
    private int n;
    private double[] raw = new double[16];
    private double[] sizes;
    double[] v = new double[16];
    int[] mask = new int[16];
    boolean[] excluded = new boolean[16];
    /** Per-point lines [line][point], or null where lines are per phase. */
    double[][] lines;
    private final List<PhaseState> phases = new ArrayList<>();
    /** The IHI runs table, with its scratch array. */
    final RunsTable runsTable = new RunsTable();
    private PhaseState current;
    private int lastValue = -1;

    private LiveChart(ChartSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.type = spec.type();
        if (type.isSubgrouped()) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "a %s chart plots subgroups (several observations per point); a live chart takes one value "
                            + "and an optional denominator per point: use xmr, run or an attribute chart",
                    type.id()));
        }
        this.rules = new RuleSet(spec);
        this.multiply = spec.multiply();
        this.ratio = type == ChartType.RUN || type == ChartType.XMR || type == ChartType.MR || type == ChartType.P
                || type == ChartType.U || type == ChartType.P_PRIME || type == ChartType.U_PRIME
                || type == ChartType.I_PRIME;
        this.perPointLines = type == ChartType.P || type == ChartType.NP || type == ChartType.U
                || type == ChartType.P_PRIME || type == ChartType.U_PRIME || type == ChartType.I_PRIME;
        this.baseline = spec.baseline();
        this.freezeAt = freezeAt(spec);
        this.phaseStarts = spec.phaseStarts();
        this.excludedPoints = spec.excluded();
        this.rangeSpec = spec.toBuilder().phaseStarts(2).exclude().build();
        final boolean qcc = spec.profile() == RuleProfile.WECO || spec.profile() == RuleProfile.NELSON;
        this.equalSizes = type == ChartType.C && qcc;
        this.counts = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
        this.binomial = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        if (perPointLines) {
            lines = new double[7][16];
        }
        // a spec the engine refuses whatever the data (a subgroup sigma method on an individuals chart) fails now
        final double[] one = {1, 1, 1, 1};
        rangeSpec.compute(type.needsSizes() ? Series.of(one, one) : Series.of(one));
    }

    /**
     * After how many points of a phase its lines stop moving: 1 when known parameters fix them whatever the data,
     * the baseline length when there is one, never otherwise (and never for i', whose sigma uses every point).
     */
    private static int freezeAt(ChartSpec spec) {
        final boolean centre = spec.knownCentre() == spec.knownCentre();
        switch (spec.type()) {
            case RUN:
            case MR:
            case C:
            case G:
            case P:
            case NP:
            case U:
                if (centre) {
                    return 1;
                }
                break;
            case XMR:
                if (centre && spec.knownSigma() == spec.knownSigma()) {
                    return 1;
                }
                break;
            case I_PRIME:
                return Integer.MAX_VALUE;
            default:
                break;
        }
        return spec.baseline() > 0 ? spec.baseline() : Integer.MAX_VALUE;
    }

    /**
     * An empty live chart.
     *
     * @param spec the chart: type, profile, baseline, phases, known values, multiplier, direction, target
     * @return a chart with no points
     * @throws SpcInputException if the chart type is a subgroup chart, or the engine refuses the spec whatever
     *     the data (e.g. a subgroup sigma method on an individuals chart)
     */
    public static LiveChart of(ChartSpec spec) {
        return new LiveChart(spec);
    }

    /**
     * A live chart holding existing points, appended in order (values, and denominators if the series has them).
     * With frozen limits this is O(n); without, O(n) as well, since nothing is recomputed until the chart is read.
     *
     * @param spec the chart
     * @param history the points so far; not retained
     * @return the chart
     * @throws SpcInputException as {@link #of(ChartSpec)}, or if a point is invalid for the chart (as
     *     {@link #append(double, double)})
     */
    public static LiveChart of(ChartSpec spec, Series history) {
        final LiveChart chart = new LiveChart(spec);
        Objects.requireNonNull(history, "history");
        if (history.isSubgrouped()) {
            throw new SpcInputException("a live chart takes one value per point, not subgroup statistics");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.hasSizes()) {
                chart.append(history.valueAt(i), history.sizeAt(i));
            } else {
                chart.append(history.valueAt(i));
            }
        }
        return chart;
    }

    /**
     * Appends a point without a denominator.
     *
     * @param value the value, NaN = missing
     * @return the new point's index (0-based)
     * @throws SpcInputException if the chart needs a denominator, or the value is invalid for it (a negative
     *     count, a non-positive time on a t chart); the chart is then unchanged
     * @throws IllegalStateException if earlier points had denominators
     */
    public int append(double value) {
        return add(value, Double.NaN, false);
    }

    /**
     * Appends a point with a denominator (subgroup size or area of opportunity). On run, xmr and mr charts the
     * plotted value is value / size, as for a {@link Series} with sizes.
     *
     * @param value the value (numerator), NaN = missing
     * @param size the denominator, NaN = missing
     * @return the new point's index (0-based)
     * @throws SpcInputException if the point is invalid for the chart (a negative count or denominator, a
     *     numerator above its denominator on p and np charts, a c chart area that differs from the first under the
     *     weco and nelson profiles); the chart is then unchanged
     * @throws IllegalStateException if earlier points had no denominators
     */
    public int append(double value, double size) {
        return add(value, size, true);
    }

    private int add(double value, double size, boolean sized) {
        if (withSizes < 0) {
            if (!sized && type.needsSizes()) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "a %s chart needs a denominator (subgroup size or area of opportunity) for every point: "
                                + "use append(value, size)", type.id()));
            }
        } else if ((withSizes == 1) != sized) {
            throw new IllegalStateException(withSizes == 1
                    ? "the chart's points have denominators: use append(value, size)"
                    : "the chart's points have no denominators: use append(value)");
        }
        final int i = n;
        validate(i, value, size, sized);
        if (withSizes < 0) {
            withSizes = sized ? 1 : 0;
            if (sized) {
                sizes = new double[raw.length];
            }
        }
        ensureCapacity(i + 1);
        raw[i] = value;
        if (sized) {
            sizes[i] = size;
        }
        excluded[i] = Arrays.binarySearch(excludedPoints, i) >= 0;
        final PhaseState previous = current;
        final boolean newPhase = current == null || Arrays.binarySearch(phaseStarts, i) >= 0;
        if (newPhase) {
            if (current != null) {
                current.closedEnd = i;
            }
            current = new PhaseState(this, phases.size(), i);
            phases.add(current);
        }
        final PhaseState p = current;
        double x = plotted(i);
        if (type == ChartType.MR) {
            // moving ranges within the phase; the first point of a phase has none
            x = i == p.from ? Double.NaN : Math.abs(x - plotted(i - 1));
        }
        // the multiplier scales values and lines after calculation, as the engine does
        v[i] = multiply != 1 ? x * multiply : x;
        mask[i] = 0;
        n = i + 1;
        try {
            if (p.frozen) {
                if (perPointLines) {
                    pointLines(p, i);
                }
                p.step(i);
            } else if (n - p.from >= freezeAt) {
                refresh(p);
                p.frozen = true;
            } else {
                p.stale = true;
            }
        } catch (RuntimeException e) {
            // nothing above should throw once the point is validated; if the engine does, leave the chart as it was
            n = i;
            if (newPhase) {
                phases.remove(phases.size() - 1);
                current = previous;
                if (current != null) {
                    current.closedEnd = -1;
                }
            }
            throw e;
        }
        if (v[i] == v[i]) {
            lastValue = i;
        }
        return i;
    }

    /** The engine's input checks, point by point (ChartCalculator.validate); messages name the point 1-based. */
    private void validate(int i, double y, double size, boolean sized) {
        if (counts && y < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "point %d: count %s is negative; a %s chart counts events, so values must be >= 0", i + 1, y,
                    type.id()));
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
        if (sized && size < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "point %d: denominator %s is negative; it must be >= 0", i + 1, size));
        }
        if (equalSizes && sized) {
            final double first = i == 0 ? size : sizes[0];
            if (!(size == first)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "point %d: size %s differs from %s; a c chart needs equal areas of opportunity (use a "
                                + "u chart for counts per unit)", i + 1, size, first));
            }
        }
    }

    private double plotted(int i) {
        return withSizes == 1 && ratio ? raw[i] / sizes[i] : raw[i];
    }

    private void ensureCapacity(int capacity) {
        if (capacity <= raw.length) {
            return;
        }
        final int grown = Math.max(capacity, raw.length + (raw.length >> 1));
        raw = Arrays.copyOf(raw, grown);
        if (sizes != null) {
            sizes = Arrays.copyOf(sizes, grown);
        }
        v = Arrays.copyOf(v, grown);
        mask = Arrays.copyOf(mask, grown);
        excluded = Arrays.copyOf(excluded, grown);
        if (lines != null) {
            for (int k = 0; k < lines.length; k++) {
                lines[k] = Arrays.copyOf(lines[k], grown);
            }
        }
    }

    /**
     * Recomputes a phase whose lines are not frozen (or have just frozen): its lines from the engine, then its
     * rules replayed over its points. O(points in the phase).
     */
    private void refresh(PhaseState p) {
        final int end = p.end();
        final ChartResult r = computeRange(p.from, end - p.from, -1);
        if (perPointLines) {
            for (int i = p.from; i < end; i++) {
                copyLines(r, i - p.from + 2, lines, i);
            }
        } else {
            final double[][] one = new double[7][1];
            copyLines(r, 2, one, 0);
            final double[] c = new double[7];
            for (int k = 0; k < 7; k++) {
                c[k] = one[k][0];
            }
            p.constLines = c;
        }
        p.sigma = r.phases().get(1).sigma();
        p.reset();
        Arrays.fill(mask, p.from, end, 0);
        for (int i = p.from; i < end; i++) {
            p.step(i);
        }
        p.stale = false;
    }

    /** The lines of point i of a frozen phase whose lines vary with the denominator. */
    private void pointLines(PhaseState p, int i) {
        if (p.lineCache == null) {
            p.lineCache = new LineCache();
        }
        if (!p.lineCache.get(sizes[i], lines, i)) {
            // the engine over the phase's baseline and this point: the lines of a point depend only on the frozen
            // parameters and its own denominator
            final ChartResult r = computeRange(p.from, Math.min(freezeAt, i - p.from), i);
            copyLines(r, r.size() - 1, lines, i);
            p.lineCache.put(sizes[i], lines, i);
        }
    }

    private static void copyLines(ChartResult r, int from, double[][] to, int at) {
        to[CENTRE][at] = r.centreAt(from);
        to[LOWER][at] = r.lowerLimitAt(from);
        to[UPPER][at] = r.upperLimitAt(from);
        to[LOWER1][at] = r.lowerZoneAt(from, 1);
        to[UPPER1][at] = r.upperZoneAt(from, 1);
        to[LOWER2][at] = r.lowerZoneAt(from, 2);
        to[UPPER2][at] = r.upperZoneAt(from, 2);
    }

    /**
     * The engine's chart of {@code count} points from {@code from} (and optionally one more point), as the second
     * phase of a series whose first phase is two valid dummy points: a phase's lines depend only on its own
     * points, and the dummy phase keeps the engine from refusing a phase with fewer than two values.
     */
    private ChartResult computeRange(int from, int count, int extra) {
        final int len = 2 + count + (extra >= 0 ? 1 : 0);
        final double[] y = new double[len];
        final double[] s = withSizes == 1 ? new double[len] : null;
        y[0] = 1;
        y[1] = 1;
        System.arraycopy(raw, from, y, 2, count);
        if (extra >= 0) {
            y[len - 1] = raw[extra];
        }
        if (s != null) {
            // valid for every chart: 1 <= 1 on p charts, and the first area of opportunity on c charts under qcc
            final double dummy = equalSizes ? sizes[0] : 1;
            s[0] = dummy;
            s[1] = dummy;
            System.arraycopy(sizes, from, s, 2, count);
            if (extra >= 0) {
                s[len - 1] = sizes[extra];
            }
        }
        ChartSpec sub = rangeSpec;
        final int lo = lowerBound(excludedPoints, from);
        final int hi = lowerBound(excludedPoints, from + count);
        if (hi > lo) {
            final int[] local = new int[hi - lo];
            for (int k = lo; k < hi; k++) {
                local[k - lo] = excludedPoints[k] - from + 2;
            }
            sub = spec.toBuilder().phaseStarts(2).exclude(local).build();
        }
        return sub.compute(s == null ? Series.of(y) : Series.of(y, s));
    }

    private static int lowerBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- package-private access for the phases ----

    boolean isBaselinePoint(PhaseState p, int i) {
        return baseline == 0 || i < p.from + baseline;
    }

    /**
     * The side (+1 high, -1 low) of a flagged point for a rule, as the engine's classification: a trend point takes
     * the direction of the trend that flags it ({@link RuleKernels#trendSide}, over the phase as it stands), other
     * rules the side of the centre line.
     */
    int side(Rule r, PhaseState p, int i) {
        if (r == Rule.TREND) {
            final int side = RuleKernels.trendSide(v, p.from, p.end(), i, rules.trend, rules.skipTies, rules.whole);
            return side != 0 ? side : 1;
        }
        final double x = v[i];
        return x >= p.line(CENTRE, i) || x != x ? 1 : -1;
    }

    private PhaseState phaseOf(int i) {
        if (i >= current.from) {
            return current;
        }
        int lo = 0;
        int hi = phases.size() - 1;
        while (lo < hi) {
            final int mid = (lo + hi + 1) >>> 1;
            if (phases.get(mid).from <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return phases.get(lo);
    }

    /** The phase of point i, recomputed first if points were appended to it since it was last computed. */
    private PhaseState fresh(int i) {
        Objects.checkIndex(i, n);
        final PhaseState p = phaseOf(i);
        if (p.stale) {
            refresh(p);
        }
        return p;
    }

    private void refreshAll() {
        for (PhaseState p : phases) {
            if (p.stale) {
                refresh(p);
            }
        }
    }

    // ---- public reading ----

    /** @return the specification */
    public ChartSpec spec() {
        return spec;
    }

    /** @return the number of points appended */
    public int size() {
        return n;
    }

    /**
     * Whether the centre and limits of the current phase are fixed, so that an append costs O(1): after the
     * baseline's last point, or from the first point with known parameters.
     *
     * @return {@code true} if frozen; {@code false} with no points yet
     */
    public boolean isFrozen() {
        return current != null && current.frozen;
    }

    /**
     * @param i point index
     * @return the plotted value (after the multiplier), NaN if missing
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public double valueAt(int i) {
        Objects.checkIndex(i, n);
        return v[i];
    }

    /**
     * @param i point index
     * @return the centre line at the point, NaN if none
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public double centreAt(int i) {
        return fresh(i).line(CENTRE, i);
    }

    /**
     * @param i point index
     * @return the lower control limit, NaN if none
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public double lowerLimitAt(int i) {
        return fresh(i).line(LOWER, i);
    }

    /**
     * @param i point index
     * @return the upper control limit, NaN if none
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public double upperLimitAt(int i) {
        return fresh(i).line(UPPER, i);
    }

    /**
     * @param i point index
     * @param sigmas 1 or 2: the zone line at sigmas x k / 3 below the centre
     * @return the lower zone line, NaN if none
     * @throws IllegalArgumentException unless sigmas is 1 or 2
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public double lowerZoneAt(int i, int sigmas) {
        return fresh(i).line(zone(sigmas, LOWER1, LOWER2), i);
    }

    /**
     * @param i point index
     * @param sigmas 1 or 2: the zone line at sigmas x k / 3 above the centre
     * @return the upper zone line, NaN if none
     * @throws IllegalArgumentException unless sigmas is 1 or 2
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public double upperZoneAt(int i, int sigmas) {
        return fresh(i).line(zone(sigmas, UPPER1, UPPER2), i);
    }

    private static int zone(int sigmas, int one, int two) {
        if (sigmas == 1) {
            return one;
        }
        if (sigmas == 2) {
            return two;
        }
        throw new IllegalArgumentException("zone must be 1 or 2 sigma, got " + sigmas);
    }

    /**
     * The rules that flag the point in the chart as it stands (a later point can add a flag, and the phase-level
     * runs rules can switch on or off).
     *
     * @param i point index
     * @return the bit mask of the rules that flag the point ({@link Rule#bit()})
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public int rulesAt(int i) {
        final PhaseState p = fresh(i);
        return mask[i] | p.lazyBits(i);
    }

    /**
     * @param i point index
     * @param rule a rule
     * @return whether the rule flags the point
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public boolean isFlagged(int i, Rule rule) {
        return (rulesAt(i) & rule.bit()) != 0;
    }

    /**
     * @param i point index
     * @return the rules that flag the point, in precedence order
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public List<Rule> rulesOf(int i) {
        final int m = rulesAt(i);
        final List<Rule> out = new ArrayList<>(2);
        for (Rule r : Rule.values()) {
            if ((m & r.bit()) != 0) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The point's type by rule precedence, as {@link ChartResult#typeAt(int)}.
     *
     * @param i point index
     * @return the type
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public PointType typeAt(int i) {
        final PhaseState p = fresh(i);
        final int m = mask[i] | p.lazyBits(i);
        if (m != 0) {
            for (Rule r : Rule.values()) {
                if ((m & r.bit()) != 0) {
                    return rules.type(side(r, p, i), r.isDirectional());
                }
            }
        }
        return PointType.COMMON_CAUSE;
    }

    /**
     * @param i point index
     * @return the 1-based phase number of the point
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public int phaseAt(int i) {
        Objects.checkIndex(i, n);
        return phaseOf(i).number + 1;
    }

    /**
     * @param i point index
     * @return whether the point lies in its phase's baseline
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public boolean isBaseline(int i) {
        Objects.checkIndex(i, n);
        return isBaselinePoint(phaseOf(i), i);
    }

    /**
     * @param i point index
     * @return whether the point is left out of the centre and limits
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public boolean isExcluded(int i) {
        Objects.checkIndex(i, n);
        return excluded[i];
    }

    /**
     * The phases so far, the last one ending at the newest point. O(phases), plus the exact runs limits: Anhøj's
     * minimum crossings and, for the {@code ihi} profile, the runs table (O(√n)).
     *
     * @return the phases, in order (empty with no points)
     */
    public List<Phase> phases() {
        refreshAll();
        final List<Phase> out = new ArrayList<>(phases.size());
        for (PhaseState p : phases) {
            out.add(p.toPhase());
        }
        return out;
    }

    /**
     * Every signal of the chart as it stands, as {@link ChartResult#signals()}: ordered by rule precedence, then
     * phase, then first point. O(signals), since the stretches are kept up to date incrementally.
     *
     * @return the signals
     */
    public List<Signal> signals() {
        refreshAll();
        final List<Signal> out = new ArrayList<>();
        for (Rule r : Rule.values()) {
            for (PhaseState p : phases) {
                p.signals(r, out);
            }
        }
        return out;
    }

    /**
     * The signals whose pattern ends at the newest point: what the latest append raised or extended (a run that
     * reached its length, a point outside the limits, a trend that goes on). Ordered by rule precedence.
     *
     * @return the signals ending at point {@code size() - 1}; empty with no points
     */
    public List<Signal> latestSignals() {
        final List<Signal> out = new ArrayList<>(2);
        if (n == 0) {
            return out;
        }
        fresh(n - 1);
        for (Rule r : Rule.values()) {
            current.signalsAtEnd(r, out);
        }
        return out;
    }

    /**
     * @return the type of the last point with a value (common cause if there is none), as
     *     {@link ChartResult#variation()}
     */
    public PointType variation() {
        return lastValue < 0 ? PointType.COMMON_CAUSE : typeAt(lastValue);
    }

    /**
     * Making Data Count assurance from the newest point's limits, as {@link ChartResult#assurance()}: a target
     * strictly above the upper limit fails consistently if higher is better and passes consistently if lower is
     * better; strictly below the lower limit the reverse; otherwise inconsistent.
     *
     * @return the assurance, or {@code null} without a target, with a neutral direction, without limits or
     *     without points
     */
    public Assurance assurance() {
        final double target = spec.target();
        final int sign = spec.type() == ChartType.MR ? 0 : spec.improvement().sign();
        if (n == 0 || target != target || sign == 0) {
            return null;
        }
        final PhaseState p = fresh(n - 1);
        return Assurance.of(target, sign, p.line(LOWER, n - 1), p.line(UPPER, n - 1));
    }

    /**
     * The points so far, as the series {@link #toResult()} charts.
     *
     * @return a new series (values, and denominators if the points have them)
     */
    public Series toSeries() {
        final double[] y = Arrays.copyOf(raw, n);
        return withSizes == 1 ? Series.of(y, Arrays.copyOf(sizes, n)) : Series.of(y);
    }

    /**
     * A full recompute of the points so far: {@code ChartSpec.compute} with the spec's phase starts and excluded
     * points that lie beyond the last point left out. O(n); every accessor of this class already gives the same
     * answers without it.
     *
     * @return the chart
     * @throws SpcInputException as {@link ChartSpec#compute(Series)}: no points, or fewer than two with values
     */
    public ChartResult toResult() {
        if (n == 0) {
            throw new SpcInputException("no points to chart: the series is empty");
        }
        ChartSpec s = spec;
        final int starts = lowerBound(phaseStarts, n);
        final int excludes = lowerBound(excludedPoints, n);
        if (starts < phaseStarts.length || excludes < excludedPoints.length) {
            s = spec.toBuilder().phaseStarts(Arrays.copyOf(phaseStarts, starts))
                    .exclude(Arrays.copyOf(excludedPoints, excludes)).build();
        }
        return s.compute(toSeries());
    }
}
