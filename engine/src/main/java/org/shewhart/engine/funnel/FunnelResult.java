package org.shewhart.engine.funnel;

/**
 * A computed funnel plot. Per unit: the summed numerator and denominator, the plotted ratio, the value on the
 * transformed scale with its standard error, the z-score before and after trimming, and for every coverage level
 * the unadjusted and the overdispersion-adjusted limits at the unit's denominator and the side on which the unit
 * lies outside the limits in effect. Per plot: the target, the dispersion ratio φ, the between-unit variance τ²,
 * the number of units behind them, whether the adjusted limits are in effect, and a {@link FunnelLimitsTable} for
 * drawing.
 *
 * <p>Ratios, target and limits are in plotted units (after the multiplier); transformed values, standard errors
 * and z-scores are not multiplied. A value the method cannot produce is {@link Double#NaN} (a truncated z) or
 * infinite (the log of a zero count); front ends write both as {@code null}. Per-unit arrays are owned by this
 * object: accessors are indexed and bulk exports copy.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelResult {
    /** {@link #sideAt} value of a unit below the lower limit. */
    public static final int LOW = -1;
    /** {@link #sideAt} value of a unit within the limits (bounds inclusive). */
    public static final int INSIDE = 0;
    /** {@link #sideAt} value of a unit above the upper limit. */
    public static final int HIGH = 1;

    private final FunnelSpec spec;
    private final String[] unit;
    private final double[] numerator;
    private final double[] denominator;
    private final double[] unroundedDenominator;
    private final double[] ratio;
    private final double[] transformed;
    private final double[] standardError;
    private final double[] z;
    private final double[] trimmedZ;
    private final boolean[] trimmed;
    private final double[] coverage;
    private final double[] criticalValue;
    private final double[][] lower;
    private final double[][] upper;
    private final double[][] adjustedLower;
    private final double[][] adjustedUpper;
    private final byte[][] side;
    private final int outlierLevel;
    private final double target;
    private final double transformedTarget;
    private final double phi;
    private final double tau2;
    private final int unitsUsed;
    private final boolean adjusted;
    private final boolean fallback;
    private final FunnelLimitsTable table;

    FunnelResult(FunnelSpec spec, String[] unit, double[][] perUnit, boolean[] trimmed, double[] criticalValue,
            double[][][] limits, byte[][] side, double[] summary, int unitsUsed, boolean adjusted, boolean fallback,
            FunnelLimitsTable table) {
        this.spec = spec;
        this.unit = unit;
        this.numerator = perUnit[0];
        this.denominator = perUnit[1];
        this.unroundedDenominator = perUnit[2];
        this.ratio = perUnit[3];
        this.transformed = perUnit[4];
        this.standardError = perUnit[5];
        this.z = perUnit[6];
        this.trimmedZ = perUnit[7];
        this.trimmed = trimmed;
        this.coverage = spec.coverage();
        this.criticalValue = criticalValue;
        this.lower = limits[0];
        this.upper = limits[1];
        this.adjustedLower = limits[2];
        this.adjustedUpper = limits[3];
        this.side = side;
        this.outlierLevel = spec.outlierLevel();
        this.target = summary[0];
        this.transformedTarget = summary[1];
        this.phi = summary[2];
        this.tau2 = summary[3];
        this.unitsUsed = unitsUsed;
        this.adjusted = adjusted;
        this.fallback = fallback;
        this.table = table;
    }

    /** @return the specification this funnel was computed with */
    public FunnelSpec spec() {
        return spec;
    }

    /** @return the number of units (distinct unit names) */
    public int size() {
        return unit.length;
    }

    /**
     * @param i unit index, in order of first appearance in the input
     * @return the unit's name
     */
    public String unitAt(int i) {
        return unit[i];
    }

    /**
     * @param name a unit name
     * @return its index, or -1 if there is no such unit
     */
    public int indexOf(String name) {
        for (int i = 0; i < unit.length; i++) {
            if (unit[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param i unit index
     * @return the unit's numerator, summed over its rows
     */
    public double numeratorAt(int i) {
        return numerator[i];
    }

    /**
     * @param i unit index
     * @return the unit's denominator (the x position), summed over its rows and, for SHMI with rounding, rounded
     *     to 2 decimals
     */
    public double denominatorAt(int i) {
        return denominator[i];
    }

    /**
     * @param i unit index
     * @return the summed denominator before SHMI rounding (equal to {@link #denominatorAt} otherwise)
     */
    public double unroundedDenominatorAt(int i) {
        return unroundedDenominator[i];
    }

    /**
     * The plotted value, {@code numerator / denominator × multiplier}. As in FunnelPlotR the ratio uses the
     * denominator before SHMI rounding, while position, z-score and limits use the rounded one.
     *
     * @param i unit index
     * @return the ratio (proportion, ratio of counts or standardised ratio)
     */
    public double ratioAt(int i) {
        return ratio[i];
    }

    /**
     * @param i unit index
     * @return the value on the transformed scale (log, square root, arcsine square root or log ratio);
     *     negative infinity for a SHMI unit with no events
     */
    public double transformedAt(int i) {
        return transformed[i];
    }

    /**
     * @param i unit index
     * @return the standard error on the transformed scale used for the z-score and for τ²
     */
    public double standardErrorAt(int i) {
        return standardError[i];
    }

    /**
     * @param i unit index
     * @return the z-score against the target before trimming
     */
    public double zAt(int i) {
        return z[i];
    }

    /**
     * @param i unit index
     * @return the z-score after winsorisation, or NaN if the unit was truncated (SHMI)
     */
    public double trimmedZAt(int i) {
        return trimmedZ[i];
    }

    /**
     * @param i unit index
     * @return whether the unit's z was truncated, or winsorised (at or beyond a trim quantile)
     */
    public boolean isTrimmed(int i) {
        return trimmed[i];
    }

    /** @return the number of coverage levels */
    public int levelCount() {
        return coverage.length;
    }

    /**
     * @param level coverage level index
     * @return the coverage of the level, in percent
     */
    public double coverageAt(int level) {
        return coverage[level];
    }

    /**
     * @param level coverage level index
     * @return the normal quantile z of the level's limits, rounded to 6 decimals (1.959964 for 95 %)
     */
    public double criticalValueAt(int level) {
        return criticalValue[level];
    }

    /**
     * @param level coverage level index
     * @param i unit index
     * @return the unadjusted lower limit at the unit's denominator
     */
    public double lowerLimitAt(int level, int i) {
        return lower[level][i];
    }

    /**
     * @param level coverage level index
     * @param i unit index
     * @return the unadjusted upper limit at the unit's denominator
     */
    public double upperLimitAt(int level, int i) {
        return upper[level][i];
    }

    /**
     * @param level coverage level index
     * @param i unit index
     * @return the overdispersion-adjusted lower limit at the unit's denominator
     */
    public double adjustedLowerLimitAt(int level, int i) {
        return adjustedLower[level][i];
    }

    /**
     * @param level coverage level index
     * @param i unit index
     * @return the overdispersion-adjusted upper limit at the unit's denominator
     */
    public double adjustedUpperLimitAt(int level, int i) {
        return adjustedUpper[level][i];
    }

    /**
     * @param level coverage level index
     * @param i unit index
     * @return the lower limit in effect: adjusted if {@link #isAdjusted()}, else unadjusted
     */
    public double lowerLimitInEffectAt(int level, int i) {
        return (adjusted ? adjustedLower : lower)[level][i];
    }

    /**
     * @param level coverage level index
     * @param i unit index
     * @return the upper limit in effect: adjusted if {@link #isAdjusted()}, else unadjusted
     */
    public double upperLimitInEffectAt(int level, int i) {
        return (adjusted ? adjustedUpper : upper)[level][i];
    }

    /**
     * Where the unit's ratio lies against the limits in effect of a level; a ratio on a limit is inside.
     *
     * @param level coverage level index
     * @param i unit index
     * @return {@link #LOW}, {@link #INSIDE} or {@link #HIGH}
     */
    public int sideAt(int level, int i) {
        return side[level][i];
    }

    /** @return the index of the coverage level against which outliers are counted */
    public int outlierLevel() {
        return outlierLevel;
    }

    /**
     * @param i unit index
     * @return whether the unit lies outside the limits in effect at the outlier coverage level
     */
    public boolean isOutlier(int i) {
        return side[outlierLevel][i] != INSIDE;
    }

    /**
     * @param i unit index
     * @return {@link #sideAt} at the outlier coverage level
     */
    public int sideAt(int i) {
        return side[outlierLevel][i];
    }

    /** @return the number of outliers at the outlier coverage level */
    public int outlierCount() {
        final byte[] s = side[outlierLevel];
        int count = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] != INSIDE) {
                count++;
            }
        }
        return count;
    }

    /** @return the target (centre line) in plotted units: given, or ΣO / ΣD × multiplier, or the multiplier (SR) */
    public double target() {
        return target;
    }

    /** @return the target on the transformed scale (what z-scores are measured from) */
    public double transformedTarget() {
        return transformedTarget;
    }

    /**
     * The dispersion ratio φ of the trimmed z-scores, as FunnelPlotR reports it: 0 with
     * {@link Overdispersion#NONE}, NaN if every unit was truncated.
     *
     * @return φ
     */
    public double phi() {
        return phi;
    }

    /**
     * The DerSimonian-Laird between-unit variance τ² on the transformed scale, as FunnelPlotR reports it: 0 with
     * {@link Overdispersion#NONE}, NaN if fewer than 2 units were kept after trimming. Reported for the
     * multiplicative model too, which does not use it.
     *
     * @return τ²
     */
    public double tau2() {
        return tau2;
    }

    /** @return the number of units behind φ and τ²: all units after winsorisation, the kept ones after truncation */
    public int unitsUsed() {
        return unitsUsed;
    }

    /** @return whether the overdispersion-adjusted limits are in effect (FunnelPlotR's effective draw_adjusted) */
    public boolean isAdjusted() {
        return adjusted;
    }

    /**
     * @return whether adjustment was requested but the unadjusted limits stay in effect because the data show no
     *     overdispersion ({@code φ <= 1}) or fewer than 2 units were kept
     */
    public boolean isFallback() {
        return fallback;
    }

    /** @return the trimming applied to the z-scores */
    public Trimming trimming() {
        return spec.trimming();
    }

    /** @return the limits over a grid of denominators, for drawing */
    public FunnelLimitsTable limitsTable() {
        return table;
    }

    /** @return a copy of the ratios, in unit order */
    public double[] ratios() {
        return ratio.clone();
    }

    /** @return a copy of the denominators, in unit order */
    public double[] denominators() {
        return denominator.clone();
    }

    /** @return a copy of the z-scores before trimming, in unit order */
    public double[] zScores() {
        return z.clone();
    }
}
