package org.shewhart.engine.monitor;

import java.util.Locale;

/**
 * How the within-subgroup process sigma is estimated from the phase-1 subgroups, as qcc 3.0 {@code sd.xbar} and
 * {@code sd.xbar.one} do (SAS/QC formulas). R_i, s_i and n_i are the range, standard deviation and size of subgroup
 * i of the m phase-1 subgroups; d2 and d3 are qcc's tabled constants ({@code SpcConstants.qccD2}/{@code qccD3});
 * c4 is exact.
 *
 * <p>When no estimator is chosen the calculators use qcc's default: {@link #MOVING_RANGE} for individual values,
 * otherwise {@link #UWAVE_R}, or {@link #RMSDF} if some phase-1 subgroup has more than 25 observations.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum SigmaEstimator {
    /** Unweighted average of R_i / d2(n_i) (qcc {@code "UWAVE-R"}); subgroups of at least 2. */
    UWAVE_R("uwave-r", true),
    /** Unweighted average of s_i / c4(n_i) (qcc {@code "UWAVE-SD"}); subgroups of at least 2. */
    UWAVE_SD("uwave-sd", true),
    /** Σ w_i R_i / d2(n_i) / Σ w_i with w_i = (d2(n_i) / d3(n_i))² (qcc {@code "MVLUE-R"}). */
    MVLUE_R("mvlue-r", true),
    /** Σ w_i s_i / c4(n_i) / Σ w_i with w_i = c4² / (1 - c4²) (qcc {@code "MVLUE-SD"}). */
    MVLUE_SD("mvlue-sd", true),
    /** sqrt(Σ (n_i - 1) s_i² / Σ (n_i - 1)) / c4(Σ (n_i - 1) + 1) (qcc {@code "RMSDF"}). */
    RMSDF("rmsdf", true),
    /** Individual values: mean moving range of span 2 / d2(2) = AMR / 1.128, unscreened (qcc {@code "MR"}). */
    MOVING_RANGE("mr", false),
    /** Individual values: sd(x) / c4(m) (qcc {@code "SD"}). */
    STANDARD_DEVIATION("sd", false);

    private final String id;
    private final boolean grouped;

    SigmaEstimator(String id, boolean grouped) {
        this.id = id;
        this.grouped = grouped;
    }

    /**
     * The identifier used on the command line.
     *
     * @return e.g. {@code "uwave-r"}
     */
    public String id() {
        return id;
    }

    /** @return whether the estimator works on subgroups of at least 2 (otherwise on individual values) */
    public boolean isGrouped() {
        return grouped;
    }

    /**
     * Finds an estimator by identifier (case-insensitive; qcc's names such as {@code UWAVE-R} work too).
     *
     * @param text identifier
     * @return the estimator
     * @throws org.shewhart.engine.SpcInputException if no estimator has that identifier
     */
    public static SigmaEstimator of(String text) {
        final String key = text.trim().toLowerCase(Locale.ROOT);
        final StringBuilder valid = new StringBuilder();
        for (SigmaEstimator e : values()) {
            if (e.id.equals(key)) {
                return e;
            }
            valid.append(valid.length() == 0 ? "" : ", ").append(e.id);
        }
        throw Checks.input("unknown sigma estimator '%s'; valid: %s", text, valid);
    }
}
