package org.shewhart.engine;

import java.util.Objects;

/**
 * One detected pattern: which rule, its first and last point (0-based, inclusive) and what it means under the
 * chart's improvement direction, so that a sentence such as "7 points above the mean from 2024-03 to 2024-09
 * (improvement)" can be written anywhere.
 *
 * @param rule the rule that fired
 * @param first index of the first point of the pattern
 * @param last index of the last point of the pattern
 * @param type improvement, concern or neutral (high or low); for a rule without a side ({@link Rule#isDirectional()}
 *     false) neutral high or low by the side of the pattern's last point
 */
public record Signal(Rule rule, int first, int last, PointType type) {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if {@code first > last} or {@code first < 0}, or the type is common cause
     */
    public Signal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        if (first < 0 || first > last) {
            throw new IllegalArgumentException("signal range [" + first + ", " + last + "] is invalid");
        }
        if (!type.isSpecialCause()) {
            throw new IllegalArgumentException("a signal cannot be common cause");
        }
    }

    /**
     * The number of points the pattern spans.
     *
     * @return {@code last - first + 1}
     */
    public int length() {
        return last - first + 1;
    }
}
