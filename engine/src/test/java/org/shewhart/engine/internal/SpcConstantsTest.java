package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exact d2/d3 integrals against closed forms and qcc's tables, and the tabled values qcc uses. */
final class SpcConstantsTest {
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    /** qcc 3.0 {@code qcc.options("exp.R.unscaled")}, n = 2..25. */
    private static final double[] QCC_D2 = {
        1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078, 3.173, 3.258, 3.336, 3.407, 3.472, 3.532,
        3.588, 3.640, 3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931,
    };

    @Test
    void exactD2MatchesClosedForms() {
        // E(range) of 2..5 standard normals (Wardell 2025, as cited in qcc's tests)
        final double atan = Math.atan(Math.sqrt(2));
        assertEquals(2 / SQRT_PI, SpcConstants.d2(2), 1e-13);
        assertEquals(3 / SQRT_PI, SpcConstants.d2(3), 1e-13);
        assertEquals(12 / (Math.PI * SQRT_PI) * atan, SpcConstants.d2(4), 1e-13);
        assertEquals(30 / Math.pow(Math.PI, 1.5) * atan - 5 / SQRT_PI, SpcConstants.d2(5), 1e-13);
    }

    @Test
    void exactD3MatchesClosedFormForTwo() {
        // R = |X1 - X2| ~ |N(0, 2)|: E(R²) = 2, E(R) = 2/√π, so d3(2) = sqrt(2 - 4/π)
        assertEquals(Math.sqrt(2 - 4 / Math.PI), SpcConstants.d3(2), 1e-11);
    }

    @Test
    void exactD2RoundsToQccTable() {
        for (int n = 2; n <= 25; n++) {
            assertEquals(QCC_D2[n - 2], Math.round(SpcConstants.d2(n) * 1000) / 1000.0, 0, "d2(" + n + ")");
            assertEquals(QCC_D2[n - 2], SpcConstants.qccD2(n), 0, "qccD2(" + n + ")");
        }
    }

    @Test
    void exactD3AgreesWithQccTableToItsAccuracy() {
        // qcc's se.R.unscaled is off by up to 1.2e-5 (n = 2: 0.8525033 vs the exact 0.8525025), so compare at 1.5e-5
        for (int n = 2; n <= 50; n++) {
            final double table = SpcConstants.qccD3(n);
            assertEquals(table, SpcConstants.d3(n), 1.5e-5, "d3(" + n + ")");
        }
        assertEquals(0.8525033, SpcConstants.qccD3(2), 0);
        assertEquals(0.6521506, SpcConstants.qccD3(50), 0);
    }

    @Test
    void beyondTablesFallsBackToExactValues() {
        assertEquals(SpcConstants.d2(26), SpcConstants.qccD2(26), 0);
        assertEquals(SpcConstants.d3(51), SpcConstants.qccD3(51), 0);
        // the range grows with n and its spread shrinks
        assertTrue(SpcConstants.d2(26) > 3.931 && SpcConstants.d2(26) < 4.0);
        assertTrue(SpcConstants.d3(51) < SpcConstants.qccD3(50));
    }

    @Test
    void undefinedBelowTwo() {
        assertTrue(Double.isNaN(SpcConstants.d2(1)));
        assertTrue(Double.isNaN(SpcConstants.d3(0)));
        assertTrue(Double.isNaN(SpcConstants.qccD2(1)));
        assertTrue(Double.isNaN(SpcConstants.qccD3(-3)));
    }
}
