package org.shewhart.charts;

import java.awt.Color;
import org.shewhart.engine.PointType;

/**
 * The colour scheme of a chart. Colours depend only on what the engine returned (the point type, and for the
 * plain theme whether a phase's runs analysis signals); a theme never decides what a signal is.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Theme {
    /**
     * NHS England's Making Data Count colours (as coded in NHSRplotthedots 0.2.2): common cause grey #a6a6a6,
     * improvement blue #00b0f0, concern orange #e46c0a, neutral purple #490092, mean black, target red #de1b1b.
     */
    MAKING_DATA_COUNT(rgb(0xa6a6a6), rgb(0xa6a6a6), rgb(0x00b0f0), rgb(0xe46c0a), rgb(0x490092),
            rgb(0x000000), rgb(0x7f7f7f), rgb(0xbfbfbf)),
    /**
     * A plain theme after qicharts2: grey data, orange-red for every special-cause point whatever its direction,
     * dark grey centre line that turns orange-red and dashed in a phase whose runs analysis signals.
     */
    PLAIN(rgb(0x8c8c8c), rgb(0x8c8c8c), rgb(0xf05a28), rgb(0xf05a28), rgb(0xf05a28),
            rgb(0x595959), rgb(0xa6a6a6), rgb(0xd0d0d0));

    /** The target line's colour in every theme. */
    static final Color TARGET = rgb(0xde1b1b);

    private final Color line;
    private final Color common;
    private final Color improvement;
    private final Color concern;
    private final Color neutral;
    private final Color centre;
    private final Color limits;
    private final Color zones;

    Theme(Color line, Color common, Color improvement, Color concern, Color neutral, Color centre, Color limits,
            Color zones) {
        this.line = line;
        this.common = common;
        this.improvement = improvement;
        this.concern = concern;
        this.neutral = neutral;
        this.centre = centre;
        this.limits = limits;
        this.zones = zones;
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }

    /**
     * The fill colour of a point of the given type.
     *
     * @param type the engine's point type
     * @return the colour
     */
    public Color pointColour(PointType type) {
        switch (type) {
            case SPECIAL_CAUSE_IMPROVEMENT:
                return improvement;
            case SPECIAL_CAUSE_CONCERN:
                return concern;
            case SPECIAL_CAUSE_NEUTRAL_HIGH:
            case SPECIAL_CAUSE_NEUTRAL_LOW:
                return neutral;
            case COMMON_CAUSE:
            default:
                return common;
        }
    }

    /** @return the colour of the line joining the values */
    public Color lineColour() {
        return line;
    }

    /** @return the colour of the centre line */
    public Color centreColour() {
        return centre;
    }

    /** @return the colour of the process (control) limits */
    public Color limitColour() {
        return limits;
    }

    /** @return the colour of the 1σ and 2σ lines */
    public Color zoneColour() {
        return zones;
    }

    /** @return the colour of the target line */
    public Color targetColour() {
        return TARGET;
    }

    /** @return the colour a centre line takes in a phase whose runs analysis signals ({@link #PLAIN} only) */
    Color runsSignalColour() {
        return this == PLAIN ? concern : centre;
    }
}
