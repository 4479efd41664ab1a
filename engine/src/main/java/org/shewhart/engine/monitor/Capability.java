package org.shewhart.engine.monitor;

import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.internal.SubgroupSigma;

/**
 * Process capability analysis as qcc 3.0 {@code processCapability()} computes it on an xbar chart (subgroups) or
 * an xbar.one chart (individual values).
 *
 * <p>Inputs: the phase-1 data (qcc's chart {@code data}; later subgroups are charted but ignored here), the
 * specification limits LSL and/or USL, the target T (default: the midpoint of the limits), k = {@code nsigmas}
 * (default 3) and the confidence level 1 - α (default 0.95). μ is the chart's centre (Σ n_i x̄_i / Σ n_i),
 * σ the chart's within-subgroup sigma (qcc's default: UWAVE-R = mean of R_i / d2(n_i) for subgroups, MR / 1.128
 * for individual values; see {@link SigmaMethod}), σₒ the sample standard deviation of all n observations.
 *
 * <p>Indices ({@link CapabilityIndex.Kind}): Cp = (USL - LSL) / (2kσ), Cp_u = (USL - μ) / (kσ),
 * Cp_l = (μ - LSL) / (kσ), Cp_k = min(Cp_l, Cp_u) over the specified sides, Cpm = Cp / sqrt(1 + ((μ - T) / σ)²);
 * Pp, Pp_l, Pp_u, Pp_k, Ppm the same with σₒ. An index that needs a missing limit is {@code null} (Cp, Cpm, Pp,
 * Ppm with one-sided specifications; Cp_l without LSL; ...).
 *
 * <p>Confidence intervals, exactly as qcc:
 * <ul>
 *   <li>Cp, Pp (Chou, Owen and Borrego 1990): idx · sqrt(χ²_{α/2}(n-1) / (n-1)) and
 *       idx · sqrt(χ²_{1-α/2}(n-1) / (n-1)).</li>
 *   <li>Cpm, Ppm (Boyles 1991): the same with df = n (1 + δ²) / (1 + 2δ²), δ = (μ - T) / σ (σₒ for Ppm).</li>
 *   <li>k-family (Bissell 1990): idx · (1 ∓ z sqrt(1 / (9 n idx²) + 1 / (2 (n - 1)))) with z = qnorm(1 - α)
 *       (a one-sided quantile, as qcc uses {@code qnorm(confidence.level)}) for Cp_l, Cp_u, Pp_l, Pp_u, and
 *       z = qnorm(1 - α/2) for Cp_k and Pp_k.</li>
 * </ul>
 *
 * <p>Percentages: expected below LSL = 100 Φ((LSL - μ) / σ) and above USL = 100 (1 - Φ((USL - μ) / σ)) under the
 * normal model with the within sigma, set to 0 when below 0.01 (as qcc does); observed = 100 × the fraction of
 * observations strictly beyond the limit. A percentage for a missing limit, or observed percentages of subgroups
 * given only as summaries, are NaN.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Capability {
    /** No specification limits yet (set them before computing), T = midpoint, k = 3, 95 % intervals. */
    public static final Capability DEFAULT = new Capability(Double.NaN, Double.NaN, Double.NaN, 0.95, 3,
            Double.NaN, Double.NaN, null);

    private final double lsl;
    private final double usl;
    private final double target;
    private final double confidence;
    private final double sigmas;
    private final double centre;
    private final double sigma;
    private final SigmaMethod estimator;

    private Capability(double lsl, double usl, double target, double confidence, double sigmas, double centre,
            double sigma, SigmaMethod estimator) {
        this.lsl = lsl;
        this.usl = usl;
        this.target = target;
        this.confidence = confidence;
        this.sigmas = sigmas;
        this.centre = centre;
        this.sigma = sigma;
        this.estimator = estimator;
    }

    /**
     * The default configuration, {@link #DEFAULT}.
     *
     * @return the default calculator
     */
    public static Capability withDefaults() {
        return DEFAULT;
    }

    /**
     * Sets the specification limits; NaN leaves a side unspecified (one-sided specification).
     *
     * @param lower LSL, or NaN
     * @param upper USL, or NaN
     * @return a copy with the new limits
     * @throws org.shewhart.engine.SpcInputException if both are NaN, one is infinite, or LSL &gt;= USL
     */
    public Capability withSpecificationLimits(double lower, double upper) {
        if (Double.isInfinite(lower) || Double.isInfinite(upper)) {
            throw Checks.input("specification limits must be finite numbers (NaN for none), got LSL = %s, USL = %s",
                    lower, upper);
        }
        if (lower != lower && upper != upper) {
            throw Checks.input("no specification limits: give LSL, USL or both");
        }
        if (lower >= upper) {
            throw Checks.input("LSL (%s) must be less than USL (%s)", lower, upper);
        }
        return new Capability(lower, upper, target, confidence, sigmas, centre, sigma, estimator);
    }

    /**
     * Sets the target T used by Cpm and Ppm; by default (NaN) the midpoint of the specification limits, and none
     * with a one-sided specification.
     *
     * @param value a finite number, or NaN for the default
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is infinite
     */
    public Capability withTarget(double value) {
        return new Capability(lsl, usl, Checks.finiteOrNaN("target", value), confidence, sigmas, centre, sigma,
                estimator);
    }

    /**
     * Sets the confidence level of the intervals (qcc {@code confidence.level}, default 0.95).
     *
     * @param value in (0, 1)
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is outside (0, 1)
     */
    public Capability withConfidenceLevel(double value) {
        if (!(value > 0 && value < 1)) {
            throw Checks.input("confidence level must be in (0, 1), got %s", value);
        }
        return new Capability(lsl, usl, target, value, sigmas, centre, sigma, estimator);
    }

    /**
     * Sets k, the number of sigmas in the indices and in the chart limits (qcc {@code nsigmas}, default 3).
     *
     * @param value a finite number &gt; 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not a finite number &gt; 0
     */
    public Capability withSigmas(double value) {
        return new Capability(lsl, usl, target, confidence, Checks.positive("nsigmas", value), centre, sigma,
                estimator);
    }

    /**
     * Sets a known process centre μ instead of the phase-1 mean.
     *
     * @param value a finite number, or NaN to estimate
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is infinite
     */
    public Capability withCentre(double value) {
        return new Capability(lsl, usl, target, confidence, sigmas, Checks.finiteOrNaN("centre", value), sigma,
                estimator);
    }

    /**
     * Sets a known within-subgroup sigma instead of estimating it (qcc {@code std.dev}).
     *
     * @param value a finite number &gt; 0, or NaN to estimate
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not NaN and not a finite number &gt; 0
     */
    public Capability withSigma(double value) {
        return new Capability(lsl, usl, target, confidence, sigmas, centre, Checks.positiveOrNaN("sigma", value),
                estimator);
    }

    /**
     * Chooses the within-sigma estimator used when sigma is not given.
     *
     * @param value an estimator, or {@code null} for qcc's default
     * @return a copy with the new value
     */
    public Capability with(SigmaMethod value) {
        return new Capability(lsl, usl, target, confidence, sigmas, centre, sigma, value);
    }

    /**
     * Analyses individual values, all of them phase 1.
     *
     * @param values values in time order
     * @return the analysis
     * @throws org.shewhart.engine.SpcInputException as {@link #compute(Subgroups, int)}
     */
    public CapabilityResult compute(double... values) {
        final Subgroups data = Subgroups.ofIndividuals(values);
        return compute(data, data.size());
    }

    /**
     * Analyses subgroups, all of them phase 1.
     *
     * @param data the subgroups
     * @return the analysis
     * @throws org.shewhart.engine.SpcInputException as {@link #compute(Subgroups, int)}
     */
    public CapabilityResult compute(Subgroups data) {
        return compute(data, Objects.requireNonNull(data, "data").size());
    }

    /**
     * Analyses the first {@code phaseOne} subgroups; later subgroups only get the chart's limits.
     *
     * @param data the subgroups
     * @param phaseOne number of leading phase-1 subgroups, from 1 to {@code data.size()}
     * @return the analysis
     * @throws org.shewhart.engine.SpcInputException if no specification limit is set, phaseOne is out of range,
     *     phase 1 has fewer than 2 observations, sigma cannot be estimated (see {@link Cusum#compute(Subgroups,
     *     int)}), or the overall standard deviation cannot be computed from summaries without standard deviations
     */
    public CapabilityResult compute(Subgroups data, int phaseOne) {
        Objects.requireNonNull(data, "data");
        if (lsl != lsl && usl != usl) {
            throw Checks.input("no specification limits: set LSL and/or USL with withSpecificationLimits(lsl, usl)");
        }
        Checks.phaseOne(phaseOne, data.size());
        long count = 0;
        for (int i = 0; i < phaseOne; i++) {
            count += data.subgroupSizeAt(i);
        }
        if (count < 2) {
            throw Checks.input("capability needs at least 2 phase-1 observations, got %d", count);
        }
        final Baseline base = Baseline.of(data, phaseOne, centre, sigma, estimator);
        final double mu = base.centre();
        final double within = base.sigma();
        // the phase-1 observations come first: obs[0, obsEnd); qcc's sd(x) over them, or pooled from summaries
        final double[] obs = observations(data);
        final int obsEnd = data.hasObservations() ? data.observationStart(phaseOne) : phaseOne;
        final double overall = obs != null
                ? SubgroupSigma.sampleStandardDeviation(obs, 0, obsEnd)
                : pooledOverall(data, phaseOne);
        final double n = count;
        final boolean hasLower = lsl == lsl;
        final boolean hasUpper = usl == usl;
        final boolean hasTarget = target == target || hasLower && hasUpper;
        final double t = target == target ? target : hasLower && hasUpper ? (lsl + usl) / 2 : Double.NaN;
        final double alpha = 1 - confidence;
        final NormalDistribution normal = NormalDistribution.of(0, 1);
        final double zOneSided = normal.inverseCumulativeProbability(confidence);
        final double zTwoSided = normal.inverseCumulativeProbability(1 - alpha / 2);

        final CapabilityIndex[] index = new CapabilityIndex[CapabilityIndex.Kind.values().length];
        family(index, 0, within, mu, t, n, alpha, zOneSided, zTwoSided);
        family(index, 5, overall, mu, t, n, alpha, zOneSided, zTwoSided);

        double expectedBelow = Double.NaN;
        double expectedAbove = Double.NaN;
        if (hasLower) {
            expectedBelow = normal.cumulativeProbability((lsl - mu) / within) * 100;
            expectedBelow = expectedBelow < 0.01 ? 0 : expectedBelow;
        }
        if (hasUpper) {
            // qcc: (1 - pnorm(z)) * 100; the survival function is the same up to rounding, and exact in the tail
            expectedAbove = normal.survivalProbability((usl - mu) / within) * 100;
            expectedAbove = expectedAbove < 0.01 ? 0 : expectedAbove;
        }
        double observedBelow = Double.NaN;
        double observedAbove = Double.NaN;
        if (obs != null) {
            int below = 0;
            int above = 0;
            for (int i = 0; i < obsEnd; i++) {
                final double x = obs[i];
                below += x < lsl ? 1 : 0;
                above += x > usl ? 1 : 0;
            }
            observedBelow = hasLower ? below / n * 100 : Double.NaN;
            observedAbove = hasUpper ? above / n * 100 : Double.NaN;
        }

        final int k = data.size();
        final double[] mean = data.means();
        final int[] size = data.subgroupSizes();
        final double[] lcl = new double[k];
        final double[] ucl = new double[k];
        for (int i = 0; i < k; i++) {
            // the xbar / xbar.one chart behind the analysis: μ ± k σ / sqrt(n_i)
            final double delta = sigmas * (within / Math.sqrt(size[i]));
            lcl[i] = mu - delta;
            ucl[i] = mu + delta;
        }
        return new CapabilityResult(base, phaseOne, (int) count, overall, lsl, usl, t, hasTarget, confidence,
                sigmas, index, new double[] {expectedBelow, expectedAbove, observedBelow, observedAbove}, mean,
                size, lcl, ucl);
    }

    /** The five indices of one family (within or overall sigma) into index[offset .. offset + 5). */
    private void family(CapabilityIndex[] index, int offset, double s, double mu, double t, double n, double alpha,
            double zOneSided, double zTwoSided) {
        final boolean hasLower = lsl == lsl;
        final boolean hasUpper = usl == usl;
        if (hasLower && hasUpper) {
            final double cp = (usl - lsl) / (2 * sigmas * s);
            index[offset] = chiSquare(cp, n - 1, alpha);
            if (t == t) {
                final double delta = (mu - t) / s;
                final double cpm = cp / Math.sqrt(1 + delta * delta);
                // Boyles (1991) degrees of freedom
                final double df = n * (1 + delta * delta) / (1 + 2 * delta * delta);
                index[offset + 4] = chiSquare(cpm, df, alpha);
            }
        }
        double cpk = Double.NaN;
        if (hasLower) {
            final double cpl = (mu - lsl) / (sigmas * s);
            index[offset + 1] = wald(cpl, zOneSided, n);
            cpk = cpl;
        }
        if (hasUpper) {
            final double cpu = (usl - mu) / (sigmas * s);
            index[offset + 2] = wald(cpu, zOneSided, n);
            cpk = cpk == cpk ? Math.min(cpk, cpu) : cpu;
        }
        index[offset + 3] = wald(cpk, zTwoSided, n);
    }

    /** Chi-square interval of Cp, Pp, Cpm, Ppm (qcc {@code .chisq_limits_cp_family}). */
    private static CapabilityIndex chiSquare(double idx, double df, double alpha) {
        final ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        return new CapabilityIndex(idx,
                idx * Math.sqrt(chi.inverseCumulativeProbability(alpha / 2) / df),
                idx * Math.sqrt(chi.inverseCumulativeProbability(1 - alpha / 2) / df));
    }

    /** Normal-approximation interval of the k-family (qcc {@code .wald_limits_cpk_family}, Bissell 1990). */
    private static CapabilityIndex wald(double idx, double z, double n) {
        final double half = z * Math.sqrt(1 / (9 * n * idx * idx) + 1 / (2 * (n - 1)));
        return new CapabilityIndex(idx, idx * (1 - half), idx * (1 + half));
    }

    /** The raw observations (phase 1 first), or the means of individual values given as summaries, or null. */
    private static double[] observations(Subgroups data) {
        if (data.hasObservations()) {
            return data.observationArray();
        }
        return data.isIndividuals() ? data.means() : null;
    }

    /**
     * Overall sample SD of the phase-1 observations from subgroup summaries: the total sum of squares is the
     * within part Σ (n_i - 1) s_i² plus the between part Σ n_i (x̄_i - x̄)².
     */
    private static double pooledOverall(Subgroups data, int phaseOne) {
        long count = 0;
        double sum = 0;
        for (int i = 0; i < phaseOne; i++) {
            count += data.subgroupSizeAt(i);
            sum += data.subgroupSizeAt(i) * data.meanAt(i);
        }
        final double grand = sum / count;
        double ss = 0;
        for (int i = 0; i < phaseOne; i++) {
            final int n = data.subgroupSizeAt(i);
            if (n > 1) {
                final double s = data.standardDeviationAt(i);
                if (s != s) {
                    throw Checks.input("subgroup %d has no standard deviation; the overall standard deviation "
                            + "(Pp family) needs the observations or every phase-1 subgroup's standard deviation",
                            i + 1);
                }
                ss += (n - 1) * s * s;
            }
            final double d = data.meanAt(i) - grand;
            ss += n * d * d;
        }
        return Math.sqrt(ss / (count - 1));
    }
}
