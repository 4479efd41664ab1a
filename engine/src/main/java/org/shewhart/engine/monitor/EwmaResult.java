package org.shewhart.engine.monitor;

/**
 * A computed EWMA chart (see {@link Ewma}): per point the subgroup mean and size, the EWMA, its standard deviation
 * σ_i, the limits and the beyond-limits signal; per chart the centre (where the EWMA starts), the sigma, λ, L and
 * the number of phase-1 points.
 *
 * <p>Per-point arrays are owned by this object: accessors are indexed (0-based) and bulk exports copy. This class is
 * immutable and thread-safe.
 */
public final class EwmaResult extends SubgroupResult {
    private final Ewma spec;
    private final double[] ewma;
    private final double[] sd;
    private final double[] lcl;
    private final double[] ucl;

    EwmaResult(Ewma spec, Baseline base, int phaseOne, double[] mean, int[] size, double[] ewma, double[] sd,
            double[] lcl, double[] ucl) {
        super(base, phaseOne, mean, size);
        this.spec = spec;
        this.ewma = ewma;
        this.sd = sd;
        this.lcl = lcl;
        this.ucl = ucl;
    }

    /** @return the smoothing weight λ */
    public double lambda() {
        return spec.lambda();
    }

    /** @return the limit width L */
    public double sigmas() {
        return spec.sigmas();
    }

    /**
     * @param i point index
     * @return the EWMA e_i
     */
    public double ewmaAt(int i) {
        return ewma[i];
    }

    /**
     * @param i point index
     * @return σ_i, the standard deviation of e_i
     */
    public double sigmaAt(int i) {
        return sd[i];
    }

    /**
     * @param i point index
     * @return the lower control limit μ₀ - L σ_i
     */
    public double lowerLimitAt(int i) {
        return lcl[i];
    }

    /**
     * @param i point index
     * @return the upper control limit μ₀ + L σ_i
     */
    public double upperLimitAt(int i) {
        return ucl[i];
    }

    /**
     * @param i point index
     * @return whether the EWMA is strictly beyond a limit
     */
    public boolean isSignal(int i) {
        return ewma[i] < lcl[i] || ewma[i] > ucl[i];
    }

    /** @return the indices of the points beyond the limits, ascending */
    public int[] signals() {
        int count = 0;
        for (int i = 0; i < ewma.length; i++) {
            if (isSignal(i)) {
                count++;
            }
        }
        final int[] out = new int[count];
        count = 0;
        for (int i = 0; i < ewma.length; i++) {
            if (isSignal(i)) {
                out[count++] = i;
            }
        }
        return out;
    }

    /** @return a copy of the EWMA values */
    public double[] ewmaValues() {
        return ewma.clone();
    }

    /** @return a copy of the lower limits */
    public double[] lowerLimits() {
        return lcl.clone();
    }

    /** @return a copy of the upper limits */
    public double[] upperLimits() {
        return ucl.clone();
    }
}
