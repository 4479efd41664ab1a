package org.shewhart.engine.internal;

/**
 * Single-pass kernels of the monitoring charts: standardised tabular CUSUM and EWMA. Each writes
 * its per-point output into caller-supplied arrays of the input's length. No range checks are performed. No
 * instances.
 */
public final class MonitorKernels {
    private MonitorKernels() {
    }

    /**
     * Standardised tabular CUSUM (qcc 3.0 {@code cusum}; Montgomery, Introduction to SQC, 7th ed., section 9.1):
     * <pre>
     *   z_i  = (x̄_i - centre) / (sigma / sqrt(n_i))
     *   C⁺_i = max(0, C⁺_{i-1} + (z_i - k)),   C⁻_i = max(0, C⁻_{i-1} - (z_i + k)),   C⁺_0 = C⁻_0 = headStart
     * </pre>
     * with the operations in qcc's order. {@code lower} receives -C⁻ (qcc reports the lower sum negated).
     *
     * @param mean subgroup means
     * @param size subgroup sizes
     * @param centre centre
     * @param sigma process sigma
     * @param k reference value, se.shift / 2
     * @param headStart starting value of both sums
     * @param z output: standardised values
     * @param upper output: C⁺
     * @param lower output: -C⁻
     */
    public static void tabularCusum(double[] mean, int[] size, double centre, double sigma, double k,
            double headStart, double[] z, double[] upper, double[] lower) {
        final int n = mean.length;
        double pos = headStart;
        double neg = headStart;
        for (int i = 0; i < n; i++) {
            final double zi = (mean[i] - centre) / (sigma / Math.sqrt(size[i]));
            z[i] = zi;
            pos = Math.max(0, pos + (zi - k));
            neg = Math.max(0, neg - (zi + k));
            upper[i] = pos;
            lower[i] = -neg;
        }
    }

    /**
     * EWMA with time-varying limits (qcc 3.0 {@code ewma} and {@code ewmaSmooth}; Montgomery, section 9.2):
     * <pre>
     *   e_0 = centre,  e_i = λ x̄_i + (1 - λ) e_{i-1}
     *   σ_i = sqrt(sigma² / n_i · (λ / (2 - λ)) · (1 - (1 - λ)^(2i))),   i = 1, 2, ... over all points
     *   limits centre ± L σ_i
     * </pre>
     *
     * @param mean subgroup means
     * @param size subgroup sizes
     * @param centre centre, also the starting value
     * @param sigma process sigma
     * @param lambda smoothing weight λ
     * @param nsigmas limit width L
     * @param ewma output: smoothed values
     * @param sd output: σ_i
     * @param lcl output: lower limits
     * @param ucl output: upper limits
     */
    public static void ewma(double[] mean, int[] size, double centre, double sigma, double lambda, double nsigmas,
            double[] ewma, double[] sd, double[] lcl, double[] ucl) {
        final int n = mean.length;
        final double variance = sigma * sigma;
        final double factor = lambda / (2 - lambda);
        final double keep = 1 - lambda;
        double e = centre;
        for (int i = 0; i < n; i++) {
            e = lambda * mean[i] + keep * e;
            ewma[i] = e;
            final double s = Math.sqrt(variance / size[i] * (factor * (1 - Math.pow(keep, 2.0 * (i + 1)))));
            sd[i] = s;
            lcl[i] = centre - nsigmas * s;
            ucl[i] = centre + nsigmas * s;
        }
    }
}
