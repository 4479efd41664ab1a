package org.shewhart.engine;

/**
 * Summary of one phase of a chart (the stretch between two rebase points).
 *
 * @param number 1-based phase number
 * @param first index of the first point of the phase (0-based)
 * @param last index of the last point of the phase (0-based, inclusive)
 * @param centre the phase's centre line after the multiplier (NaN if it cannot be computed)
 * @param sigma the process sigma behind the limits, after the multiplier (NaN for run charts)
 * @param baselinePoints number of points whose values fixed the centre and limits
 * @param runs runs analysis of the phase, or {@code null} if the chart has none (moving-range charts)
 */
public record Phase(int number, int first, int last, double centre, double sigma, int baselinePoints,
        RunsAnalysis runs) {
}
