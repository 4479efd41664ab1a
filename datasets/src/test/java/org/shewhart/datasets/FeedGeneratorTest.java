package org.shewhart.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The synthetic feed: seeded, exact shift count, both layouts hold the same rows, shifts where the truth says. */
final class FeedGeneratorTest {
    private static final LocalDate START = LocalDate.of(2020, 1, 6);

    private static String[] write(FeedGenerator g) throws IOException {
        final ByteArrayOutputStream feed = new ByteArrayOutputStream();
        final ByteArrayOutputStream truth = new ByteArrayOutputStream();
        g.write(feed, truth);
        return new String[] {feed.toString(StandardCharsets.UTF_8), truth.toString(StandardCharsets.UTF_8)};
    }

    private static FeedGenerator gen(long seed, FeedGenerator.Layout layout) {
        return new FeedGenerator(200, 40, 0.15, 3, seed, START, FeedGenerator.Period.WEEK, layout);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        assertArrayEquals(write(gen(1, FeedGenerator.Layout.TIME)), write(gen(1, FeedGenerator.Layout.TIME)));
        assertFalse(write(gen(1, FeedGenerator.Layout.TIME))[0].equals(write(gen(2, FeedGenerator.Layout.TIME))[0]));
    }

    @Test
    void layoutsHoldTheSameRows() throws IOException {
        final List<String> a = new ArrayList<>(write(gen(4, FeedGenerator.Layout.SERIES))[0].lines().toList());
        final List<String> b = new ArrayList<>(write(gen(4, FeedGenerator.Layout.TIME))[0].lines().toList());
        assertEquals("series,x,y", a.get(0));
        assertEquals(200 * 40 + 1, a.size());
        assertTrue(a.get(2).startsWith("S0000001,2020-01-13,"), a.get(2));
        assertTrue(b.get(2).startsWith("S0000002,2020-01-06,"), b.get(2));
        Collections.sort(a);
        Collections.sort(b);
        assertEquals(a, b);
    }

    /** Exactly round(rate x series) shifts, each in the middle half, and the values step up there by ~3 sigma. */
    @Test
    void truthMatchesTheFeed() throws IOException {
        final String[] out = write(gen(9, FeedGenerator.Layout.SERIES));
        final Map<String, List<Double>> values = new HashMap<>();
        for (String line : out[0].lines().skip(1).toList()) {
            final String[] c = line.split(",");
            values.computeIfAbsent(c[0], k -> new ArrayList<>()).add(Double.parseDouble(c[2]));
        }
        int shifted = 0;
        for (String line : out[1].lines().skip(1).toList()) {
            final String[] c = line.split(",", -1);
            if (c[4].isEmpty()) {
                continue;
            }
            shifted++;
            final int at = Integer.parseInt(c[4]) - 1;
            assertTrue(at >= 10 && at < 30, line);
            assertEquals(START.plusWeeks(at).toString(), c[5]);
            final List<Double> v = values.get(c[0]);
            final double sigma = Double.parseDouble(c[2]);
            final double before = v.subList(0, at).stream().mapToDouble(d -> d).average().orElseThrow();
            final double after = v.subList(at, v.size()).stream().mapToDouble(d -> d).average().orElseThrow();
            // the step is 3 sigma; the means of >= 10 points each are within about 1 sigma of their true values
            assertTrue(after - before > 1.5 * sigma && after - before < 4.5 * sigma, line);
        }
        assertEquals(30, shifted);
    }

    @Test
    void monthsStepByCalendarMonth() {
        final FeedGenerator g = new FeedGenerator(1, 3, 0, 3, 1, LocalDate.of(2024, 1, 31),
                FeedGenerator.Period.MONTH, FeedGenerator.Layout.TIME);
        assertEquals(LocalDate.of(2024, 2, 29), g.x(1));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new FeedGenerator(0, 10, 0.1, 3, 1, START,
                FeedGenerator.Period.WEEK, FeedGenerator.Layout.TIME));
        assertThrows(IllegalArgumentException.class, () -> new FeedGenerator(5, 10, 1.5, 3, 1, START,
                FeedGenerator.Period.WEEK, FeedGenerator.Layout.TIME));
    }
}
