package org.shewhart.engine.internal;

/**
 * Centre and within-subgroup sigma estimators over per-subgroup summaries, as qcc 3.0 {@code stats.xbar},
 * {@code sd.xbar}, {@code stats.xbar.one} and {@code sd.xbar.one} compute them (SAS/QC User's Guide, "Methods for
 * Estimating the Standard Deviation"). d2 and d3 are qcc's tables ({@link SpcConstants#qccD2(int)},
 * {@link SpcConstants#qccD3(int)}) so that the estimates equal qcc's; c4 is exact ({@link Descriptive#c4(double)}).
 *
 * <p>The grouped estimators need every subgroup in the range to have at least 2 observations and a known range or
 * standard deviation; the caller checks that. No range checks are performed. No instances.
 */
public final class SubgroupSigma {
    private SubgroupSigma() {
    }

    /**
     * Size-weighted grand mean Σ n_i x̄_i / Σ n_i (qcc {@code stats.xbar}: the mean of all observations).
     *
     * @param mean subgroup means
     * @param size subgroup sizes
     * @param from first subgroup, inclusive
     * @param to last subgroup, exclusive
     * @return the centre
     */
    public static double weightedMean(double[] mean, int[] size, int from, int to) {
        double sum = 0;
        long n = 0;
        for (int i = from; i < to; i++) {
            sum += size[i] * mean[i];
            n += size[i];
        }
        return sum / n;
    }

    /**
     * Mean of individual values by the corrected two-pass sum (qcc {@code stats.xbar.one}: {@code mean(x)}).
     *
     * @param x values
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the mean
     */
    public static double mean(double[] x, int from, int to) {
        final int n = to - from;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        final double m = sum / n;
        double correction = 0;
        for (int i = from; i < to; i++) {
            correction += x[i] - m;
        }
        return m + correction / n;
    }

    /**
     * UWAVE-R: (1/m) Σ R_i / d2(n_i).
     *
     * @param range subgroup ranges
     * @param size subgroup sizes (each &gt;= 2)
     * @param from first subgroup, inclusive
     * @param to last subgroup, exclusive
     * @return sigma
     */
    public static double uwaveR(double[] range, int[] size, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += range[i] / SpcConstants.qccD2(size[i]);
        }
        return sum / (to - from);
    }

    /**
     * UWAVE-SD: (1/m) Σ s_i / c4(n_i).
     *
     * @param sd subgroup standard deviations
     * @param size subgroup sizes (each &gt;= 2)
     * @param from first subgroup, inclusive
     * @param to last subgroup, exclusive
     * @return sigma
     */
    public static double uwaveSd(double[] sd, int[] size, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += sd[i] / Descriptive.c4(size[i]);
        }
        return sum / (to - from);
    }

    /**
     * MVLUE-R: Σ w_i R_i / d2(n_i) / Σ w_i with w_i = (d2(n_i) / d3(n_i))².
     *
     * @param range subgroup ranges
     * @param size subgroup sizes (each &gt;= 2)
     * @param from first subgroup, inclusive
     * @param to last subgroup, exclusive
     * @return sigma
     */
    public static double mvlueR(double[] range, int[] size, int from, int to) {
        double sum = 0;
        double weights = 0;
        for (int i = from; i < to; i++) {
            final double d2 = SpcConstants.qccD2(size[i]);
            final double ratio = d2 / SpcConstants.qccD3(size[i]);
            final double w = ratio * ratio;
            sum += range[i] / d2 * w;
            weights += w;
        }
        return sum / weights;
    }

    /**
     * MVLUE-SD: Σ w_i s_i / c4(n_i) / Σ w_i with w_i = c4(n_i)² / (1 - c4(n_i)²).
     *
     * @param sd subgroup standard deviations
     * @param size subgroup sizes (each &gt;= 2)
     * @param from first subgroup, inclusive
     * @param to last subgroup, exclusive
     * @return sigma
     */
    public static double mvlueSd(double[] sd, int[] size, int from, int to) {
        double sum = 0;
        double weights = 0;
        for (int i = from; i < to; i++) {
            final double c4 = Descriptive.c4(size[i]);
            final double w = c4 * c4 / (1 - c4 * c4);
            sum += sd[i] / c4 * w;
            weights += w;
        }
        return sum / weights;
    }

    /**
     * RMSDF: sqrt(Σ (n_i - 1) s_i² / Σ (n_i - 1)) / c4(Σ (n_i - 1) + 1).
     *
     * @param sd subgroup standard deviations
     * @param size subgroup sizes (each &gt;= 2)
     * @param from first subgroup, inclusive
     * @param to last subgroup, exclusive
     * @return sigma
     */
    public static double rmsdf(double[] sd, int[] size, int from, int to) {
        double sum = 0;
        long df = 0;
        for (int i = from; i < to; i++) {
            final int w = size[i] - 1;
            sum += sd[i] * sd[i] * w;
            df += w;
        }
        return Math.sqrt(sum / df) / Descriptive.c4(df + 1);
    }

    /**
     * MR: mean of the |x_i - x_{i-1}| / d2(2), d2(2) = 1.128 from qcc's table; no screening.
     *
     * @param x individual values (at least 2)
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return sigma
     */
    public static double movingRange(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from + 1; i < to; i++) {
            sum += Math.abs(x[i] - x[i - 1]);
        }
        return sum / (to - from - 1) / SpcConstants.qccD2(2);
    }

    /**
     * SD: sample standard deviation / c4(m) of m individual values.
     *
     * @param x individual values (at least 2)
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return sigma
     */
    public static double standardDeviation(double[] x, int from, int to) {
        return sampleStandardDeviation(x, from, to) / Descriptive.c4(to - from);
    }

    /**
     * Sample standard deviation (denominator m - 1) by the corrected two-pass algorithm (Chan, Golub and LeVeque
     * 1983, eq. 1.7); R's {@code sd(x)}.
     *
     * @param x values (at least 2)
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the standard deviation
     */
    public static double sampleStandardDeviation(double[] x, int from, int to) {
        final int n = to - from;
        final double m = mean(x, from, to);
        double ss = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            final double d = x[i] - m;
            ss += d * d;
            s += d;
        }
        return Math.sqrt((ss - s * s / n) / (n - 1));
    }
}
