package org.shewhart.engine.batch;

import java.util.Locale;
import java.util.Objects;

/**
 * Many series as primitive columns: series {@code s} is rows {@code offsets[s] .. offsets[s + 1] - 1} of
 * {@code values} (and of {@code sizes}, and for subgroup charts of {@code sds} and {@code ranges}), its points in
 * time order. The arrays are referenced, not copied: do not change them while a scan runs. Immutable otherwise.
 */
public final class BatchInput {
    private final int[] offsets;
    private final double[] values;
    private final double[] sizes;
    private final double[] sds;
    private final double[] ranges;

    private BatchInput(int[] offsets, double[] values, double[] sizes, double[] sds, double[] ranges) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.values = Objects.requireNonNull(values, "values");
        this.sizes = sizes;
        this.sds = sds;
        this.ranges = ranges;
        if (offsets.length == 0 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets must start with 0 and hold one more entry than series");
        }
        for (int s = 0; s + 1 < offsets.length; s++) {
            if (offsets[s + 1] < offsets[s]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "offsets must not decrease: offsets[%d] = %d < offsets[%d] = %d", s + 1, offsets[s + 1], s,
                        offsets[s]));
            }
        }
        final int rows = offsets[offsets.length - 1];
        for (double[] column : new double[][] {values, sizes, sds, ranges}) {
            if (column != null && column.length < rows) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a column holds %d rows, the offsets need %d", column.length, rows));
            }
        }
    }

    /**
     * Series of plain values (run, XmR, MR, c, g, t charts).
     *
     * @param offsets series starts, then the total number of rows
     * @param values values, NaN = missing
     * @return the input
     */
    public static BatchInput of(int[] offsets, double[] values) {
        return new BatchInput(offsets, values, null, null, null);
    }

    /**
     * Series of numerators over denominators (p, np, u, Laney and i' charts; ratios on run, XmR and MR charts).
     *
     * @param offsets series starts, then the total number of rows
     * @param values numerators, NaN = missing
     * @param sizes denominators
     * @return the input
     */
    public static BatchInput of(int[] offsets, double[] values, double[] sizes) {
        return new BatchInput(offsets, values, Objects.requireNonNull(sizes, "sizes"), null, null);
    }

    /**
     * Series of subgroups (xbar, s and r charts), as {@code Series.ofSubgroups}.
     *
     * @param offsets series starts, then the total number of rows
     * @param means subgroup means
     * @param sds subgroup standard deviations
     * @param ranges subgroup ranges
     * @param sizes numbers of observations
     * @return the input
     */
    public static BatchInput ofSubgroups(int[] offsets, double[] means, double[] sds, double[] ranges,
            double[] sizes) {
        return new BatchInput(offsets, means, Objects.requireNonNull(sizes, "sizes"),
                Objects.requireNonNull(sds, "sds"), Objects.requireNonNull(ranges, "ranges"));
    }

    /** @return the number of series */
    public int seriesCount() {
        return offsets.length - 1;
    }

    /** @return the number of points of the longest series */
    public int longestSeries() {
        int longest = 0;
        for (int s = 0; s + 1 < offsets.length; s++) {
            longest = Math.max(longest, offsets[s + 1] - offsets[s]);
        }
        return longest;
    }

    int offset(int s) {
        return offsets[s];
    }

    int length(int s) {
        return offsets[s + 1] - offsets[s];
    }

    double[] values() {
        return values;
    }

    double[] sizes() {
        return sizes;
    }

    double[] sds() {
        return sds;
    }

    double[] ranges() {
        return ranges;
    }
}
