/**
 * Kernels over primitive arrays: descriptive statistics, moving ranges, rule detectors and runs tests,
 * control-chart constants (d2, d3), subgroup sigma estimators and the CUSUM / EWMA kernels. Not part of
 * the public API; signatures may change at any release. Kernels perform no range checks: the public entry points
 * in {@code org.shewhart.engine} validate once.
 */
package org.shewhart.engine.internal;
