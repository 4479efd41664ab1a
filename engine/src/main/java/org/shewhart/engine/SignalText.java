package org.shewhart.engine;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Writes a signal in plain words for people, e.g. "7 points above the mean from 2024-03 to 2024-09
 * (improvement)". No instances; thread-safe.
 */
public final class SignalText {
    private SignalText() {
    }

    /**
     * Describes one signal of a chart.
     *
     * @param chart the chart the signal belongs to
     * @param signal one of {@code chart.signals()}
     * @param label the x label of a point index (e.g. its date)
     * @return one sentence without a final full stop
     */
    public static String describe(ChartResult chart, Signal signal, IntFunction<String> label) {
        final int n = signal.length();
        final boolean high = signal.type() != PointType.SPECIAL_CAUSE_NEUTRAL_LOW
                && chart.valueAt(signal.last()) >= chart.centreAt(signal.last());
        final String side = high ? "above" : "below";
        final String centre = centreName(chart.spec().type());
        final String what;
        switch (signal.rule()) {
            case OUTSIDE_LIMITS:
                what = n == 1 ? "a point " + side + (high ? " the upper limit" : " the lower limit")
                        : n + " points " + side + (high ? " the upper limit" : " the lower limit");
                break;
            case SHIFT:
                what = n + " points " + side + " the " + centre;
                break;
            case TREND:
                what = n + " points " + (trendUp(chart, signal) ? "rising" : "falling");
                break;
            case TWO_OF_THREE:
                what = "2 of 3 points near the " + (high ? "upper" : "lower") + " limit";
                break;
            case FOUR_OF_FIVE:
                what = "4 of 5 points beyond one sigma " + side + " the " + centre;
                break;
            case LONG_RUN:
                what = "an unusually long run of " + n + " points " + side + " the " + centre;
                break;
            case FEW_CROSSINGS:
                what = "too few crossings of the " + centre;
                break;
            case RUNS:
                what = "an unusual number of runs about the " + centre;
                break;
            case ALTERNATING:
                what = n + " points alternating up and down";
                break;
            case STRATIFICATION:
                what = n + " points hugging the " + centre + " (within one sigma)";
                break;
            case MIXTURE:
                what = n + " points avoiding the " + centre + " (beyond one sigma on both sides)";
                break;
            default:
                what = signal.rule().id();
        }
        final String where = n == 1 ? " at " + label.apply(signal.first())
                : " from " + label.apply(signal.first()) + " to " + label.apply(signal.last());
        return String.format(Locale.ROOT, "%s%s (%s)", what, where, effect(signal.type()));
    }

    private static boolean trendUp(ChartResult chart, Signal s) {
        return chart.valueAt(s.last()) > chart.valueAt(s.first());
    }

    private static String centreName(ChartType type) {
        switch (type) {
            case RUN:
                return "median";
            case XMR:
                return "mean";
            default:
                return "centre line";
        }
    }

    private static String effect(PointType type) {
        switch (type) {
            case SPECIAL_CAUSE_IMPROVEMENT:
                return "improvement";
            case SPECIAL_CAUSE_CONCERN:
                return "concern";
            default:
                return "neutral";
        }
    }
}
