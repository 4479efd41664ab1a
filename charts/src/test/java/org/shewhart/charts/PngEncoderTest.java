package org.shewhart.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;

/** The PNG writer is lossless: ImageIO decodes exactly the pixels written, for noise and for a drawn chart. */
final class PngEncoderTest {
    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                final int e = expected.getRGB(x, y) & 0xffffff;
                final int a = actual.getRGB(x, y) & 0xffffff;
                if (e != a) {
                    throw new AssertionError(String.format("pixel (%d, %d): %06x, decoded %06x", x, y, e, a));
                }
            }
        }
    }

    @Test
    void randomPixelsOfSeveralSizesRoundTrip() throws IOException {
        final SplittableRandom random = new SplittableRandom(5);
        for (int[] size : new int[][] {{1, 1}, {3, 7}, {257, 19}, {640, 3}}) {
            final BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngEncoder.write(image, out);
            assertSamePixels(image, decode(out.toByteArray()));
        }
    }

    @Test
    void aChartRoundTripsAndWritePngUsesIt() throws IOException {
        final double[] v = new double[52];
        for (int i = 0; i < v.length; i++) {
            v[i] = 50 + (i * 7 % 11) + (i > 40 ? 12 : 0);
        }
        final ChartStyle style = ChartStyle.makingDataCount().withTitle("Round trip").withSize(640, 360);
        final JFreeChart chart = ChartRenderer.render(ChartSpec.builder(ChartType.XMR).build().compute(v), null,
                null, style);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartRenderer.writePng(chart, style, out);
        assertSamePixels(ChartRenderer.toImage(chart, 640, 360), decode(out.toByteArray()));
    }

    @Test
    void onlyOpaqueRgbImages() {
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB), new ByteArrayOutputStream()));
    }
}
