package org.shewhart.engine.monitor;

import java.util.Arrays;
import java.util.Objects;

/**
 * The data of a monitoring chart as per-subgroup statistics in time order: the mean (the charted statistic), the
 * sample standard deviation, the range and the size of each subgroup, plus the raw observations when they are
 * known. Three ways in:
 *
 * <ul>
 *   <li>{@link #ofIndividuals(double...)}: one value per point (subgroups of size 1; qcc's {@code xbar.one}).</li>
 *   <li>{@link #ofObservations(double[], int[])}: raw observations in long form with a subgroup label per row
 *       (qcc's {@code xbar} data); consecutive rows with the same label form one subgroup. Missing values (NaN)
 *       are skipped, as qcc's {@code rowMeans(na.rm = TRUE)} and its sizes (non-missing counts) do.</li>
 *   <li>{@link #ofSummaries(double[], double[], double[], int[])} and {@link #ofMeans(double[], int[])}:
 *       precomputed summaries; what is not given is unknown (NaN) and fails only where it is needed (a
 *       range-based sigma estimate needs ranges, observed percentages need observations).</li>
 * </ul>
 *
 * <p>The data are individual values when every subgroup has size 1. The standard deviation and the range of a
 * subgroup of size 1 are NaN. The arrays are copied on the way in; this class is immutable and thread-safe.
 */
public final class Subgroups {
    private final double[] mean;
    private final double[] sd;
    private final double[] range;
    private final int[] size;
    /** Non-missing observations in subgroup order, or {@code null} when built from summaries. */
    private final double[] observation;
    /** Subgroup i owns observation[start[i] .. start[i + 1]); {@code null} with {@link #observation}. */
    private final int[] start;
    private final boolean individuals;

    private Subgroups(double[] mean, double[] sd, double[] range, int[] size, double[] observation, int[] start) {
        this.mean = mean;
        this.sd = sd;
        this.range = range;
        this.size = size;
        this.observation = observation;
        this.start = start;
        boolean ones = true;
        for (int n : size) {
            ones &= n == 1;
        }
        this.individuals = ones;
    }

    /**
     * Individual values, one per point.
     *
     * @param values values in time order, each finite
     * @return the data
     * @throws org.shewhart.engine.SpcInputException if there are no values or a value is missing or infinite
     */
    public static Subgroups ofIndividuals(double... values) {
        Objects.requireNonNull(values, "values");
        final int k = values.length;
        if (k == 0) {
            throw Checks.input("no values: the series is empty");
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(values[i])) {
                throw Checks.input("value of point %d is %s; individual values must be finite numbers "
                        + "(remove missing points first)", i + 1, values[i]);
            }
        }
        final double[] none = new double[k];
        Arrays.fill(none, Double.NaN);
        final int[] size = new int[k];
        final int[] start = new int[k + 1];
        for (int i = 0; i < k; i++) {
            size[i] = 1;
            start[i + 1] = i + 1;
        }
        return new Subgroups(values.clone(), none, none.clone(), size, values.clone(), start);
    }

    /**
     * Raw observations in long form: row r holds {@code values[r]} of the subgroup labelled {@code groups[r]}.
     * Consecutive rows with the same label form one subgroup, in the order of their first row; the rows of a
     * subgroup must be contiguous. Missing values (NaN) are skipped; the size of a subgroup is its number of
     * non-missing values. The mean is computed by a corrected two-pass sum, the standard deviation by the
     * corrected two-pass algorithm (Chan, Golub and LeVeque 1983, eq. 1.7), the range as max - min.
     *
     * @param values observations, NaN = missing
     * @param groups subgroup label of each row, same length
     * @return the data
     * @throws org.shewhart.engine.SpcInputException if the lengths differ, there are no rows, a value is infinite,
     *     a label reappears after another label, or a subgroup has no non-missing value
     */
    public static Subgroups ofObservations(double[] values, int[] groups) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(groups, "groups");
        final int rows = values.length;
        if (groups.length != rows) {
            throw Checks.input("values length (%d) != groups length (%d)", rows, groups.length);
        }
        if (rows == 0) {
            throw Checks.input("no observations: the data are empty");
        }
        // pass 1: count subgroups (runs of equal labels) and check the values
        int k = 0;
        for (int r = 0; r < rows; r++) {
            if (r == 0 || groups[r] != groups[r - 1]) {
                k++;
            }
            if (Double.isInfinite(values[r])) {
                throw Checks.input("observation in row %d (subgroup %d) is %s; observations must be finite "
                        + "or missing (NaN)", r + 1, groups[r], values[r]);
            }
        }
        final int[] label = new int[k];
        final int[] firstRow = new int[k + 1];
        k = 0;
        for (int r = 0; r < rows; r++) {
            if (r == 0 || groups[r] != groups[r - 1]) {
                label[k] = groups[r];
                firstRow[k++] = r;
            }
        }
        firstRow[k] = rows;
        checkContiguous(label, firstRow);
        // pass 2: compact the non-missing observations and summarise each subgroup
        final double[] observation = new double[rows];
        final int[] start = new int[k + 1];
        final double[] mean = new double[k];
        final double[] sd = new double[k];
        final double[] range = new double[k];
        final int[] size = new int[k];
        int m = 0;
        for (int g = 0; g < k; g++) {
            start[g] = m;
            for (int r = firstRow[g]; r < firstRow[g + 1]; r++) {
                final double v = values[r];
                if (v == v) {
                    observation[m++] = v;
                }
            }
            final int n = m - start[g];
            if (n == 0) {
                throw Checks.input("subgroup %d (label %d, rows %d-%d) has no values; every subgroup needs at "
                        + "least one non-missing observation", g + 1, label[g], firstRow[g] + 1, firstRow[g + 1]);
            }
            size[g] = n;
            summarise(observation, start[g], m, g, mean, sd, range);
        }
        start[k] = m;
        return new Subgroups(mean, sd, range, size, Arrays.copyOf(observation, m), start);
    }

    /**
     * Precomputed subgroup summaries. A {@code null} array, or a NaN element, means unknown.
     *
     * @param means subgroup means, each finite
     * @param standardDeviations sample standard deviations (denominator n - 1), or {@code null}
     * @param ranges ranges (max - min), or {@code null}
     * @param sizes subgroup sizes, each at least 1
     * @return the data
     * @throws org.shewhart.engine.SpcInputException if the lengths differ, there are no subgroups, a mean is not
     *     finite, a size is below 1, or a known standard deviation or range is negative or infinite
     */
    public static Subgroups ofSummaries(double[] means, double[] standardDeviations, double[] ranges, int[] sizes) {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(sizes, "sizes");
        final int k = means.length;
        if (sizes.length != k) {
            throw Checks.input("means length (%d) != sizes length (%d)", k, sizes.length);
        }
        if (k == 0) {
            throw Checks.input("no subgroups: the data are empty");
        }
        final double[] sd = known("standardDeviations", standardDeviations, k);
        final double[] range = known("ranges", ranges, k);
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(means[i])) {
                throw Checks.input("mean of subgroup %d is %s; means must be finite numbers", i + 1, means[i]);
            }
            if (sizes[i] < 1) {
                throw Checks.input("size of subgroup %d is %d; sizes must be >= 1", i + 1, sizes[i]);
            }
        }
        return new Subgroups(means.clone(), sd, range, sizes.clone(), null, null);
    }

    /**
     * Subgroup means and sizes only: enough for CUSUM and EWMA with a known sigma.
     *
     * @param means subgroup means, each finite
     * @param sizes subgroup sizes, each at least 1
     * @return the data
     * @throws org.shewhart.engine.SpcInputException as {@link #ofSummaries(double[], double[], double[], int[])}
     */
    public static Subgroups ofMeans(double[] means, int[] sizes) {
        return ofSummaries(means, null, null, sizes);
    }

    private static double[] known(String name, double[] v, int k) {
        final double[] out = new double[k];
        if (v == null) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        if (v.length != k) {
            throw Checks.input("%s length (%d) != means length (%d)", name, v.length, k);
        }
        for (int i = 0; i < k; i++) {
            final double x = v[i];
            if (x < 0 || Double.isInfinite(x)) {
                throw Checks.input("%s of subgroup %d is %s; must be a finite number >= 0 or NaN (unknown)",
                        name, i + 1, x);
            }
            out[i] = x;
        }
        return out;
    }

    /** Rejects a label that labels two runs of rows: the rows of a subgroup must be contiguous. */
    private static void checkContiguous(int[] label, int[] firstRow) {
        final int k = label.length;
        final long[] keyed = new long[k];
        for (int g = 0; g < k; g++) {
            // label in the high half, run number in the low half: sorting groups the runs of each label
            keyed[g] = ((long) label[g] << 32) | g;
        }
        Arrays.sort(keyed);
        for (int g = 1; g < k; g++) {
            if ((int) (keyed[g] >> 32) == (int) (keyed[g - 1] >> 32)) {
                final int first = (int) keyed[g - 1];
                final int again = (int) keyed[g];
                throw Checks.input("subgroup label %d reappears in row %d after other labels (its rows start at "
                        + "row %d); the rows of a subgroup must be contiguous", label[again], firstRow[again] + 1,
                        firstRow[first] + 1);
            }
        }
    }

    /** Mean, sample SD and range of x[from, to) into slot g. */
    private static void summarise(double[] x, int from, int to, int g, double[] mean, double[] sd, double[] range) {
        final int n = to - from;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            final double v = x[i];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        final double m0 = sum / n;
        double ss = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            final double d = x[i] - m0;
            ss += d * d;
            s += d;
        }
        // corrected two-pass mean and variance (Chan, Golub and LeVeque 1983, eq. 1.7)
        mean[g] = m0 + s / n;
        sd[g] = n < 2 ? Double.NaN : Math.sqrt((ss - s * s / n) / (n - 1));
        range[g] = n < 2 ? Double.NaN : max - min;
    }

    /** @return the number of subgroups (points) */
    public int size() {
        return mean.length;
    }

    /** @return whether every subgroup has size 1 (individual values) */
    public boolean isIndividuals() {
        return individuals;
    }

    /** @return whether the raw observations are known (not built from summaries) */
    public boolean hasObservations() {
        return observation != null;
    }

    /**
     * @param i subgroup index, 0-based
     * @return the subgroup mean (the individual value for size 1)
     */
    public double meanAt(int i) {
        return mean[i];
    }

    /**
     * @param i subgroup index
     * @return the sample standard deviation, NaN if unknown or for size 1
     */
    public double standardDeviationAt(int i) {
        return sd[i];
    }

    /**
     * @param i subgroup index
     * @return the range, NaN if unknown or for size 1
     */
    public double rangeAt(int i) {
        return range[i];
    }

    /**
     * @param i subgroup index
     * @return the number of (non-missing) observations of the subgroup
     */
    public int subgroupSizeAt(int i) {
        return size[i];
    }

    /** @return a copy of the subgroup means */
    public double[] means() {
        return mean.clone();
    }

    /** @return a copy of the subgroup sizes */
    public int[] subgroupSizes() {
        return size.clone();
    }

    /**
     * The non-missing raw observations, in subgroup order; no copy, do not modify.
     *
     * @return the observations or {@code null} if unknown
     */
    double[] observationArray() {
        return observation;
    }

    /**
     * @param i subgroup index in {@code [0, size()]}
     * @return the index in {@link #observationArray()} where subgroup i starts
     */
    int observationStart(int i) {
        return start[i];
    }
}
