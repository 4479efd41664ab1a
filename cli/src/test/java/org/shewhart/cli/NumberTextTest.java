package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ChartWriter#text}, which writes every number of the CSV outputs, against {@link Double#toString} and
 * {@link Double#parseDouble} on seeded random doubles: it reads back to the same bits, it is never longer than
 * {@code Double.toString}, and it has the same layout (an exponent exactly where {@code Double.toString} has one).
 * The scan's byte writer ({@link ByteText}) writes the same bytes as {@code ChartWriter.text}, {@link Feed#label}
 * and {@link Long#toString}.
 */
final class NumberTextTest {

    private static String bytes(ByteText b) {
        return new String(b.toArray(), StandardCharsets.UTF_8);
    }

    private static void check(double v) {
        final String t = ChartWriter.text(v);
        assertEquals(t, bytes(new ByteText(1).number(v)), () -> "ByteText.number(" + v + ")");
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

    @Test
    void byteTextWritesIntegersAndLabelsAsTheStringsDo() {
        final SplittableRandom r = new SplittableRandom(77);
        final long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 999_999_999_999_999L};
        for (long v : edges) {
            assertEquals(Long.toString(v), bytes(new ByteText(1).integer(v)));
        }
        for (int k = 0; k < 100_000; k++) {
            final long v = r.nextLong() >> r.nextInt(64);
            assertEquals(Long.toString(v), bytes(new ByteText(1).integer(v)));
            // epoch days from year -2700 to 10950: signs, years before 1000 and after 9999
            final double day = r.nextInt(-1_700_000, 3_300_000);
            assertEquals(Feed.label(ChartInput.Kind.DATE, day),
                    bytes(new ByteText(1).label(ChartInput.Kind.DATE, day)));
            final double x = r.nextInt(2_000_000) / 100.0 - 10_000;
            assertEquals(Feed.label(ChartInput.Kind.NUMBER, x),
                    bytes(new ByteText(1).label(ChartInput.Kind.NUMBER, x)));
        }
        // several appends grow the buffer and keep what was written
        final ByteText t = new ByteText(1);
        final StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 1000; k++) {
            t.ascii("a,").integer(k).ch(';').number(k / 7.0).bytes("é".getBytes(StandardCharsets.UTF_8));
            sb.append("a,").append(k).append(';').append(ChartWriter.text(k / 7.0)).append('é');
        }
        assertEquals(sb.toString(), bytes(t));
    }
}
