package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shewhart.engine.ChartType;

/**
 * The reader's numbers on the fast path: the word-at-a-time parse of short numbers ({@code Feed.shortNumber}) and
 * the byte loop must give the same end and the same double, bit for bit, for every cell, or both refuse it. Cells are
 * drawn from digits, points, signs, delimiters and other bytes, short and long, at every offset before the end of
 * the buffer, so every shape the word parse takes or refuses is met.
 */
final class FeedNumberTest {
    private static final byte[] ALPHABET = "0123456789999..-+,,\n\r e\"x".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path tmp;

    @Test
    void wordAndByteParsesAgree() throws Exception {
        final Path f = tmp.resolve("f.csv");
        Files.writeString(f, "k,x,y\na,1,2\n");
        final Feed.Columns columns = new Feed.Columns(List.of("k"), "x", "y", null, null,
                new ChartType[] {ChartType.XMR}, -1, null);
        final SplittableRandom r = new SplittableRandom(7);
        int taken = 0;
        try (Feed feed = Feed.open(f, columns)) {
            final byte[] b = new byte[24];
            for (int i = 0; i < 2_000_000; i++) {
                final int n = 1 + r.nextInt(12);
                for (int j = 0; j < b.length; j++) {
                    b[j] = j < n || r.nextInt(4) == 0 ? ALPHABET[r.nextInt(ALPHABET.length)]
                            : (byte) ",\n\r".charAt(r.nextInt(3));
                }
                if (r.nextInt(4) == 0) {
                    // mostly the shapes of real cells: digits, a point, digits, a delimiter
                    final String cell = r.nextInt(1000) + (r.nextBoolean() ? "." + r.nextInt(100) : "") + ",";
                    final byte[] c = cell.getBytes(StandardCharsets.ISO_8859_1);
                    System.arraycopy(c, 0, b, 0, c.length);
                }
                final int len = 1 + r.nextInt(b.length);
                final int bytes = feed.numberByBytes(b, 0, len);
                final double byBytes = feed.lastNumber();
                final int words = feed.plainNumber(b, 0, len);
                final double byWords = feed.lastNumber();
                final String cell = new String(b, 0, len, StandardCharsets.ISO_8859_1);
                assertEquals(bytes, words, () -> "end of " + show(cell));
                if (bytes >= 0) {
                    taken++;
                    assertEquals(Double.doubleToRawLongBits(byBytes), Double.doubleToRawLongBits(byWords),
                            () -> "value of " + show(cell));
                }
            }
        }
        // the draw must reach the numbers both parse, not only refusals
        assertEquals(true, taken > 400_000, "numbers read: " + taken);
    }

    private static String show(String s) {
        return "'" + s.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
