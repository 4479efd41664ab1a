package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The series dictionary: keys come back as added, as strings and as CSV fields. */
final class SeriesKeysTest {
    /** Characters keys are drawn from: plain, multi-byte, and each one that makes a CSV field need quotes. */
    private static final String[] PIECES = {"a", "Z", "7", " ", "-", "\u00e9", "\u4e2d", "\ud83d\ude00", ",", "\"",
        "\n", "\r"};

    /**
     * Seeded: 20,000 keys of one to three columns, each column 1-300 characters of {@link #PIECES}: the CSV fields
     * written from the dictionary's bytes are the quoted strings, byte for byte, and the strings are the keys.
     */
    @Test
    void csvFieldsAreTheQuotedKeys() {
        final SplittableRandom rnd = new SplittableRandom(20261207);
        for (int columns = 1; columns <= 3; columns++) {
            final SeriesKeys keys = new SeriesKeys(columns, false);
            final List<String[]> added = new ArrayList<>();
            for (int i = 0; i < 20_000 / columns; i++) {
                final String[] key = new String[columns];
                byte[] composite = new byte[0];
                for (int k = 0; k < columns; k++) {
                    final StringBuilder sb = new StringBuilder();
                    final int len = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 300 : 12);
                    // most keys plain, as in a real feed; some with any piece
                    final int pieces = rnd.nextInt(4) == 0 ? PIECES.length : 5;
                    for (int c = 0; c < len; c++) {
                        sb.append(PIECES[rnd.nextInt(pieces)]);
                    }
                    key[k] = sb.toString() + i;
                    final byte[] b = key[k].getBytes(StandardCharsets.UTF_8);
                    final byte[] next = new byte[composite.length + 2 + b.length];
                    System.arraycopy(composite, 0, next, 0, composite.length);
                    next[composite.length] = (byte) (b.length >>> 8);
                    next[composite.length + 1] = (byte) b.length;
                    System.arraycopy(b, 0, next, composite.length + 2, b.length);
                    composite = next;
                }
                assertEquals(i, keys.add(composite, composite.length, SeriesKeys.hash(composite, composite.length)));
                added.add(key);
            }
            final SeriesKeys.Snapshot snap = keys.snapshot(0, added.size());
            for (int i = 0; i < added.size(); i++) {
                final StringBuilder expected = new StringBuilder();
                for (String k : added.get(i)) {
                    expected.append(ScanOutput.quote(k)).append(',');
                }
                assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), snap.csvFields(i),
                        "csv fields of a key of " + added.get(i).length + " columns");
                assertArrayEquals(added.get(i), snap.key(i));
            }
        }
    }
}
