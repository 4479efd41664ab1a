package org.shewhart.engine;

/**
 * The classification of a point (and of a chart's variation, which is its last point's type), in the terms of
 * NHS England's Making Data Count.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum PointType {
    /** No rule flags the point. */
    COMMON_CAUSE("common-cause"),
    /** A signal in the direction of improvement. */
    SPECIAL_CAUSE_IMPROVEMENT("special-cause-improvement"),
    /** A signal against the direction of improvement. */
    SPECIAL_CAUSE_CONCERN("special-cause-concern"),
    /** A high-side signal where no direction is better, or a signal with no side (e.g. stratification) above. */
    SPECIAL_CAUSE_NEUTRAL_HIGH("special-cause-neutral-high"),
    /** A low-side signal where no direction is better, or a signal with no side below the centre line. */
    SPECIAL_CAUSE_NEUTRAL_LOW("special-cause-neutral-low");

    private final String id;

    PointType(String id) {
        this.id = id;
    }

    /**
     * The identifier used in outputs.
     *
     * @return e.g. {@code "special-cause-concern"}
     */
    public String id() {
        return id;
    }

    /**
     * Whether this is a special-cause type.
     *
     * @return {@code true} unless common cause
     */
    public boolean isSpecialCause() {
        return this != COMMON_CAUSE;
    }

    /**
     * The type of a signal on the given side under the given improvement direction.
     *
     * @param side +1 for high, -1 for low
     * @param improvement improvement direction
     * @param directional whether the signal itself has a direction (a shift does, stratification does not)
     * @return the point type
     */
    static PointType of(int side, Improvement improvement, boolean directional) {
        if (!directional || improvement == Improvement.NEUTRAL) {
            return side >= 0 ? SPECIAL_CAUSE_NEUTRAL_HIGH : SPECIAL_CAUSE_NEUTRAL_LOW;
        }
        return side * improvement.sign() > 0 ? SPECIAL_CAUSE_IMPROVEMENT : SPECIAL_CAUSE_CONCERN;
    }
}
