package org.shewhart.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The primitive line cache: what was put is got back, through growth and the reset at its size limit. */
final class LineCacheTest {
    @Test
    void returnsWhatWasPutThroughGrowthAndReset() {
        final LineCache cache = new LineCache();
        final double[][] lines = new double[7][1];
        for (int n = 0; n < 20_000; n++) {
            final double denominator = n * 0.5;
            assertFalse(cache.get(denominator, lines, 0), "n = " + n);
            for (int k = 0; k < 7; k++) {
                lines[k][0] = denominator + k;
            }
            cache.put(denominator, lines, 0);
            for (int k = 0; k < 7; k++) {
                lines[k][0] = -1;
            }
            assertTrue(cache.get(denominator, lines, 0), "n = " + n);
            for (int k = 0; k < 7; k++) {
                assertEquals(denominator + k, lines[k][0]);
            }
        }
        // the most recent entries survive a reset; every NaN is one key; 0 and -0 are two (their limits differ)
        assertTrue(cache.get(19_999 * 0.5, lines, 0));
        cache.put(Double.NaN, lines, 0);
        assertTrue(cache.get(Double.longBitsToDouble(0x7ff8000000000123L), lines, 0));
        final LineCache zeros = new LineCache();
        lines[0][0] = 1;
        zeros.put(0.0, lines, 0);
        assertFalse(zeros.get(-0.0, lines, 0));
        lines[0][0] = 2;
        zeros.put(-0.0, lines, 0);
        assertTrue(zeros.get(0.0, lines, 0));
        assertEquals(1, lines[0][0]);
        assertTrue(zeros.get(-0.0, lines, 0));
        assertEquals(2, lines[0][0]);
    }
}
