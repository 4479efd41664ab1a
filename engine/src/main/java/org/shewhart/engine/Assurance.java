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
}
