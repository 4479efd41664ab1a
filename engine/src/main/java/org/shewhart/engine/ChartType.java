package org.shewhart.engine;

import java.util.Locale;

/**
 * The chart types the engine computes, with the identifiers used on the command line and in every output.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum ChartType {
    /** Run chart: the median as centre line, no limits (Anhøj or IHI run rules). */
    RUN("run"),
    /** Individuals chart (XmR, I): mean centre line, limits from the average moving range. */
    XMR("xmr", "i"),
    /** Moving-range chart: the moving ranges of the individuals, centre = their mean, UCL = 3.267 x mean. */
    MR("mr");

    private final String id;
    private final String[] aliases;

    ChartType(String id, String... aliases) {
        this.id = id;
        this.aliases = aliases;
    }

    /**
     * The canonical identifier, e.g. {@code "xmr"}.
     *
     * @return the identifier used in outputs
     */
    public String id() {
        return id;
    }

    /**
     * Finds a chart type by its identifier or one of its aliases (case-insensitive).
     *
     * @param text identifier such as {@code "xmr"} or {@code "i"}
     * @return the chart type
     * @throws SpcInputException if no chart type has that identifier
     */
    public static ChartType of(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (ChartType t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
            for (String a : t.aliases) {
                if (a.equals(key)) {
                    return t;
                }
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown chart type '%s'; valid: %s", text, Ids.list(values(), ChartType::id)));
    }
}
