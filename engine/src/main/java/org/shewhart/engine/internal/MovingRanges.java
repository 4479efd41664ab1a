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

    /**
     * The mean of the selected, non-missing values ({@link Descriptive#mean}) and the average moving range
     * ({@link #average}) in two passes instead of four: the same sums in the same order, so the same results to
     * the last bit, with two independent chains of additions per loop.
     *
     * @param x values, NaN = missing
     * @param use selection mask
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param screen whether to screen the moving ranges
     * @param out receives {@code [mean, average moving range]}
     */
    public static void meanAndAverage(double[] x, boolean[] use, int from, int to, boolean screen, double[] out) {
        double sum = 0;
        int count = 0;
        double mrSum = 0;
        int mrCount = 0;
        double previous = Double.NaN;
        boolean started = false;
        for (int i = from; i < to; i++) {
            if (!use[i]) {
                continue;
            }
            final double v = x[i];
            if (v == v) {
                sum += v;
                count++;
            }
            if (started) {
                final double mr = Math.abs(v - previous);
                if (mr < Double.POSITIVE_INFINITY) {
                    mrSum += mr;
                    mrCount++;
                }
            }
            previous = v;
            started = true;
        }
        final double mean = count == 0 ? Double.NaN : sum / count;
        final double amr = mrCount == 0 ? Double.NaN : mrSum / mrCount;
        final boolean again = screen && amr == amr;
        final double cut = SCREEN_LIMIT * amr;
        double correction = 0;
        double screenedSum = 0;
        int screenedCount = 0;
        previous = Double.NaN;
        started = false;
        if (count > 0 || again) {
            for (int i = from; i < to; i++) {
                if (!use[i]) {
                    continue;
                }
                final double v = x[i];
                if (v == v) {
                    // one correction pass (corrected two-pass mean), as Descriptive.mean
                    correction += v - mean;
                }
                if (started) {
                    final double mr = Math.abs(v - previous);
                    if (mr < cut) {
                        screenedSum += mr;
                        screenedCount++;
                    }
                }
                previous = v;
                started = true;
            }
        }
        out[0] = count == 0 ? Double.NaN : mean + correction / count;
        out[1] = !again ? amr : screenedCount == 0 ? Double.NaN : screenedSum / screenedCount;
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
