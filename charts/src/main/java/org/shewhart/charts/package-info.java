/**
 * Rendering of engine results with JFreeChart: {@link org.shewhart.charts.ChartStyle} holds the presentation
 * (size, title, theme, which lines to draw), {@link org.shewhart.charts.ChartRenderer} draws a
 * {@link org.shewhart.engine.ChartResult} as a JFreeChart model and writes it as PNG, SVG or PDF.
 *
 * <p>This package draws exactly what the engine returns; it never recomputes a statistic.
 */
package org.shewhart.charts;
