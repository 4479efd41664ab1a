/**
 * Funnel plots for comparing institutions (Spiegelhalter 2005), reproducing FunnelPlotR 0.6.0: proportions,
 * ratios of counts and standardised ratios (SHMI or CQC method); limits at any coverage (95 % and 99.8 % by
 * default), exact Poisson for unadjusted standardised ratios and normal approximations on the transformed scale
 * otherwise; overdispersion by a multiplicative φ or an additive DerSimonian-Laird τ² estimated from winsorised or
 * SHMI-truncated z-scores; outliers against the limits in effect; a limits lookup table for drawing.
 *
 * <p>Start with {@link org.shewhart.engine.funnel.FunnelSpec#builder(FunnelType)}; {@code compute} returns a
 * {@link org.shewhart.engine.funnel.FunnelResult}.
 *
 * <p>Where FunnelPlotR behaves unexpectedly the engine follows it, and says so where it applies: the fallback to
 * unadjusted limits when {@code φ <= 1}; CQC adjusted limits on the ratio scale, not squared back from the
 * square-root scale; ratio-of-counts z-scores and τ² with {@code s = sqrt(O/(O+½)² + D/(D+½)²)} but limits with
 * {@code s = 1/(2 sqrt(D))}; proportion limits forced to 0 or 1 where the back-transformed curve turns back; the
 * SHMI ratio computed before its expected value is rounded. Additions and departures, none of which FunnelPlotR's
 * defaults reach: coverages other than 95 % and 99.8 %, the multiplicative model, a given target, a trim of 0
 * (nothing trimmed), a negative CQC lower limit set to 0, and proportion limits set to 0 or 1 where very wide
 * limits turn back a second time or at the largest denominator, which FunnelPlotR's neighbour rule cannot see.
 *
 * <p>All public types are immutable and thread-safe.
 */
package org.shewhart.engine.funnel;
