package org.shewhart.engine.monitor;

/**
 * A computed Bernoulli CUSUM chart (see {@link BernoulliCusum}): the risks p0, p1, p2 and the four weights; per
 * case the outcome, the upper sum C1 (&gt;= 0), the lower sum C2 (&lt;= 0) and the two signals.
 *
 * <p>Per-case arrays are owned by this object: accessors are indexed (0-based) and bulk exports copy. This class is
 * immutable and thread-safe.
 */
public final class BernoulliCusumResult {
    private final double oddsRatio;
    private final double limit;
    private final int baselineCases;
    private final double[] risk;
    private final double[] weight;
    private final int[] outcome;
    private final double[] upper;
    private final double[] lower;
    private final boolean[] upperSignal;
    private final boolean[] lowerSignal;

    BernoulliCusumResult(double oddsRatio, double limit, int baselineCases, double[] risk, double[] weight,
            int[] outcome, double[] upper, double[] lower, boolean[] upperSignal, boolean[] lowerSignal) {
        this.oddsRatio = oddsRatio;
        this.limit = limit;
        this.baselineCases = baselineCases;
        this.risk = risk;
        this.weight = weight;
        this.outcome = outcome;
        this.upper = upper;
        this.lower = lower;
        this.upperSignal = upperSignal;
        this.lowerSignal = lowerSignal;
    }

    /** @return the number of cases */
    public int size() {
        return outcome.length;
    }

    /** @return the odds ratio OR */
    public double oddsRatio() {
        return oddsRatio;
    }

    /** @return the control limit (the lower sum's limit is its negative) */
    public double limit() {
        return limit;
    }

    /** @return the number of leading cases that estimated p0, 0 if p0 was given or estimated from all cases */
    public int baselineCases() {
        return baselineCases;
    }

    /** @return the target risk p0 */
    public double targetRisk() {
        return risk[0];
    }

    /** @return the deteriorated risk p1 = odds⁻¹(OR · odds(p0)) that the upper sum detects */
    public double upperRisk() {
        return risk[1];
    }

    /** @return the improved risk p2 = odds⁻¹(odds(p0) / OR) that the lower sum detects */
    public double lowerRisk() {
        return risk[2];
    }

    /** @return the upper-sum weight of an event, log(p1 / p0) */
    public double upperEventWeight() {
        return weight[0];
    }

    /** @return the upper-sum weight of a non-event, log((1 - p1) / (1 - p0)) */
    public double upperNonEventWeight() {
        return weight[1];
    }

    /** @return the lower-chart weight of an event, log(p2 / p0) (subtracted from the lower sum) */
    public double lowerEventWeight() {
        return weight[2];
    }

    /** @return the lower-chart weight of a non-event, log((1 - p2) / (1 - p0)) (subtracted from the lower sum) */
    public double lowerNonEventWeight() {
        return weight[3];
    }

    /**
     * @param i case index
     * @return the outcome, 1 = event
     */
    public int outcomeAt(int i) {
        return outcome[i];
    }

    /**
     * @param i case index
     * @return the upper sum C1 after the case (0 after a signal)
     */
    public double upperAt(int i) {
        return upper[i];
    }

    /**
     * @param i case index
     * @return the lower sum C2 after the case (0 after a signal)
     */
    public double lowerAt(int i) {
        return lower[i];
    }

    /**
     * @param i case index
     * @return whether the upper sum reached the limit at this case
     */
    public boolean isUpperSignal(int i) {
        return upperSignal[i];
    }

    /**
     * @param i case index
     * @return whether the lower sum reached -limit at this case
     */
    public boolean isLowerSignal(int i) {
        return lowerSignal[i];
    }

    /** @return the indices of the upper signals, ascending */
    public int[] upperSignals() {
        return indices(upperSignal);
    }

    /** @return the indices of the lower signals, ascending */
    public int[] lowerSignals() {
        return indices(lowerSignal);
    }

    /** @return a copy of the upper sums */
    public double[] upperSums() {
        return upper.clone();
    }

    /** @return a copy of the lower sums */
    public double[] lowerSums() {
        return lower.clone();
    }

    private static int[] indices(boolean[] flag) {
        int count = 0;
        for (boolean f : flag) {
            count += f ? 1 : 0;
        }
        final int[] out = new int[count];
        count = 0;
        for (int i = 0; i < flag.length; i++) {
            if (flag[i]) {
                out[count++] = i;
            }
        }
        return out;
    }
}
