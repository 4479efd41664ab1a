package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Descriptive#median} finds the middle values by selection: it must give, bit for bit, what sorting gives
 * (the mean of the two middle values of {@link Arrays#sort} for an even count), signed zeros included, on seeded
 * random arrays from 1 to 5,000 values: heavy ties, -0.0 beside 0.0, infinities, and the orders that defeat naive
 * quickselect (sorted, reversed, organ pipe, all equal, a sawtooth), which must also not make it quadratic.
 */
final class MedianSelectionTest {
    @Test
    void selectionEqualsSorting() {
        final SplittableRandom r = new SplittableRandom(20261123L);
        for (int t = 0; t < 6000; t++) {
            final int n = t < 200 ? 1 + t : 1 + r.nextInt(t % 10 == 0 ? 5000 : 300);
            final double[] x = values(r, n);
            final boolean[] use = new boolean[n];
            for (int i = 0; i < n; i++) {
                use[i] = r.nextInt(10) != 0;
            }
            final double expected = sortedMedian(x, use);
            final double actual = Descriptive.median(x, use, 0, n, new double[n]);
            final int c = t;
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                    () -> "case " + c + ", n=" + n + ": expected " + expected + ", got " + actual);
        }
    }

    @Test
    void everyRankIsSelectedAsSortingPlacesIt() {
        final SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 2000; t++) {
            final int n = 1 + r.nextInt(400);
            final double[] x = values(r, n);
            for (int i = 0; i < n; i++) {
                if (x[i] != x[i]) {
                    x[i] = 1;
                }
            }
            final double[] sorted = x.clone();
            Arrays.sort(sorted);
            final int k = r.nextInt(n);
            final double[] a = x.clone();
            Descriptive.select(a, n, k);
            final int c = t;
            // equal as numbers (zeros compare equal in selection), and partitioned around rank k
            assertEquals(true, a[k] == sorted[k], () -> "case " + c + " rank " + k);
            for (int i = 0; i < n; i++) {
                final int at = i;
                assertEquals(true, i < k ? a[i] <= a[k] : a[i] >= a[k], () -> "case " + c + " index " + at);
            }
        }
    }

    private static double[] values(SplittableRandom r, int n) {
        final double[] x = new double[n];
        final int shape = r.nextInt(8);
        final int distinct = 1 + r.nextInt(r.nextBoolean() ? 4 : 1000);
        for (int i = 0; i < n; i++) {
            switch (shape) {
                case 0:
                    x[i] = i;
                    break;
                case 1:
                    x[i] = n - i;
                    break;
                case 2:
                    x[i] = Math.min(i, n - i);
                    break;
                case 3:
                    x[i] = 42;
                    break;
                case 4:
                    x[i] = i % 7;
                    break;
                default:
                    x[i] = r.nextInt(distinct) - distinct / 2;
                    break;
            }
            final int odd = r.nextInt(40);
            if (odd == 0) {
                x[i] = -0.0;
            } else if (odd == 1) {
                x[i] = 0.0;
            } else if (odd == 2) {
                x[i] = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (odd == 3) {
                x[i] = Double.NaN;
            } else if (odd == 4) {
                x[i] = r.nextDouble() - 0.5;
            }
        }
        return x;
    }

    private static double sortedMedian(double[] x, boolean[] use) {
        final double[] s = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (use[i] && x[i] == x[i]) {
                s[n++] = x[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(s, 0, n);
        final int mid = n >>> 1;
        return (n & 1) == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }
}
