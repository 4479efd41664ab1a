package org.shewhart.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;

/** A single-chart PDF stays valid whatever text the user gives it (JFreePDF writes strings unescaped, ASCII only). */
final class PdfTextTest {
    private static String pdfText(String title) throws IOException {
        return pdf(title, false);
    }

    /** The page's extracted text, or with {@code inkBelowTitle} the count of dark pixels below the title. */
    private static String pdf(String title, boolean inkBelowTitle) throws IOException {
        final ChartStyle style = ChartStyle.makingDataCount().withTitle(title);
        final double[] y = {5, 7, 6, 8, 5, 6, 7, 9, 6, 5, 7, 6};
        final String[] labels = new String[y.length];
        final double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = Integer.toString(i + 1);
            x[i] = i + 1;
        }
        final JFreeChart chart = ChartRenderer.render(ChartSpec.builder(ChartType.XMR).build().compute(y),
                XValues.of(labels, x), style);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartRenderer.writePdf(chart, style, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals(1, doc.getNumberOfPages());
            final BufferedImage image = new PDFRenderer(doc).renderImage(0, 1f);
            if (inkBelowTitle) {
                int dark = 0;
                for (int row = image.getHeight() / 4; row < image.getHeight(); row++) {
                    for (int col = 0; col < image.getWidth(); col++) {
                        final int rgb = image.getRGB(col, row);
                        if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 160) {
                            dark++;
                        }
                    }
                }
                return Integer.toString(dark);
            }
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void plainTitleStaysSelectableText() throws IOException {
        assertTrue(pdfText("Falls per 1,000 bed days").contains("Falls per 1,000 bed days"));
    }

    @Test
    void nonAsciiTitleIsNotPrintedAsQuestionMarks() throws IOException {
        final String text = pdfText("Chutes à Montréal");
        assertFalse(text.contains("Montr?al"), text);
        assertFalse(text.contains("?"), text);
    }

    @Test
    void unbalancedParenthesisDoesNotSwallowThePage() throws IOException {
        // unescaped, the open parenthesis never closes: everything drawn after the title is lost from the page
        final int plain = Integer.parseInt(pdf("Falls per 1,000 bed days", true));
        final int unbalanced = Integer.parseInt(pdf("Falls (per 1,000 bed days", true));
        assertTrue(plain > 1000, "the plain chart draws points and lines: " + plain);
        assertTrue(unbalanced > plain / 2, "dark pixels below the title: " + unbalanced + " vs " + plain);
    }

    @Test
    void plainMeansAsciiWithoutPdfStringDelimiters() {
        assertTrue(PdfText.isPlain("Falls per 1,000"));
        assertFalse(PdfText.isPlain("Falls (per 1,000)"));
        assertFalse(PdfText.isPlain("a\\b"));
        assertFalse(PdfText.isPlain("Montréal"));
        assertEquals("\\(a\\) \\\\", PdfText.escape("(a) \\"));
    }
}
