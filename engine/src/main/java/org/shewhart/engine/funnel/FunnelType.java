package org.shewhart.engine.funnel;

import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * What a funnel plot compares, with the transformation FunnelPlotR 0.6.0 uses for its z-scores and limits.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum FunnelType {
    /**
     * Proportions {@code O / n} (FunnelPlotR {@code data_type = "PR"}): arcsine square-root scale,
     * {@code y = asin(sqrt(O / n))}, {@code s = 1 / (2 sqrt(n))}, target {@code ΣO / Σn} unless given.
     */
    PROPORTION("proportion", "PR", "pr"),
    /**
     * Ratios of two counts {@code O / D} (FunnelPlotR {@code "RC"}): log scale with a ½ continuity correction for
     * the z-scores, {@code y = ln((O + ½) / (D + ½))}, {@code s = sqrt(O / (O + ½)² + D / (D + ½)²)}, target
     * {@code ΣO / ΣD} unless given.
     */
    RATIO("ratio", "RC", "rc", "ratio-of-counts"),
    /**
     * Indirectly standardised ratios observed / expected (FunnelPlotR {@code "SR"}, e.g. SHMI): target 1, the
     * transformation chosen by {@link StandardisedRatioMethod}.
     */
    STANDARDISED_RATIO("standardised-ratio", "SR", "sr", "standardized-ratio");

    private final String id;
    private final String funnelPlotR;
    private final String[] aliases;

    FunnelType(String id, String funnelPlotR, String... aliases) {
        this.id = id;
        this.funnelPlotR = funnelPlotR;
        this.aliases = aliases;
    }

    /**
     * The identifier used on the command line and in outputs.
     *
     * @return e.g. {@code "proportion"}
     */
    public String id() {
        return id;
    }

    /**
     * FunnelPlotR's {@code data_type} code.
     *
     * @return {@code "PR"}, {@code "RC"} or {@code "SR"}
     */
    public String funnelPlotRCode() {
        return funnelPlotR;
    }

    /**
     * Finds a type by identifier, FunnelPlotR code or alias (case-insensitive).
     *
     * @param text e.g. {@code "proportion"}, {@code "PR"} or {@code "standardized-ratio"}
     * @return the type
     * @throws SpcInputException if no type has that name
     */
    public static FunnelType of(String text) {
        final String key = text.trim().toLowerCase(Locale.ROOT);
        for (FunnelType t : values()) {
            if (t.id.equals(key) || t.funnelPlotR.toLowerCase(Locale.ROOT).equals(key)) {
                return t;
            }
            for (String a : t.aliases) {
                if (a.equals(key)) {
                    return t;
                }
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown funnel type '%s'; valid: proportion, ratio, standardised-ratio (or PR, RC, SR)", text));
    }
}
