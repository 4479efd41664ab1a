package org.shewhart.engine.monitor;

import java.util.Objects;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.internal.MonitorKernels;

/**
 * The EWMA (exponentially weighted moving average) chart of subgroup means, as qcc 3.0 {@code ewma()} computes it.
 *
 * <p>Definition (Roberts 1959; Montgomery, Introduction to Statistical Quality Control, 7th ed., section 9.2; qcc
 * {@code R/ewma.R}): with centre μ₀, process sigma σ, smoothing weight λ and limit width L,
 * <pre>
 *   e_0 = μ₀,   e_i = λ x̄_i + (1 - λ) e_{i-1}
 *   σ_i = σ / sqrt(n_i) · sqrt(λ / (2 - λ) · (1 - (1 - λ)^(2i)))
 *   LCL_i = μ₀ - L σ_i,   UCL_i = μ₀ + L σ_i
 * </pre>
 * where i = 1, 2, ... counts all points, phase 1 and phase 2 alike (the limits widen towards their asymptote from
 * the first point of the chart). A point signals when e_i &lt; LCL_i or e_i &gt; UCL_i (strict).
 *
 * <p>μ₀ and σ come from the phase-1 subgroups unless given, exactly as for {@link Cusum}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Ewma {
    /** λ = 0.2, L = 3, centre and sigma estimated by qcc's defaults. */
    public static final Ewma DEFAULT = new Ewma(0.2, 3, Double.NaN, Double.NaN, null);

    private final double lambda;
    private final double sigmas;
    private final double centre;
    private final double sigma;
    private final SigmaMethod estimator;

    private Ewma(double lambda, double sigmas, double centre, double sigma, SigmaMethod estimator) {
        this.lambda = lambda;
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
    public static Ewma withDefaults() {
        return DEFAULT;
    }

    /**
     * Sets the smoothing weight λ of the newest value (qcc {@code lambda}, default 0.2).
     *
     * @param value in (0, 1]; 1 gives a Shewhart chart of the means
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is outside (0, 1]
     */
    public Ewma withLambda(double value) {
        if (!(value > 0 && value <= 1)) {
            throw Checks.input("lambda must be in (0, 1], got %s", value);
        }
        return new Ewma(value, sigmas, centre, sigma, estimator);
    }

    /**
     * Sets the limit width L in sigmas of the EWMA (qcc {@code nsigmas}, default 3).
     *
     * @param value a finite number &gt; 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not a finite number &gt; 0
     */
    public Ewma withSigmas(double value) {
        return new Ewma(lambda, Checks.positive("nsigmas", value), centre, sigma, estimator);
    }

    /**
     * Sets a known centre (target), also the starting value, instead of estimating it from phase 1.
     *
     * @param value a finite number, or NaN to estimate
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is infinite
     */
    public Ewma withCentre(double value) {
        return new Ewma(lambda, sigmas, Checks.finiteOrNaN("centre", value), sigma, estimator);
    }

    /**
     * Sets a known process sigma (of one observation) instead of estimating it from phase 1.
     *
     * @param value a finite number &gt; 0, or NaN to estimate
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not NaN and not a finite number &gt; 0
     */
    public Ewma withSigma(double value) {
        return new Ewma(lambda, sigmas, centre, Checks.positiveOrNaN("sigma", value), estimator);
    }

    /**
     * Chooses the sigma estimator used when sigma is not given.
     *
     * @param value an estimator, or {@code null} for qcc's default
     * @return a copy with the new value
     */
    public Ewma with(SigmaMethod value) {
        return new Ewma(lambda, sigmas, centre, sigma, value);
    }

    /** @return the smoothing weight λ */
    public double lambda() {
        return lambda;
    }

    /** @return the limit width L */
    public double sigmas() {
        return sigmas;
    }

    /**
     * Charts individual values, all of them calibrating the chart.
     *
     * @param values values in time order
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException as {@link #compute(Subgroups, int)}
     */
    public EwmaResult compute(double... values) {
        final Subgroups data = Subgroups.ofIndividuals(values);
        return compute(data, data.size());
    }

    /**
     * Charts subgroups, all of them calibrating the chart.
     *
     * @param data the subgroups
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException as {@link #compute(Subgroups, int)}
     */
    public EwmaResult compute(Subgroups data) {
        return compute(data, Objects.requireNonNull(data, "data").size());
    }

    /**
     * Charts subgroups; the first {@code phaseOne} calibrate the centre and sigma that are not given.
     *
     * @param data the subgroups
     * @param phaseOne number of leading phase-1 subgroups, from 1 to {@code data.size()}
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException if phaseOne is out of range or sigma cannot be estimated (see
     *     {@link Cusum#compute(Subgroups, int)})
     */
    public EwmaResult compute(Subgroups data, int phaseOne) {
        Objects.requireNonNull(data, "data");
        Checks.phaseOne(phaseOne, data.size());
        final Baseline base = Baseline.of(data, phaseOne, centre, sigma, estimator);
        final int n = data.size();
        final double[] mean = data.means();
        final int[] size = data.subgroupSizes();
        final double[] ewma = new double[n];
        final double[] sd = new double[n];
        final double[] lcl = new double[n];
        final double[] ucl = new double[n];
        MonitorKernels.ewma(mean, size, base.centre(), base.sigma(), lambda, sigmas, ewma, sd, lcl, ucl);
        return new EwmaResult(this, base, phaseOne, mean, size, ewma, sd, lcl, ucl);
    }
}
