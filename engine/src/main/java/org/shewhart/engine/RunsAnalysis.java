package org.shewhart.engine;

/**
 * The runs analysis of one phase: the Anhøj statistics (useful observations, longest run and its limit, crossings
 * and their minimum) and the IHI runs count with its expected range. A statistic the method cannot give (no useful
 * observations) is -1.
 *
 * @param useful points not on the centre line (and not missing or excluded)
 * @param longestRun the longest run of consecutive useful points on one side of the centre line
 * @param longestRunMax Anhøj limit round(log2 useful) + 3
 * @param crossings number of times consecutive useful points change side (runs - 1)
 * @param crossingsMin Anhøj limit qbinom(0.05, useful - 1, 0.5)
 * @param runs number of runs (crossings + 1)
 * @param runsMin IHI: fewer runs than this are too few
 * @param runsMax IHI: more runs than this are too many
 * @param signal whether the profile's runs rules signal in this phase
 */
public record RunsAnalysis(int useful, int longestRun, int longestRunMax, int crossings, int crossingsMin,
        int runs, int runsMin, int runsMax, boolean signal) {
}
