package org.shewhart.engine;

/**
 * A user mistake: bad data or bad options. The message names what was wrong, where (file, row, column, point
 * index or x), the value seen, and what would be valid; front ends print it without a stack trace.
 *
 * <p>Instances are immutable once thrown.
 */
public final class SpcInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message complete, user-facing message
     */
    public SpcInputException(String message) {
        super(message);
    }
}
