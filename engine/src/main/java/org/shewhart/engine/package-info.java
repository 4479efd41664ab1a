/**
 * Shewhart's engine: run and control charts over primitive arrays, rule profiles that reproduce the reference
 * tools (NHSRplotthedots, qicharts2, qcc), phases, frozen baselines and exclusions.
 *
 * <p>Start with {@link org.shewhart.engine.ChartSpec#builder(ChartType)}; {@code compute} returns a
 * {@link org.shewhart.engine.ChartResult}. CUSUM, EWMA, process capability and the Bernoulli CUSUM live in
 * {@code org.shewhart.engine.monitor}. All public types are immutable and thread-safe.
 */
package org.shewhart.engine;
