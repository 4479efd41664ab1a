package org.shewhart.engine;

import java.util.Locale;

/**
 * How the process sigma is estimated: for individual values from moving ranges or the SD, for subgroups by the
 * estimators of qcc 3.0 {@code sd.xbar} (SAS/QC formulas). Charts ({@link ChartSpec}) and the monitors of
 * {@code org.shewhart.engine.monitor} (CUSUM, EWMA, capability) take the same methods; d2 and d3 are qcc's tabled
 * constants, c4 is exact.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum SigmaMethod {
    /**
     * Individual values: average moving range of span 2 divided by d2(2) = 1.128. A chart screens out extreme moving
     * ranges first or not, per profile and spec; the monitors never do (qcc {@code "MR"}).
     */
    MOVING_RANGE("mr", false),
    /** Individual values: sample standard deviation divided by c4(n) (qcc {@code std.dev = "SD"}). */
    STANDARD_DEVIATION("sd", false),
    /** Subgroups: unweighted average of R_i / d2(n_i) (qcc {@code "UWAVE-R"}). */
    UWAVE_R("uwave-r", true),
    /** Subgroups: unweighted average of s_i / c4(n_i) (qcc {@code "UWAVE-SD"}). */
    UWAVE_SD("uwave-sd", true),
    /** Subgroups: minimum-variance linear unbiased estimator from ranges, weights (d2 / d3)^2 (qcc). */
    MVLUE_R("mvlue-r", true),
    /** Subgroups: minimum-variance linear unbiased estimator from SDs, weights c4^2 / (1 - c4^2) (qcc). */
    MVLUE_SD("mvlue-sd", true),
    /** Subgroups: root mean square pooled SD divided by c4(sum(n_i - 1) + 1) (qcc {@code "RMSDF"}). */
    RMSDF("rmsdf", true);

    private final String id;
    private final boolean grouped;

    SigmaMethod(String id, boolean grouped) {
        this.id = id;
        this.grouped = grouped;
    }

    /**
     * The identifier used on the command line.
     *
     * @return e.g. {@code "mr"}
     */
    public String id() {
        return id;
    }

    /** @return whether the method works on subgroups of at least 2 (otherwise on individual values) */
    public boolean isGrouped() {
        return grouped;
    }

    /**
     * Finds a method by identifier (case-insensitive; qcc's names such as {@code UWAVE-R} work too).
     *
     * @param text {@code mr}, {@code sd}, {@code uwave-r}, {@code uwave-sd}, {@code mvlue-r}, {@code mvlue-sd} or
     *     {@code rmsdf}
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
