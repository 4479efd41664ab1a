package org.shewhart.engine.internal;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Funnel-plot kernels over primitive arrays: z-scores on the transformed scales of FunnelPlotR 0.6.0
 * ({@code R/od_adjustment.R}), winsorisation at R's type-7 quantiles, SHMI truncation by averaged ranks, the
 * dispersion ratio φ, the DerSimonian-Laird between-unit variance τ², and the limits over a grid of denominators
 * ({@code R/build_limits_lookup.R}, {@code R/calculate_limits.R}). No range checks are performed. No instances.
 */
public final class FunnelKernels {
    private FunnelKernels() {
    }

    /**
     * SHMI log scale: {@code y = ln(O / E)}, {@code s = 1 / sqrt(E)}, {@code z = sqrt(E) (ln(O / E) - logTarget)}
     * (FunnelPlotR computes {@code sqrt(E) * log(O / E)}; {@code logTarget} is 0 unless a target is given).
     *
     * @param o observed counts
     * @param e expected counts, {@code > 0}
     * @param n number of units
     * @param logTarget natural log of the target ratio
     * @param y out: transformed values
     * @param s out: standard errors on the transformed scale
     * @param z out: z-scores
     */
    public static void logScores(double[] o, double[] e, int n, double logTarget, double[] y, double[] s,
            double[] z) {
        for (int i = 0; i < n; i++) {
            final double ei = e[i];
            final double yi = Math.log(o[i] / ei);
            y[i] = yi;
            s[i] = 1 / Math.sqrt(ei);
            z[i] = Math.sqrt(ei) * (yi - logTarget);
        }
    }

    /**
     * CQC square-root scale (Spiegelhalter 2005): {@code y = sqrt(O / E)}, {@code s = 1 / (2 sqrt(E))},
     * {@code z = (y - target) / s}.
     *
     * @param o observed counts
     * @param e expected counts, {@code > 0}
     * @param n number of units
     * @param target target on the square-root scale (1 for a ratio target of 1)
     * @param y out: transformed values
     * @param s out: standard errors
     * @param z out: z-scores
     */
    public static void squareRootScores(double[] o, double[] e, int n, double target, double[] y, double[] s,
            double[] z) {
        for (int i = 0; i < n; i++) {
            final double yi = Math.sqrt(o[i] / e[i]);
            final double si = 1 / (2 * Math.sqrt(e[i]));
            y[i] = yi;
            s[i] = si;
            z[i] = (yi - target) / si;
        }
    }

    /**
     * Arcsine square-root scale for proportions (Spiegelhalter 2005): {@code y = asin(sqrt(O / n))},
     * {@code s = 1 / (2 sqrt(n))}, {@code z = (y - target) / s}.
     *
     * @param o numerators
     * @param d denominators, {@code > 0} and {@code >= o}
     * @param n number of units
     * @param target {@code asin(sqrt(p))} of the target proportion p
     * @param y out: transformed values
     * @param s out: standard errors
     * @param z out: z-scores
     */
    public static void arcsineScores(double[] o, double[] d, int n, double target, double[] y, double[] s,
            double[] z) {
        for (int i = 0; i < n; i++) {
            final double yi = Math.asin(Math.sqrt(o[i] / d[i]));
            final double si = 1 / (2 * Math.sqrt(d[i]));
            y[i] = yi;
            s[i] = si;
            z[i] = (yi - target) / si;
        }
    }

    /**
     * Log ratio of two counts with a ½ continuity correction (FunnelPlotR {@code "RC"}):
     * {@code y = ln((O + ½) / (D + ½))}, {@code s = sqrt(O / (O + ½)² + D / (D + ½)²)},
     * {@code z = (y - target) / s}.
     *
     * @param o numerator counts
     * @param d denominator counts, {@code > 0}
     * @param n number of units
     * @param target natural log of the target ratio
     * @param y out: transformed values
     * @param s out: standard errors
     * @param z out: z-scores
     */
    public static void logRatioScores(double[] o, double[] d, int n, double target, double[] y, double[] s,
            double[] z) {
        for (int i = 0; i < n; i++) {
            final double oi = o[i];
            final double di = d[i];
            final double yi = Math.log((oi + 0.5) / (di + 0.5));
            final double op = oi + 0.5;
            final double dp = di + 0.5;
            final double si = Math.sqrt(oi / (op * op) + di / (dp * dp));
            y[i] = yi;
            s[i] = si;
            z[i] = (yi - target) / si;
        }
    }

    /**
     * The p-quantile of sorted values by R's {@code quantile(type = 7)}: with {@code h = 1 + (n - 1) p},
     * {@code lo = floor(h)}, {@code hi = ceiling(h)}: {@code (1 - (h - lo)) x[lo] + (h - lo) x[hi]} (1-based), the
     * lower value itself when {@code h = lo} or {@code x[hi] = x[lo]}.
     *
     * @param sorted ascending values
     * @param n number of values, at least 1
     * @param p probability in [0, 1]
     * @return the quantile
     */
    public static double quantileType7(double[] sorted, int n, double p) {
        final double index = 1 + (n - 1) * p;
        final int lo = (int) Math.floor(index);
        final int hi = (int) Math.ceil(index);
        final double qs = sorted[lo - 1];
        final double xhi = sorted[hi - 1];
        if (index > lo && xhi != qs) {
            final double h = index - lo;
            return (1 - h) * qs + h * xhi;
        }
        return qs;
    }

    /**
     * Winsorises z at the {@code trim} and {@code 1 - trim} type-7 quantiles (FunnelPlotR {@code winsorisation}).
     * A unit is flagged unless its z lies strictly between the two quantiles, as FunnelPlotR's
     * {@code winsorised} column. With {@code trim = 0} nothing is changed or flagged.
     *
     * @param z z-scores, no NaN
     * @param n number of units, at least 1
     * @param trim fraction at each end, in [0, 0.5)
     * @param out out: winsorised z
     * @param trimmed out: whether the unit was at or beyond a quantile
     * @param scratch buffer of at least n elements, overwritten
     */
    public static void winsorise(double[] z, int n, double trim, double[] out, boolean[] trimmed,
            double[] scratch) {
        if (trim == 0) {
            System.arraycopy(z, 0, out, 0, n);
            Arrays.fill(trimmed, 0, n, false);
            return;
        }
        System.arraycopy(z, 0, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        final double lz = quantileType7(scratch, n, trim);
        final double uz = quantileType7(scratch, n, 1 - trim);
        for (int i = 0; i < n; i++) {
            final double zi = z[i];
            trimmed[i] = !(zi > lz && zi < uz);
            out[i] = zi < lz ? lz : zi > uz ? uz : zi;
        }
    }

    /**
     * Truncates z by rank for the SHMI method (FunnelPlotR {@code truncation}, after the NHS Digital SHMI
     * specification): with {@code k = 1 / trim} and r the rank of z among all N (ties get their average rank, R
     * {@code rank(ties.method = "average")}), the bucket is {@code floor(r k / (N + 1))}; units in a bucket
     * {@code <= 0} or {@code >= k - 1} are truncated: their {@code out} value is NaN. With {@code trim = 0} nothing
     * is truncated.
     *
     * @param z z-scores, no NaN
     * @param n number of units, at least 1
     * @param trim fraction at each end, in [0, 0.5)
     * @param out out: z, or NaN if truncated
     * @param trimmed out: whether the unit was truncated
     * @param scratch buffer of at least n elements, overwritten
     * @return the number of units kept
     */
    public static int truncate(double[] z, int n, double trim, double[] out, boolean[] trimmed, double[] scratch) {
        if (trim == 0) {
            System.arraycopy(z, 0, out, 0, n);
            Arrays.fill(trimmed, 0, n, false);
            return n;
        }
        System.arraycopy(z, 0, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        final double k = 1 / trim;
        final double maxk = k - 1;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            final double zi = z[i];
            final double rank = averageRank(scratch, n, zi);
            final double bucket = Math.floor(rank * k / (n + 1));
            final boolean cut = !(bucket > 0 && bucket < maxk);
            trimmed[i] = cut;
            out[i] = cut ? Double.NaN : zi;
            if (!cut) {
                kept++;
            }
        }
        return kept;
    }

    /**
     * The average 1-based rank of a value among sorted values (R {@code rank(ties.method = "average")}).
     *
     * @param sorted ascending values, no NaN
     * @param n number of values
     * @param v a value present in {@code sorted}
     * @return (first + last) / 2 of the 1-based positions equal to v
     */
    static double averageRank(double[] sorted, int n, double v) {
        // lower bound: first index with sorted[i] >= v; upper bound: first index with sorted[i] > v
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        final int first = lo;
        hi = n;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // positions first+1 .. lo (1-based), average of the two ends
        return (first + 1 + lo) / 2.0;
    }

    /**
     * Dispersion ratio {@code φ = (1 / m) Σ z²} over the m non-NaN trimmed z-scores (FunnelPlotR {@code phi_func};
     * Spiegelhalter 2005). Compensated (Neumaier) summation.
     *
     * @param zt trimmed z-scores, NaN = truncated
     * @param n number of units
     * @return φ, NaN if every unit was truncated
     */
    public static double phi(double[] zt, int n) {
        double sum = 0;
        double c = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            final double zi = zt[i];
            if (zi == zi) {
                final double v = zi * zi;
                final double t = sum + v;
                c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
                m++;
            }
        }
        return m == 0 ? Double.NaN : (1.0 / m) * (sum + c);
    }

    /**
     * DerSimonian-Laird between-unit variance (FunnelPlotR {@code tau_func}; DerSimonian and Laird 1986):
     * {@code τ² = max(0, (mφ - (m - 1)) / (Σw - Σw² / Σw))} with {@code w = 1 / s²} over the m kept units, and 0
     * when {@code mφ < m - 1}. Compensated (Neumaier) summation.
     *
     * @param zt trimmed z-scores, NaN = truncated (those units are left out)
     * @param s standard errors on the transformed scale
     * @param n number of units
     * @param phi the dispersion ratio of the kept units
     * @return τ², NaN if fewer than 2 units were kept
     */
    public static double tau2(double[] zt, double[] s, int n, double phi) {
        double sw = 0;
        double cw = 0;
        double sw2 = 0;
        double cw2 = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (zt[i] == zt[i]) {
                final double si = s[i];
                final double w = 1 / (si * si);
                final double w2 = w * w;
                double t = sw + w;
                cw += Math.abs(sw) >= w ? (sw - t) + w : (w - t) + sw;
                sw = t;
                t = sw2 + w2;
                cw2 += Math.abs(sw2) >= w2 ? (sw2 - t) + w2 : (w2 - t) + sw2;
                sw2 = t;
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        if (m * phi < m - 1) {
            return 0;
        }
        final double sumW = sw + cw;
        final double sumW2 = sw2 + cw2;
        return Math.max(0, (m * phi - (m - 1)) / (sumW - sumW2 / sumW));
    }

    /**
     * Compensated (Neumaier) sum of {@code x[0..n)}.
     *
     * @param x values
     * @param n number of values
     * @return the sum
     */
    public static double sum(double[] x, int n) {
        double sum = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            final double v = x[i];
            final double t = sum + v;
            c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + c;
    }

    /**
     * The denominators of a limits lookup grid: {@code points} evenly spaced values from {@code from} to
     * {@code to} as R's {@code seq(from, to, length.out = points)} ({@code from + i (to - from) / (points - 1)},
     * both ends exact), plus the given data denominators, ascending and distinct.
     *
     * @param from first grid value
     * @param to last grid value (may be below {@code from})
     * @param points number of grid values, at least 2
     * @param data denominators to add
     * @param n number of data denominators
     * @return a new ascending array without duplicates
     */
    public static double[] grid(double from, double to, int points, double[] data, int n) {
        final double[] all = new double[points + n];
        if (from == to) {
            Arrays.fill(all, 0, points, from);
        } else {
            final double by = (to - from) / (points - 1);
            all[0] = from;
            for (int i = 1; i < points - 1; i++) {
                all[i] = from + i * by;
            }
            all[points - 1] = to;
        }
        System.arraycopy(data, 0, all, points, n);
        Arrays.sort(all);
        int m = 1;
        for (int i = 1; i < all.length; i++) {
            if (all[i] != all[m - 1]) {
                all[m++] = all[i];
            }
        }
        return Arrays.copyOf(all, m);
    }

    /**
     * Exact Poisson limits of a standardised ratio with expected count x (Spiegelhalter 2005;
     * FunnelPlotR {@code calculate_limits}): {@code T χ²(tail; 2x) / (2x)} and
     * {@code T χ²(1 - tail; 2(x + 1)) / (2x)}, the chi-square quantiles taken as upper-tail inverses like R's
     * {@code qchisq(1 - tail, 2x, lower.tail = FALSE)}. The degrees of freedom need not be integers.
     *
     * @param x expected counts, {@code > 0}
     * @param g number of values
     * @param tail probability in each tail, e.g. 0.025 for 95 % limits
     * @param target the target ratio T
     * @param lower out: lower limits
     * @param upper out: upper limits
     */
    public static void poissonLimits(double[] x, int g, double tail, double target, double[] lower,
            double[] upper) {
        final double lowerTail = 1 - tail;
        for (int k = 0; k < g; k++) {
            final double xk = x[k];
            // one distribution object per denominator: the degrees of freedom change with x
            lower[k] = target * (ChiSquaredDistribution.of(2 * xk).inverseSurvivalProbability(lowerTail) / 2) / xk;
            upper[k] = target * (ChiSquaredDistribution.of(2 * (xk + 1)).inverseSurvivalProbability(tail) / 2) / xk;
        }
    }

    /**
     * The variance on the transformed scale at each denominator: {@code φ (1 / x) + τ²} on the SHMI log scale,
     * {@code φ s² + τ²} with {@code s = 1 / (2 sqrt(x))} otherwise (FunnelPlotR uses the latter for proportions,
     * CQC ratios and, unlike its z-scores, for ratios of counts).
     *
     * @param x denominators, {@code > 0}
     * @param g number of values
     * @param logScale {@code true} for the SHMI log scale
     * @param phi multiplicative factor (1 for none or additive)
     * @param tau2 additive between-unit variance (0 for none or multiplicative)
     * @param out out: variances
     */
    public static void variance(double[] x, int g, boolean logScale, double phi, double tau2, double[] out) {
        if (logScale) {
            for (int k = 0; k < g; k++) {
                out[k] = phi * (1 / x[k]) + tau2;
            }
        } else {
            for (int k = 0; k < g; k++) {
                final double s = 1 / (2 * Math.sqrt(x[k]));
                out[k] = phi * (s * s) + tau2;
            }
        }
    }

    /**
     * Limits on a log scale back-transformed: {@code exp(centre ∓ z sqrt(v))} (SHMI ratios with centre
     * {@code ln T} = 0 for T = 1, ratios of counts with centre {@code ln T}).
     *
     * @param centre the target on the log scale
     * @param z normal quantile of the coverage
     * @param var variances on the log scale
     * @param g number of values
     * @param lower out: lower limits
     * @param upper out: upper limits
     */
    public static void exponentialLimits(double centre, double z, double[] var, int g, double[] lower,
            double[] upper) {
        for (int k = 0; k < g; k++) {
            final double h = z * Math.sqrt(var[k]);
            lower[k] = Math.exp(centre - h);
            upper[k] = Math.exp(centre + h);
        }
    }

    /**
     * CQC adjusted limits as FunnelPlotR computes them, on the ratio scale without squaring back:
     * {@code T (1 ∓ z sqrt(v))}; a negative lower limit (tiny expected counts) is set to 0, as no ratio is
     * negative.
     *
     * @param target the target ratio T
     * @param z normal quantile of the coverage
     * @param var variances on the square-root scale
     * @param g number of values
     * @param lower out: lower limits
     * @param upper out: upper limits
     */
    public static void linearLimits(double target, double z, double[] var, int g, double[] lower,
            double[] upper) {
        for (int k = 0; k < g; k++) {
            final double h = z * Math.sqrt(var[k]);
            lower[k] = Math.max(0, target * (1 - h));
            upper[k] = target * (1 + h);
        }
    }

    /**
     * Proportion limits back-transformed from the arcsine square-root scale: {@code sin²(centre ∓ z sqrt(v))},
     * clamped to [0, 1], then made monotone as FunnelPlotR does: where the lower limit exceeds the one at the next
     * larger denominator (the angle has passed below 0 and sin² turns back up) it is set to 0, and where the upper
     * limit is below the next one (the angle has passed π/2) it is set to 1. The denominators must be ascending.
     *
     * <p>FunnelPlotR's neighbour rule cannot see a second turn or the last denominator, which only very wide
     * (adjusted) limits reach; there the limit is set outright: the lower to 0 if its angle is at most -π/2, or
     * below 0 at the largest denominator; the upper to 1 if its angle is at least π, or above π/2 at the largest
     * denominator.
     *
     * @param centre {@code asin(sqrt(T))}
     * @param z normal quantile of the coverage
     * @param var variances on the arcsine scale
     * @param g number of values, at least 1
     * @param lower out: lower limits
     * @param upper out: upper limits
     */
    public static void arcsineLimits(double centre, double z, double[] var, int g, double[] lower,
            double[] upper) {
        final double halfPi = Math.PI / 2;
        for (int k = 0; k < g; k++) {
            final double h = z * Math.sqrt(var[k]);
            final double a = centre - h;
            final double b = centre + h;
            final double lo = Math.sin(a);
            final double up = Math.sin(b);
            lower[k] = a <= -halfPi ? 0 : Math.min(1, Math.max(0, lo * lo));
            upper[k] = b >= Math.PI ? 1 : Math.min(1, Math.max(0, up * up));
        }
        // FunnelPlotR: compare with the original neighbour; k + 1 is not yet changed when k is visited
        for (int k = 0; k < g - 1; k++) {
            if (lower[k] > lower[k + 1]) {
                lower[k] = 0;
            }
            if (upper[k] < upper[k + 1]) {
                upper[k] = 1;
            }
        }
        final double h = z * Math.sqrt(var[g - 1]);
        if (centre - h < 0) {
            lower[g - 1] = 0;
        }
        if (centre + h > halfPi) {
            upper[g - 1] = 1;
        }
    }

    /**
     * Multiplies {@code x[0..n)} by a factor in place.
     *
     * @param x values
     * @param n number of values
     * @param factor multiplier
     */
    public static void scale(double[] x, int n, double factor) {
        if (factor == 1) {
            return;
        }
        for (int i = 0; i < n; i++) {
            x[i] *= factor;
        }
    }
}
