package org.shewhart.engine.internal;

/**
 * Average moving range of span 2 over the points a mask selects. Unselected points are skipped, so a moving range
 * spans an excluded point (qicharts2 {@code exclude}); a missing value makes both moving ranges that touch it
 * missing, so a moving range never spans a gap in the data. No range checks are performed. No instances.
 */
public final class MovingRanges {
    /** D4(2) = 3.267: moving ranges at or above 3.267 x AMR are screened out (Nelson 1982; qicharts2, MDC). */
    public static final double SCREEN_LIMIT = 3.267;

    private MovingRanges() {
    }

    /**
     * The average moving range, optionally screened once: moving ranges not strictly below
     * {@link #SCREEN_LIMIT} x AMR are dropped and the rest averaged again.
     *
     * @param x values, NaN = missing
     * @param use selection mask
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param screen whether to screen
     * @return the AMR, NaN if there is no moving range (or none survives screening)
     */
    public static double average(double[] x, boolean[] use, int from, int to, boolean screen) {
        final double amr = averageBelow(x, use, from, to, Double.POSITIVE_INFINITY);
        if (!screen || amr != amr) {
            return amr;
        }
        return averageBelow(x, use, from, to, SCREEN_LIMIT * amr);
    }

    /** Mean of the moving ranges strictly below {@code cut}; NaN if there are none. */
    private static double averageBelow(double[] x, boolean[] use, int from, int to, double cut) {
        double sum = 0;
        int count = 0;
        double previous = Double.NaN;
        boolean started = false;
        for (int i = from; i < to; i++) {
            if (!use[i]) {
                continue;
            }
            final double v = x[i];
            if (started) {
                final double mr = Math.abs(v - previous);
                // NaN fails the comparison: a moving range touching a missing value is dropped
                if (mr < cut) {
                    sum += mr;
                    count++;
                }
            }
            previous = v;
            started = true;
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
