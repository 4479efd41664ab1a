package org.shewhart.engine.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shewhart.engine.Phase;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.RunsAnalysis;
import org.shewhart.engine.Signal;
import org.shewhart.engine.internal.RunsTests;

/**
 * One phase of a {@link LiveChart}: its lines (fixed once frozen), the state machines of its rules and its runs
 * analysis. Each state machine reads one point per {@link #step(int)} and mirrors, decision for decision, the
 * engine's kernel ({@code RuleKernels}, {@code RunsTests}) that scans the whole phase; the property tests hold
 * them equal. Not thread-safe.
 */
final class PhaseState {
    private static final int OUT = Rule.OUTSIDE_LIMITS.bit();
    private static final int SHIFT = Rule.SHIFT.bit();
    private static final int TREND = Rule.TREND.bit();
    private static final int TWO = Rule.TWO_OF_THREE.bit();
    private static final int FOUR = Rule.FOUR_OF_FIVE.bit();
    private static final int ALTERNATING = Rule.ALTERNATING.bit();
    private static final int STRATIFICATION = Rule.STRATIFICATION.bit();
    private static final int MIXTURE = Rule.MIXTURE.bit();
    /** Nelson 1984 lengths, as qcc 3.0 and the engine: 14 alternating, 15 within 1σ, 8 beyond 1σ. */
    private static final int ALTERNATING_LENGTH = 14;
    private static final int STRATIFICATION_LENGTH = 15;
    private static final int MIXTURE_LENGTH = 8;

    private final LiveChart chart;
    private final RuleSet rules;
    /** 0-based phase number. */
    final int number;
    /** First point. */
    final int from;
    /** One past the last point once the next phase has started, else -1 (the phase ends at the chart's end). */
    int closedEnd = -1;

    // ---- lines (owned by the phase across resets of its rule state) ----
    /** Whether the lines no longer depend on later points of the phase. */
    boolean frozen;
    /** Whether points were appended since the state below was last computed (an unfrozen phase is lazy). */
    boolean stale;
    /** The seven lines shared by every point of the phase, for charts whose lines do not vary by point. */
    double[] constLines;
    /** The phase's sigma after the multiplier, as the engine reports it. */
    double sigma = Double.NaN;
    /** Lines by denominator for frozen phases of charts whose limits vary with n. */
    LineCache lineCache;

    // ---- rule state, rebuilt by reset() ----
    int baselinePoints;
    private int shiftSide;
    private int shiftCount;
    private int shiftStart;
    private int trendDirection;
    private int trendCount;
    private int trendStart;
    private double trendPrevious;
    private int trendPreviousIndex;
    private int alternatingCount;
    private int stratificationCount;
    private int mixtureOutside;
    private int mixtureLastAbove;
    private int mixtureLastBelow;
    private Stretches[] stretches;

    // runs analysis over the included points off the centre line (RunsTests.count)
    int useful;
    int runs;
    int longest;
    private int runSide;
    private int runLength;
    int firstUseful;
    int lastUseful;

    // Anhøj long runs: the current run and the closed runs longer than the current limit
    private RunRecord currentRun;
    private List<RunRecord> longRuns;
    private int longestMax;

    // lazily decided runs signals, with brackets that make the exact limits rarely needed
    private int crossingsUseful;
    private int crossingsMin;
    private int tableUseful;
    private final int[] table = new int[2];
    private int decidedUseful;
    private int decidedRuns;
    private boolean fewCrossings;
    private boolean ihiSignal;

    PhaseState(LiveChart chart, int number, int from) {
        this.chart = chart;
        this.rules = chart.rules;
        this.number = number;
        this.from = from;
        reset();
    }

    /** Line k at point j of this phase. */
    double line(int k, int j) {
        return constLines != null ? constLines[k] : chart.lines[k][j];
    }

    /** One past the last point of the phase. */
    int end() {
        return closedEnd >= 0 ? closedEnd : chart.size();
    }

    /** Clears the rule state, the runs analysis and the signals, before the phase is replayed. */
    void reset() {
        baselinePoints = 0;
        shiftSide = 0;
        shiftCount = 0;
        shiftStart = from;
        trendDirection = 0;
        trendCount = 0;
        trendStart = from;
        trendPrevious = Double.NaN;
        trendPreviousIndex = -1;
        alternatingCount = 0;
        stratificationCount = 0;
        mixtureOutside = 0;
        mixtureLastAbove = Integer.MIN_VALUE;
        mixtureLastBelow = Integer.MIN_VALUE;
        stretches = new Stretches[Rule.values().length];
        for (Rule r : Rule.values()) {
            if (rules.applies(r)) {
                stretches[r.ordinal()] = new Stretches(chart, this, r, rules.lookBack(r));
            }
        }
        useful = 0;
        runs = 0;
        longest = 0;
        runSide = 0;
        runLength = 0;
        firstUseful = -1;
        lastUseful = -1;
        currentRun = null;
        longRuns = rules.anhoej ? new ArrayList<>() : null;
        longestMax = Integer.MAX_VALUE;
        crossingsUseful = -1;
        tableUseful = -1;
        decidedUseful = -1;
        decidedRuns = -1;
    }

    /**
     * Reads point i, the next of the phase, whose value and lines are in place: flags it (and, for whole
     * patterns, the run behind it) and updates the runs analysis. O(1) amortised.
     */
    void step(int i) {
        final double[] v = chart.v;
        final int[] mask = chart.mask;
        final double x = v[i];
        final double centre = line(LiveChart.CENTRE, i);
        if (x > line(LiveChart.UPPER, i) || x < line(LiveChart.LOWER, i)) {
            mask[i] |= OUT;
        }
        if (chart.isBaselinePoint(this, i) && !chart.excluded[i] && x == x) {
            baselinePoints++;
        }
        if (!rules.onlyOutside) {
            if (rules.shift > 0) {
                shift(i, x, centre, v, mask);
            }
            if (rules.trend > 0) {
                trend(i, x, v, mask);
            }
            switch (rules.twoOfThree) {
                case RuleSet.TWO_MDC:
                case RuleSet.TWO_MDC_2023:
                    twoOfThreeSameSide(i, v, mask, rules.twoOfThree == RuleSet.TWO_MDC_2023);
                    break;
                case RuleSet.TWO_WINDOW_END:
                    zoneWindow(i, v, mask, LiveChart.LOWER2, LiveChart.UPPER2, 3, 2, TWO);
                    break;
                default:
                    break;
            }
            if (rules.fourOfFive) {
                zoneWindow(i, v, mask, LiveChart.LOWER1, LiveChart.UPPER1, 5, 4, FOUR);
            }
            if (rules.nelson) {
                nelsonExtras(i, x, v, mask);
            }
        }
        if (rules.runsAnalysis && !chart.excluded[i]) {
            runs(i, x - centre);
        }
    }

    /** RuleKernels.shift, one point at a time. */
    private void shift(int i, double x, double centre, double[] v, int[] mask) {
        final double d = x - centre;
        final int s = d > 0 ? 1 : d < 0 ? -1 : 0;
        if (s == 0) {
            // on the centre line, or missing (NaN compares false both ways)
            if (!rules.skipCentre) {
                shiftSide = 0;
                shiftCount = 0;
            }
            return;
        }
        if (s == shiftSide) {
            shiftCount++;
        } else {
            shiftSide = s;
            shiftCount = 1;
            shiftStart = i;
        }
        if (shiftCount >= rules.shift) {
            if (rules.whole && shiftCount == rules.shift) {
                // the run reaches its length: flag it back to its start, once (each point at most once a run)
                for (int j = shiftStart; j < i; j++) {
                    final double dj = v[j] - line(LiveChart.CENTRE, j);
                    if (shiftSide > 0 ? dj > 0 : dj < 0) {
                        mask[j] |= SHIFT;
                    }
                }
                stretches[Rule.SHIFT.ordinal()].mark(shiftStart);
            }
            mask[i] |= SHIFT;
        }
    }

    /** RuleKernels.trend, one point at a time. */
    private void trend(int i, double x, double[] v, int[] mask) {
        final boolean skipTies = rules.skipTies;
        final int length = rules.trend;
        if (x != x) {
            if (!skipTies) {
                trendDirection = 0;
                trendCount = 0;
                trendPrevious = Double.NaN;
            }
        } else if (trendPrevious != trendPrevious) {
            trendPrevious = x;
            trendPreviousIndex = i;
            trendDirection = 0;
            trendCount = 1;
            trendStart = i;
        } else {
            final int s = x > trendPrevious ? 1 : x < trendPrevious ? -1 : 0;
            if (s == 0) {
                if (!skipTies) {
                    trendDirection = 0;
                    trendCount = 1;
                    trendStart = i;
                    trendPrevious = x;
                    trendPreviousIndex = i;
                }
            } else {
                if (s == trendDirection) {
                    trendCount++;
                } else {
                    trendDirection = s;
                    trendCount = 2;
                    trendStart = trendPreviousIndex;
                }
                final int last = trendPreviousIndex;
                trendPrevious = x;
                trendPreviousIndex = i;
                if (trendCount >= length) {
                    if (rules.whole) {
                        // when the trend reaches its length, every point since its start; after that, the ties
                        // skipped since the previous counted point
                        final int first = trendCount == length ? trendStart : last + 1;
                        for (int j = first; j < i; j++) {
                            if (v[j] == v[j]) {
                                mask[j] |= TREND;
                            }
                        }
                        // this also re-sides the turning point the trend starts from: a point shared by two trends
                        // takes the side of the later one exactly when that one reaches its length (trendSide),
                        // and a flagged point's side is final otherwise (the next counted point either extends its
                        // trend or starts one that is not yet long enough)
                        if (first < i) {
                            stretches[Rule.TREND.ordinal()].mark(first);
                        }
                    }
                    mask[i] |= TREND;
                }
            }
        }
    }

    /** RuleKernels.twoOfThreeSameSide at the window ending at i. */
    private void twoOfThreeSameSide(int i, double[] v, int[] mask, boolean countOutside) {
        if (i < from + 2) {
            return;
        }
        int sideSum = 0;
        int close = 0;
        for (int j = i - 2; j <= i; j++) {
            final double d = v[j] - line(LiveChart.CENTRE, j);
            sideSum += d > 0 ? 1 : d < 0 ? -1 : 0;
            if (isClose(j, v[j], countOutside)) {
                close++;
            }
        }
        if (close >= 2 && (sideSum == 3 || sideSum == -3)) {
            for (int j = i - 2; j <= i; j++) {
                if (isClose(j, v[j], countOutside)) {
                    mask[j] |= TWO;
                }
            }
            stretches[Rule.TWO_OF_THREE.ordinal()].mark(i - 2);
        }
    }

    private boolean isClose(int j, double x, boolean countOutside) {
        final boolean beyond = x > line(LiveChart.UPPER2, j) || x < line(LiveChart.LOWER2, j);
        return countOutside ? beyond
                : beyond && !(x > line(LiveChart.UPPER, j) || x < line(LiveChart.LOWER, j));
    }

    /** RuleKernels.zoneWindow at the window ending at i, against the zone lines of point i. */
    private void zoneWindow(int i, double[] v, int[] mask, int lowerLine, int upperLine, int window, int needed,
            int bit) {
        if (i < from + window - 1) {
            return;
        }
        final double up = line(upperLine, i);
        final double lo = line(lowerLine, i);
        int above = 0;
        int below = 0;
        for (int j = i - window + 1; j <= i; j++) {
            final double x = v[j];
            if (x != x) {
                // a window holding a missing value never qualifies
                return;
            }
            if (x > up) {
                above++;
            } else if (x < lo) {
                below++;
            }
        }
        final double x = v[i];
        if ((above >= needed && x > up) || (below >= needed && x < lo)) {
            mask[i] |= bit;
        }
    }

    /** RuleKernels.alternating, stratification and mixture at point i. */
    private void nelsonExtras(int i, double x, double[] v, int[] mask) {
        if (i >= from + 2) {
            final double a = v[i - 2];
            final double b = v[i - 1];
            if ((b > a && x < b) || (b < a && x > b)) {
                alternatingCount++;
                if (alternatingCount >= ALTERNATING_LENGTH - 2) {
                    mask[i] |= ALTERNATING;
                }
            } else {
                alternatingCount = 0;
            }
        }
        final double lower1 = line(LiveChart.LOWER1, i);
        final double upper1 = line(LiveChart.UPPER1, i);
        if (x >= lower1 && x <= upper1) {
            stratificationCount++;
            if (stratificationCount >= STRATIFICATION_LENGTH) {
                mask[i] |= STRATIFICATION;
            }
        } else {
            stratificationCount = 0;
        }
        if (x > upper1) {
            mixtureOutside++;
            mixtureLastAbove = i;
        } else if (x < lower1) {
            mixtureOutside++;
            mixtureLastBelow = i;
        } else {
            mixtureOutside = 0;
        }
        final int windowStart = i - MIXTURE_LENGTH + 1;
        if (mixtureOutside >= MIXTURE_LENGTH && mixtureLastAbove >= windowStart && mixtureLastBelow >= windowStart) {
            mask[i] |= MIXTURE;
        }
    }

    /** RunsTests.count at an included point i with value - centre = d, and Anhøj's runs kept for flagging. */
    private void runs(int i, double d) {
        final int s = d > 0 ? 1 : d < 0 ? -1 : 0;
        if (s == 0) {
            return;
        }
        useful++;
        if (s == runSide) {
            runLength++;
        } else {
            runSide = s;
            runLength = 1;
            runs++;
            if (longRuns != null) {
                if (currentRun != null && currentRun.length > longestMax) {
                    longRuns.add(currentRun);
                }
                currentRun = new RunRecord(s, i);
            }
        }
        if (runLength > longest) {
            longest = runLength;
        }
        if (firstUseful < 0) {
            firstUseful = i;
        }
        lastUseful = i;
        if (longRuns != null) {
            currentRun.add(i);
            final int max = RunsTests.longestRunMax(useful);
            if (max != longestMax) {
                // round(log2 n) + 3 grows with n: a run that was long enough may no longer be (O(log n) times)
                longestMax = max;
                longRuns.removeIf(r -> r.length <= longestMax);
            }
        }
    }

    // ---- lazily evaluated runs signals ----

    /** Anhøj: fewer crossings than qbinom(0.05, useful - 1, 0.5). */
    private boolean fewCrossings() {
        decide();
        return fewCrossings;
    }

    /** IHI: fewer runs than the runs table's lower bound or more than its upper bound. */
    private boolean ihiSignal() {
        decide();
        return ihiSignal;
    }

    private void decide() {
        if (decidedUseful == useful && decidedRuns == runs) {
            return;
        }
        decidedUseful = useful;
        decidedRuns = runs;
        fewCrossings = rules.anhoej && useful > 0 && fewerCrossings();
        ihiSignal = rules.ihi && useful >= 2 && tooFewOrTooMany();
    }

    /**
     * Whether runs - 1 crossings are fewer than qbinom(0.05, useful - 1, 0.5). The quantile never falls and rises by
     * at most 1 per point (Binomial(n) is Binomial(n - 1) plus one Bernoulli), so after an exact value c0 at n0 the
     * value at n lies in [c0, c0 + n - n0]; the engine's quantile (a table up to 4096 points, a few CDF
     * evaluations beyond) is needed only when the crossings fall inside that bracket, about once every √n points.
     */
    private boolean fewerCrossings() {
        final int crossings = runs - 1;
        if (crossingsUseful != useful) {
            if (crossingsUseful > 0 && useful > 4096) {
                if (crossings < crossingsMin) {
                    return true;
                }
                if (crossings >= crossingsMin + useful - crossingsUseful) {
                    return false;
                }
            }
            exactCrossingsMin();
        }
        return crossings < crossingsMin;
    }

    private int exactCrossingsMin() {
        if (crossingsUseful != useful) {
            crossingsMin = RunsTests.crossingsMin(useful);
            crossingsUseful = useful;
        }
        return crossingsMin;
    }

    /**
     * Whether the number of runs is outside the IHI runs table. The bounds never fall and rise by at most 2 per
     * point (adding one point to a random arrangement adds 0, 1 or 2 runs), so after an exact table at n0 they
     * lie in [lower0, lower0 + 2 (n - n0)] and [upper0, upper0 + 2 (n - n0)]; the table is recomputed only when
     * the number of runs falls inside a bracket.
     */
    private boolean tooFewOrTooMany() {
        if (tableUseful >= 2 && tableUseful <= useful && useful >= 64) {
            final int grow = 2 * (useful - tableUseful);
            if (runs < table[0] || runs > table[1] + grow) {
                return true;
            }
            if (runs >= table[0] + grow && runs <= table[1]) {
                return false;
            }
        }
        runsTable();
        return runs < table[0] || runs > table[1];
    }

    private void runsTable() {
        if (tableUseful != useful) {
            chart.runsTable.bounds(useful, table);
            tableUseful = useful;
        }
    }

    /**
     * The rule bits the runs analysis gives point i of this phase (long run, few crossings, runs), evaluated
     * against the phase as it stands.
     */
    int lazyBits(int i) {
        if (!(rules.anhoej || rules.ihi) || chart.excluded[i]) {
            return 0;
        }
        final double d = chart.v[i] - line(LiveChart.CENTRE, i);
        if (!(d > 0 || d < 0)) {
            return 0;
        }
        int bits = 0;
        if (rules.anhoej) {
            if (longest > longestMax) {
                final RunRecord run = runOf(i);
                if (run != null && run.length > longestMax) {
                    bits |= Rule.LONG_RUN.bit();
                }
            }
            if (fewCrossings()) {
                bits |= Rule.FEW_CROSSINGS.bit();
            }
        } else if (ihiSignal()) {
            bits |= Rule.RUNS.bit();
        }
        return bits;
    }

    /** The run (current, or closed and longer than the limit) holding useful point i, or null. */
    private RunRecord runOf(int i) {
        if (currentRun != null && i >= currentRun.first) {
            return currentRun;
        }
        int lo = 0;
        int hi = longRuns.size() - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final RunRecord r = longRuns.get(mid);
            if (i < r.first) {
                hi = mid - 1;
            } else if (i > r.last) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }

    // ---- outputs ----

    /** Appends the phase's signals of one rule, in point order. */
    void signals(Rule r, List<Signal> out) {
        switch (r) {
            case LONG_RUN:
                if (rules.anhoej && longest > longestMax) {
                    for (RunRecord run : longRuns) {
                        run.signals(this, out);
                    }
                    if (currentRun.length > longestMax) {
                        currentRun.signals(this, out);
                    }
                }
                break;
            case FEW_CROSSINGS:
                if (rules.anhoej && fewCrossings()) {
                    out.add(phaseSignal(r));
                }
                break;
            case RUNS:
                if (rules.ihi && ihiSignal()) {
                    out.add(phaseSignal(r));
                }
                break;
            default:
                final Stretches s = stretches[r.ordinal()];
                if (s != null) {
                    s.sync();
                    s.signals(out);
                }
                break;
        }
    }

    /** Appends the signals of one rule that end at the phase's last point. */
    void signalsAtEnd(Rule r, List<Signal> out) {
        final int last = end() - 1;
        switch (r) {
            case LONG_RUN:
                if (rules.anhoej && currentRun != null && currentRun.length > longestMax
                        && currentRun.last == last) {
                    currentRun.lastSignal(this, out);
                }
                break;
            case FEW_CROSSINGS:
            case RUNS:
                if (lastUseful == last) {
                    signals(r, out);
                }
                break;
            default:
                final Stretches s = stretches[r.ordinal()];
                if (s != null) {
                    s.sync();
                    s.signalAtEnd(out);
                }
                break;
        }
    }

    /** A phase-level signal: every useful point of the phase, typed by the side of the last. */
    private Signal phaseSignal(Rule r) {
        final double x = chart.v[lastUseful];
        return new Signal(r, firstUseful, lastUseful, rules.type(x >= line(LiveChart.CENTRE, lastUseful) ? 1 : -1,
                false));
    }

    /** The phase summary, with its runs analysis computed exactly as the engine does. */
    Phase toPhase() {
        RunsAnalysis analysis = null;
        if (rules.runsAnalysis) {
            if (useful == 0) {
                analysis = new RunsAnalysis(0, -1, -1, -1, -1, -1, -1, -1, false);
            } else {
                final int max = RunsTests.longestRunMax(useful);
                final int min = exactCrossingsMin();
                int lower = -1;
                int upper = -1;
                if (chart.spec().profile() == RuleProfile.IHI) {
                    runsTable();
                    lower = table[0];
                    upper = table[1];
                }
                final boolean signal = rules.anhoej ? longest > max || runs - 1 < min
                        : rules.ihi && lower >= 0 && (runs < lower || runs > upper);
                analysis = new RunsAnalysis(useful, longest, max, runs - 1, min, runs, lower, upper, signal);
            }
        }
        return new Phase(number + 1, from, end() - 1, line(LiveChart.CENTRE, from), sigma, baselinePoints,
                analysis);
    }

    /**
     * A run of useful points on one side, with the stretches of consecutive indices it covers (a point on the
     * centre line, missing or excluded inside the run splits its signal, as the engine's classification does).
     */
    private static final class RunRecord {
        final int side;
        final int first;
        int last;
        int length;
        /** Pairs [start, end] of consecutive useful points. */
        int[] segments = new int[2];
        int segmentCount;

        RunRecord(int side, int first) {
            this.side = side;
            this.first = first;
            this.last = first - 2;
        }

        void add(int i) {
            if (segmentCount > 0 && last == i - 1) {
                segments[2 * segmentCount - 1] = i;
            } else {
                if (2 * segmentCount == segments.length) {
                    segments = Arrays.copyOf(segments, 4 * segmentCount);
                }
                segments[2 * segmentCount] = i;
                segments[2 * segmentCount + 1] = i;
                segmentCount++;
            }
            last = i;
            length++;
        }

        void signals(PhaseState p, List<Signal> out) {
            final PointType type = p.rules.type(side, true);
            for (int k = 0; k < segmentCount; k++) {
                out.add(new Signal(Rule.LONG_RUN, segments[2 * k], segments[2 * k + 1], type));
            }
        }

        void lastSignal(PhaseState p, List<Signal> out) {
            out.add(new Signal(Rule.LONG_RUN, segments[2 * segmentCount - 2], segments[2 * segmentCount - 1],
                    p.rules.type(side, true)));
        }
    }
}
