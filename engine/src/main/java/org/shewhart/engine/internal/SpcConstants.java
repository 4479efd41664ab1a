package org.shewhart.engine.internal;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * Control-chart constants of the range of n independent standard normal observations: d2(n) = E(R) and
 * d3(n) = SD(R). Two versions are kept, and every caller names the one it uses:
 *
 * <ul>
 *   <li>{@link #qccD2(int)} and {@link #qccD3(int)}: the tables qcc 3.0 uses ({@code qcc.options("exp.R.unscaled")},
 *       d2 to 3 decimals for n = 2..25, and {@code qcc.options("se.R.unscaled")}, d3 to 7 decimals for
 *       n = 2..50). Estimators that reproduce qcc numbers (UWAVE-R, MVLUE-R, MR/1.128) must use these: the
 *       rounded d2(5) = 2.326 differs from the exact 2.325929... in the 5th significant digit, far above the
 *       1e-9 tolerance of the reference cases. Beyond the tables they fall back to the exact values.</li>
 *   <li>{@link #d2(int)} and {@link #d3(int)}: the exact constants by numerical integration, for any n &gt;= 2;
 *       they round to qcc's d2 table at 3 decimals. qcc's d3 table is itself off by up to 1.2e-5 (e.g. n = 2: table
 *       0.8525033, exact sqrt(2 - 4/π) = 0.8525025), so the exact d3 agrees with it to about 1e-5 only.</li>
 * </ul>
 *
 * <p>Formulas (Tippett 1925; Harter 1960, Ann. Math. Statist. 31, 1122-1147), with Φ and φ the standard normal
 * distribution and density:
 * <pre>
 *   d2(n) = ∫ 1 - Φ(x)^n - (1 - Φ(x))^n dx                                    (over the real line)
 *   E(R²) = 2 ∫₀^∞ w P(R &gt; w) dw,  P(R &lt;= w) = n ∫ φ(x) [Φ(x + w) - Φ(x)]^(n-1) dx
 *   d3(n) = sqrt(E(R²) - d2(n)²)
 * </pre>
 * The integrals are evaluated by composite Gauss-Legendre quadrature on a fixed grid (the integrands are smooth and
 * their tails below 1e-30 are cut): d2 is exact to about 1e-14 and d3 to about 1e-12 (checked against the closed
 * forms and an independent adaptive quadrature), for n up to a few hundred. The exact values
 * are computed on each call (d2 in microseconds, d3 in milliseconds): cache them if they are needed in a loop.
 *
 * <p>No instances.
 */
public final class SpcConstants {
    /**
     * qcc 3.0 {@code exp.R.unscaled} (R/utilities.R): d2(n) for n = 2..25, index n - 2. The classical 3-decimal
     * table (ASTM STP 15D; Montgomery, Introduction to SQC, appendix VI).
     */
    private static final double[] QCC_D2 = {
        1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078, 3.173, 3.258, 3.336, 3.407, 3.472, 3.532,
        3.588, 3.640, 3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931,
    };

    /** qcc 3.0 {@code se.R.unscaled} (R/utilities.R): d3(n) for n = 2..50, index n - 2. */
    private static final double[] QCC_D3 = {
        0.8525033, 0.8883697, 0.8798108, 0.8640855, 0.8480442, 0.8332108, 0.8198378, 0.8078413, 0.7970584,
        0.7873230, 0.7784873, 0.7704257, 0.7630330, 0.7562217, 0.7499188, 0.7440627, 0.7386021, 0.7334929,
        0.7286980, 0.7241851, 0.7199267, 0.7158987, 0.7120802, 0.7084528, 0.7050004, 0.7017086, 0.6985648,
        0.6955576, 0.6926770, 0.6899137, 0.6872596, 0.6847074, 0.6822502, 0.6798821, 0.6775973, 0.6753910,
        0.6732584, 0.6711952, 0.6691976, 0.6672619, 0.6653848, 0.6635632, 0.6617943, 0.6600754, 0.6584041,
        0.6567780, 0.6551950, 0.6536532, 0.6521506,
    };

    /** Largest n of qcc's d2 table. */
    public static final int QCC_D2_MAX_N = 25;

    /** Largest n of qcc's d3 table. */
    public static final int QCC_D3_MAX_N = 50;

    /** Gauss-Legendre order of each panel. */
    private static final int ORDER = 16;
    /** Panel width of the composite rule; the integrands vary on a scale of about 1. */
    private static final double PANEL = 0.5;
    /** Integration bound: Φ(-12) = 1.8e-33, so the cut tails are far below double precision for n &lt; 1e15. */
    private static final double BOUND = 12;
    /** Upper bound for the range: P(R &gt; 24) &lt;= n Φ(-12) (the range exceeds 24 only if a value leaves ±12). */
    private static final double RANGE_BOUND = 24;

    private static final double[] NODE = new double[ORDER];
    private static final double[] WEIGHT = new double[ORDER];
    private static final double INV_SQRT_2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    static {
        legendre(NODE, WEIGHT);
    }

    private SpcConstants() {
    }

    /**
     * d2(n) as qcc 3.0 uses it: its 3-decimal table for n = 2..25 and, beyond it, the exact value (qcc itself has
     * no value there and switches the xbar chart's default sigma to RMSDF when some n &gt; 25).
     *
     * @param n subgroup size, at least 2
     * @return d2(n), NaN for n &lt; 2
     */
    public static double qccD2(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        return n <= QCC_D2_MAX_N ? QCC_D2[n - 2] : d2(n);
    }

    /**
     * d3(n) as qcc 3.0 uses it: its 7-decimal table for n = 2..50 and, beyond it, the exact value.
     *
     * @param n subgroup size, at least 2
     * @return d3(n), NaN for n &lt; 2
     */
    public static double qccD3(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        return n <= QCC_D3_MAX_N ? QCC_D3[n - 2] : d3(n);
    }

    /**
     * The exact d2(n) = E(R) of the range of n standard normal values, by quadrature of
     * ∫ 1 - Φ(x)^n - (1 - Φ(x))^n dx. Closed forms for checking: d2(2) = 2/√π, d2(3) = 3/√π.
     *
     * @param n subgroup size, at least 2
     * @return d2(n), NaN for n &lt; 2
     */
    public static double d2(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        // the integrand is even (Φ(-x) = 1 - Φ(x) swaps the two powers): twice the integral over x >= 0
        double sum = 0;
        final int panels = (int) (BOUND / PANEL);
        for (int k = 0; k < panels; k++) {
            final double mid = (k + 0.5) * PANEL;
            double panel = 0;
            for (int j = 0; j < ORDER; j++) {
                final double x = mid + PANEL / 2 * NODE[j];
                final double upper = upperTail(x);
                // 1 - Φ(x)^n = -expm1(n log1p(-Q(x))), accurate in the tail where Φ(x)^n is close to 1
                final double f = -Math.expm1(n * Math.log1p(-upper)) - Math.pow(upper, n);
                panel += WEIGHT[j] * f;
            }
            sum += panel * PANEL / 2;
        }
        return 2 * sum;
    }

    /**
     * The exact d3(n) = SD(R) of the range of n standard normal values, from E(R²) = 2 ∫ w P(R &gt; w) dw with the
     * range distribution P(R &lt;= w) = n ∫ φ(x) [Φ(x + w) - Φ(x)]^(n-1) dx (a double integral). Closed form for
     * checking: d3(2) = sqrt(2 - 4/π).
     *
     * @param n subgroup size, at least 2
     * @return d3(n), NaN for n &lt; 2
     */
    public static double d3(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double second = 0;
        final int panels = (int) (RANGE_BOUND / PANEL);
        for (int k = 0; k < panels; k++) {
            final double mid = (k + 0.5) * PANEL;
            double panel = 0;
            for (int j = 0; j < ORDER; j++) {
                final double w = mid + PANEL / 2 * NODE[j];
                panel += WEIGHT[j] * w * (1 - rangeCdf(n, w));
            }
            second += panel * PANEL / 2;
        }
        final double d2 = d2(n);
        return Math.sqrt(2 * second - d2 * d2);
    }

    /** P(R &lt;= w) for the range of n standard normal values. */
    private static double rangeCdf(int n, double w) {
        double sum = 0;
        final int panels = (int) (2 * BOUND / PANEL);
        for (int k = 0; k < panels; k++) {
            final double mid = -BOUND + (k + 0.5) * PANEL;
            double panel = 0;
            for (int j = 0; j < ORDER; j++) {
                final double x = mid + PANEL / 2 * NODE[j];
                // Φ(x + w) - Φ(x) = Q(x) - Q(x + w), with Q the upper tail: no cancellation for x > 0
                final double p = upperTail(x) - upperTail(x + w);
                panel += WEIGHT[j] * Math.exp(-0.5 * x * x) * Math.pow(p, n - 1);
            }
            sum += panel * PANEL / 2;
        }
        return n * INV_SQRT_2PI * sum;
    }

    /** Q(x) = 1 - Φ(x) = erfc(x / √2) / 2, accurate for large x. */
    private static double upperTail(double x) {
        return 0.5 * Erfc.value(x * INV_SQRT_2);
    }

    /**
     * Nodes and weights of Gauss-Legendre quadrature on [-1, 1], by Newton's method on the Legendre polynomial
     * (Press et al., Numerical Recipes, 3rd ed., section 4.6, {@code gauleg}).
     */
    private static void legendre(double[] node, double[] weight) {
        final int n = node.length;
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative;
            double step;
            do {
                double p1 = 1;
                double p2 = 0;
                for (int j = 0; j < n; j++) {
                    final double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * j + 1) * z * p2 - j * p3) / (j + 1);
                }
                derivative = n * (z * p1 - p2) / (z * z - 1);
                step = p1 / derivative;
                z -= step;
            } while (Math.abs(step) > 1e-15);
            node[i] = -z;
            node[n - 1 - i] = z;
            weight[i] = 2 / ((1 - z * z) * derivative * derivative);
            weight[n - 1 - i] = weight[i];
        }
    }
}
