package org.shewhart.cli;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for the rows a scan writes: text, whole numbers, numbers as {@link ChartWriter#text}
 * writes them and x labels as {@link Feed#label} does, without a {@code StringBuilder}, a {@code String} per row or
 * an encoding pass. Not thread-safe; one per block.
 */
final class ByteText {
    private byte[] b;
    private int n;

    ByteText(int capacity) {
        b = new byte[Math.max(16, capacity)];
    }

    private void room(int more) {
        if (n + more > b.length) {
            b = Arrays.copyOf(b, Math.max(n + more, b.length * 2));
        }
    }

    /** Appends bytes (already UTF-8). */
    ByteText bytes(byte[] src) {
        room(src.length);
        System.arraycopy(src, 0, b, n, src.length);
        n += src.length;
        return this;
    }

    /** Appends text that is ASCII (ids, numbers, labels the program makes). */
    ByteText ascii(String s) {
        final int len = s.length();
        room(len);
        for (int i = 0; i < len; i++) {
            b[n + i] = (byte) s.charAt(i);
        }
        n += len;
        return this;
    }

    /** Appends an ASCII character. */
    ByteText ch(char c) {
        room(1);
        b[n++] = (byte) c;
        return this;
    }

    /** Appends a whole number in decimal. */
    ByteText integer(long v) {
        room(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v));
            }
            b[n++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = n + digits - 1; i >= n; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n += digits;
        return this;
    }

    /** Appends a number as {@link ChartWriter#text} writes it: nothing when missing. */
    ByteText number(double v) {
        if (!Double.isFinite(v)) {
            return this;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return integer((long) v);
        }
        return ascii(NumberOutput.toString(v, true));
    }

    /** Appends an x label as {@link Feed#label} writes it. */
    ByteText label(ChartInput.Kind kind, double x) {
        if (kind != ChartInput.Kind.DATE) {
            return number(x);
        }
        final LocalDate d = LocalDate.ofEpochDay((long) x);
        final int year = d.getYear();
        if (year < 0 || year > 9999) {
            return ascii(d.toString());
        }
        room(10);
        b[n] = (byte) ('0' + year / 1000);
        b[n + 1] = (byte) ('0' + year / 100 % 10);
        b[n + 2] = (byte) ('0' + year / 10 % 10);
        b[n + 3] = (byte) ('0' + year % 10);
        b[n + 4] = '-';
        b[n + 5] = (byte) ('0' + d.getMonthValue() / 10);
        b[n + 6] = (byte) ('0' + d.getMonthValue() % 10);
        b[n + 7] = '-';
        b[n + 8] = (byte) ('0' + d.getDayOfMonth() / 10);
        b[n + 9] = (byte) ('0' + d.getDayOfMonth() % 10);
        n += 10;
        return this;
    }

    /** @return the bytes written */
    byte[] toArray() {
        return Arrays.copyOf(b, n);
    }
}
