package org.shewhart.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.PointType;

/** Runs each rendering benchmark once and checks what it made, so a broken benchmark fails the build. */
final class RenderBenchmarkTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static RenderBenchmark state() {
        final RenderBenchmark b = new RenderBenchmark();
        b.setUp();
        return b;
    }

    @Test
    void theChartHasSpecialCausePointsToColour() {
        final RenderBenchmark b = state();
        assertEquals(RenderBenchmark.POINTS, b.result.size());
        boolean special = false;
        for (int i = 0; i < b.result.size(); i++) {
            special |= b.result.typeAt(i) != PointType.COMMON_CAUSE;
        }
        assertTrue(special, "the planted shift colours points");
    }

    @Test
    void pngIsAnImageOfTheStylesSize() throws IOException {
        final byte[] png = state().png();
        final byte[] head = new byte[PNG_SIGNATURE.length];
        System.arraycopy(png, 0, head, 0, head.length);
        assertArrayEquals(PNG_SIGNATURE, head);
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(800, image.getWidth());
        assertEquals(450, image.getHeight());
    }

    @Test
    void bothPngRoutesEncodeTheSamePixels() throws IOException {
        final RenderBenchmark b = state();
        final BufferedImage ours = ImageIO.read(new ByteArrayInputStream(b.png()));
        final BufferedImage imageIo = ImageIO.read(new ByteArrayInputStream(b.pngImageIo()));
        assertEquals(ours.getWidth(), imageIo.getWidth());
        assertEquals(ours.getHeight(), imageIo.getHeight());
        int differ = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                differ += ours.getRGB(x, y) == imageIo.getRGB(x, y) ? 0 : 1;
            }
        }
        assertEquals(0, differ, "pixels that differ between the two encoders");
    }

    @Test
    void svgIsTheSameDocumentEveryTime() throws IOException {
        final RenderBenchmark b = state();
        final byte[] svg = b.svg();
        final String text = new String(svg, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml") && text.contains("width='800' height='450'")
                && text.contains("Falls per 1,000 bed days"), text.substring(0, 300));
        assertArrayEquals(svg, b.svg());
    }

    @Test
    void packIsAPdfWithATableAndAPagePerIndicator() throws IOException {
        final String pdf = new String(state().packPdf(), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"));
        final Matcher m = Pattern.compile("/Type /Page[^s]").matcher(pdf);
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        // 100 rows at 20 a page, then one page per indicator
        assertEquals(5 + RenderBenchmark.INDICATORS, pages);
    }
}
