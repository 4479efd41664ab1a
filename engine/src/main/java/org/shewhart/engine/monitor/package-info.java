/**
 * Monitoring charts and capability analysis over subgroup statistics: the standardised tabular {@link
 * org.shewhart.engine.monitor.Cusum CUSUM}, the {@link org.shewhart.engine.monitor.Ewma EWMA} chart and {@link
 * org.shewhart.engine.monitor.Capability process capability} as qcc 3.0 computes them, and the {@link
 * org.shewhart.engine.monitor.BernoulliCusum Bernoulli CUSUM} of qicharts2's {@code bchart}.
 *
 * <p>The data are {@link org.shewhart.engine.monitor.Subgroups}: individual values, raw observations with a
 * subgroup label, or per-subgroup summaries (mean, standard deviation, range, size). The first {@code phaseOne}
 * subgroups are the calibration data (qcc's {@code data}): they fix the centre and the process sigma unless these
 * are given; the rest (qcc's {@code newdata}) are charted against them. The process sigma is estimated by the
 * {@link org.shewhart.engine.SigmaMethod} chosen, or as qcc does by default: the moving range (unscreened) for
 * individual values, otherwise UWAVE-R, or RMSDF if some phase-1 subgroup has more than 25 observations.
 *
 * <p>Calculators are immutable configurations ({@code Cusum.withDefaults().withDecisionInterval(4)}); results are
 * immutable and own their arrays (indexed accessors, copying exports). Every type here is thread-safe. User
 * mistakes raise {@link org.shewhart.engine.SpcInputException} with a message that names the parameter or point, the
 * value and what is valid; points and subgroups are counted from 1 in messages.
 */
package org.shewhart.engine.monitor;
