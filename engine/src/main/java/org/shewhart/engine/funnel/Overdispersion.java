package org.shewhart.engine.funnel;

import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * How the funnel limits allow for overdispersion, the between-unit variation beyond chance that most real
 * indicators show. The dispersion ratio {@code φ = Σz² / n} is estimated from the trimmed z-scores
 * (Spiegelhalter 2005; Spiegelhalter et al. 2012).
 *
 * <p>The limits <em>in effect</em> (those against which outliers are judged) are the adjusted ones only if
 * adjustment was requested and {@code φ > 1}; with {@code φ <= 1} (no overdispersion) or no estimate (fewer than 2
 * units kept) the unadjusted limits stay in effect, as FunnelPlotR's fallback with
 * {@code draw_unadjusted = FALSE}. {@link FunnelSpec.Builder#underdispersionFallback(boolean)} switches the
 * fallback off.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Overdispersion {
    /**
     * No adjustment (FunnelPlotR {@code draw_adjusted = FALSE}): outliers are judged against the unadjusted
     * limits; φ and τ² are reported as 0 and the adjusted limits equal the normal-approximation limits with
     * {@code τ² = 0}.
     */
    NONE("none"),
    /**
     * Multiplicative model: the variance on the transformed scale is {@code φ s²}, so the limits widen by
     * {@code sqrt(φ)} (Spiegelhalter 2005, Funnel plots for comparing institutional performance). φ below 1 never
     * narrows them. Not in FunnelPlotR.
     */
    MULTIPLICATIVE("multiplicative"),
    /**
     * Additive random-effects model (FunnelPlotR {@code draw_adjusted = TRUE}, the default): the variance is
     * {@code s² + τ²} with the DerSimonian-Laird estimate {@code τ² = max(0, (nφ - (n - 1)) / (Σw - Σw² / Σw))},
     * {@code w = 1 / s²}, and {@code τ² = 0} when {@code nφ < n - 1}.
     */
    ADDITIVE("additive");

    private final String id;

    Overdispersion(String id) {
        this.id = id;
    }

    /**
     * The identifier used on the command line and in outputs.
     *
     * @return e.g. {@code "additive"}
     */
    public String id() {
        return id;
    }

    /**
     * Finds a model by identifier (case-insensitive).
     *
     * @param text {@code none}, {@code multiplicative} or {@code additive}
     * @return the model
     * @throws SpcInputException if no model has that identifier
     */
    public static Overdispersion of(String text) {
        final String key = text.trim().toLowerCase(Locale.ROOT);
        for (Overdispersion o : values()) {
            if (o.id.equals(key)) {
                return o;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown overdispersion '%s'; valid: none, multiplicative, additive", text));
    }
}
