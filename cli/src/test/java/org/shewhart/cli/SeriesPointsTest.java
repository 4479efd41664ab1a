package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartType;

/**
 * {@link SeriesPoints}: the shortcut for rows already in ascending x with one row per x gives exactly what the
 * general loop (sort, group, sum) gives, on thousands of seeded random series: sorted and distinct x (the
 * shortcut), repeated x, unsorted x, missing values and denominators, signed zeros, phase labels, every kind of
 * point (mean, sum with denominators, c-chart count, subgroups).
 */
class SeriesPointsTest {
    private static final ChartType[] TYPES = {ChartType.XMR, ChartType.RUN, ChartType.C, ChartType.P,
            ChartType.XBAR_S};

    @Test
    void shortcutEqualsTheGeneralLoop() {
        final SplittableRandom rnd = new SplittableRandom(20261123);
        int shortcuts = 0;
        for (int t = 0; t < 4000; t++) {
            final int rows = 1 + rnd.nextInt(80);
            final int layout = rnd.nextInt(3);
            final ChartType type = TYPES[rnd.nextInt(TYPES.length)];
            final boolean sizes = type == ChartType.P && rnd.nextBoolean();
            final boolean phases = rnd.nextInt(4) == 0;
            final double[] x = new double[rows];
            final double[] y = new double[rows];
            final double[] n = new double[rows];
            final int[] phase = new int[rows];
            double at = 18000 + rnd.nextInt(100);
            for (int i = 0; i < rows; i++) {
                // 0: ascending and distinct; 1: ascending with repeats; 2: any order
                at += layout == 0 ? 1 + rnd.nextInt(7) : layout == 1 ? rnd.nextInt(2) : 0;
                x[i] = layout == 2 ? 18000 + rnd.nextInt(rows) : at;
                y[i] = value(rnd);
                n[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(5) == 0 ? 0.0 : 1 + rnd.nextInt(200);
                phase[i] = i * 3 / rows;
            }
            final ScanRun.Scratch a = load(new ScanRun.Scratch(), x, y, n, phase);
            final ScanRun.Scratch b = load(new ScanRun.Scratch(), x, y, n, phase);
            final int ma = SeriesPoints.aggregate(rows, a, sizes, type, phases, true);
            final int mb = SeriesPoints.aggregate(rows, b, sizes, type, phases, false);
            final String what = "case " + t + " (" + type + ", layout " + layout + ", sizes " + sizes + ")";
            assertEquals(mb, ma, what + ": points");
            assertEquals(b.conflict, a.conflict, what + ": conflict");
            for (int k = 0; k < mb; k++) {
                assertEquals(bits(b.key[k]), bits(a.key[k]), what + ": x of point " + k);
                assertEquals(bits(b.value[k]), bits(a.value[k]), what + ": value of point " + k);
                if (sizes || type.isSubgrouped()) {
                    assertEquals(bits(b.size[k]), bits(a.size[k]), what + ": size of point " + k);
                }
                if (type.isSubgrouped()) {
                    assertEquals(bits(b.sd[k]), bits(a.sd[k]), what + ": sd of point " + k);
                    assertEquals(bits(b.range[k]), bits(a.range[k]), what + ": range of point " + k);
                }
                if (phases) {
                    assertEquals(b.pointPhase[k], a.pointPhase[k], what + ": phase of point " + k);
                }
            }
            if (layout == 0 && !type.isSubgrouped()) {
                shortcuts++;
            }
        }
        // about a third of the cases take the shortcut
        assertEquals(true, shortcuts > 800, "shortcut cases: " + shortcuts);
    }

    private static double value(SplittableRandom rnd) {
        switch (rnd.nextInt(12)) {
            case 0:
                return Double.NaN;
            case 1:
                return -0.0;
            case 2:
                return 0.0;
            default:
                return Math.round(rnd.nextDouble() * 40000 - 2000) / 100.0;
        }
    }

    private static ScanRun.Scratch load(ScanRun.Scratch sc, double[] x, double[] y, double[] n, int[] phase) {
        sc.ensure(x.length);
        System.arraycopy(x, 0, sc.x, 0, x.length);
        System.arraycopy(y, 0, sc.y, 0, x.length);
        System.arraycopy(n, 0, sc.n, 0, x.length);
        System.arraycopy(phase, 0, sc.phase, 0, x.length);
        return sc;
    }

    private static long bits(double v) {
        // NaN payloads are not part of the contract; signs of zero are
        return Double.doubleToLongBits(v);
    }
}
