package org.shewhart.engine;

import java.util.Locale;

/**
 * Which direction of change is an improvement; it turns a signal's side (high or low) into improvement or concern.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Improvement {
    /** Higher values are better. */
    INCREASE("increase", 1),
    /** Lower values are better. */
    DECREASE("decrease", -1),
    /** Neither direction is better: signals are reported as neutral high or low. */
    NEUTRAL("neutral", 0);

    private final String id;
    private final int sign;

    Improvement(String id, int sign) {
        this.id = id;
        this.sign = sign;
    }

    /**
     * The identifier used in outputs.
     *
     * @return e.g. {@code "increase"}
     */
    public String id() {
        return id;
    }

    /**
     * The sign of an improving change: +1, -1 or 0 for neutral.
     *
     * @return the sign
     */
    public int sign() {
        return sign;
    }

    /**
     * Finds a direction by identifier (case-insensitive).
     *
     * @param text {@code increase}, {@code decrease} or {@code neutral}
     * @return the direction
     * @throws SpcInputException if the text names no direction
     */
    public static Improvement of(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (Improvement v : values()) {
            if (v.id.equals(key)) {
                return v;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown improvement direction '%s'; valid: %s", text, Ids.list(values(), Improvement::id)));
    }
}
