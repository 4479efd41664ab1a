package org.shewhart.engine.monitor;

import java.util.Objects;
import org.shewhart.engine.internal.MonitorKernels;

/**
 * The Bernoulli CUSUM chart for a sequence of binary outcomes (one per case: 1 = event, e.g. a complication), as
 * qicharts2 0.8.1 {@code bchart()} computes it (Neuburger et al. 2017, BMJ Quality and Safety 26, 1000-1006,
 * doi:10.1136/bmjqs-2016-005526).
 *
 * <p>Definition: with target risk p0 and odds ratio OR, the alternative risks are p1 = odds⁻¹(OR · odds(p0))
 * (deterioration) and p2 = odds⁻¹(odds(p0) / OR) (improvement), odds(p) = p / (1 - p). Each case x_i ∈ {0, 1}
 * adds the log-likelihood-ratio weights
 * <pre>
 *   w1_i = x_i log(p1 / p0) + (1 - x_i) log((1 - p1) / (1 - p0))
 *   w2_i = x_i log(p2 / p0) + (1 - x_i) log((1 - p2) / (1 - p0))
 *   upper: u = C1_{i-1} + w1_i,  signal if u &gt;= limit,   C1_i = u if 0 &lt; u &lt;= limit, else 0
 *   lower: v = C2_{i-1} - w2_i,  signal if v &lt;= -limit,  C2_i = v if -limit &lt;= v &lt; 0, else 0
 * </pre>
 * with C1_0 = C2_0 = 0. A sum that crosses its limit signals and restarts from 0 at that case. (A sum that lands
 * exactly on the limit signals but is kept, as in qicharts2; with logarithmic weights this practically never
 * happens.) With OR &gt; 1 an event raises the upper sum and a run of non-events lowers the lower sum.
 *
 * <p>The target p0 is, in order of precedence: given ({@link #withTarget(double)}), the event rate of the first k
 * cases ({@link #withBaselineCases(int)}, qicharts2 {@code target = k}), or the event rate of all cases
 * (qicharts2 without {@code target}). Defaults: OR = 2, limit = 3.5.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BernoulliCusum {
    /** OR = 2, limit = 3.5, target = the event rate of all cases. */
    public static final BernoulliCusum DEFAULT = new BernoulliCusum(2, 3.5, Double.NaN, 0);

    private final double oddsRatio;
    private final double limit;
    private final double target;
    private final int baselineCases;

    private BernoulliCusum(double oddsRatio, double limit, double target, int baselineCases) {
        this.oddsRatio = oddsRatio;
        this.limit = limit;
        this.target = target;
        this.baselineCases = baselineCases;
    }

    /**
     * The default configuration, {@link #DEFAULT}.
     *
     * @return the default calculator
     */
    public static BernoulliCusum withDefaults() {
        return DEFAULT;
    }

    /**
     * Sets the odds ratio of the smallest change to detect (qicharts2 {@code or}, default 2).
     *
     * @param value a finite number &gt; 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not a finite number &gt; 0
     */
    public BernoulliCusum withOddsRatio(double value) {
        return new BernoulliCusum(Checks.positive("odds ratio", value), limit, target, baselineCases);
    }

    /**
     * Sets the control limit of both sums (qicharts2 {@code limit}, default 3.5).
     *
     * @param value a finite number &gt; 0
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if the value is not a finite number &gt; 0
     */
    public BernoulliCusum withLimit(double value) {
        return new BernoulliCusum(oddsRatio, Checks.positive("limit", value), target, baselineCases);
    }

    /**
     * Sets the target (baseline) risk p0; clears {@link #withBaselineCases(int)}.
     *
     * @param p0 in (0, 1)
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if p0 is outside (0, 1)
     */
    public BernoulliCusum withTarget(double p0) {
        if (!(p0 > 0 && p0 < 1)) {
            throw Checks.input("target risk p0 must be in (0, 1), got %s", p0);
        }
        return new BernoulliCusum(oddsRatio, limit, p0, 0);
    }

    /**
     * Estimates the target risk p0 as the event rate of the first {@code cases} cases; clears
     * {@link #withTarget(double)}.
     *
     * @param cases at least 1 (and at most the number of cases, checked by {@code compute})
     * @return a copy with the new value
     * @throws org.shewhart.engine.SpcInputException if cases &lt; 1
     */
    public BernoulliCusum withBaselineCases(int cases) {
        if (cases < 1) {
            throw Checks.input("baseline cases must be >= 1, got %d", cases);
        }
        return new BernoulliCusum(oddsRatio, limit, Double.NaN, cases);
    }

    /**
     * Charts outcomes given as booleans ({@code true} = event).
     *
     * @param events one outcome per case, in time order
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException as {@link #compute(int...)}
     */
    public BernoulliCusumResult compute(boolean... events) {
        Objects.requireNonNull(events, "events");
        final int[] outcome = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            outcome[i] = events[i] ? 1 : 0;
        }
        return run(outcome);
    }

    /**
     * Charts outcomes given as 0 (no event) and 1 (event).
     *
     * @param outcomes one outcome per case, in time order
     * @return the chart
     * @throws org.shewhart.engine.SpcInputException if there are no cases, an outcome is not 0 or 1, the baseline
     *     is longer than the series, or the target risk estimated from the data is 0 or 1
     */
    public BernoulliCusumResult compute(int... outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw Checks.input("outcome of case %d is %d; outcomes must be 0 (no event) or 1 (event)", i + 1,
                        outcomes[i]);
            }
        }
        return run(outcomes.clone());
    }

    private BernoulliCusumResult run(int[] outcome) {
        final int n = outcome.length;
        if (n == 0) {
            throw Checks.input("no cases: the series is empty");
        }
        if (baselineCases > n) {
            throw Checks.input("baseline cases (%d) exceed the number of cases (%d)", baselineCases, n);
        }
        double p0 = target;
        if (p0 != p0) {
            final int m = baselineCases > 0 ? baselineCases : n;
            int events = 0;
            for (int i = 0; i < m; i++) {
                events += outcome[i];
            }
            p0 = (double) events / m;
            if (!(p0 > 0 && p0 < 1)) {
                throw Checks.input("the target risk estimated from %s %d cases is %s (%d events); it must be in "
                        + "(0, 1): give a target, or a baseline with both outcomes", baselineCases > 0 ? "the first"
                        : "all", m, p0, events);
            }
        }
        final double p1 = fromOdds(oddsRatio * odds(p0));
        final double p2 = fromOdds(odds(p0) / oddsRatio);
        final double event1 = Math.log(p1 / p0);
        final double none1 = Math.log((1 - p1) / (1 - p0));
        final double event2 = Math.log(p2 / p0);
        final double none2 = Math.log((1 - p2) / (1 - p0));
        final double[] upper = new double[n];
        final double[] lower = new double[n];
        final boolean[] upperSignal = new boolean[n];
        final boolean[] lowerSignal = new boolean[n];
        MonitorKernels.bernoulliCusum(outcome, event1, none1, event2, none2, limit, upper, lower, upperSignal,
                lowerSignal);
        return new BernoulliCusumResult(oddsRatio, limit, baselineCases, new double[] {p0, p1, p2},
                new double[] {event1, none1, event2, none2}, outcome, upper, lower, upperSignal, lowerSignal);
    }

    /** odds(p) = p / (1 - p) (qicharts2 {@code getp}). */
    private static double odds(double p) {
        return p / (1 - p);
    }

    /** The probability of given odds, o / (1 + o). */
    private static double fromOdds(double o) {
        return o / (1 + o);
    }
}
