package org.shewhart.charts.pack;

import java.util.List;
import java.util.Objects;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.RuleProfile;

/**
 * How one indicator of a board pack is charted and shown: chart type, improvement direction, target, unit,
 * multiplier, rule profile and the x values where new phases start. The same object builds the indicator's chart
 * spec ({@link #builder}) and labels its row of the table and its chart, so the two cannot disagree. Immutable.
 *
 * @param chart the chart type
 * @param improvement the improvement direction
 * @param target the target in plotted units, or NaN for none
 * @param unit a unit or label shown with the name (e.g. "%" or "per 1,000 bed days"), or empty
 * @param multiply the multiplier of values and lines, or NaN for none
 * @param profile the rule profile, or {@code null} for the chart type's default
 * @param phaseAt the x labels of the points where a new phase starts, as written in the feed
 */
public record IndicatorSettings(ChartType chart, Improvement improvement, double target, String unit,
        double multiply, RuleProfile profile, List<String> phaseAt) {

    /** The defaults: an XmR chart, improvement up, no target, unit, multiplier or phases. */
    public static final IndicatorSettings DEFAULT = new IndicatorSettings(ChartType.XMR, Improvement.INCREASE,
            Double.NaN, "", Double.NaN, null, List.of());

    /**
     * Checks and copies.
     *
     * @throws NullPointerException if chart, improvement, unit or phaseAt is null
     */
    public IndicatorSettings {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(improvement, "improvement");
        Objects.requireNonNull(unit, "unit");
        phaseAt = List.copyOf(phaseAt);
    }

    /** @return whether a target is set */
    public boolean hasTarget() {
        return Double.isFinite(target);
    }

    /**
     * The chart spec builder these settings describe; the caller adds the phase starts, which need the points.
     *
     * @param categorical whether x are text categories
     * @return a new builder
     * @throws org.shewhart.engine.SpcInputException if the engine rejects a value
     */
    public ChartSpec.Builder builder(boolean categorical) {
        final ChartSpec.Builder b = ChartSpec.builder(chart).categorical(categorical).improvement(improvement);
        if (profile != null) {
            b.profile(profile);
        }
        if (hasTarget()) {
            b.target(target);
        }
        if (Double.isFinite(multiply)) {
            b.multiply(multiply);
        }
        return b;
    }
}
