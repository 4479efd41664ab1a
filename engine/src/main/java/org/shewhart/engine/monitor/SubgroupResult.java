package org.shewhart.engine.monitor;

import org.shewhart.engine.SigmaMethod;

/**
 * What the results of the subgroup calculators share: the chart of subgroup means behind them (per subgroup the mean,
 * the size and whether it is a phase-1 subgroup) and the baseline in force, the centre and sigma given or estimated
 * from the phase-1 subgroups.
 *
 * <p>Per-point arrays are owned by this object: accessors are indexed (0-based) and bulk exports copy. Subclasses are
 * immutable and thread-safe.
 */
public abstract sealed class SubgroupResult permits CusumResult, EwmaResult, CapabilityResult {
    private final Baseline base;
    private final int phaseOne;
    private final double[] mean;
    private final int[] size;

    SubgroupResult(Baseline base, int phaseOne, double[] mean, int[] size) {
        this.base = base;
        this.phaseOne = phaseOne;
        this.mean = mean;
        this.size = size;
    }

    /** @return the number of points (subgroups) charted */
    public final int size() {
        return mean.length;
    }

    /** @return the number of leading phase-1 (calibration) points */
    public final int phaseOneSize() {
        return phaseOne;
    }

    /** @return the centre μ₀ of the subgroup means (given or estimated) */
    public final double centre() {
        return base.centre();
    }

    /** @return the process sigma σ of one observation, within subgroups (given or estimated) */
    public final double sigma() {
        return base.sigma();
    }

    /** @return the estimator that gave sigma, or {@code null} if sigma was given */
    public final SigmaMethod sigmaMethod() {
        return base.estimator();
    }

    /**
     * @param i point index
     * @return 1 for a phase-1 (calibration) point, 2 for a later one
     */
    public final int phaseAt(int i) {
        return i < phaseOne ? 1 : 2;
    }

    /**
     * @param i point index
     * @return the subgroup mean (the charted or smoothed statistic)
     */
    public final double statisticAt(int i) {
        return mean[i];
    }

    /**
     * @param i point index
     * @return the subgroup size
     */
    public final int subgroupSizeAt(int i) {
        return size[i];
    }

    /** @return a copy of the subgroup means */
    public final double[] statistics() {
        return mean.clone();
    }

    /** Indices with {@code sign * v[i] > h}, ascending. */
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
