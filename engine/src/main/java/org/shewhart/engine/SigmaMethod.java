package org.shewhart.engine;

import java.util.Locale;

/**
 * How a chart estimates its process sigma: for individuals from moving ranges or the SD, for subgroups by the
 * estimators of qcc 3.0 {@code sd.xbar}.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum SigmaMethod {
    /** Average moving range of span 2 divided by d2(2) = 1.128 (screened or not, per profile and spec). */
    MOVING_RANGE("mr"),
    /** Sample standard deviation divided by c4(n) (qcc {@code std.dev = "SD"}). */
    STANDARD_DEVIATION("sd"),
    /** Subgroups: unweighted average of R_i / d2(n_i) (qcc {@code "UWAVE-R"}). */
    UWAVE_R("uwave-r"),
    /** Subgroups: unweighted average of s_i / c4(n_i) (qcc {@code "UWAVE-SD"}). */
    UWAVE_SD("uwave-sd"),
    /** Subgroups: minimum-variance linear unbiased estimator from ranges, weights (d2 / d3)^2 (qcc). */
    MVLUE_R("mvlue-r"),
    /** Subgroups: minimum-variance linear unbiased estimator from SDs, weights c4^2 / (1 - c4^2) (qcc). */
    MVLUE_SD("mvlue-sd"),
    /** Subgroups: root mean square pooled SD divided by c4(sum(n_i - 1) + 1) (qcc {@code "RMSDF"}). */
    RMSDF("rmsdf");

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
