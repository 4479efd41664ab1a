package org.shewhart.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * The values of one measure, in time order, as columns: {@code value[i]} (a count, a sum or a measurement;
 * {@link Double#NaN} = missing) and optionally a denominator {@code size[i]}. With a denominator the plotted
 * value of run, XmR and MR charts is {@code value / size}; {@code 0 / 0} is missing.
 *
 * <p>The arrays are copied on the way in; this class is immutable and thread-safe.
 */
public final class Series {
    private final double[] value;
    private final double[] size;
    private final double[] sd;
    private final double[] range;

    private Series(double[] value, double[] size) {
        this(value, size, null, null);
    }

    private Series(double[] value, double[] size, double[] sd, double[] range) {
        this.value = value;
        this.size = size;
        this.sd = sd;
        this.range = range;
    }

    /**
     * A series of plain values.
     *
     * @param values values in time order, NaN = missing
     * @return the series
     */
    public static Series of(double... values) {
        return new Series(Objects.requireNonNull(values, "values").clone(), null);
    }

    /**
     * A series of numerators over denominators.
     *
     * @param values numerators, NaN = missing
     * @param sizes denominators, same length, NaN = missing
     * @return the series
     * @throws IllegalArgumentException if the lengths differ
     */
    public static Series of(double[] values, double[] sizes) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(sizes, "sizes");
        if (values.length != sizes.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "values length (%d) != sizes length (%d)", values.length, sizes.length));
        }
        return new Series(values.clone(), sizes.clone());
    }

    /**
     * A series of subgroups for xbar, s and r charts: per subgroup the mean, the sample standard deviation
     * (denominator n - 1; NaN for a subgroup of one), the range and the number of observations.
     *
     * @param means subgroup means, NaN = missing
     * @param sds subgroup standard deviations
     * @param ranges subgroup ranges (max - min)
     * @param sizes numbers of observations
     * @return the series
     * @throws IllegalArgumentException if the lengths differ
     */
    public static Series ofSubgroups(double[] means, double[] sds, double[] ranges, double[] sizes) {
        final int n = Objects.requireNonNull(means, "means").length;
        if (sds.length != n || ranges.length != n || sizes.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "subgroup arrays differ in length: means %d, sds %d, ranges %d, sizes %d", n, sds.length,
                    ranges.length, sizes.length));
        }
        return new Series(means.clone(), sizes.clone(), sds.clone(), ranges.clone());
    }

    /** @return whether the series holds subgroup statistics ({@link #ofSubgroups}) */
    public boolean isSubgrouped() {
        return sd != null;
    }

    /** @return the number of points */
    public int size() {
        return value.length;
    }

    /** @return whether the series has denominators */
    public boolean hasSizes() {
        return size != null;
    }

    /**
     * The value at a point.
     *
     * @param i 0-based index
     * @return the value, NaN if missing
     */
    public double valueAt(int i) {
        return value[i];
    }

    /**
     * The denominator at a point.
     *
     * @param i 0-based index
     * @return the denominator, NaN if the series has none
     */
    public double sizeAt(int i) {
        return size == null ? Double.NaN : size[i];
    }

    /** Package-private view for the engine; never exposed or written to. */
    double[] values() {
        return value;
    }

    /** Package-private view for the engine; never exposed or written to. May be {@code null}. */
    double[] sizes() {
        return size;
    }

    /** Package-private view: subgroup SDs, or {@code null}. */
    double[] sds() {
        return sd;
    }

    /** Package-private view: subgroup ranges, or {@code null}. */
    double[] ranges() {
        return range;
    }
}
