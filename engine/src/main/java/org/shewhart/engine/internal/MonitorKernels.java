package org.shewhart.engine.internal;

/**
 * Single-pass kernels of the monitoring charts: standardised tabular CUSUM, EWMA and Bernoulli CUSUM. Each writes
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

    /**
     * Bernoulli CUSUM of Neuburger et al. (2017), as qicharts2 0.8.1 {@code bchart} computes it. With weights
     * {@code s1} for an event and {@code t1} for a non-event (upper chart) and {@code s2}, {@code t2} (lower chart):
     * <pre>
     *   u = C1_{i-1} + w1_i;   signal1_i = u &gt;= limit;   C1_i = u if 0 &lt; u &lt;= limit, else 0
     *   v = C2_{i-1} - w2_i;   signal2_i = v &lt;= -limit;  C2_i = v if -limit &lt;= v &lt; 0, else 0
     * </pre>
     * so a sum that passes the limit signals and restarts from 0 (one that lands exactly on it signals and is kept,
     * as in qicharts2).
     *
     * @param outcome 1 for an event, 0 otherwise
     * @param event1 upper-chart weight of an event, log(p1 / p0)
     * @param none1 upper-chart weight of a non-event, log((1 - p1) / (1 - p0))
     * @param event2 lower-chart weight of an event, log(p2 / p0)
     * @param none2 lower-chart weight of a non-event, log((1 - p2) / (1 - p0))
     * @param limit control limit (&gt; 0)
     * @param upper output: C1
     * @param lower output: C2 (&lt;= 0)
     * @param upperSignal output: upper signals
     * @param lowerSignal output: lower signals
     */
    public static void bernoulliCusum(int[] outcome, double event1, double none1, double event2, double none2,
            double limit, double[] upper, double[] lower, boolean[] upperSignal, boolean[] lowerSignal) {
        final int n = outcome.length;
        double c1 = 0;
        double c2 = 0;
        for (int i = 0; i < n; i++) {
            final boolean event = outcome[i] != 0;
            final double u = c1 + (event ? event1 : none1);
            upperSignal[i] = u >= limit;
            c1 = u > 0 && u <= limit ? u : 0;
            upper[i] = c1;
            final double v = c2 - (event ? event2 : none2);
            lowerSignal[i] = v <= -limit;
            c2 = v < 0 && v >= -limit ? v : 0;
            lower[i] = c2;
        }
    }
}
