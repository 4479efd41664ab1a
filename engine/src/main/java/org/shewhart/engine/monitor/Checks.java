package org.shewhart.engine.monitor;

import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/** Argument checks and message formatting for this package ({@link Locale#ROOT}). No instances. */
final class Checks {
    private Checks() {
    }

    /**
     * @param format message template
     * @param args template arguments
     * @return the exception, to throw
     */
    static SpcInputException input(String format, Object... args) {
        return new SpcInputException(String.format(Locale.ROOT, format, args));
    }

    /**
     * @param name parameter name
     * @param value value
     * @return the value if it is finite and &gt; 0
     */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw input("%s must be a finite number > 0, got %s", name, value);
        }
        return value;
    }

    /**
     * @param name parameter name
     * @param value value
     * @return the value if it is finite and &gt;= 0
     */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw input("%s must be a finite number >= 0, got %s", name, value);
        }
        return value;
    }

    /**
     * @param name parameter name
     * @param value value
     * @return the value if it is finite or NaN (NaN = estimate from the data)
     */
    static double finiteOrNaN(String name, double value) {
        if (Double.isInfinite(value)) {
            throw input("%s must be a finite number (or NaN to estimate it), got %s", name, value);
        }
        return value;
    }

    /**
     * @param name parameter name
     * @param value value
     * @return the value if it is NaN (estimate) or finite and &gt; 0
     */
    static double positiveOrNaN(String name, double value) {
        if (value != value) {
            return value;
        }
        return positive(name, value);
    }

    /**
     * Checks the number of phase-1 subgroups against the data.
     *
     * @param phaseOne number of leading subgroups that calibrate the chart
     * @param size number of subgroups
     * @return phaseOne
     */
    static int phaseOne(int phaseOne, int size) {
        if (phaseOne < 1 || phaseOne > size) {
            throw input("phaseOne (%d) must be between 1 and the number of subgroups (%d)", phaseOne, size);
        }
        return phaseOne;
    }
}
