package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ChartWriter#text}, which writes every number of the CSV outputs, against {@link Double#toString} and
 * {@link Double#parseDouble} on seeded random doubles: it reads back to the same bits, it is never longer than
 * {@code Double.toString}, and it has the same layout (an exponent exactly where {@code Double.toString} has one).
 */
final class NumberTextTest {

    private static void check(double v) {
        final String t = ChartWriter.text(v);
        if (!Double.isFinite(v)) {
            assertEquals("", t);
            return;
        }
        assertEquals(Double.doubleToLongBits(v == 0 ? 0.0 : v), Double.doubleToLongBits(Double.parseDouble(t)), t);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            assertEquals(Long.toString((long) v), t);
            return;
        }
        final String jdk = Double.toString(v);
        assertTrue(t.length() <= jdk.length(), () -> t + " is longer than " + jdk);
        assertEquals(jdk.contains("E"), t.contains("E"), () -> t + " and " + jdk);
        assertEquals(jdk.startsWith("-"), t.startsWith("-"), t);
        if (!jdk.contains("E")) {
            // the same digits before the point: only the fraction may be shorter
            assertEquals(jdk.substring(0, jdk.indexOf('.')), t.substring(0, t.indexOf('.')), t);
        }
    }

    @Test
    void readsBackToTheSameDoubleAndIsNeverLongerOnRandomBits() {
        final SplittableRandom r = new SplittableRandom(8124);
        for (int k = 0; k < 200_000; k++) {
            check(Double.longBitsToDouble(r.nextLong()));
        }
    }

    @Test
    void readsBackOnMeansAndLimitsOfShortDecimals() {
        // what a scan prints: means, sigmas and limits of values written with a few decimals
        final SplittableRandom r = new SplittableRandom(31);
        for (int k = 0; k < 200_000; k++) {
            final int n = 1 + r.nextInt(60);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += r.nextInt(1_000_000) / 100.0;
            }
            final double mean = sum / n;
            check(mean);
            check(-mean);
            check(mean + 2.66 * r.nextDouble() * mean);
            check(mean * 1e-6);
            check(mean * 1e12);
        }
    }

    @Test
    void edgeValues() {
        final double[] values = {0.0, -0.0, 1e15, -1e15, 1e15 + 1, 0.5, 1e-3, 9.999999999999999e-4, 1e7, 9999999.5,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 0.2,
            0.30000000000000004, 2.82879384806159E17, 1.0E23, 2e-44, Math.PI, Math.E, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : values) {
            check(v);
        }
        assertFalse(ChartWriter.text(-0.0).startsWith("-"), "minus zero prints as 0");
    }
}
