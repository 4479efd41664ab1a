package org.shewhart.engine;

import java.util.Locale;

/**
 * The rules that can flag points. Each rule has one bit in a point's rule mask ({@link #bit()}); the declaration
 * order is the precedence used to give a point flagged by several rules one type (Making Data Count: outside the
 * limits, then trend, then two-of-three, then shift).
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Rule {
    /** A point strictly above the upper or below the lower limit. */
    OUTSIDE_LIMITS("outside-limits", true),
    /** Consecutive points each strictly higher (or lower) than the one before. */
    TREND("trend", true),
    /** Two of three consecutive points beyond two sigma on the same side. */
    TWO_OF_THREE("two-of-three", true),
    /** Four of five consecutive points beyond one sigma on the same side. */
    FOUR_OF_FIVE("four-of-five", true),
    /** Consecutive points on the same side of the centre line. */
    SHIFT("shift", true),
    /** Anhøj: the longest run on one side of the centre line is longer than round(log2 n) + 3. */
    LONG_RUN("long-run", true),
    /** Nelson 8: eight points in a row beyond one sigma, on both sides. */
    MIXTURE("mixture", false),
    /** Nelson 4: fourteen points in a row alternating up and down. */
    ALTERNATING("alternating", false),
    /** Nelson 7: fifteen points in a row within one sigma of the centre line. */
    STRATIFICATION("stratification", false),
    /** Anhøj: fewer crossings of the centre line than qbinom(0.05, n - 1, 0.5). */
    FEW_CROSSINGS("few-crossings", false),
    /** IHI: too few or too many runs for the number of useful observations. */
    RUNS("runs", false);

    private final String id;
    private final boolean directional;

    Rule(String id, boolean directional) {
        this.id = id;
        this.directional = directional;
    }

    /**
     * The identifier used in outputs, e.g. {@code "two-of-three"}.
     *
     * @return the identifier
     */
    public String id() {
        return id;
    }

    /**
     * This rule's bit in a point's rule mask.
     *
     * @return {@code 1 << ordinal()}
     */
    public int bit() {
        return 1 << ordinal();
    }

    /**
     * Whether a signal of this rule has a side (high or low) that can be an improvement or a concern.
     *
     * @return {@code true} for side-specific rules
     */
    public boolean isDirectional() {
        return directional;
    }

    /**
     * Finds a rule by identifier.
     *
     * @param text identifier such as {@code "shift"}
     * @return the rule
     * @throws SpcInputException if no rule has that identifier
     */
    public static Rule of(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (Rule r : values()) {
            if (r.id.equals(key)) {
                return r;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown rule '%s'; valid: %s", text, Ids.list(values(), Rule::id)));
    }
}
