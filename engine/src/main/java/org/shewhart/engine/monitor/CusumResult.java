package org.shewhart.engine.monitor;

/**
 * A computed CUSUM chart (see {@link Cusum}): per point the subgroup mean and size, the standardised value z, the
 * upper sum C⁺ and the negated lower sum -C⁻, and the signals; per chart the centre, the sigma, the parameters and
 * the number of phase-1 points.
 *
 * <p>Per-point arrays are owned by this object: accessors are indexed (0-based) and bulk exports copy. This class is
 * immutable and thread-safe.
 */
public final class CusumResult {
    private final Cusum spec;
    private final Baseline base;
    private final int phaseOne;
    private final double[] mean;
    private final int[] size;
    private final double[] z;
    private final double[] upper;
    private final double[] lower;

    CusumResult(Cusum spec, Baseline base, int phaseOne, double[] mean, int[] size, double[] z, double[] upper,
            double[] lower) {
        this.spec = spec;
        this.base = base;
        this.phaseOne = phaseOne;
        this.mean = mean;
        this.size = size;
        this.z = z;
        this.upper = upper;
        this.lower = lower;
    }

    /** @return the number of points */
    public int size() {
        return mean.length;
    }

    /** @return the number of leading phase-1 (calibration) points */
    public int phaseOneSize() {
        return phaseOne;
    }

    /** @return the centre μ₀ (given or estimated) */
    public double centre() {
        return base.centre();
    }

    /** @return the process sigma σ of one observation (given or estimated) */
    public double sigma() {
        return base.sigma();
    }

    /** @return the estimator that gave sigma, or {@code null} if sigma was given */
    public SigmaEstimator sigmaEstimator() {
        return base.estimator();
    }

    /** @return the decision interval h */
    public double decisionInterval() {
        return spec.decisionInterval();
    }

    /** @return the shift to detect (se.shift); the reference value k is half of it */
    public double shift() {
        return spec.shift();
    }

    /** @return the head start */
    public double headStart() {
        return spec.headStart();
    }

    /**
     * @param i point index
     * @return 1 for a phase-1 (calibration) point, 2 for a later one
     */
    public int phaseAt(int i) {
        return i < phaseOne ? 1 : 2;
    }

    /**
     * @param i point index
     * @return the subgroup mean (the charted statistic)
     */
    public double statisticAt(int i) {
        return mean[i];
    }

    /**
     * @param i point index
     * @return the subgroup size
     */
    public int subgroupSizeAt(int i) {
        return size[i];
    }

    /**
     * @param i point index
     * @return z_i = (x̄_i - μ₀) / (σ / sqrt(n_i))
     */
    public double zAt(int i) {
        return z[i];
    }

    /**
     * @param i point index
     * @return the upper cumulative sum C⁺_i (&gt;= 0)
     */
    public double upperAt(int i) {
        return upper[i];
    }

    /**
     * @param i point index
     * @return the lower cumulative sum, negated: -C⁻_i (&lt;= 0)
     */
    public double lowerAt(int i) {
        return lower[i];
    }

    /**
     * @param i point index
     * @return whether C⁺_i &gt; h
     */
    public boolean isUpperSignal(int i) {
        return upper[i] > spec.decisionInterval();
    }

    /**
     * @param i point index
     * @return whether -C⁻_i &lt; -h
     */
    public boolean isLowerSignal(int i) {
        return lower[i] < -spec.decisionInterval();
    }

    /** @return the indices of the upper signals, ascending */
    public int[] upperSignals() {
        return beyond(upper, spec.decisionInterval(), 1);
    }

    /** @return the indices of the lower signals, ascending */
    public int[] lowerSignals() {
        return beyond(lower, spec.decisionInterval(), -1);
    }

    /** @return a copy of the subgroup means */
    public double[] statistics() {
        return mean.clone();
    }

    /** @return a copy of the z values */
    public double[] zValues() {
        return z.clone();
    }

    /** @return a copy of the upper sums C⁺ */
    public double[] upperSums() {
        return upper.clone();
    }

    /** @return a copy of the negated lower sums -C⁻ */
    public double[] lowerSums() {
        return lower.clone();
    }

    /** Indices with sign * v[i] &gt; h. */
    static int[] beyond(double[] v, double h, int sign) {
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (sign * v[i] > h) {
                count++;
            }
        }
        final int[] out = new int[count];
        count = 0;
        for (int i = 0; i < v.length; i++) {
            if (sign * v[i] > h) {
                out[count++] = i;
            }
        }
        return out;
    }
}
