package org.shewhart.engine.monitor;

/**
 * A computed CUSUM chart (see {@link Cusum}): per point the subgroup mean and size, the standardised value z, the
 * upper sum C⁺ and the negated lower sum -C⁻, and the signals; per chart the centre, the sigma, the parameters and
 * the number of phase-1 points.
 *
 * <p>Per-point arrays are owned by this object: accessors are indexed (0-based) and bulk exports copy. This class is
 * immutable and thread-safe.
 */
public final class CusumResult extends SubgroupResult {
    private final Cusum spec;
    private final double[] z;
    private final double[] upper;
    private final double[] lower;

    CusumResult(Cusum spec, Baseline base, int phaseOne, double[] mean, int[] size, double[] z, double[] upper,
            double[] lower) {
        super(base, phaseOne, mean, size);
        this.spec = spec;
        this.z = z;
        this.upper = upper;
        this.lower = lower;
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
}
