package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Explicit floating-point comparisons for the tests: relative tolerance with an absolute floor, exact (bitwise)
 * equality, and NaN treated as a value that must match NaN. No instances.
 */
public final class Tolerance {
    /** The relative tolerance of the property tests. */
    public static final double RELATIVE = 1e-12;

    private Tolerance() {
    }

    /**
     * Whether two doubles agree within {@code relative * max(|a|, |b|) + absolute}; two NaNs agree, a NaN and a
     * number do not.
     *
     * @param a one value
     * @param b the other
     * @param relative relative tolerance
     * @param absolute absolute floor (for values that should be zero)
     * @return whether they agree
     */
    public static boolean close(double a, double b, double relative, double absolute) {
        if (a != a || b != b) {
            return a != a && b != b;
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + absolute;
    }

    /**
     * Asserts {@link #close(double, double, double, double)}.
     *
     * @param expected expected value
     * @param actual actual value
     * @param relative relative tolerance
     * @param absolute absolute floor
     * @param message what is compared, and how to reproduce it
     */
    public static void assertClose(double expected, double actual, double relative, double absolute,
            Supplier<String> message) {
        if (!close(expected, actual, relative, absolute)) {
            fail(String.format(Locale.ROOT, "%s: expected %s but was %s (relative %.1e, absolute %.1e)",
                    message.get(), expected, actual, relative, absolute));
        }
    }

    /**
     * Asserts that two doubles are the same value: bitwise equal apart from the sign of zero, and NaN matches NaN.
     *
     * @param expected expected value
     * @param actual actual value
     * @param message what is compared, and how to reproduce it
     */
    public static void assertSame(double expected, double actual, Supplier<String> message) {
        if (!(expected == actual || (expected != expected && actual != actual))) {
            fail(message.get() + ": expected exactly " + expected + " but was " + actual);
        }
    }
}
