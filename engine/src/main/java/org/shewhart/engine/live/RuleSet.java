package org.shewhart.engine.live;

import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;

/**
 * The rules a spec applies and how, read once from its public accessors: the profile's lengths and flag
 * placement (DESIGN.md section 4), which windows and run tests apply, and the look-back of each rule's signal.
 * Immutable.
 */
final class RuleSet {
    /** Two-of-three variants: none, Making Data Count (zone only), MDC 2023 (beyond 2σ), qcc (window end). */
    static final int TWO_NONE = 0;
    static final int TWO_MDC = 1;
    static final int TWO_MDC_2023 = 2;
    static final int TWO_WINDOW_END = 3;

    final int shift;
    final int trend;
    final boolean skipCentre;
    final boolean skipTies;
    final boolean whole;
    final int twoOfThree;
    final boolean fourOfFive;
    final boolean nelson;
    /** Only the limits test applies: moving-range charts and categorical x (qicharts2 switches runs off). */
    final boolean onlyOutside;
    /** Whether phases carry a runs analysis (every chart but mr). */
    final boolean runsAnalysis;
    /** Anhøj runs signals (long runs, few crossings); never with categorical x. */
    final boolean anhoej;
    /** IHI too few or too many runs; never with categorical x. */
    final boolean ihi;
    final Improvement improvement;
    private final int[] lookBack = new int[Rule.values().length];

    RuleSet(ChartSpec spec) {
        final RuleProfile profile = spec.profile();
        final boolean categorical = spec.isCategorical();
        this.shift = spec.shiftLength();
        this.trend = spec.trendLength();
        this.skipCentre = profile.skipsCentrePoints();
        this.skipTies = profile.skipsTies();
        this.whole = profile.flagsWholePattern();
        switch (profile) {
            case MDC:
                twoOfThree = TWO_MDC;
                break;
            case MDC_2023:
                twoOfThree = TWO_MDC_2023;
                break;
            case WECO:
            case NELSON:
                twoOfThree = TWO_WINDOW_END;
                break;
            default:
                twoOfThree = TWO_NONE;
                break;
        }
        this.fourOfFive = profile == RuleProfile.WECO || profile == RuleProfile.NELSON;
        this.nelson = profile == RuleProfile.NELSON;
        this.onlyOutside = spec.type() == ChartType.MR || categorical;
        this.runsAnalysis = spec.type() != ChartType.MR;
        this.anhoej = profile == RuleProfile.ANHOEJ && !categorical && runsAnalysis;
        this.ihi = profile == RuleProfile.IHI && !categorical && runsAnalysis;
        // as the engine: a moving range above its limit is neutral whatever the direction of the values
        this.improvement = spec.type() == ChartType.MR ? Improvement.NEUTRAL : spec.improvement();
        // how many points before the first flagged one a signal spans: none where the whole pattern is flagged,
        // otherwise the run or window length less one (qcc flags from the N-th point)
        if (!whole) {
            lookBack[Rule.SHIFT.ordinal()] = shift - 1;
            lookBack[Rule.TREND.ordinal()] = trend - 1;
            lookBack[Rule.TWO_OF_THREE.ordinal()] = twoOfThree == TWO_WINDOW_END ? 2 : 0;
            lookBack[Rule.FOUR_OF_FIVE.ordinal()] = 4;
            lookBack[Rule.ALTERNATING.ordinal()] = 13;
            lookBack[Rule.STRATIFICATION.ordinal()] = 14;
            lookBack[Rule.MIXTURE.ordinal()] = 7;
        }
    }

    int lookBack(Rule r) {
        return lookBack[r.ordinal()];
    }

    /**
     * Whether a point-level rule (one flagged by a state machine, not by the phase's runs analysis) applies.
     */
    boolean applies(Rule r) {
        switch (r) {
            case OUTSIDE_LIMITS:
                return true;
            case SHIFT:
                return !onlyOutside && shift > 0;
            case TREND:
                return !onlyOutside && trend > 0;
            case TWO_OF_THREE:
                return !onlyOutside && twoOfThree != TWO_NONE;
            case FOUR_OF_FIVE:
                return !onlyOutside && fourOfFive;
            case ALTERNATING:
            case STRATIFICATION:
            case MIXTURE:
                return !onlyOutside && nelson;
            default:
                return false;
        }
    }

    /**
     * The type of a flagged point or signal on a side (+1 high, -1 low), as the engine's classification: neutral
     * high or low for rules without a side or a neutral direction, else improvement or concern.
     */
    PointType type(int side, boolean directional) {
        if (!directional || improvement == Improvement.NEUTRAL) {
            return side >= 0 ? PointType.SPECIAL_CAUSE_NEUTRAL_HIGH : PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
        }
        return side * improvement.sign() > 0 ? PointType.SPECIAL_CAUSE_IMPROVEMENT
                : PointType.SPECIAL_CAUSE_CONCERN;
    }
}
