package org.shewhart.engine.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain reference implementations of the descriptive statistics, the average moving range and the runs-test
 * thresholds: exact decimal arithmetic where the kernels use compensated doubles, exact integer arithmetic where
 * they use logarithms. Written from the Javadoc of {@link Descriptive}, {@link MovingRanges} and
 * {@link RunsTests}, not from their code.
 */
public final class NaiveStatistics {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final List<BigInteger[]> PASCAL = new ArrayList<>();

    private NaiveStatistics() {
    }

    /** The selected values that are not missing, in order. */
    public static List<Double> selected(double[] x, boolean[] use, int from, int to) {
        final List<Double> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (use[i] && !Double.isNaN(x[i])) {
                out.add(x[i]);
            }
        }
        return out;
    }

    /** Mean in exact decimal arithmetic, rounded once; NaN if nothing is selected. */
    public static double mean(double[] x, boolean[] use, int from, int to) {
        final List<Double> values = selected(x, use, from, to);
        if (values.isEmpty()) {
            return Double.NaN;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            sum = sum.add(new BigDecimal(value));
        }
        return sum.divide(BigDecimal.valueOf(values.size()), MC).doubleValue();
    }

    /** Mean of the absolute values: the scale against which a rounding error of a sum is judged. */
    public static double meanAbs(double[] x, boolean[] use, int from, int to) {
        final List<Double> values = selected(x, use, from, to);
        double sum = 0;
        for (double value : values) {
            sum += Math.abs(value);
        }
        return values.isEmpty() ? 0 : sum / values.size();
    }

    /** Median by sorting: the middle value, or the mean of the two middle values. */
    public static double median(double[] x, boolean[] use, int from, int to) {
        final List<Double> values = selected(x, use, from, to);
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(values);
        final int n = values.size();
        if (n % 2 == 1) {
            return values.get(n / 2);
        }
        return (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Sample standard deviation (n - 1) in exact decimal arithmetic; NaN below two values. */
    public static double standardDeviation(double[] x, boolean[] use, int from, int to) {
        final List<Double> values = selected(x, use, from, to);
        final int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            sum = sum.add(new BigDecimal(value));
        }
        final BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (double value : values) {
            final BigDecimal d = new BigDecimal(value).subtract(mean, MC);
            squares = squares.add(d.multiply(d, MC), MC);
        }
        return squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC).doubleValue();
    }

    /**
     * The moving ranges of span 2 between consecutive selected points (an unselected point is stepped over); a
     * moving range with a missing value at either end is missing and left out.
     */
    public static List<Double> movingRanges(double[] x, boolean[] use, int from, int to) {
        final List<Integer> points = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (use[i]) {
                points.add(i);
            }
        }
        final List<Double> ranges = new ArrayList<>();
        for (int k = 1; k < points.size(); k++) {
            final double a = x[points.get(k - 1)];
            final double b = x[points.get(k)];
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                ranges.add(Math.abs(b - a));
            }
        }
        return ranges;
    }

    /**
     * Average moving range; if screened, the moving ranges that are not strictly below 3.267 x the first average
     * are dropped and the rest averaged (once). NaN if no moving range is left.
     */
    public static double averageMovingRange(double[] x, boolean[] use, int from, int to, boolean screen) {
        final List<Double> ranges = movingRanges(x, use, from, to);
        final double amr = plainMean(ranges);
        if (!screen || Double.isNaN(amr)) {
            return amr;
        }
        final List<Double> kept = new ArrayList<>();
        for (double r : ranges) {
            if (r < 3.267 * amr) {
                kept.add(r);
            }
        }
        return plainMean(kept);
    }

    /** Whether a moving range lies within a relative {@code tolerance} of the screening cut 3.267 x AMR. */
    public static boolean nearScreeningCut(double[] x, boolean[] use, int from, int to, double tolerance) {
        final List<Double> ranges = movingRanges(x, use, from, to);
        final double cut = 3.267 * plainMean(ranges);
        for (double r : ranges) {
            if (Math.abs(r - cut) <= tolerance * Math.abs(cut)) {
                return true;
            }
        }
        return false;
    }

    private static double plainMean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    /**
     * c4(n) = sqrt(2 / (n - 1)) r(n) with r(n) = Γ(n / 2) / Γ((n - 1) / 2), by the recurrence r(2) = 1 / sqrt(π),
     * r(n + 1) = (n - 1) / (2 r(n)) (from Γ(x + 1) = x Γ(x)); NaN below 2.
     */
    public static double c4(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double r = 1 / Math.sqrt(Math.PI);
        for (int k = 2; k < n; k++) {
            r = (k - 1) / (2 * r);
        }
        return Math.sqrt(2.0 / (n - 1)) * r;
    }

    /**
     * round(log2 n) + 3 without logarithms: round(log2 n) = k exactly when 2^(2k - 1) &lt;= n^2 &lt; 2^(2k + 1).
     */
    public static int longestRunMax(int n) {
        final long square = (long) n * n;
        int k = 0;
        while (square >= 1L << (2 * k + 1)) {
            k++;
        }
        return k + 3;
    }

    /** The smallest c with P(X &lt;= c) &gt;= 0.05 for X ~ Binomial(n - 1, 1/2), in exact integers. */
    public static int crossingsMin(int n) {
        final int m = n - 1;
        final BigInteger total = BigInteger.ONE.shiftLeft(m);
        BigInteger cumulative = BigInteger.ZERO;
        BigInteger term = BigInteger.ONE;
        for (int c = 0; c <= m; c++) {
            // term = C(m, c), updated by C(m, c) = C(m, c - 1) (m - c + 1) / c
            if (c > 0) {
                term = term.multiply(BigInteger.valueOf(m - c + 1)).divide(BigInteger.valueOf(c));
            }
            cumulative = cumulative.add(term);
            // P(X <= c) >= 1/20  <=>  20 * cumulative >= 2^m
            if (cumulative.multiply(BigInteger.valueOf(20)).compareTo(total) >= 0) {
                return c;
            }
        }
        return m;
    }

    /**
     * The IHI runs range for n useful points split floor(n/2) / ceil(n/2): the largest r with P(R &lt;= r) &lt;=
     * 0.05 (1 if none) and the smallest r with P(R &gt;= r) &lt;= 0.05 (n + 1 if none), from exact counts of the
     * arrangements with r runs; {-1, -1} below two points.
     */
    public static int[] expectedRuns(int n) {
        if (n < 2) {
            return new int[] {-1, -1};
        }
        final int n1 = n / 2;
        final int n2 = n - n1;
        final BigInteger[] count = new BigInteger[n + 2];
        BigInteger total = BigInteger.ZERO;
        for (int r = 0; r <= n + 1; r++) {
            count[r] = arrangementsWithRuns(r, n1, n2);
            total = total.add(count[r]);
        }
        final BigInteger twenty = BigInteger.valueOf(20);
        int lower = 1;
        BigInteger cumulative = BigInteger.ZERO;
        for (int r = 1; r <= n; r++) {
            cumulative = cumulative.add(count[r]);
            if (cumulative.multiply(twenty).compareTo(total) <= 0) {
                lower = r;
            }
        }
        int upper = n + 1;
        cumulative = BigInteger.ZERO;
        for (int r = n; r >= 1; r--) {
            cumulative = cumulative.add(count[r]);
            if (cumulative.multiply(twenty).compareTo(total) <= 0) {
                upper = r;
            }
        }
        return new int[] {lower, upper};
    }

    /**
     * Number of sequences of n1 "a" and n2 "b" with exactly r runs: an even r = 2k splits both kinds into k blocks
     * (two ways to start); an odd r = 2k + 1 splits one kind into k + 1 blocks and the other into k.
     */
    private static BigInteger arrangementsWithRuns(int r, int n1, int n2) {
        if (r < 1) {
            return BigInteger.ZERO;
        }
        if (n1 == 0 || n2 == 0) {
            return r == 1 ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (r % 2 == 0) {
            final int k = r / 2;
            return BigInteger.TWO.multiply(compositions(n1, k)).multiply(compositions(n2, k));
        }
        final int k = (r - 1) / 2;
        return compositions(n1, k + 1).multiply(compositions(n2, k))
                .add(compositions(n1, k).multiply(compositions(n2, k + 1)));
    }

    /** Ways to split n items in a row into k non-empty blocks: C(n - 1, k - 1). */
    private static BigInteger compositions(int n, int k) {
        if (k < 1 || k > n) {
            return BigInteger.ZERO;
        }
        return choose(n - 1, k - 1);
    }

    /** C(n, k) from Pascal's triangle, rows added as needed. */
    private static synchronized BigInteger choose(int n, int k) {
        while (PASCAL.size() <= n) {
            final int row = PASCAL.size();
            final BigInteger[] next = new BigInteger[row + 1];
            next[0] = BigInteger.ONE;
            next[row] = BigInteger.ONE;
            for (int j = 1; j < row; j++) {
                next[j] = PASCAL.get(row - 1)[j - 1].add(PASCAL.get(row - 1)[j]);
            }
            PASCAL.add(next);
        }
        return PASCAL.get(n)[k];
    }
}
