package org.shewhart.cli;

import org.shewhart.engine.ChartType;

/**
 * Turns the rows of one series into chart points exactly as {@link ChartInput} does for {@code shewhart chart}:
 * rows with the same x form one point, points are in ascending x, and a point is the mean of its rows, or with a
 * denominator the summed numerator over the summed denominator (only rows with both), or for c charts the summed
 * count, or for subgroup charts the mean, SD, range and count. Rows of one x are summed in file order, as
 * {@code chart} sums them, so the sums agree to the last bit. Stateless; works in a caller's {@link
 * ScanRun.Scratch}.
 */
final class SeriesPoints {
    private SeriesPoints() {
    }

    /**
     * Aggregates {@code rows} rows held in {@code sc.x, sc.y, sc.n} (and with {@code phases} the phase label ids in
     * {@code sc.phase}) into points in {@code sc.key, sc.value, sc.size, sc.sd, sc.range} (and
     * {@code sc.pointPhase}: the label of each point's first row in file order). If the rows of one point carry
     * different labels, {@code sc.conflict} is the first such point and {@code sc.conflictA, sc.conflictB} the
     * labels; otherwise {@code sc.conflict} is -1.
     *
     * @return the number of points
     */
    static int aggregate(int rows, ScanRun.Scratch sc, boolean sizes, ChartType type, boolean phases) {
        return aggregate(rows, sc, sizes, type, phases, true);
    }

    /**
     * As {@link #aggregate(int, ScanRun.Scratch, boolean, ChartType, boolean)}; the general loop alone if not
     * {@code shortcut} (for tests that hold the shortcut to it).
     */
    static int aggregate(int rows, ScanRun.Scratch sc, boolean sizes, ChartType type, boolean phases,
            boolean shortcut) {
        final double[] x = sc.x;
        final double[] y = sc.y;
        final double[] n = sc.n;
        final int[] idx = sc.idx;
        boolean sorted = true;
        boolean distinct = true;
        for (int i = 1; i < rows; i++) {
            if (x[i] <= x[i - 1]) {
                distinct = false;
                if (x[i] < x[i - 1]) {
                    sorted = false;
                    break;
                }
            }
        }
        final boolean subgroups = type.isSubgrouped();
        sc.conflict = -1;
        if (shortcut && sorted && distinct && !subgroups) {
            return onePerPoint(rows, sc, sizes, phases);
        }
        for (int i = 0; i < rows; i++) {
            idx[i] = i;
        }
        if (!sorted) {
            mergeSort(idx, sc.tmp, 0, rows, x);
        }
        int k = 0;
        int i = 0;
        while (i < rows) {
            final double key = x[idx[i]];
            double sumY = 0;
            double sumN = 0;
            int countY = 0;
            // Welford's running mean and sum of squared deviations, as ChartInput: the subgroup SD
            double runMean = 0;
            double m2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            if (phases) {
                // the rows of one x are in file order (the sort is stable): the first row's label is the point's
                final int label = sc.phase[idx[i]];
                sc.pointPhase[k] = label;
                for (int j = i + 1; j < rows && x[idx[j]] == key; j++) {
                    if (sc.phase[idx[j]] != label && sc.conflict < 0) {
                        sc.conflict = k;
                        sc.conflictA = label;
                        sc.conflictB = sc.phase[idx[j]];
                    }
                }
            }
            while (i < rows && x[idx[i]] == key) {
                final int r = idx[i];
                final double v = y[r];
                if (sizes) {
                    final double d = n[r];
                    if (v == v && d == d) {
                        sumY += v;
                        sumN += d;
                        countY++;
                    }
                } else if (v == v) {
                    sumY += v;
                    countY++;
                    final double dv = v - runMean;
                    runMean += dv / countY;
                    m2 += dv * (v - runMean);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                i++;
            }
            sc.key[k] = key;
            if (subgroups) {
                sc.value[k] = countY == 0 ? Double.NaN : sumY / countY;
                sc.size[k] = countY;
                sc.sd[k] = countY < 2 ? Double.NaN : Math.sqrt(m2 / (countY - 1));
                sc.range[k] = countY < 2 ? Double.NaN : max - min;
            } else if (sizes) {
                sc.value[k] = countY == 0 ? Double.NaN : sumY;
                sc.size[k] = sumN;
            } else if (type == ChartType.C) {
                sc.value[k] = countY == 0 ? Double.NaN : sumY;
            } else {
                sc.value[k] = countY == 0 ? Double.NaN : sumY / countY;
            }
            k++;
        }
        return k;
    }

    /**
     * The common case, rows already in ascending x with one row per x: each point is its row, computed as the
     * general loop computes a point of one row (a sum that starts at +0.0, so that a -0.0 becomes +0.0 there too).
     */
    private static int onePerPoint(int rows, ScanRun.Scratch sc, boolean sizes, boolean phases) {
        final double[] x = sc.x;
        final double[] y = sc.y;
        final double[] n = sc.n;
        final double[] key = sc.key;
        final double[] value = sc.value;
        final double[] size = sc.size;
        for (int i = 0; i < rows; i++) {
            key[i] = x[i];
            final double v = y[i];
            if (sizes) {
                final double d = n[i];
                final boolean both = v == v && d == d;
                value[i] = both ? 0.0 + v : Double.NaN;
                size[i] = both ? 0.0 + d : 0.0;
            } else {
                value[i] = 0.0 + v;
                size[i] = 0.0;
            }
        }
        if (phases) {
            System.arraycopy(sc.phase, 0, sc.pointPhase, 0, rows);
        }
        return rows;
    }

    /** Stable merge sort of indices by their x (top-down, into {@code tmp}). */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, double[] x) {
        if (to - from < 2) {
            return;
        }
        final int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, x);
        mergeSort(a, tmp, mid, to, x);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            // <= keeps equal x in file order
            tmp[k++] = x[a[i]] <= x[a[j]] ? a[i++] : a[j++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }
}
