package org.shewhart.engine.monitor;

import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.internal.SubgroupSigma;

/**
 * The centre and the process sigma fixed by the phase-1 subgroups (or given), shared by the calculators of this
 * package.
 *
 * @param centre centre of the subgroup means
 * @param sigma within-subgroup process sigma (of one observation)
 * @param estimator the estimator that gave sigma, {@code null} if sigma was given
 */
record Baseline(double centre, double sigma, SigmaMethod estimator) {

    /**
     * Estimates what is not given from subgroups {@code [0, phaseOne)}, as qcc 3.0 {@code cusum}, {@code ewma} and
     * {@code qcc} do: centre = Σ n_i x̄_i / Σ n_i (the mean for individual values); sigma by the chosen estimator,
     * by default MR for individual values and UWAVE-R (RMSDF if some n_i &gt; 25) for subgroups.
     *
     * @param data the subgroups
     * @param phaseOne number of calibration subgroups, already checked
     * @param knownCentre the centre, NaN to estimate it
     * @param knownSigma the sigma, NaN to estimate it
     * @param chosen the estimator, {@code null} for qcc's default
     * @return the baseline
     */
    static Baseline of(Subgroups data, int phaseOne, double knownCentre, double knownSigma, SigmaMethod chosen) {
        final double centre = knownCentre == knownCentre ? knownCentre : centre(data, phaseOne);
        if (knownSigma == knownSigma) {
            return new Baseline(centre, knownSigma, null);
        }
        final SigmaMethod estimator = chosen != null ? chosen : defaultEstimator(data, phaseOne);
        final double sigma = sigma(data, phaseOne, estimator);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw Checks.input("the %s estimate of sigma from the %d phase-1 subgroups is %s; it must be > 0 "
                    + "(the phase-1 data do not vary): give a known sigma", estimator.id(), phaseOne, sigma);
        }
        return new Baseline(centre, sigma, estimator);
    }

    private static double centre(Subgroups data, int phaseOne) {
        final double[] mean = data.means();
        if (data.isIndividuals()) {
            return SubgroupSigma.mean(mean, 0, phaseOne);
        }
        return SubgroupSigma.weightedMean(mean, data.subgroupSizes(), 0, phaseOne);
    }

    private static SigmaMethod defaultEstimator(Subgroups data, int phaseOne) {
        if (data.isIndividuals()) {
            return SigmaMethod.MOVING_RANGE;
        }
        for (int i = 0; i < phaseOne; i++) {
            // qcc: std.dev <- if (any(sizes > 25)) "RMSDF" else "UWAVE-R"
            if (data.subgroupSizeAt(i) > 25) {
                return SigmaMethod.RMSDF;
            }
        }
        return SigmaMethod.UWAVE_R;
    }

    private static double sigma(Subgroups data, int phaseOne, SigmaMethod estimator) {
        if (!estimator.isGrouped()) {
            if (!data.isIndividuals()) {
                throw Checks.input("sigma estimator '%s' works on individual values, but the data have subgroups "
                        + "of up to %d observations; use a grouped estimator such as uwave-r", estimator.id(),
                        maxSize(data));
            }
            if (phaseOne < 2) {
                throw Checks.input("sigma estimator '%s' needs at least 2 phase-1 values, got %d", estimator.id(),
                        phaseOne);
            }
            final double[] x = data.means();
            return estimator == SigmaMethod.MOVING_RANGE
                    ? SubgroupSigma.movingRange(x, 0, phaseOne)
                    : SubgroupSigma.standardDeviation(x, 0, phaseOne);
        }
        final boolean useRange = estimator == SigmaMethod.UWAVE_R || estimator == SigmaMethod.MVLUE_R;
        for (int i = 0; i < phaseOne; i++) {
            final int n = data.subgroupSizeAt(i);
            if (n < 2) {
                throw Checks.input("subgroup %d has %d observation; sigma estimator '%s' needs phase-1 subgroups "
                        + "of at least 2 (give a known sigma, or chart individual values)", i + 1, n, estimator.id());
            }
            final double v = useRange ? data.rangeAt(i) : data.standardDeviationAt(i);
            if (v != v) {
                throw Checks.input("subgroup %d has no %s; sigma estimator '%s' needs it for every phase-1 subgroup",
                        i + 1, useRange ? "range" : "standard deviation", estimator.id());
            }
        }
        final int[] size = data.subgroupSizes();
        final double[] spread = new double[phaseOne];
        for (int i = 0; i < phaseOne; i++) {
            spread[i] = useRange ? data.rangeAt(i) : data.standardDeviationAt(i);
        }
        switch (estimator) {
            case UWAVE_R:
                return SubgroupSigma.uwaveR(spread, size, 0, phaseOne);
            case MVLUE_R:
                return SubgroupSigma.mvlueR(spread, size, 0, phaseOne);
            case UWAVE_SD:
                return SubgroupSigma.uwaveSd(spread, size, 0, phaseOne);
            case MVLUE_SD:
                return SubgroupSigma.mvlueSd(spread, size, 0, phaseOne);
            case RMSDF:
                return SubgroupSigma.rmsdf(spread, size, 0, phaseOne);
            default:
                throw new AssertionError(estimator);
        }
    }

    private static int maxSize(Subgroups data) {
        int max = 0;
        for (int i = 0; i < data.size(); i++) {
            max = Math.max(max, data.subgroupSizeAt(i));
        }
        return max;
    }
}
