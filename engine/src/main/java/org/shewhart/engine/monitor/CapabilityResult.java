package org.shewhart.engine.monitor;

/**
 * A process capability analysis (see {@link Capability}): the inputs in force (centre, within and overall sigma,
 * specification limits, target, confidence level, k), the ten indices with their confidence intervals, the expected
 * and observed percentages beyond the limits, and the xbar / xbar.one chart behind the analysis (per subgroup: mean,
 * size and the limits μ ± k σ / sqrt(n_i)).
 *
 * <p>An index that is not defined (it needs a specification limit that was not given) is {@code null}; a number
 * that is not defined is NaN. Per-point arrays are owned by this object. This class is immutable and thread-safe.
 */
public final class CapabilityResult extends SubgroupResult {
    private final int observations;
    private final double overall;
    private final double lsl;
    private final double usl;
    private final double target;
    private final boolean hasTarget;
    private final double confidence;
    private final double sigmas;
    private final CapabilityIndex[] index;
    private final double[] percent;
    private final double[] lcl;
    private final double[] ucl;

    CapabilityResult(Baseline base, int phaseOne, int observations, double overall, double lsl, double usl,
            double target, boolean hasTarget, double confidence, double sigmas, CapabilityIndex[] index,
            double[] percent, double[] mean, int[] size, double[] lcl, double[] ucl) {
        super(base, phaseOne, mean, size);
        this.observations = observations;
        this.overall = overall;
        this.lsl = lsl;
        this.usl = usl;
        this.target = target;
        this.hasTarget = hasTarget;
        this.confidence = confidence;
        this.sigmas = sigmas;
        this.index = index;
        this.percent = percent;
        this.lcl = lcl;
        this.ucl = ucl;
    }

    /** @return the number n of phase-1 observations (non-missing) behind the indices */
    public int observations() {
        return observations;
    }

    /** @return the overall sigma σₒ: the sample standard deviation of the n phase-1 observations */
    public double overallSigma() {
        return overall;
    }

    /** @return the lower specification limit, NaN if none */
    public double lowerSpecification() {
        return lsl;
    }

    /** @return the upper specification limit, NaN if none */
    public double upperSpecification() {
        return usl;
    }

    /** @return the target T (given, or the midpoint of two specification limits), NaN if none */
    public double target() {
        return target;
    }

    /** @return whether a target is in force (given, or defaulted from two specification limits) */
    public boolean hasTarget() {
        return hasTarget;
    }

    /** @return the confidence level of the intervals */
    public double confidenceLevel() {
        return confidence;
    }

    /** @return k, the number of sigmas */
    public double sigmas() {
        return sigmas;
    }

    /**
     * @param kind which index
     * @return the index with its interval, or {@code null} if it is not defined for these specification limits
     */
    public CapabilityIndex index(CapabilityIndex.Kind kind) {
        return index[kind.ordinal()];
    }

    /** @return Cp, or {@code null} without two specification limits */
    public CapabilityIndex cp() {
        return index[CapabilityIndex.Kind.CP.ordinal()];
    }

    /** @return Cp_l, or {@code null} without LSL */
    public CapabilityIndex cpl() {
        return index[CapabilityIndex.Kind.CP_L.ordinal()];
    }

    /** @return Cp_u, or {@code null} without USL */
    public CapabilityIndex cpu() {
        return index[CapabilityIndex.Kind.CP_U.ordinal()];
    }

    /** @return Cp_k */
    public CapabilityIndex cpk() {
        return index[CapabilityIndex.Kind.CP_K.ordinal()];
    }

    /** @return Cpm, or {@code null} without two specification limits */
    public CapabilityIndex cpm() {
        return index[CapabilityIndex.Kind.CPM.ordinal()];
    }

    /** @return Pp, or {@code null} without two specification limits */
    public CapabilityIndex pp() {
        return index[CapabilityIndex.Kind.PP.ordinal()];
    }

    /** @return Pp_l, or {@code null} without LSL */
    public CapabilityIndex ppl() {
        return index[CapabilityIndex.Kind.PP_L.ordinal()];
    }

    /** @return Pp_u, or {@code null} without USL */
    public CapabilityIndex ppu() {
        return index[CapabilityIndex.Kind.PP_U.ordinal()];
    }

    /** @return Pp_k */
    public CapabilityIndex ppk() {
        return index[CapabilityIndex.Kind.PP_K.ordinal()];
    }

    /** @return Ppm, or {@code null} without two specification limits */
    public CapabilityIndex ppm() {
        return index[CapabilityIndex.Kind.PPM.ordinal()];
    }

    /** @return the expected percentage below LSL under the normal model (0 if below 0.01), NaN without LSL */
    public double expectedPercentBelow() {
        return percent[0];
    }

    /** @return the expected percentage above USL under the normal model (0 if below 0.01), NaN without USL */
    public double expectedPercentAbove() {
        return percent[1];
    }

    /** @return the percentage of observations below LSL, NaN without LSL or without raw observations */
    public double observedPercentBelow() {
        return percent[2];
    }

    /** @return the percentage of observations above USL, NaN without USL or without raw observations */
    public double observedPercentAbove() {
        return percent[3];
    }

    /**
     * @param i subgroup index
     * @return the chart's lower limit μ - k σ / sqrt(n_i)
     */
    public double lowerLimitAt(int i) {
        return lcl[i];
    }

    /**
     * @param i subgroup index
     * @return the chart's upper limit μ + k σ / sqrt(n_i)
     */
    public double upperLimitAt(int i) {
        return ucl[i];
    }
}
