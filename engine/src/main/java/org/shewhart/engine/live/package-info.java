/**
 * Incremental (streaming) charts: {@link org.shewhart.engine.live.LiveChart} takes a
 * {@link org.shewhart.engine.ChartSpec} and one point at a time, and answers as
 * {@link org.shewhart.engine.ChartSpec#compute(org.shewhart.engine.Series)} would on the points so far, exactly,
 * in amortised O(1) per point once a phase's limits are frozen by a baseline or known parameters.
 *
 * <p>Limits come from the engine itself (a phase's lines are computed by {@code ChartSpec.compute} over its
 * baseline); the rules are one-point-at-a-time state machines that mirror the engine's kernels decision for
 * decision, held equal to them by seeded property tests. Live charts are mutable and not thread-safe.
 */
package org.shewhart.engine.live;
