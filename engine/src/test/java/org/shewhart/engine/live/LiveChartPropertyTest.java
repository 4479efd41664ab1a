package org.shewhart.engine.live;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.Series;
import org.shewhart.engine.internal.SeriesGenerator;

/**
 * Seeded properties: for thousands of random specs and series (every supported chart type, every profile,
 * baselines, known values, phases, exclusions, multipliers; ties, missing values, zeros, shifts, trends), a live
 * chart fed one point at a time equals {@code ChartSpec.compute} of the points so far, after every append.
 * {@code -Dshewhart.cases.factor=k} runs k times as many cases; a failure prints the seed and the series.
 */
final class LiveChartPropertyTest {
    @Test
    void everyAppendEqualsAFullRecompute() {
        for (long seed : SeriesGenerator.caseSeeds("live-every-append", 3000)) {
            final SplittableRandom r = new SplittableRandom(seed);
            final int length = r.nextInt(8) == 0 ? 1 + r.nextInt(6) : 4 + r.nextInt(r.nextBoolean() ? 40 : 160);
            final LiveCase c = LiveCase.random(seed, length, 0.6);
            final LiveChart live = LiveChart.of(c.spec);
            for (int i = 0; i < length; i++) {
                c.append(live, i);
                // every point now and then (a later point can flag or re-side an earlier one), else the newest
                c.assertEqualsReference(live, r.nextInt(4) == 0 || i == length - 1 ? -1 : 12);
            }
        }
    }

    @Test
    void readingNowAndThenEqualsAFullRecompute() {
        // reads skipped between appends: rewinds and lazy recomputation pile up before they are resolved
        for (long seed : SeriesGenerator.caseSeeds("live-sparse-reads", 1500)) {
            final SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
            final int length = 4 + r.nextInt(200);
            final LiveCase c = LiveCase.random(seed, length, 0.6);
            final LiveChart live = LiveChart.of(c.spec);
            for (int i = 0; i < length; i++) {
                c.append(live, i);
                if (r.nextInt(5) == 0 || i == length - 1) {
                    c.assertEqualsReference(live, -1);
                }
            }
        }
    }

    @Test
    void historyThenAppendsEqualsAFullRecompute() {
        for (long seed : SeriesGenerator.caseSeeds("live-history", 1000)) {
            final SplittableRandom r = new SplittableRandom(seed ^ 0xBEEFL);
            final int length = 4 + r.nextInt(150);
            final LiveCase c = LiveCase.random(seed, length, 0.7);
            final int history = r.nextInt(length);
            final LiveChart live = LiveChart.of(c.spec, seriesOf(c, history));
            if (history > 0) {
                c.assertEqualsReference(live, -1);
            }
            for (int i = history; i < length; i++) {
                c.append(live, i);
                c.assertEqualsReference(live, 8);
            }
            c.assertEqualsReference(live, -1);
        }
    }

    @Test
    void longFrozenSeriesEqualAFullRecompute() {
        // long enough for the Anhøj crossings bracket (> 4096 useful points) and the IHI runs-table bracket
        for (long seed : SeriesGenerator.caseSeeds("live-long", 24)) {
            final SplittableRandom r = new SplittableRandom(seed);
            final int length = 2000 + r.nextInt(9000);
            final LiveCase c = LiveCase.random(seed, length, 1.0);
            final LiveChart live = LiveChart.of(c.spec);
            for (int i = 0; i < length; i++) {
                c.append(live, i);
                if (r.nextInt(400) == 0) {
                    c.assertEqualsReference(live, 50);
                } else if (r.nextInt(4) == 0) {
                    // read the newest point as a monitor would
                    live.typeAt(i);
                    live.latestSignals();
                }
            }
            c.assertEqualsReference(live, -1);
        }
    }

    private static Series seriesOf(LiveCase c, int n) {
        final double[] y = Arrays.copyOf(c.values, n);
        return c.sizes == null ? Series.of(y) : Series.of(y, Arrays.copyOf(c.sizes, n));
    }
}
