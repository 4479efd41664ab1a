package org.shewhart.engine.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.internal.RunsTests;

/**
 * The runs limits a live chart keeps in brackets (Anhøj's minimum crossings, the IHI runs table) against the
 * engine's exact values, on series steered to sit on the limit so that the signal switches on and off hundreds
 * of times, well past the 4096 points where the crossings table ends.
 */
final class LiveRunsLimitsTest {
    @Test
    void fastRunsTableIsTheEnginesForEveryCount() {
        final RunsTable table = new RunsTable();
        final int[] expected = new int[2];
        final int[] actual = new int[2];
        for (int n = 0; n <= 3000; n++) {
            RunsTests.expectedRuns(n, expected);
            table.bounds(n, actual);
            assertArrayEquals(expected, actual, "n = " + n);
        }
        for (int n : new int[] {4097, 5000, 9999, 20_000, 65_537}) {
            RunsTests.expectedRuns(n, expected);
            table.bounds(n, actual);
            assertArrayEquals(expected, actual, "n = " + n);
        }
    }

    @Test
    void fewCrossingsSwitchesExactlyAsTheQuantile() {
        // known centre 0 and sigma 1: frozen from the first point, every point useful (values +-1)
        final LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.XMR).profile(RuleProfile.ANHOEJ)
                .knownCentre(0).knownSigma(1).build());
        final SplittableRandom random = new SplittableRandom(17);
        int side = 1;
        int crossings = 0;
        int switches = 0;
        boolean previous = false;
        for (int i = 0; i < 12_000; i++) {
            final int useful = i + 1;
            // cross when below a target that hugs the limit, so the count wanders across it
            final int target = RunsTests.crossingsMin(useful) + random.nextInt(-1, 2);
            if (i > 0 && crossings < target) {
                side = -side;
                crossings++;
            }
            live.append(side);
            final boolean expected = crossings < RunsTests.crossingsMin(useful);
            assertEquals(expected, live.isFlagged(i, Rule.FEW_CROSSINGS), "point " + i);
            if (expected != previous) {
                switches++;
                previous = expected;
            }
        }
        assertTrue(switches > 200, "switches " + switches);
        assertEquals(crossings, live.phases().get(0).runs().crossings());
        assertEquals(RunsTests.crossingsMin(12_000), live.phases().get(0).runs().crossingsMin());
        assertEquals(live.toResult().signals(), live.signals());
    }

    @Test
    void ihiRunsSwitchExactlyAsTheTable() {
        for (boolean low : new boolean[] {true, false}) {
            final LiveChart live = LiveChart.of(ChartSpec.builder(ChartType.XMR).profile(RuleProfile.IHI)
                    .knownCentre(0).knownSigma(1).shiftLength(1000).trendLength(1000).build());
            final SplittableRandom random = new SplittableRandom(low ? 3 : 4);
            final RunsTable runsTable = new RunsTable();
            final int[] table = new int[2];
            int side = 1;
            int runs = 0;
            int switches = 0;
            boolean previous = false;
            for (int i = 0; i < 8_000; i++) {
                final int useful = i + 1;
                RunsTests.expectedRuns(Math.min(useful, 40), table);
                if (useful > 40) {
                    runsTable.bounds(useful, table);
                }
                // runs after this point if it changes side: steer onto the lower or the upper bound
                final int target = (low ? table[0] : table[1]) + random.nextInt(-1, 2);
                if (runs == 0 || runs < target) {
                    side = -side;
                    runs++;
                }
                live.append(side);
                runsTable.bounds(useful, table);
                final boolean expected = useful >= 2 && (runs < table[0] || runs > table[1]);
                assertEquals(expected, live.isFlagged(i, Rule.RUNS), (low ? "low" : "high") + " point " + i);
                if (expected != previous) {
                    switches++;
                    previous = expected;
                }
            }
            assertTrue(switches > 100, "switches " + switches);
            assertEquals(live.toResult().phases(), live.phases());
            assertEquals(live.toResult().signals(), live.signals());
        }
    }
}
