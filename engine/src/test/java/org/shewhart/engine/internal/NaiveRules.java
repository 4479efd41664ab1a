package org.shewhart.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain reference implementations of the rule kernels and runs tests, written from the semantics in DESIGN.md
 * section 4, the oracle README ("Known quirks") and the kernels' Javadoc, not from the kernels' code. Every rule is
 * phrased as a test on explicitly enumerated windows:
 *
 * <ul>
 * <li><em>whole pattern</em>: a point is flagged if it belongs to some qualifying window of exactly {@code length}
 * consecutive points (every longer run is covered by such windows);</li>
 * <li><em>from the N-th point</em>: a point is flagged if it is the last point of a qualifying window, i.e. the
 * run has reached its length there;</li>
 * <li>"skipped" points (on the centre line, missing, tied) are first removed from the sequence the windows run
 * over.</li>
 * </ul>
 *
 * Each method returns one flag per point of {@code v}; points outside {@code [from, to)} are never flagged.
 * Quadratic and allocating on purpose: clarity over speed. Public so that the chart-level tests can use it.
 */
public final class NaiveRules {
    private NaiveRules() {
    }

    /** +1 strictly above the line, -1 strictly below, 0 on it or if either is missing. */
    public static int side(double x, double line) {
        if (Double.isNaN(x) || Double.isNaN(line)) {
            return 0;
        }
        if (x > line) {
            return 1;
        }
        if (x < line) {
            return -1;
        }
        return 0;
    }

    /** Rule 1: strictly above the upper or strictly below the lower limit (a missing limit never fires). */
    public static boolean[] outside(double[] v, double[] lower, double[] upper, int from, int to) {
        final boolean[] flag = new boolean[v.length];
        for (int i = from; i < to; i++) {
            flag[i] = side(v[i], upper[i]) > 0 || side(v[i], lower[i]) < 0;
        }
        return flag;
    }

    /**
     * Shift: {@code length} points in a row on the same side of the centre line. With {@code skipCentre}, points
     * on the line and missing points are removed before looking for rows (they neither break nor extend a run, and
     * are never flagged); without it they stay in the sequence and, having no side, break every row through them.
     */
    public static boolean[] shift(double[] v, double[] centre, int from, int to, int length, boolean skipCentre,
            boolean wholePattern) {
        final boolean[] use = new boolean[v.length];
        Arrays.fill(use, true);
        return sameSideRows(v, centre, use, from, to, length, skipCentre, wholePattern);
    }

    private static boolean[] sameSideRows(double[] v, double[] centre, boolean[] use, int from, int to, int length,
            boolean skipNoSide, boolean wholePattern) {
        final List<Integer> seq = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (use[i] && (!skipNoSide || side(v[i], centre[i]) != 0)) {
                seq.add(i);
            }
        }
        final boolean[] flag = new boolean[v.length];
        for (int w = 0; w + length <= seq.size(); w++) {
            final int s = side(v[seq.get(w)], centre[seq.get(w)]);
            boolean sameSide = s != 0;
            for (int k = w; k < w + length; k++) {
                if (side(v[seq.get(k)], centre[seq.get(k)]) != s) {
                    sameSide = false;
                }
            }
            if (sameSide) {
                if (wholePattern) {
                    for (int k = w; k < w + length; k++) {
                        flag[seq.get(k)] = true;
                    }
                } else {
                    flag[seq.get(w + length - 1)] = true;
                }
            }
        }
        return flag;
    }

    /**
     * Trend: {@code length} points each strictly above (or each strictly below) the one before. With
     * {@code skipTies}, missing values and values equal to the previous kept value are removed first; a whole
     * pattern then also covers the removed ties between its first and last point (never missing points). Without
     * it a tie or a missing value breaks every row through it.
     */
    public static boolean[] trend(double[] v, int from, int to, int length, boolean skipTies,
            boolean wholePattern) {
        return trend(v, from, to, length, skipTies, wholePattern, 0);
    }

    /**
     * As {@link #trend(double[], int, int, int, boolean, boolean)}, counting only rising trends
     * ({@code direction} +1), only falling ones (-1) or both (0).
     *
     * @param v values
     * @param from first index
     * @param to end index, exclusive
     * @param length trend length in points
     * @param skipTies whether ties and missing values are skipped
     * @param wholePattern whether every point of a trend is flagged
     * @param direction +1, -1 or 0
     * @return one flag per point
     */
    public static boolean[] trend(double[] v, int from, int to, int length, boolean skipTies, boolean wholePattern,
            int direction) {
        final List<Integer> seq = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!skipTies) {
                seq.add(i);
            } else if (!Double.isNaN(v[i]) && (seq.isEmpty() || v[i] != v[seq.get(seq.size() - 1)])) {
                seq.add(i);
            }
        }
        final boolean[] flag = new boolean[v.length];
        for (int w = 0; w + length <= seq.size(); w++) {
            boolean up = true;
            boolean down = true;
            for (int k = w + 1; k < w + length; k++) {
                final double before = v[seq.get(k - 1)];
                final double after = v[seq.get(k)];
                up &= after > before;
                down &= after < before;
            }
            if ((up && direction >= 0) || (down && direction <= 0)) {
                if (!wholePattern) {
                    flag[seq.get(w + length - 1)] = true;
                } else if (skipTies) {
                    for (int j = seq.get(w); j <= seq.get(w + length - 1); j++) {
                        if (!Double.isNaN(v[j])) {
                            flag[j] = true;
                        }
                    }
                } else {
                    for (int k = w; k < w + length; k++) {
                        flag[seq.get(k)] = true;
                    }
                }
            }
        }
        return flag;
    }

    /**
     * The direction (+1 rising, -1 falling) of the trend that flags point i, 0 if none does: the direction of the
     * qualifying windows of {@link #trend(double[], int, int, int, boolean, boolean)} that flag i. A turning point
     * flagged by a rising and a falling window (whole pattern only) takes the direction of the window that goes on
     * past it (NHSRplotthedots: "if a point is part of a trend either side, use right side").
     *
     * @param v values
     * @param from first index
     * @param to end index, exclusive
     * @param i the point
     * @param length trend length in points
     * @param skipTies whether ties and missing values are skipped
     * @param wholePattern whether every point of a trend is flagged
     * @return +1, -1 or 0
     */
    public static int trendSide(double[] v, int from, int to, int i, int length, boolean skipTies,
            boolean wholePattern) {
        final boolean up = trend(v, from, to, length, skipTies, wholePattern, 1)[i];
        final boolean down = trend(v, from, to, length, skipTies, wholePattern, -1)[i];
        if (up != down) {
            return up ? 1 : -1;
        }
        if (!up) {
            return 0;
        }
        // both: the point ends one trend and starts the other, and the step to the next value that is not a tie
        // of it (nor missing) belongs to the later one
        for (int j = i + 1; j < to; j++) {
            if (!Double.isNaN(v[j]) && v[j] != v[i]) {
                return v[j] > v[i] ? 1 : -1;
            }
        }
        throw new IllegalStateException("a point in a rising and a falling trend has no later value");
    }

    /**
     * Making Data Count two-of-three: every complete window of three consecutive points whose three points are
     * all strictly on the same side of the centre line and of which at least two are "close"; the close points of
     * the window are flagged. Close = strictly beyond a 2σ line; unless {@code countOutside}, a point strictly
     * beyond a limit is not close.
     */
    public static boolean[] twoOfThreeSameSide(double[] v, double[] centre, double[] lower2, double[] upper2,
            double[] lower, double[] upper, int from, int to, boolean countOutside) {
        final boolean[] close = new boolean[v.length];
        for (int i = from; i < to; i++) {
            final boolean beyond2 = side(v[i], upper2[i]) > 0 || side(v[i], lower2[i]) < 0;
            final boolean beyond3 = side(v[i], upper[i]) > 0 || side(v[i], lower[i]) < 0;
            close[i] = beyond2 && (countOutside || !beyond3);
        }
        final boolean[] flag = new boolean[v.length];
        for (int first = from; first + 3 <= to; first++) {
            int above = 0;
            int below = 0;
            int closeCount = 0;
            for (int j = first; j < first + 3; j++) {
                final int s = side(v[j], centre[j]);
                above += s > 0 ? 1 : 0;
                below += s < 0 ? 1 : 0;
                closeCount += close[j] ? 1 : 0;
            }
            if ((above == 3 || below == 3) && closeCount >= 2) {
                for (int j = first; j < first + 3; j++) {
                    flag[j] |= close[j];
                }
            }
        }
        return flag;
    }

    /**
     * qcc zone rules: the window of {@code window} points ending at i has no missing value, at least
     * {@code needed} of its points are strictly above point i's upper zone line (or strictly below its lower one)
     * and point i itself is one of them; point i is flagged.
     */
    public static boolean[] zoneWindow(double[] v, double[] lowerZone, double[] upperZone, int from, int to,
            int window, int needed) {
        final boolean[] flag = new boolean[v.length];
        for (int last = from + window - 1; last < to; last++) {
            boolean anyMissing = false;
            int above = 0;
            int below = 0;
            for (int j = last - window + 1; j <= last; j++) {
                anyMissing |= Double.isNaN(v[j]);
                above += side(v[j], upperZone[last]) > 0 ? 1 : 0;
                below += side(v[j], lowerZone[last]) < 0 ? 1 : 0;
            }
            final boolean lastAbove = side(v[last], upperZone[last]) > 0;
            final boolean lastBelow = side(v[last], lowerZone[last]) < 0;
            flag[last] = !anyMissing && ((above >= needed && lastAbove) || (below >= needed && lastBelow));
        }
        return flag;
    }

    /**
     * Nelson 4: the {@code length} points ending at i go up and down in turn, every step strictly up or strictly
     * down and each step the opposite of the one before; point i is flagged.
     */
    public static boolean[] alternating(double[] v, int from, int to, int length) {
        final boolean[] flag = new boolean[v.length];
        for (int last = from + length - 1; last < to; last++) {
            boolean ok = true;
            int previousStep = 0;
            for (int j = last - length + 2; j <= last; j++) {
                final int step = side(v[j], v[j - 1]);
                if (step == 0 || step == previousStep) {
                    ok = false;
                }
                previousStep = step;
            }
            flag[last] = ok;
        }
        return flag;
    }

    /** Nelson 7: the {@code length} points ending at i all lie within the 1σ lines, inclusive; i is flagged. */
    public static boolean[] stratification(double[] v, double[] lower1, double[] upper1, int from, int to,
            int length) {
        final boolean[] flag = new boolean[v.length];
        for (int last = from + length - 1; last < to; last++) {
            boolean ok = true;
            for (int j = last - length + 1; j <= last; j++) {
                // a comparison involving NaN is false: a missing value or line is never "within"
                if (!(v[j] >= lower1[j] && v[j] <= upper1[j])) {
                    ok = false;
                }
            }
            flag[last] = ok;
        }
        return flag;
    }

    /**
     * Nelson 8: the {@code length} points ending at i all lie strictly beyond the 1σ lines, at least one above and
     * at least one below; i is flagged.
     */
    public static boolean[] mixture(double[] v, double[] lower1, double[] upper1, int from, int to, int length) {
        final boolean[] flag = new boolean[v.length];
        for (int last = from + length - 1; last < to; last++) {
            int above = 0;
            int below = 0;
            for (int j = last - length + 1; j <= last; j++) {
                if (side(v[j], upper1[j]) > 0) {
                    above++;
                } else if (side(v[j], lower1[j]) < 0) {
                    below++;
                }
            }
            flag[last] = above + below == length && above > 0 && below > 0;
        }
        return flag;
    }

    /**
     * Runs statistics over the useful points (selected, with a value, not on the centre line): their number, the
     * longest run of one side, and the number of runs.
     */
    public static int[] runsCount(double[] v, double[] centre, boolean[] use, int from, int to) {
        final List<Integer> sides = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (use[i] && side(v[i], centre[i]) != 0) {
                sides.add(side(v[i], centre[i]));
            }
        }
        int runs = 0;
        int longest = 0;
        int current = 0;
        for (int k = 0; k < sides.size(); k++) {
            if (k == 0 || !sides.get(k).equals(sides.get(k - 1))) {
                runs++;
                current = 0;
            }
            current++;
            longest = Math.max(longest, current);
        }
        return new int[] {sides.size(), longest, runs};
    }

    /** Anhøj long runs: every useful point of a run of more than {@code maxRun} useful points on one side. */
    public static boolean[] longRuns(double[] v, double[] centre, boolean[] use, int from, int to, int maxRun) {
        return sameSideRows(v, centre, use, from, to, maxRun + 1, true, true);
    }

    /** Every useful point of the range. */
    public static boolean[] useful(double[] v, double[] centre, boolean[] use, int from, int to) {
        final boolean[] flag = new boolean[v.length];
        for (int i = from; i < to; i++) {
            flag[i] = use[i] && side(v[i], centre[i]) != 0;
        }
        return flag;
    }
}
