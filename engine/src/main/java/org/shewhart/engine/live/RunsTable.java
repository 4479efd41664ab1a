package org.shewhart.engine.live;

import java.util.Arrays;
import org.shewhart.engine.internal.RunsTests;

/**
 * The IHI runs table (the range of expected runs for a number of useful points) in O(√n) instead of the O(n)
 * walk of {@link RunsTests#expectedRuns(int, int[])}, with the same answer.
 *
 * <p>{@code RunsTests.expectedRuns} sums P(R = r) from r = 2 upwards (and from the largest r downwards) with six
 * log-gamma calls a term, which is 0.4 s for 10^6 useful points: fine once per chart, not once per appended point.
 * Here the distribution of the number of runs (Swed and Eisenhart 1943, n1 = floor(n / 2), n2 = ceil(n / 2)) is
 * generated from its mode outwards by the ratio of consecutive terms,
 *
 * <pre>
 * E(k) = C(n1 - 1, k - 1) C(n2 - 1, k - 1) / C(n, n1),   P(R = 2k) = 2 E(k),   P(R = 2k + 1) = E(k) (n - 2k) / k,
 * E(k + 1) / E(k) = (n1 - k)(n2 - k) / k²,
 * </pre>
 *
 * and cut where a term falls below 10^-20 of the mode (about 9.6 standard deviations out), then normalised by the
 * sum of what is kept. The relative error of a tail sum is then about 10^-13, far below that of the log-gamma
 * differences the engine takes (10^-10 at n = 10^6). The bounds are integers decided by comparing a tail sum with
 * 0.05; when one of the two sums that decide a bound lies within {@link #GUARD} of 0.05, where the two
 * computations could round to different sides, the engine's own walk is called instead. So the answer is always
 * the engine's. Holds a scratch array: not thread-safe.
 */
final class RunsTable {
    /** Half-width of the band around 0.05 inside which the engine decides (relative 10^-6 of 0.05). */
    static final double GUARD = 5e-8;

    /** Below this many useful points the engine's walk is cheap enough: always use it. */
    private static final int SMALL = 32;

    /** Terms below this fraction of the mode's are dropped (about 9.6 standard deviations out). */
    private static final double CUT = 1e-20;

    /** The terms P(R = r) (unnormalised), reused between calls. */
    private double[] w = new double[256];

    /**
     * The range of expected runs, as {@link RunsTests#expectedRuns(int, int[])}.
     *
     * @param useful number of useful points
     * @param out receives {@code [lower, upper]}; both -1 below 2 points
     */
    void bounds(int useful, int[] out) {
        if (useful < SMALL || !fast(useful, out)) {
            RunsTests.expectedRuns(useful, out);
        }
    }

    /**
     * The fast path.
     *
     * @return false if a deciding tail sum lies within {@link #GUARD} of 0.05 (the caller then asks the engine)
     */
    boolean fast(int n, int[] out) {
        final int n1 = n / 2;
        final int n2 = n - n1;
        final int rmax = 2 * n1 + (n1 == n2 ? 0 : 1);
        // k runs in [1, n1] (n1 <= n2); E(k) peaks where (n1 - k)(n2 - k) = k^2, at k = n1 n2 / n
        final int kc = Math.max(1, Math.min(n1, (int) Math.round((double) n1 * n2 / n)));
        // walk down from E(kc) = 1 until the terms are negligible:
        // E(k - 1) = E(k) (k - 1)^2 / ((n1 - k + 1)(n2 - k + 1))
        int klo = kc;
        double e = 1;
        while (klo > 1 && e >= CUT) {
            final double km = klo - 1;
            e *= km * km / ((double) (n1 - klo + 1) * (n2 - klo + 1));
            klo--;
        }
        // then upwards, E(k + 1) = E(k) (n1 - k)(n2 - k) / k^2, writing P(R = 2k) = 2 E(k) and
        // P(R = 2k + 1) = E(k) (n - 2k) / k
        final int rlo = 2 * klo;
        double[] t = w;
        double total = 0;
        int k = klo;
        int rhi = rlo - 1;
        while (k <= n1) {
            if (rhi + 2 - rlo >= t.length) {
                t = Arrays.copyOf(t, 2 * t.length);
                w = t;
            }
            final double even = 2 * e;
            t[++rhi - rlo] = even;
            total += even;
            if (2 * k + 1 <= rmax) {
                final double odd = e * (n - 2 * k) / k;
                t[++rhi - rlo] = odd;
                total += odd;
            }
            if (k > kc && e < CUT) {
                break;
            }
            e *= (double) (n1 - k) * (n2 - k) / ((double) k * k);
            k++;
        }
        final double limit = 0.05 * total;
        final double guard = GUARD * total;
        // lower: the largest r with P(R <= r) <= 0.05; the dropped terms below rlo make P(R <= rlo - 1) ~ 0
        int lower = rlo > 2 ? rlo - 1 : 1;
        double cumulative = 0;
        double below = 0;
        double above = -1;
        for (int r = rlo; r <= rhi; r++) {
            cumulative += t[r - rlo];
            if (cumulative <= limit) {
                lower = r;
                below = cumulative;
            } else {
                above = cumulative;
                break;
            }
        }
        if (Math.abs(below - limit) <= guard || Math.abs(above - limit) <= guard) {
            return false;
        }
        // upper: the smallest r with P(R >= r) <= 0.05, or n + 1 if even P(R = rmax) is more
        int upper = rhi < rmax ? rhi + 1 : n + 1;
        cumulative = 0;
        below = 0;
        above = -1;
        for (int r = rhi; r >= rlo; r--) {
            cumulative += t[r - rlo];
            if (cumulative <= limit) {
                upper = r;
                below = cumulative;
            } else {
                above = cumulative;
                break;
            }
        }
        if (Math.abs(below - limit) <= guard || Math.abs(above - limit) <= guard) {
            return false;
        }
        out[0] = lower;
        out[1] = upper;
        return true;
    }
}
