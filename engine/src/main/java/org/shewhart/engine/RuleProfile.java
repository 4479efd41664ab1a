package org.shewhart.engine;

import java.util.Locale;

/**
 * A rule profile fixes, after one reference tool, the XmR limit constant, whether moving ranges are screened, how
 * points on the centre line and ties count, which rules apply with which lengths, and which points a rule flags.
 * The semantics of each profile are those of DESIGN.md section 4:
 *
 * <table>
 * <caption>Profiles</caption>
 * <tr><th>profile</th><th>reproduces</th><th>XmR limits</th><th>rules</th></tr>
 * <tr><td>{@code mdc}</td><td>NHSRplotthedots 0.2.2</td><td>mean ± 2.66 AMR, screened</td>
 *     <td>outside, trend 7, two-of-three (2σ–3σ zone, all three on one side), shift 7; every point of a pattern
 *     flagged; a point on the mean breaks a shift and a tie breaks a trend</td></tr>
 * <tr><td>{@code mdc-2023}</td><td>Making Data Count, Nov 2023</td><td>as mdc</td>
 *     <td>as mdc, but points beyond 3σ count towards two-of-three</td></tr>
 * <tr><td>{@code anhoej}</td><td>qicharts2 0.8</td><td>mean ± 3 AMR / 1.128, screened</td>
 *     <td>outside; longest run &gt; round(log2 n) + 3; crossings &lt; qbinom(0.05, n - 1, 0.5); points on the
 *     centre line dropped</td></tr>
 * <tr><td>{@code ihi}</td><td>IHI run chart rules (Perla, Provost and Murray 2011)</td>
 *     <td>mean ± 3 AMR / 1.128, unscreened</td>
 *     <td>outside; shift 6 (points on the centre line skipped); trend 5 (ties skipped); too few or too many
 *     runs</td></tr>
 * <tr><td>{@code weco}</td><td>qcc 3.0, Western Electric</td><td>chart's own sigma, unscreened</td>
 *     <td>outside; two of three beyond 2σ; four of five beyond 1σ; shift 8; run rules flag from the point
 *     the run reaches its length</td></tr>
 * <tr><td>{@code nelson}</td><td>qcc 3.0, Nelson 1–8</td><td>as weco</td>
 *     <td>outside, shift 9, trend 6, alternating 14, two of three, four of five, stratification 15,
 *     mixture 8</td></tr>
 * </table>
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum RuleProfile {
    /** NHS Making Data Count as NHSRplotthedots 0.2.2 implements it. */
    MDC("mdc", true, true, false, false, true, 7, 7, TwoOfThree.MDC, false, false),
    /** Making Data Count after the November 2023 rule change (points beyond 3σ count towards two-of-three). */
    MDC_2023("mdc-2023", true, true, false, false, true, 7, 7, TwoOfThree.MDC_2023, false, false),
    /** Anhøj run rules as qicharts2 0.8 implements them. */
    ANHOEJ("anhoej", false, true, true, true, true, 0, 0, TwoOfThree.NONE, false, false),
    /** IHI run chart rules. */
    IHI("ihi", false, false, true, true, true, 6, 5, TwoOfThree.NONE, false, false),
    /** Western Electric rules 1-4 as qcc 3.0 implements them. */
    WECO("weco", false, false, false, false, false, 8, 0, TwoOfThree.WINDOW_END, true, false),
    /** Nelson rules 1-8 as qcc 3.0 implements them. */
    NELSON("nelson", false, false, false, false, false, 9, 6, TwoOfThree.WINDOW_END, true, true);

    /** How the two-of-three rule counts and flags. */
    enum TwoOfThree {
        /** Not part of the profile. */
        NONE,
        /** Only points between 2σ and 3σ count, all three on one side; the counting points are flagged. */
        MDC,
        /** Every point beyond 2σ counts, all three on one side; the counting points are flagged. */
        MDC_2023,
        /** qcc: two of the three beyond 2σ on one side and the window's last point among them; it is flagged. */
        WINDOW_END
    }

    private final String id;
    private final boolean mdcConstant;
    private final boolean screenByDefault;
    private final boolean skipCentre;
    private final boolean skipTies;
    private final boolean flagWholePattern;
    private final int shift;
    private final int trend;
    private final TwoOfThree twoOfThree;
    private final boolean fourOfFive;
    private final boolean nelsonExtras;

    RuleProfile(String id, boolean mdcConstant, boolean screenByDefault, boolean skipCentre, boolean skipTies,
            boolean flagWholePattern, int shift, int trend, TwoOfThree twoOfThree, boolean fourOfFive,
            boolean nelsonExtras) {
        this.id = id;
        this.mdcConstant = mdcConstant;
        this.screenByDefault = screenByDefault;
        this.skipCentre = skipCentre;
        this.skipTies = skipTies;
        this.flagWholePattern = flagWholePattern;
        this.shift = shift;
        this.trend = trend;
        this.twoOfThree = twoOfThree;
        this.fourOfFive = fourOfFive;
        this.nelsonExtras = nelsonExtras;
    }

    /**
     * The identifier used on the command line and in outputs, e.g. {@code "mdc"}.
     *
     * @return the identifier
     */
    public String id() {
        return id;
    }

    /**
     * Whether XmR limits use the Making Data Count constant 2.66 x AMR (otherwise 3 x AMR / 1.128).
     *
     * @return {@code true} for {@code mdc} and {@code mdc-2023}
     */
    public boolean usesMdcConstant() {
        return mdcConstant;
    }

    /**
     * Whether moving ranges are screened (Nelson 1982: drop MR &gt;= 3.267 AMR, average again) unless the spec
     * says otherwise.
     *
     * @return the default screening
     */
    public boolean screensMovingRangesByDefault() {
        return screenByDefault;
    }

    /**
     * Whether points exactly on the centre line are skipped by run rules (they neither extend nor break a run);
     * otherwise they break it.
     *
     * @return {@code true} for {@code anhoej} and {@code ihi}
     */
    public boolean skipsCentrePoints() {
        return skipCentre;
    }

    /**
     * Whether equal consecutive values are skipped by the trend rule; otherwise a tie breaks a trend.
     *
     * @return {@code true} for {@code ihi}
     */
    public boolean skipsTies() {
        return skipTies;
    }

    /**
     * Whether run rules flag every point of the pattern; otherwise they flag from the point at which the run
     * reaches its length (qcc).
     *
     * @return {@code true} for the Making Data Count, Anhøj and IHI profiles
     */
    public boolean flagsWholePattern() {
        return flagWholePattern;
    }

    /**
     * Default shift length in points (0 if the profile has no fixed-length shift rule).
     *
     * @return the length
     */
    public int shiftLength() {
        return shift;
    }

    /**
     * Default trend length in points (0 if the profile has no trend rule).
     *
     * @return the length
     */
    public int trendLength() {
        return trend;
    }

    TwoOfThree twoOfThree() {
        return twoOfThree;
    }

    boolean hasFourOfFive() {
        return fourOfFive;
    }

    boolean hasNelsonExtras() {
        return nelsonExtras;
    }

    boolean hasAnhoejRuns() {
        return this == ANHOEJ;
    }

    boolean hasIhiRuns() {
        return this == IHI;
    }

    /**
     * Finds a profile by identifier (case-insensitive).
     *
     * @param text identifier such as {@code "mdc"}
     * @return the profile
     * @throws SpcInputException if no profile has that identifier
     */
    public static RuleProfile of(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (RuleProfile p : values()) {
            if (p.id.equals(key)) {
                return p;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "unknown profile '%s'; valid: %s", text, Ids.list(values(), RuleProfile::id)));
    }
}
