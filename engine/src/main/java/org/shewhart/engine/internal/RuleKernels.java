package org.shewhart.engine.internal;

/**
 * Rule detectors. Each scans the points {@code [from, to)} of one phase once and ORs {@code bit} into
 * {@code mask[i]} for every point it flags. Values and lines are per point; NaN is missing and never satisfies a
 * comparison. No range checks are performed and nothing is allocated. No instances.
 *
 * <p>Two flag placements exist, after the reference tools: <em>whole pattern</em> flags every point of a
 * qualifying run (NHSRplotthedots, IHI) and <em>from the N-th point</em> flags only the points from the one at
 * which the run first reaches its length (qcc 3.0 {@code qccRulesViolatingRun}).
 */
public final class RuleKernels {
    private RuleKernels() {
    }

    /**
     * Points strictly above the upper or strictly below the lower limit.
     */
    public static void outside(double[] v, double[] lower, double[] upper, int from, int to, int[] mask, int bit) {
        for (int i = from; i < to; i++) {
            final double x = v[i];
            if (x > upper[i] || x < lower[i]) {
                mask[i] |= bit;
            }
        }
    }

    /**
     * Runs of at least {@code length} points on the same side of the centre line.
     *
     * @param skipCentre if true, points on the centre line and missing points neither extend nor break a run
     *     (IHI, Anhøj); otherwise they break it (MDC, qcc)
     * @param wholePattern flag every point of the run, otherwise from the {@code length}-th point on
     */
    public static void shift(double[] v, double[] centre, int from, int to, int length, boolean skipCentre,
            boolean wholePattern, int[] mask, int bit) {
        int side = 0;
        int count = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            final double d = v[i] - centre[i];
            final int s = d > 0 ? 1 : d < 0 ? -1 : 0;
            if (s == 0) {
                // on the centre line, or missing (NaN compares false both ways)
                if (!skipCentre) {
                    side = 0;
                    count = 0;
                }
                continue;
            }
            if (s == side) {
                count++;
            } else {
                side = s;
                count = 1;
                start = i;
            }
            if (count >= length) {
                if (wholePattern && count == length) {
                    for (int j = start; j < i; j++) {
                        final double dj = v[j] - centre[j];
                        if (side > 0 ? dj > 0 : dj < 0) {
                            mask[j] |= bit;
                        }
                    }
                }
                mask[i] |= bit;
            }
        }
    }

    /**
     * Trends: at least {@code length} points each strictly higher (or lower) than the one before.
     *
     * @param skipTies if true, a value equal to the previous counted one (or missing) is skipped and neither
     *     extends nor breaks the trend (IHI); otherwise a tie or a missing value breaks it (MDC, qcc)
     * @param wholePattern flag every point of the trend (including skipped ties inside it), otherwise from the
     *     {@code length}-th point on
     */
    public static void trend(double[] v, int from, int to, int length, boolean skipTies, boolean wholePattern,
            int[] mask, int bit) {
        trend(v, from, to, length, skipTies, wholePattern, mask, bit, null);
    }

    /**
     * Trends, as {@link #trend(double[], int, int, int, boolean, boolean, int[], int)}, also recording the side of
     * every flagged point in one pass: bit i of {@code rising} (word {@code i >>> 6}) is set if the trend that
     * flags point i rises and cleared if it falls; other bits are left alone. A point flagged by two trends (a
     * turning point, or ties after it) takes the direction of the later one, the one that goes on past it, so the
     * bit equals {@code trendSide(...) > 0} for every flagged point without rescanning ties.
     *
     * @param rising receives the sides (a bitset over point indices), or {@code null} if not wanted
     */
    public static void trend(double[] v, int from, int to, int length, boolean skipTies, boolean wholePattern,
            int[] mask, int bit, long[] rising) {
        int direction = 0;
        int count = 0;
        int start = from;
        double previous = Double.NaN;
        int previousIndex = -1;
        for (int i = from; i < to; i++) {
            final double x = v[i];
            if (x != x) {
                if (!skipTies) {
                    direction = 0;
                    count = 0;
                    previous = Double.NaN;
                }
                continue;
            }
            if (previous != previous) {
                previous = x;
                previousIndex = i;
                direction = 0;
                count = 1;
                start = i;
                continue;
            }
            final int s = x > previous ? 1 : x < previous ? -1 : 0;
            if (s == 0) {
                if (!skipTies) {
                    direction = 0;
                    count = 1;
                    start = i;
                    previous = x;
                    previousIndex = i;
                }
                continue;
            }
            if (s == direction) {
                count++;
            } else {
                direction = s;
                count = 2;
                start = previousIndex;
            }
            final int last = previousIndex;
            previous = x;
            previousIndex = i;
            if (count >= length) {
                if (wholePattern) {
                    // when the trend reaches its length, every point since its start; after that, the point and
                    // the ties skipped since the previous counted point (none unless skipTies)
                    for (int j = count == length ? start : last + 1; j < i; j++) {
                        if (v[j] == v[j]) {
                            mask[j] |= bit;
                            side(rising, j, direction);
                        }
                    }
                }
                mask[i] |= bit;
                side(rising, i, direction);
            }
        }
    }

    private static void side(long[] rising, int i, int direction) {
        if (rising != null) {
            if (direction > 0) {
                rising[i >>> 6] |= 1L << i;
            } else {
                rising[i >>> 6] &= ~(1L << i);
            }
        }
    }

    /**
     * The direction of the trend that flags point i under the rules of
     * {@link #trend(double[], int, int, int, boolean, boolean, int[], int)}: +1 rising, -1 falling, 0 if no trend
     * flags it. A turning point that ends one whole-pattern trend and starts another takes the direction of the one
     * that goes on past it (NHSRplotthedots: "if a point is part of a trend either side, use right side"). Walks at
     * most {@code length} counted points each way from i.
     */
    public static int trendSide(double[] v, int from, int to, int i, int length, boolean skipTies,
            boolean wholePattern) {
        final double x = v[i];
        if (x != x) {
            return 0;
        }
        // a skipped tie (equal to the previous value that is not missing) is never counted: it belongs to a trend
        // only if that trend goes on past it, and only whole patterns flag it
        final boolean tie = skipTies && countedBefore(v, from, i, true) != previousValue(v, from, i);
        if (tie && !wholePattern) {
            return 0;
        }
        // the step to the next counted point: the point belongs to that trend if it is long enough
        final int next = countedAfter(v, to, i, skipTies);
        if (next >= 0) {
            final int d = v[next] > x ? 1 : -1;
            final int before = pointsBefore(v, from, i, d, length, skipTies);
            final int after = pointsAfter(v, to, next, d, length, skipTies);
            if (wholePattern ? before + after >= length : before >= length) {
                return d;
            }
        }
        // otherwise the step from the previous counted point
        final int previous = countedBefore(v, from, i, skipTies);
        if (previous >= 0 && !tie) {
            final int d = x > v[previous] ? 1 : -1;
            final int before = pointsBefore(v, from, i, d, length, skipTies);
            final int after = pointsAfter(v, to, i, d, length, skipTies) - 1;
            if (wholePattern ? before + after >= length : before >= length) {
                return d;
            }
        }
        return 0;
    }

    /** The next point after i that a trend counts: with skipTies the next value not missing and not equal to v[i]. */
    private static int countedAfter(double[] v, int to, int i, boolean skipTies) {
        final double x = v[i];
        for (int j = i + 1; j < to; j++) {
            final double y = v[j];
            if (y == y && y != x) {
                return j;
            }
            if (!skipTies) {
                // a tie or a missing value breaks the trend
                return -1;
            }
        }
        return -1;
    }

    /** The index of the last value before i that is not missing, -1 if none. */
    private static int previousValue(double[] v, int from, int i) {
        for (int j = i - 1; j >= from; j--) {
            if (v[j] == v[j]) {
                return j;
            }
        }
        return -1;
    }

    /** The counted point before i, as {@link #countedAfter}. */
    private static int countedBefore(double[] v, int from, int i, boolean skipTies) {
        final double x = v[i];
        for (int j = i - 1; j >= from; j--) {
            final double y = v[j];
            if (y == y && y != x) {
                return j;
            }
            if (!skipTies) {
                return -1;
            }
        }
        return -1;
    }

    /** Counted points of the run in direction d that ends at i, i included, capped at {@code cap}. */
    private static int pointsBefore(double[] v, int from, int i, int d, int cap, boolean skipTies) {
        int count = 1;
        int at = i;
        while (count < cap) {
            final int j = countedBefore(v, from, at, skipTies);
            if (j < 0 || (d > 0 ? !(v[at] > v[j]) : !(v[at] < v[j]))) {
                break;
            }
            count++;
            at = j;
        }
        return count;
    }

    /** Counted points of the run in direction d that starts at i, i included, capped at {@code cap}. */
    private static int pointsAfter(double[] v, int to, int i, int d, int cap, boolean skipTies) {
        int count = 1;
        int at = i;
        while (count < cap) {
            final int j = countedAfter(v, to, at, skipTies);
            if (j < 0 || (d > 0 ? !(v[j] > v[at]) : !(v[j] < v[at]))) {
                break;
            }
            count++;
            at = j;
        }
        return count;
    }

    /**
     * Making Data Count two-of-three: in a complete window of three consecutive points, all three strictly on the
     * same side of the centre line and at least two of them "close" (beyond the 2σ line); the close points of the
     * window are flagged.
     *
     * @param countOutside if false only points between the 2σ line and the limits are close (NHSRplotthedots
     *     0.2.2); if true points beyond the limits count too (Making Data Count rule of November 2023)
     */
    public static void twoOfThreeSameSide(double[] v, double[] centre, double[] lower2, double[] upper2,
            double[] lower, double[] upper, int from, int to, boolean countOutside, int[] mask, int bit) {
        for (int i = from + 2; i < to; i++) {
            int sideSum = 0;
            int close = 0;
            for (int j = i - 2; j <= i; j++) {
                final double d = v[j] - centre[j];
                sideSum += d > 0 ? 1 : d < 0 ? -1 : 0;
                if (isClose(v[j], lower2[j], upper2[j], lower[j], upper[j], countOutside)) {
                    close++;
                }
            }
            if (close >= 2 && (sideSum == 3 || sideSum == -3)) {
                for (int j = i - 2; j <= i; j++) {
                    if (isClose(v[j], lower2[j], upper2[j], lower[j], upper[j], countOutside)) {
                        mask[j] |= bit;
                    }
                }
            }
        }
    }

    private static boolean isClose(double x, double lower2, double upper2, double lower, double upper,
            boolean countOutside) {
        final boolean beyond = x > upper2 || x < lower2;
        return countOutside ? beyond : beyond && !(x > upper || x < lower);
    }

    /**
     * qcc's zone rules (Western Electric 2 and 3, Nelson 5 and 6): in the window of {@code window} points ending
     * at point i, at least {@code needed} lie strictly beyond the zone line on one side and point i is one of
     * them; point i is flagged. Every point of the window is compared with the zone lines of point i (qcc's
     * behaviour with variable limits). A window holding a missing value never qualifies.
     *
     * <p>The counts slide with the window while the zone lines stay the same from one point to the next, and are
     * recounted where they change: one comparison per point with constant limits, {@code window} per point with
     * limits that vary at every point.
     */
    public static void zoneWindow(double[] v, double[] lowerZone, double[] upperZone, int from, int to, int window,
            int needed, int[] mask, int bit) {
        double up = Double.NaN;
        double lo = Double.NaN;
        int above = 0;
        int below = 0;
        int missing = 0;
        boolean counted = false;
        for (int i = from + window - 1; i < to; i++) {
            final double u = upperZone[i];
            final double l = lowerZone[i];
            if (counted && same(u, up) && same(l, lo)) {
                // slide: the point leaving the window, then the one entering it, counted as a recount would
                final double gone = v[i - window];
                if (gone != gone) {
                    missing--;
                } else if (gone > up) {
                    above--;
                } else if (gone < lo) {
                    below--;
                }
                final double x = v[i];
                if (x != x) {
                    missing++;
                } else if (x > up) {
                    above++;
                } else if (x < lo) {
                    below++;
                }
            } else {
                up = u;
                lo = l;
                above = 0;
                below = 0;
                missing = 0;
                for (int j = i - window + 1; j <= i; j++) {
                    final double x = v[j];
                    if (x != x) {
                        missing++;
                    } else if (x > up) {
                        above++;
                    } else if (x < lo) {
                        below++;
                    }
                }
                counted = true;
            }
            if (missing != 0) {
                continue;
            }
            final double x = v[i];
            if ((above >= needed && x > up) || (below >= needed && x < lo)) {
                mask[i] |= bit;
            }
        }
    }

    /** Whether two lines compare alike with every value: numerically equal (so 0.0 and -0.0 too), or both NaN. */
    private static boolean same(double a, double b) {
        return a == b || (a != a && b != b);
    }

    /**
     * Nelson 4: {@code length} points in a row alternating up and down (each step reverses the previous one);
     * flagged from the {@code length}-th point (qcc).
     */
    public static void alternating(double[] v, int from, int to, int length, int[] mask, int bit) {
        int count = 0;
        for (int i = from + 2; i < to; i++) {
            final double a = v[i - 2];
            final double b = v[i - 1];
            final double c = v[i];
            // compare, do not multiply the steps: their product underflows to 0 for tiny values (and NaN fails both)
            if ((b > a && c < b) || (b < a && c > b)) {
                count++;
                if (count >= length - 2) {
                    mask[i] |= bit;
                }
            } else {
                count = 0;
            }
        }
    }

    /**
     * Nelson 7: {@code length} points in a row within the 1σ lines (inclusive); flagged from the
     * {@code length}-th point (qcc).
     */
    public static void stratification(double[] v, double[] lower1, double[] upper1, int from, int to, int length,
            int[] mask, int bit) {
        int count = 0;
        for (int i = from; i < to; i++) {
            final double x = v[i];
            if (x >= lower1[i] && x <= upper1[i]) {
                count++;
                if (count >= length) {
                    mask[i] |= bit;
                }
            } else {
                count = 0;
            }
        }
    }

    /**
     * Nelson 8: a window of {@code length} points all strictly beyond the 1σ lines, at least one above and one
     * below; the window's last point is flagged (qcc).
     */
    public static void mixture(double[] v, double[] lower1, double[] upper1, int from, int to, int length,
            int[] mask, int bit) {
        int outside = 0;
        int lastAbove = Integer.MIN_VALUE;
        int lastBelow = Integer.MIN_VALUE;
        for (int i = from; i < to; i++) {
            final double x = v[i];
            if (x > upper1[i]) {
                outside++;
                lastAbove = i;
            } else if (x < lower1[i]) {
                outside++;
                lastBelow = i;
            } else {
                outside = 0;
            }
            final int windowStart = i - length + 1;
            if (outside >= length && lastAbove >= windowStart && lastBelow >= windowStart) {
                mask[i] |= bit;
            }
        }
    }
}
