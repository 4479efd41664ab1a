package org.shewhart.engine.funnel;

/**
 * The funnel limits over a grid of denominators, for drawing the funnel as smooth lines in any software
 * (FunnelPlotR's {@code limits_lookup}): evenly spaced denominators from 1.1 (standardised ratios) or 3 (otherwise)
 * up to the largest unit denominator rounded up, plus every unit's own denominator, ascending and distinct. For
 * each coverage level the unadjusted and the overdispersion-adjusted lower and upper limits, in plotted units
 * (after the multiplier).
 *
 * <p>Arrays are owned by this object; accessors are indexed and bulk exports copy. This class is immutable and
 * thread-safe.
 */
public final class FunnelLimitsTable {
    private final double[] denominator;
    private final double[] coverage;
    private final double[][] lower;
    private final double[][] upper;
    private final double[][] adjustedLower;
    private final double[][] adjustedUpper;

    FunnelLimitsTable(double[] denominator, double[] coverage, double[][] lower, double[][] upper,
            double[][] adjustedLower, double[][] adjustedUpper) {
        this.denominator = denominator;
        this.coverage = coverage;
        this.lower = lower;
        this.upper = upper;
        this.adjustedLower = adjustedLower;
        this.adjustedUpper = adjustedUpper;
    }

    /** @return the number of rows (grid denominators) */
    public int size() {
        return denominator.length;
    }

    /** @return the number of coverage levels */
    public int levelCount() {
        return coverage.length;
    }

    /**
     * @param level index into {@link #coverage()}
     * @return the coverage of that level, in percent
     */
    public double coverageAt(int level) {
        return coverage[level];
    }

    /** @return a copy of the coverage levels, in percent, ascending */
    public double[] coverage() {
        return coverage.clone();
    }

    /**
     * @param k row index
     * @return the denominator (x value) of the row
     */
    public double denominatorAt(int k) {
        return denominator[k];
    }

    /** @return a copy of the denominators, ascending */
    public double[] denominators() {
        return denominator.clone();
    }

    /**
     * @param level coverage level index
     * @param k row index
     * @return the unadjusted lower limit
     */
    public double lowerLimitAt(int level, int k) {
        return lower[level][k];
    }

    /**
     * @param level coverage level index
     * @param k row index
     * @return the unadjusted upper limit
     */
    public double upperLimitAt(int level, int k) {
        return upper[level][k];
    }

    /**
     * @param level coverage level index
     * @param k row index
     * @return the overdispersion-adjusted lower limit
     */
    public double adjustedLowerLimitAt(int level, int k) {
        return adjustedLower[level][k];
    }

    /**
     * @param level coverage level index
     * @param k row index
     * @return the overdispersion-adjusted upper limit
     */
    public double adjustedUpperLimitAt(int level, int k) {
        return adjustedUpper[level][k];
    }

    /**
     * @param level coverage level index
     * @param adjusted {@code true} for the overdispersion-adjusted limits
     * @return a copy of the lower limits over the grid
     */
    public double[] lowerLimits(int level, boolean adjusted) {
        return (adjusted ? adjustedLower : lower)[level].clone();
    }

    /**
     * @param level coverage level index
     * @param adjusted {@code true} for the overdispersion-adjusted limits
     * @return a copy of the upper limits over the grid
     */
    public double[] upperLimits(int level, boolean adjusted) {
        return (adjusted ? adjustedUpper : upper)[level].clone();
    }
}
