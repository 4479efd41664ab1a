/**
 * JMH benchmarks of the engine and of chart rendering. Each engine benchmark class measures its kernels beside a
 * plain summation of the same array in the same run; the ratio to that baseline is the figure tracked in
 * docs/PERFORMANCE.md. {@link org.shewhart.benchmarks.RenderBenchmark} measures charts per second as PNG and SVG
 * and the time of a 100-indicator PDF board pack.
 */
package org.shewhart.benchmarks;
