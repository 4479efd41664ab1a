package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RowStore} as the grouped fast path uses it: rows appended, whole chunks released from the front and reused
 * for the rows that follow. Every row held reads back as it was added, whatever was released and reused before it.
 */
final class RowStoreTest {
    private static final int BITS = 10;

    @Test
    void releasedChunksAreReusedAndRowsReadBackAsAdded() {
        final Random rnd = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            final boolean withN = rnd.nextBoolean();
            final boolean withPhase = rnd.nextBoolean();
            final RowStore store = new RowStore(withN, withPhase, BITS);
            long added = 0; // rows ever added; row r of the store is row (added - size + r) of all
            for (int step = 0; step < 20; step++) {
                final int rows = rnd.nextInt(6 << BITS);
                for (int i = 0; i < rows; i++) {
                    store.ensureRoom(added * 10);
                    final long g = added++;
                    store.add(id(g), x(g), y(g), n(g), phase(g), g * 10);
                }
                final int held = store.size();
                final int released = store.releaseBefore(rnd.nextInt(held + 1));
                assertEquals(0, released & ((1 << BITS) - 1), "whole chunks only");
                assertEquals(held - released, store.size());
                // every released chunk is kept: the store never holds more than it held at its most
                assertTrue(store.spareChunks() >= released >>> BITS, "released chunks kept for reuse");
                final long first = added - store.size();
                for (int r = 0; r < store.size(); r++) {
                    final long g = first + r;
                    assertEquals(id(g), store.id(r));
                    assertEquals(x(g), store.x(r));
                    assertEquals(y(g), store.y(r));
                    assertEquals(withN ? n(g) : Double.NaN, store.n(r));
                    assertEquals(withPhase ? phase(g) : 0, store.phase(r));
                }
                if (store.size() > 0) {
                    // the rows held start at a chunk's start: its offset is its first row's
                    assertEquals(first * 10, store.chunkOffsetOf(0));
                }
            }
            final int chunks = store.spareChunks() + (store.size() + (1 << BITS) - 1 >>> BITS);
            store.clear();
            assertEquals(0, store.size());
            assertEquals(chunks, store.spareChunks(), "after a spill every chunk is kept for the next rows");
            store.dropSpares();
            assertEquals(0, store.spareChunks());
        }
    }

    private static int id(long g) {
        return (int) (g % 977);
    }

    private static double x(long g) {
        return g * 0.5;
    }

    private static double y(long g) {
        return Math.sin(g);
    }

    private static double n(long g) {
        return 100 + g % 13;
    }

    private static int phase(long g) {
        return (int) (g % 3);
    }
}
