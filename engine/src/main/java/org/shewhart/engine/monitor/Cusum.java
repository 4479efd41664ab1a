package org.shewhart.engine.monitor;

import java.util.Objects;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.internal.MonitorKernels;

/**
 * The standardised tabular CUSUM chart of subgroup means, as qcc 3.0 {@code cusum()} computes it.
 *
 * <p>Definition (Montgomery, Introduction to Statistical Quality Control, 7th ed., section 9.1; qcc
 * {@code R/cusum.R}): with centre μ₀, process sigma σ, decision interval h, shift to detect δ (in standard errors,
 * qcc's {@code se.shift}) and k = δ / 2,
 * <pre>
 *   z_i  = (x̄_i - μ₀) / (σ / sqrt(n_i))
 *   C⁺_i = max(0, C⁺_{i-1} + z_i - k),   C⁻_i = max(0, C⁻_{i-1} - z_i - k),   C⁺_0 = C⁻_0 = head start
 * </pre>
 * An upper signal is C⁺_i &gt; h, a lower signal C⁻_i &gt; h (strict); the result reports the lower sum negated
 * (-C⁻_i, as qcc plots it). A head start H &gt; 0 (fast initial response, Lucas and Crosier 1982) must be below h.
 *
 * <p>μ₀ and σ come from the phase-1 subgroups unless given ({@link #withCentre(double)}, {@link
 * #withSigma(double)}): μ₀ = Σ n_i x̄_i / Σ n_i and σ by the {@link SigmaMethod} (qcc's default: UWAVE-R for
 * subgroups, i.e. mean of R_i / d2(n_i) with qcc's 3-decimal d2 table; MR / 1.128 for individual values). Later
 * subgroups (phase 2, qcc's {@code newdata}) are charted with them; the sums run over all points.
 *
 * <pre>{@code
 * CusumResult r = Cusum.withDefaults().withDecisionInterval(4).withShift(1.5)
 *         .compute(Subgroups.ofIndividuals(values), 20);   // first 20 values calibrate
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Cusum {
    /** h = 5, se.shift = 1 (k = 0.5), no head start, centre and sigma estimated by qcc's defaults. */
    public static final Cusum DEFAULT = new Cusum(5, 1, 0, Double.NaN, Double.NaN, null);

    private final double decisionInterval;
    private final double shift;
    private final double headStart;
    private final double centre;
    private final double sigma;
    private final SigmaMethod estimator;

    private Cusum(double decisionInterval, double shift, double headStart, double centre, double sigma,
            SigmaMethod estimator) {
        this.decisionInterval = decisionInterval;
        this.shift = shift;
        this.headStart = headStart;
        this.centre = centre;
        this.sigma = sigma;
        this.estimator = estimator;
    }

    /**
     * The default configuration, {@link #DEFAULT}.
     *
     * @return the default calculator
     */
    public static Cusum withDefaults() {
        return DEFAULT;
    }

    /**
     * Sets the decision interval h, in standard errors (qcc {@code decision.interval}, default 5).
     *
     * @param h a finite number &gt; 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if h is not a finite number &gt; 0
     */
    public Cusum withDecisionInterval(double h) {
        return new Cusum(Checks.positive("decision interval h", h), shift, headStart, centre, sigma, estimator);
    }

    /**
     * Sets the shift to detect, in standard errors (qcc {@code se.shift}, default 1); the reference value is
     * k = shift / 2.
     *
     * @param seShift a finite number &gt;= 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the shift is negative or not finite
     */
    public Cusum withShift(double seShift) {
        return new Cusum(decisionInterval, Checks.nonNegative("shift (se.shift)", seShift), headStart, centre, sigma,
                estimator);
    }

    /**
     * Sets the head start of both sums, in standard errors (qcc {@code head.start}, default 0); it must be below
     * the decision interval, which {@code compute} checks.
     *
     * @param value a finite number &gt;= 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is negative or not finite
     */
    public Cusum withHeadStart(double value) {
        return new Cusum(decisionInterval, shift, Checks.nonNegative("head start", value), centre, sigma, estimator);
    }

    /**
     * Sets a known centre (target) instead of estimating it from phase 1.
     *
     * @param value a finite number, or NaN to estimate
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is infinite
     */
    public Cusum withCentre(double value) {
        return new Cusum(decisionInterval, shift, headStart, Checks.finiteOrNaN("centre", value), sigma, estimator);
    }

    /**
     * Sets a known process sigma (of one observation) instead of estimating it from phase 1.
     *
     * @param value a finite number &gt; 0, or NaN to estimate
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not NaN and not a finite number &gt; 0
     */
    public Cusum withSigma(double value) {
        return new Cusum(decisionInterval, shift, headStart, centre, Checks.positiveOrNaN("sigma", value), estimator);
    }

    /**
     * Chooses the sigma estimator used when sigma is not given.
     *
     * @param value an estimator, or {@code null} for qcc's default
     * @return a copy with the new value
     */
    public Cusum with(SigmaMethod value) {
        return new Cusum(decisionInterval, shift, headStart, centre, sigma, value);
    }

    /** @return the decision interval h */
    public double decisionInterval() {
        return decisionInterval;
    }

    /** @return the shift to detect (se.shift) */
    public double shift() {
        return shift;
    }

    /** @return the head start */
    public double headStart() {
        return headStart;
    }

    /**
     * Charts individual values, all of them calibrating the chart.
     *
     * @param values values in time order
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException as {@link #compute(Subgroups, int)}
     */
    public CusumResult compute(double... values) {
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
    public CusumResult compute(Subgroups data) {
        return compute(data, Objects.requireNonNull(data, "data").size());
    }

    /**
     * Charts subgroups; the first {@code phaseOne} calibrate the centre and sigma that are not given.
     *
     * @param data the subgroups
     * @param phaseOne number of leading phase-1 subgroups, from 1 to {@code data.size()}
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException if the head start is not below h, phaseOne is out of range,
     *     or sigma cannot be estimated (subgroups of size 1 for a grouped estimator, fewer than 2 values for MR,
     *     a missing range or standard deviation, an estimate of 0)
     */
    public CusumResult compute(Subgroups data, int phaseOne) {
        Objects.requireNonNull(data, "data");
        if (headStart >= decisionInterval) {
            throw Checks.input("head start (%s) must be less than the decision interval h (%s)", headStart,
                    decisionInterval);
        }
        Checks.phaseOne(phaseOne, data.size());
        final Baseline base = Baseline.of(data, phaseOne, centre, sigma, estimator);
        final int n = data.size();
        final double[] mean = data.means();
        final int[] size = data.subgroupSizes();
        final double[] z = new double[n];
        final double[] upper = new double[n];
        final double[] lower = new double[n];
        MonitorKernels.tabularCusum(mean, size, base.centre(), base.sigma(), shift / 2, headStart, z, upper, lower);
        return new CusumResult(this, base, phaseOne, mean, size, z, upper, lower);
    }
}
