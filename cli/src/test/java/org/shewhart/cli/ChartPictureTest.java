package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shewhart chart ... -o chart.png|svg|pdf}: pictures through the charts module. */
final class ChartPictureTest {
    @TempDir
    Path tmp;

    private static String good() {
        try {
            return Path.of(ChartPictureTest.class.getResource("bad/good.csv").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int run(StringWriter err, String... argv) {
        return Main.run(argv, new PrintWriter(err, true));
    }

    @Test
    void pngAtTheRequestedSize() throws IOException {
        final Path out = tmp.resolve("chart.png");
        final StringWriter err = new StringWriter();
        assertEquals(0, run(err, "chart", good(), "--chart", "xmr", "--width", "640", "--height", "360",
                "--title", "Good", "-o", out.toString()), err::toString);
        final BufferedImage image = ImageIO.read(out.toFile());
        assertNotNull(image);
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
    }

    @Test
    void svgFromTheExtensionAndPdfFromFormat() throws IOException {
        final Path svg = tmp.resolve("chart.svg");
        final StringWriter err = new StringWriter();
        assertEquals(0, run(err, "chart", good(), "--chart", "run", "--title", "Run of good", "-o", svg.toString()),
                err::toString);
        final String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("Run of good"));
        final Path pdf = tmp.resolve("chart.bin");
        assertEquals(0, run(err, "chart", good(), "--chart", "run", "--format", "pdf", "-o", pdf.toString()),
                err::toString);
        assertTrue(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void badSizeIsBadUsageAndWritesNothing() {
        final Path out = tmp.resolve("chart.png");
        final StringWriter err = new StringWriter();
        assertEquals(2, run(err, "chart", good(), "--chart", "xmr", "--width", "5", "-o", out.toString()));
        assertTrue(err.toString().startsWith("shewhart: --width/--height: width (5) must be between 100"),
                err::toString);
        assertFalse(Files.exists(out));
    }
}
