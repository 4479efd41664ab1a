package org.shewhart.engine.live;

import java.util.Arrays;

/**
 * The seven lines of a frozen phase by denominator, for charts whose limits vary with it: open addressing on
 * the denominator's bits ({@link Double#doubleToLongBits}, so every NaN is one key), linear probing, no boxing.
 * Grows to {@value #MAX_SLOTS} slots kept at most half full, then starts again empty. Not thread-safe.
 */
final class LineCache {
    private static final int LINES = 7;
    private static final int MAX_SLOTS = 8192;

    private long[] keys = new long[64];
    private boolean[] used = new boolean[64];
    private double[] values = new double[64 * LINES];
    private int size;

    /**
     * Copies the lines cached for a denominator into {@code lines[k][at]}.
     *
     * @return whether they were cached
     */
    boolean get(double denominator, double[][] lines, int at) {
        final long key = Double.doubleToLongBits(denominator);
        final int mask = keys.length - 1;
        for (int s = slot(key, mask); used[s]; s = (s + 1) & mask) {
            if (keys[s] == key) {
                for (int k = 0; k < LINES; k++) {
                    lines[k][at] = values[s * LINES + k];
                }
                return true;
            }
        }
        return false;
    }

    /** Caches the lines {@code lines[k][at]} for a denominator not cached yet. */
    void put(double denominator, double[][] lines, int at) {
        if (2 * (size + 1) > keys.length) {
            if (keys.length >= MAX_SLOTS) {
                Arrays.fill(used, false);
                size = 0;
            } else {
                grow();
            }
        }
        final long key = Double.doubleToLongBits(denominator);
        final int mask = keys.length - 1;
        int s = slot(key, mask);
        while (used[s]) {
            s = (s + 1) & mask;
        }
        used[s] = true;
        keys[s] = key;
        for (int k = 0; k < LINES; k++) {
            values[s * LINES + k] = lines[k][at];
        }
        size++;
    }

    private void grow() {
        final long[] oldKeys = keys;
        final boolean[] oldUsed = used;
        final double[] oldValues = values;
        keys = new long[2 * oldKeys.length];
        used = new boolean[keys.length];
        values = new double[keys.length * LINES];
        final int mask = keys.length - 1;
        for (int o = 0; o < oldKeys.length; o++) {
            if (oldUsed[o]) {
                int s = slot(oldKeys[o], mask);
                while (used[s]) {
                    s = (s + 1) & mask;
                }
                used[s] = true;
                keys[s] = oldKeys[o];
                System.arraycopy(oldValues, o * LINES, values, s * LINES, LINES);
            }
        }
    }

    private static int slot(long key, int mask) {
        // a Fibonacci hash spreads denominators that differ in their low mantissa bits only
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
