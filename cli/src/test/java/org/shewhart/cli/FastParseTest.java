package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level number and date parsers against {@link Double#parseDouble} and {@link LocalDate#parse}. */
final class FastParseTest {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static double parse(String s) {
        final byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FastParse.number(b, 0, b.length);
    }

    /** (e) 200,000 seeded random decimal strings: the same bits as Double.parseDouble. */
    @Test
    void agreesWithParseDoubleOnRandomDecimals() {
        final SplittableRandom r = new SplittableRandom(20240601);
        for (int k = 0; k < 200_000; k++) {
            final StringBuilder sb = new StringBuilder();
            final int sign = r.nextInt(4);
            if (sign == 0) {
                sb.append('-');
            } else if (sign == 1) {
                sb.append('+');
            }
            final int intDigits = r.nextInt(k % 5 == 0 ? 25 : 8);
            for (int i = 0; i < intDigits; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            final int fracDigits = r.nextInt(k % 7 == 0 ? 30 : 10);
            if (r.nextBoolean() || intDigits == 0) {
                sb.append('.');
                for (int i = 0; i < fracDigits || intDigits == 0 && i == 0; i++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
            if (k % 11 == 0) {
                sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : "").append(r.nextInt(400));
            }
            final String s = sb.toString();
            assertTrue(NUMBER.matcher(s).matches(), s);
            final double expected = Double.parseDouble(s);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(s)), s);
        }
    }

    /** Values written with few decimals, the common case, including the two-decimal feed format. */
    @Test
    void agreesOnShortDecimals() {
        final SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 100_000; k++) {
            final String s = Long.toString(r.nextLong(-10_000_000, 10_000_000)) + "." + r.nextInt(100);
            assertEquals(Double.parseDouble(s), parse(s), 0.0, s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", "NaN", "Infinity",
        "1d", "1f", " 1", "1 ", "--1", "1e5.5", "١٢"})
    void rejectsWhatChartRejects(String s) {
        assertTrue(Double.isNaN(parse(s)), s);
    }

    /** Random ten-character dates, valid and not: the same epoch day as LocalDate.parse, or rejected by both. */
    @Test
    void datesAgreeWithLocalDate() {
        final SplittableRandom r = new SplittableRandom(11);
        int valid = 0;
        for (int k = 0; k < 100_000; k++) {
            final String s = String.format("%04d-%02d-%02d", r.nextInt(10000), r.nextInt(14), r.nextInt(33));
            long expected;
            try {
                expected = LocalDate.parse(s).toEpochDay();
                valid++;
            } catch (DateTimeParseException e) {
                expected = FastParse.NOT_A_DATE;
            }
            final byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertEquals(expected, FastParse.date(b, 0, b.length), s);
        }
        assertTrue(valid > 50_000, "most generated dates are valid: " + valid);
        for (String bad : new String[] {"2024-1-01", "2024/01/01", "20240101", "2024-01-1x", "+2024-01-01"}) {
            final byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertEquals(FastParse.NOT_A_DATE, FastParse.date(b, 0, b.length), bad);
        }
    }
}
