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
    MR("mr"),
    /** Subgroup means with sigma from subgroup standard deviations. */
    XBAR_S("xbar-s", "xbar"),
    /** Subgroup means with sigma from subgroup ranges. */
    XBAR_R("xbar-r"),
    /** Subgroup standard deviations. */
    S("s"),
    /** Subgroup ranges. */
    R("r"),
    /** Proportion of defectives y / n; limits vary with n. */
    P("p"),
    /** Number of defectives y in samples of n. */
    NP("np"),
    /** Count of defects in equal areas of opportunity. */
    C("c"),
    /** Rate of defects y / n per unit of opportunity; limits vary with n. */
    U("u"),
    /** Laney p': a p chart whose sigma is widened by the between-subgroup variation (large denominators). */
    P_PRIME("p-prime", "pp"),
    /** Laney u': a u chart widened by the between-subgroup variation (large denominators). */
    U_PRIME("u-prime", "up"),
    /** Opportunities (or cases) between rare events; geometric limits. */
    G("g"),
    /** Time between rare events; an I chart of y^(1/3.6), back-transformed. */
    T("t"),
    /** Taylor's I': individuals of a ratio y / n with limits that vary with n. */
    I_PRIME("i-prime", "ip");

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
     * Whether the chart's points are subgroups of several observations (xbar, s and r charts).
     *
     * @return {@code true} for subgroup charts
     */
    public boolean isSubgrouped() {
        return this == XBAR_S || this == XBAR_R || this == S || this == R;
    }

    /**
     * Whether the chart needs a denominator (subgroup size or area of opportunity) for every point.
     *
     * @return {@code true} for p, np, u, p', u' and i' charts
     */
    public boolean needsSizes() {
        return this == P || this == NP || this == U || this == P_PRIME || this == U_PRIME || this == I_PRIME;
    }

    /**
     * Whether the plotted value is the numerator over the denominator (otherwise the numerator itself, or the
     * subgroup statistic).
     *
     * @return {@code true} for run, xmr and mr with a denominator, and for p, u, p', u' and i'
     */
    boolean plotsRatio() {
        return this == RUN || this == XMR || this == MR || this == P || this == U || this == P_PRIME
                || this == U_PRIME || this == I_PRIME;
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
