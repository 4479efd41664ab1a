package org.shewhart.cli;

import java.nio.charset.StandardCharsets;

/**
 * Number and date parsing straight from bytes, for the feed reader's hot path. Stateless and thread-safe.
 *
 * <p>Numbers follow the grammar {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}, the one {@code shewhart chart}
 * accepts. Plain decimals with at most 15 significant digits and at most 22 decimals take Clinger's fast path
 * (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990): the digits form an integer
 * {@code m < 2^53} and {@code 10^k} is exact for {@code k <= 22}, so {@code m / 10^k} is one correctly rounded
 * IEEE division and equals {@link Double#parseDouble}. Everything else valid goes to {@link Double#parseDouble}.
 */
final class FastParse {
    /** Returned by {@link #date} for text that is not an ISO date. */
    static final long NOT_A_DATE = Long.MIN_VALUE;

    /** Exact powers of ten: every 10^k for k <= 22 is a double without rounding. */
    private static final double[] POW10 = new double[23];

    /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar (as java.time.LocalDate). */
    private static final long DAYS_0000_TO_1970 = 146097 * 5L - (30L * 365L + 7L);

    static {
        double p = 1;
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = p;
            p *= 10;
        }
    }

    private FastParse() {
    }

    /**
     * Parses a decimal number from {@code b[from, to)} (already trimmed, not empty).
     *
     * @return the value, or NaN if the text is not a number in the grammar above (a valid number is never NaN)
     */
    static double number(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int intDigits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (significant > 0 || b[i] != '0') {
                significant++;
                if (significant <= 18) {
                    m = m * 10 + (b[i] - '0');
                }
            }
            intDigits++;
            i++;
        }
        int fracDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (significant > 0 || b[i] != '0') {
                    significant++;
                    if (significant <= 18) {
                        m = m * 10 + (b[i] - '0');
                    }
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        if (i == to) {
            if (significant <= 15 && fracDigits <= 22) {
                // Clinger's fast path: m and 10^k are exact, so the quotient is correctly rounded
                final double v = fracDigits == 0 ? (double) m : m / POW10[fracDigits];
                return negative ? -v : v;
            }
            return slow(b, from, to);
        }
        if (b[i] != 'e' && b[i] != 'E') {
            return Double.NaN;
        }
        i++;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        final int expStart = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == expStart || i != to) {
            return Double.NaN;
        }
        return slow(b, from, to);
    }

    private static double slow(byte[] b, int from, int to) {
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /**
     * Parses an ISO date {@code yyyy-mm-dd} from {@code b[from, to)}, accepting exactly what
     * {@code LocalDate.parse} accepts for ten characters.
     *
     * @return days since 1970-01-01, or {@link #NOT_A_DATE}
     */
    static long date(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return NOT_A_DATE;
        }
        final int year = digits(b, from, 4);
        final int month = digits(b, from + 5, 2);
        final int day = digits(b, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return NOT_A_DATE;
        }
        return epochDay(year, month, day);
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days in a month of the proleptic Gregorian calendar, as {@code java.time} counts them (month 1 to 12). */
    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 for a valid date with year >= 0: the algorithm of {@code LocalDate.toEpochDay}. */
    static long epochDay(long year, long month, long day) {
        long total = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
