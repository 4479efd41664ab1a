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
        // the middle order statistics by selection, O(n), the values they would have after Arrays.sort
        final int mid = count >>> 1;
        if ((count & 1) == 1) {
            select(scratch, count, mid);
            return signedZero(scratch, count, mid, scratch[mid]);
        }
        select(scratch, count, mid - 1);
        double next = scratch[mid];
        for (int i = mid + 1; i < count; i++) {
            next = Math.min(next, scratch[i]);
        }
        final double a = signedZero(scratch, count, mid - 1, scratch[mid - 1]);
        final double b = signedZero(scratch, count, mid, next);
        return (a + b) / 2;
    }

    /** Ranges at most this long are sorted by insertion. */
    private static final int INSERTION = 24;

    /**
     * Rearranges {@code a[0, n)} (no NaN) so that {@code a[k]} holds the value of rank k (0-based) in ascending
     * order, every element before it is {@code <=} it and every one after it {@code >=} it: quickselect with a
     * median-of-three pivot and Hoare's partition, insertion sort for short ranges, and {@link Arrays#sort} for a
     * range that does not shrink fast enough (so never quadratic). Zeros compare equal here, as with {@code <}:
     * {@link #signedZero} gives a zero the sign it has at that rank after {@link Arrays#sort}.
     */
    static void select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n));
        while (hi - lo > INSERTION) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            final int m = (lo + hi) >>> 1;
            // median of three into a[m], with a[lo] <= a[m] <= a[hi]
            if (a[m] < a[lo]) {
                swap(a, m, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[m]) {
                swap(a, hi, m);
            }
            final double pivot = a[m];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // now a[lo, j] <= pivot <= a[i, hi], and a[j + 1, i - 1] == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            final double v = a[i];
            int j = i - 1;
            while (j >= lo && v < a[j]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /**
     * The value of rank k as {@link Arrays#sort} orders {@code a[0, n)}, given its value {@code v} by a selection
     * that treats -0.0 and 0.0 as equal: a zero is -0.0 exactly when its rank falls among the -0.0s, which sort
     * after the negative values and before 0.0.
     */
    private static double signedZero(double[] a, int n, int k, double v) {
        if (v != 0) {
            return v;
        }
        int below = 0;
        int negativeZeros = 0;
        for (int i = 0; i < n; i++) {
            final double x = a[i];
            if (x < 0) {
                below++;
            } else if (x == 0 && Double.doubleToRawLongBits(x) != 0) {
                negativeZeros++;
            }
        }
        return k >= below && k < below + negativeZeros ? -0.0 : 0.0;
    }

    private static void swap(double[] a, int i, int j) {
        final double t = a[i];
        a[i] = a[j];
        a[j] = t;
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
