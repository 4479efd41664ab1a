package org.shewhart.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The computed chart: per point the plotted value, centre line, 3σ limits and 1σ/2σ lines, the rules that fired
 * (a bit mask, one bit per {@link Rule}), the point type, the phase and the baseline/excluded flags; per phase a
 * {@link Phase}; per chart the {@link Signal}s, the variation (type of the last point with a value) and the
 * assurance against the target.
 *
 * <p>A value the method cannot produce (no limits on a run chart, 0/0) is {@link Double#NaN}; front ends write it
 * as {@code null}. Per-point arrays are owned by this object: accessors are indexed and bulk exports copy.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChartResult {
    private final ChartSpec spec;
    private final double[] value;
    private final double[] centre;
    private final double[] lower;
    private final double[] upper;
    private final double[] lower1;
    private final double[] upper1;
    private final double[] lower2;
    private final double[] upper2;
    private final int[] rules;
    private final byte[] types;
    private final int[] phaseOf;
    private final boolean[] baseline;
    private final boolean[] excluded;
    private final List<Phase> phases;
    private final List<Signal> signals;
    private final PointType variation;
    private final Assurance assurance;
    private final List<Note> notes;

    ChartResult(ChartSpec spec, double[] value, double[][] lines, int[] rules, byte[] types, int[] phaseOf,
            boolean[] baseline, boolean[] excluded, List<Phase> phases, List<Signal> signals,
            PointType variation, Assurance assurance, List<Note> notes) {
        this.spec = spec;
        this.value = value;
        this.centre = lines[0];
        this.lower = lines[1];
        this.upper = lines[2];
        this.lower1 = lines[3];
        this.upper1 = lines[4];
        this.lower2 = lines[5];
        this.upper2 = lines[6];
        this.rules = rules;
        this.types = types;
        this.phaseOf = phaseOf;
        this.baseline = baseline;
        this.excluded = excluded;
        this.phases = List.copyOf(phases);
        this.signals = List.copyOf(signals);
        this.variation = variation;
        this.assurance = assurance;
        this.notes = List.copyOf(notes);
    }

    /** @return the specification this chart was computed with */
    public ChartSpec spec() {
        return spec;
    }

    /** @return the number of points */
    public int size() {
        return value.length;
    }

    /**
     * @param i point index
     * @return the plotted value (after the multiplier), NaN if missing
     */
    public double valueAt(int i) {
        return value[i];
    }

    /**
     * @param i point index
     * @return the centre line at the point, NaN if none
     */
    public double centreAt(int i) {
        return centre[i];
    }

    /**
     * @param i point index
     * @return the lower control limit (k sigma), NaN if none
     */
    public double lowerLimitAt(int i) {
        return lower[i];
    }

    /**
     * @param i point index
     * @return the upper control limit (k sigma), NaN if none
     */
    public double upperLimitAt(int i) {
        return upper[i];
    }

    /**
     * @param i point index
     * @param sigmas 1 or 2: the zone line at sigmas x k / 3 below the centre
     * @return the lower zone line, NaN if none
     * @throws IllegalArgumentException unless sigmas is 1 or 2
     */
    public double lowerZoneAt(int i, int sigmas) {
        return zone(sigmas, lower1, lower2)[i];
    }

    /**
     * @param i point index
     * @param sigmas 1 or 2: the zone line at sigmas x k / 3 above the centre
     * @return the upper zone line, NaN if none
     * @throws IllegalArgumentException unless sigmas is 1 or 2
     */
    public double upperZoneAt(int i, int sigmas) {
        return zone(sigmas, upper1, upper2)[i];
    }

    private static double[] zone(int sigmas, double[] one, double[] two) {
        if (sigmas == 1) {
            return one;
        }
        if (sigmas == 2) {
            return two;
        }
        throw new IllegalArgumentException("zone must be 1 or 2 sigma, got " + sigmas);
    }

    /**
     * @param i point index
     * @return the bit mask of the rules that flag the point ({@link Rule#bit()})
     */
    public int rulesAt(int i) {
        return rules[i];
    }

    /**
     * @param i point index
     * @param rule a rule
     * @return whether the rule flags the point
     */
    public boolean isFlagged(int i, Rule rule) {
        return (rules[i] & rule.bit()) != 0;
    }

    /**
     * @param i point index
     * @return the rules that flag the point, in precedence order
     */
    public List<Rule> rulesOf(int i) {
        List<Rule> out = new ArrayList<>(2);
        for (Rule r : Rule.values()) {
            if ((rules[i] & r.bit()) != 0) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * @param i point index
     * @return the point's type
     */
    public PointType typeAt(int i) {
        return PointType.values()[types[i]];
    }

    /**
     * @param i point index
     * @return the 1-based phase number of the point
     */
    public int phaseAt(int i) {
        return phaseOf[i] + 1;
    }

    /**
     * @param i point index
     * @return whether the point lies in its phase's baseline (the stretch that fixes centre and limits)
     */
    public boolean isBaseline(int i) {
        return baseline[i];
    }

    /**
     * @param i point index
     * @return whether the point was left out of the centre and limits
     */
    public boolean isExcluded(int i) {
        return excluded[i];
    }

    /** @return a copy of the plotted values */
    public double[] values() {
        return value.clone();
    }

    /** @return a copy of the centre line */
    public double[] centres() {
        return centre.clone();
    }

    /** @return a copy of the lower limits */
    public double[] lowerLimits() {
        return lower.clone();
    }

    /** @return a copy of the upper limits */
    public double[] upperLimits() {
        return upper.clone();
    }

    /** @return the phases, in order */
    public List<Phase> phases() {
        return phases;
    }

    /** @return every signal, ordered by rule precedence then first point */
    public List<Signal> signals() {
        return signals;
    }

    /** @return the type of the last point with a value (common cause if there is none) */
    public PointType variation() {
        return variation;
    }

    /** @return why some points have no value or no limits, in point order (empty if every point has both) */
    public List<Note> notes() {
        return notes;
    }

    /** @return the assurance against the target, or {@code null} without a target, a direction or limits */
    public Assurance assurance() {
        return assurance;
    }
}
