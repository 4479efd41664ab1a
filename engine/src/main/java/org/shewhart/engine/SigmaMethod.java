package org.shewhart.engine;

import java.util.Locale;

/**
 * How an individuals chart estimates its process sigma.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum SigmaMethod {
    /** Average moving range of span 2 divided by d2(2) = 1.128 (screened or not, per profile and spec). */
    MOVING_RANGE("mr"),
    /** Sample standard deviation divided by c4(n) (qcc {@code std.dev = "SD"}). */
    STANDARD_DEVIATION("sd");

    private final String id;

    SigmaMethod(String id) {
        this.id = id;
    }

    /**
     * The identifier used on the command line.
     *
     * @return e.g. {@code "mr"}
     */
    public String id() {
        return id;
    }

    /**
     * Finds a method by identifier (case-insensitive).
     *
     * @param text {@code mr} or {@code sd}
     * @return the method
     * @throws SpcInputException if no method has that identifier
     */
    public static SigmaMethod of(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (SigmaMethod m : values()) {
            if (m.id.equals(key)) {
                return m;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown sigma method '%s'; valid: %s", text, Ids.list(values(), SigmaMethod::id)));
    }
}
