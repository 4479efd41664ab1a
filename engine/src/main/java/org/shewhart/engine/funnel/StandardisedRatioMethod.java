package org.shewhart.engine.funnel;

import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * How a {@link FunnelType#STANDARDISED_RATIO standardised-ratio} funnel transforms, trims and adjusts
 * (FunnelPlotR {@code sr_method}). Ignored by the other funnel types.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum StandardisedRatioMethod {
    /**
     * NHS Digital SHMI: log scale, {@code z = sqrt(E) ln(O / E)}; expected values rounded to 2 decimals first
     * (unless switched off); the top and bottom trim fraction of z are <em>truncated</em> (left out of the
     * overdispersion estimate); adjusted limits {@code exp(±z sqrt(1/E + τ²))}.
     */
    SHMI("shmi"),
    /**
     * CQC / Spiegelhalter (2005): square-root scale, {@code y = sqrt(O / E)}, {@code s = 1 / (2 sqrt(E))}; z
     * <em>winsorised</em> at the trim quantiles; adjusted limits {@code 1 ± z sqrt(1/(4E) + τ²)} on the ratio
     * scale (FunnelPlotR does not square them back from the square-root scale).
     */
    CQC("cqc");

    private final String id;

    StandardisedRatioMethod(String id) {
        this.id = id;
    }

    /**
     * The identifier used on the command line and in outputs.
     *
     * @return {@code "shmi"} or {@code "cqc"}
     */
    public String id() {
        return id;
    }

    /**
     * Finds a method by identifier (case-insensitive).
     *
     * @param text {@code shmi} or {@code cqc}
     * @return the method
     * @throws SpcInputException if no method has that identifier
     */
    public static StandardisedRatioMethod of(String text) {
        final String key = text.trim().toLowerCase(Locale.ROOT);
        for (StandardisedRatioMethod m : values()) {
            if (m.id.equals(key)) {
                return m;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown standardised-ratio method '%s'; valid: shmi, cqc", text));
    }
}
