package org.shewhart.engine.funnel;

/**
 * How extreme z-scores are kept from inflating the overdispersion estimate.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Trimming {
    /**
     * Every z is clamped to the {@code trim} and {@code 1 - trim} quantiles of all z (R {@code quantile} type 7);
     * all units count. Used by every funnel type except standardised ratios with the SHMI method.
     */
    WINSORISATION("winsorisation"),
    /**
     * Units whose z falls in the bottom or top {@code trim} fraction by rank (ties averaged) are left out:
     * with {@code k = 1 / trim}, a unit with rank r of N is kept if {@code 0 < floor(r k / (N + 1)) < k - 1}
     * (NHS Digital SHMI specification, as FunnelPlotR).
     */
    TRUNCATION("truncation");

    private final String id;

    Trimming(String id) {
        this.id = id;
    }

    /**
     * The identifier used in outputs.
     *
     * @return {@code "winsorisation"} or {@code "truncation"}
     */
    public String id() {
        return id;
    }
}
