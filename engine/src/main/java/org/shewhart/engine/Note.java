package org.shewhart.engine;

import java.util.Objects;

/**
 * Why a point has no value or no limits, stated for people (e.g. a subgroup of one observation on an S chart).
 *
 * @param index 0-based point index
 * @param text the reason, one sentence without a final full stop
 */
public record Note(int index, String text) {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the index is negative
     */
    public Note {
        Objects.requireNonNull(text, "text");
        if (index < 0) {
            throw new IllegalArgumentException("note index must be >= 0, got " + index);
        }
    }
}
