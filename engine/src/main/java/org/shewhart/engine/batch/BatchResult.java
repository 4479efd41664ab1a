package org.shewhart.engine.batch;

import org.shewhart.engine.Assurance;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;

/**
 * The summary of every series of a batch, as primitive columns (one entry per series): what {@code shewhart scan}
 * writes per series. A series that could not be charted has its {@link #error(int)} set, its point count, NaN for
 * the numbers, {@code null} types and assurance, no signals.
 *
 * <p>Filled by {@link BatchEngine}; immutable and thread-safe once returned.
 */
public final class BatchResult {
    private static final Rule[] RULES = Rule.values();
    private static final PointType[] TYPES = PointType.values();
    private static final Assurance[] ASSURANCES = Assurance.values();

    final int[] points;
    final int[] phases;
    final double[] centre;
    final double[] sigma;
    final double[] lowerLimit;
    final double[] upperLimit;
    final byte[] lastType;
    final byte[] variation;
    final byte[] assurance;
    final int[] signals;
    final int[] firstSignalPoint;
    final int[] lastSignalPoint;
    final String[] error;

    BatchResult(int series) {
        points = new int[series];
        phases = new int[series];
        centre = new double[series];
        sigma = new double[series];
        lowerLimit = new double[series];
        upperLimit = new double[series];
        lastType = new byte[series];
        variation = new byte[series];
        assurance = new byte[series];
        signals = new int[series * RULES.length];
        firstSignalPoint = new int[series];
        lastSignalPoint = new int[series];
        error = new String[series];
    }

    /** @return the number of series */
    public int seriesCount() {
        return points.length;
    }

    /**
     * @param s series index
     * @return the number of points
     */
    public int points(int s) {
        return points[s];
    }

    /**
     * @param s series index
     * @return the number of phases (0 if the series could not be charted)
     */
    public int phases(int s) {
        return phases[s];
    }

    /**
     * @param s series index
     * @return the centre line of the last phase, NaN if none
     */
    public double centre(int s) {
        return centre[s];
    }

    /**
     * @param s series index
     * @return the sigma of the last phase, NaN if none
     */
    public double sigma(int s) {
        return sigma[s];
    }

    /**
     * @param s series index
     * @return the lower control limit at the last point, NaN if none
     */
    public double lowerLimit(int s) {
        return lowerLimit[s];
    }

    /**
     * @param s series index
     * @return the upper control limit at the last point, NaN if none
     */
    public double upperLimit(int s) {
        return upperLimit[s];
    }

    /**
     * @param s series index
     * @return the type of the last point, {@code null} if the series could not be charted
     */
    public PointType lastType(int s) {
        return lastType[s] < 0 ? null : TYPES[lastType[s]];
    }

    /**
     * @param s series index
     * @return the variation (type of the last point with a value), {@code null} if the series could not be charted
     */
    public PointType variation(int s) {
        return variation[s] < 0 ? null : TYPES[variation[s]];
    }

    /**
     * @param s series index
     * @return the assurance, {@code null} without a target, direction or limits, or if not charted
     */
    public Assurance assurance(int s) {
        return assurance[s] < 0 ? null : ASSURANCES[assurance[s]];
    }

    /**
     * @param s series index
     * @param rule a rule
     * @return the number of signals (patterns) of the rule
     */
    public int signals(int s, Rule rule) {
        return signals[s * RULES.length + rule.ordinal()];
    }

    /**
     * @param s series index
     * @return the first point of the earliest signal, -1 if there is none
     */
    public int firstSignalPoint(int s) {
        return firstSignalPoint[s];
    }

    /**
     * @param s series index
     * @return the last point of the latest signal, -1 if there is none
     */
    public int lastSignalPoint(int s) {
        return lastSignalPoint[s];
    }

    /**
     * @param s series index
     * @return why the series could not be charted (the {@code SpcInputException} message), {@code null} if it was
     */
    public String error(int s) {
        return error[s];
    }
}
