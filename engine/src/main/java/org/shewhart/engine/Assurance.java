package org.shewhart.engine;

/**
 * Whether the process, as its limits stand at the last point, will consistently meet a target (Making Data Count
 * assurance icon).
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Assurance {
    /** The target lies outside the limits on the failing side: every expected value passes. */
    CONSISTENT_PASS("consistent-pass"),
    /** The target lies outside the limits on the passing side: every expected value fails. */
    CONSISTENT_FAIL("consistent-fail"),
    /** The target lies between the limits: the process will sometimes pass and sometimes fail. */
    INCONSISTENT("inconsistent");

    private final String id;

    Assurance(String id) {
        this.id = id;
    }

    /**
     * The identifier used in outputs.
     *
     * @return e.g. {@code "consistent-pass"}
     */
    public String id() {
        return id;
    }

    /**
     * Making Data Count assurance from the limits at the last point (NHSRplotthedots
     * {@code ptd_calculate_assurance_type}): a target strictly above the upper limit fails consistently if higher is
     * better and passes consistently if lower is better; strictly below the lower limit the reverse; otherwise
     * inconsistent.
     *
     * @param target the target, NaN for none
     * @param sign the improvement direction's sign: +1 higher is better, -1 lower is better, 0 neutral
     * @param lower the lower limit at the last point, NaN if none
     * @param upper the upper limit at the last point, NaN if none
     * @return the assurance, or {@code null} without a target, with a neutral direction, or without limits
     */
    public static Assurance of(double target, int sign, double lower, double upper) {
        if (target != target || sign == 0 || (lower != lower && upper != upper)) {
            return null;
        }
        if (target > upper) {
            return sign > 0 ? CONSISTENT_FAIL : CONSISTENT_PASS;
        }
        if (target < lower) {
            return sign > 0 ? CONSISTENT_PASS : CONSISTENT_FAIL;
        }
        return INCONSISTENT;
    }
}
