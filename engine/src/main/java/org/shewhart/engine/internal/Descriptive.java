package org.shewhart.engine.internal;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Descriptive statistics over the points of a range that a mask selects; NaN values are skipped. No range checks
 * are performed. No instances.
 */
public final class Descriptive {
    private Descriptive() {
    }

    /**
     * Mean of the selected, non-missing values.
     *
     * @param x values
     * @param use selection mask (same indexing as {@code x})
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the mean, NaN if nothing is selected
     */
    public static double mean(double[] x, boolean[] use, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            final double v = x[i];
            if (use[i] && v == v) {
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        final double m = sum / count;
        // one correction pass (corrected two-pass mean): removes the rounding error of the first sum
        double correction = 0;
        for (int i = from; i < to; i++) {
            final double v = x[i];
            if (use[i] && v == v) {
                correction += v - m;
            }
        }
        return m + correction / count;
    }

    /**
     * Median of the selected, non-missing values (the mean of the two middle values for an even count, as R's
     * {@code median}).
     *
     * @param x values
     * @param use selection mask
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param scratch a buffer of at least {@code to - from} elements, overwritten
     * @return the median, NaN if nothing is selected
     */
    public static double median(double[] x, boolean[] use, int from, int to, double[] scratch) {
        int count = 0;
        for (int i = from; i < to; i++) {
            final double v = x[i];
            if (use[i] && v == v) {
                scratch[count++] = v;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, count);
        final int mid = count >>> 1;
        return (count & 1) == 1 ? scratch[mid] : (scratch[mid - 1] + scratch[mid]) / 2;
    }

    /**
     * Number of selected, non-missing values.
     *
     * @param x values
     * @param use selection mask
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the count
     */
    public static int count(double[] x, boolean[] use, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (use[i] && x[i] == x[i]) {
                count++;
            }
        }
        return count;
    }

    /**
     * Sample standard deviation (denominator n - 1) of the selected, non-missing values, by the corrected
     * two-pass algorithm (Chan, Golub and LeVeque 1983, eq. 1.7).
     *
     * @param x values
     * @param use selection mask
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the standard deviation, NaN for fewer than two values
     */
    public static double standardDeviation(double[] x, boolean[] use, int from, int to) {
        final double m = mean(x, use, from, to);
        int count = 0;
        double ss = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            final double v = x[i];
            if (use[i] && v == v) {
                final double d = v - m;
                ss += d * d;
                s += d;
                count++;
            }
        }
        if (count < 2) {
            return Double.NaN;
        }
        return Math.sqrt((ss - s * s / count) / (count - 1));
    }

    /**
     * The bias-correction constant c4(n) = sqrt(2 / (n - 1)) Γ(n / 2) / Γ((n - 1) / 2), exact via log-gamma
     * (Montgomery, Introduction to SQC, appendix VI; qcc {@code qcc.c4}).
     *
     * @param n sample size, at least 2
     * @return c4(n), NaN for n &lt; 2
     */
    public static double c4(double n) {
        if (!(n >= 2)) {
            return Double.NaN;
        }
        return Math.sqrt(2 / (n - 1)) * Math.exp(LogGamma.value(n / 2) - LogGamma.value((n - 1) / 2));
    }
}
