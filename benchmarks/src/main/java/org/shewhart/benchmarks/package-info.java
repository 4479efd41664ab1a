/**
 * JMH benchmarks of the engine. Each benchmark class measures its kernels beside a plain summation of the same
 * array in the same run; the ratio to that baseline is the figure tracked in docs/PERFORMANCE.md.
 */
package org.shewhart.benchmarks;
