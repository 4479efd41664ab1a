package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shewhart demo}, the first command a newcomer runs: every file it announces is written and readable, the
 * board pack has a chart per bundled indicator in each format, and the scan has a row per generated series.
 */
final class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesEveryAnnouncedFile() throws Exception {
        final StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"demo", "-o", tmp.toString()}, new PrintWriter(err, true)),
                err::toString);
        for (String name : List.of("falls-xmr", "falls-run", "ae-performance", "cdi-run")) {
            for (String ext : List.of("json", "csv", "png")) {
                assertTrue(Files.size(tmp.resolve(name + "." + ext)) > 0, name + "." + ext);
            }
        }
        final byte[] png = Files.readAllBytes(tmp.resolve("falls-xmr.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));

        // 20 indicators: one chart slide each, after the summary table (which continues past 18 rows)
        try (InputStream in = Files.newInputStream(tmp.resolve("board-pack.pptx"));
                XMLSlideShow deck = new XMLSlideShow(in)) {
            assertEquals(2 + 20, deck.getSlides().size());
        }
        final String html = Files.readString(tmp.resolve("board-pack.html"), StandardCharsets.UTF_8);
        assertEquals(20, count(html, "<section class=\"chart\""), "a chart section per indicator");
        assertEquals(1 + 20, count(html, "<tr"), "the summary table: a header and a row per indicator");
        assertTrue(Files.readString(tmp.resolve("board-pack.pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF"));

        final List<String> summary = Files.readAllLines(tmp.resolve("scan-summary.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 1000, summary.size(), "a header and one row per generated series");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
