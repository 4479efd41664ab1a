package org.shewhart.charts.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.shewhart.charts.Theme;
import org.shewhart.engine.Improvement;

/**
 * PowerPoint board packs read back with POI: 16:9 slides, the table slide's cells against the PDF's table text,
 * a picture per chart slide, a title on every slide, and the table continued past a slide's rows.
 */
final class PptxPackTest {
    private static XMLSlideShow write(BoardPack pack) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack.writePptx(out);
        return new XMLSlideShow(new ByteArrayInputStream(out.toByteArray()));
    }

    private static XSLFTable table(XSLFSlide slide) {
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFTable) {
                return (XSLFTable) s;
            }
        }
        throw new AssertionError("no table on slide " + slide.getSlideNumber());
    }

    private static List<XSLFPictureShape> pictures(XSLFSlide slide) {
        final List<XSLFPictureShape> out = new ArrayList<>();
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFPictureShape) {
                out.add((XSLFPictureShape) s);
            }
        }
        return out;
    }

    private static String title(XSLFSlide slide) {
        final XSLFTextShape t = slide.getPlaceholder(0);
        return t == null ? null : t.getText();
    }

    @Test
    void tableSlideThenOneChartSlidePerIndicatorAtSixteenByNine() throws IOException {
        final BoardPack pack = BoardPackTest.pack();
        try (XMLSlideShow ppt = write(pack)) {
            assertEquals(new Dimension(PptxPack.SLIDE_W, PptxPack.SLIDE_H), ppt.getPageSize());
            assertEquals(16.0 / 9, (double) PptxPack.SLIDE_W / PptxPack.SLIDE_H, 1e-9);
            final List<XSLFSlide> slides = ppt.getSlides();
            assertEquals(1 + 4, slides.size());
            assertEquals(pack.title(), title(slides.get(0)));
            final List<BoardPack.Indicator> ordered = pack.ordered();
            for (int i = 0; i < ordered.size(); i++) {
                final XSLFSlide slide = slides.get(1 + i);
                assertEquals(ordered.get(i).name(), title(slide), "slide " + (i + 2) + " is titled by its indicator");
                final List<XSLFPictureShape> pics = pictures(slide);
                assertEquals(1, pics.size(), "one chart picture");
                final byte[] png = pics.get(0).getPictureData().getData();
                assertEquals(0x89, png[0] & 0xff, "PNG signature");
                // twice the slide's resolution: at least 1.9 pixels per point across the picture
                final int pixels = ImageIO.read(new ByteArrayInputStream(png)).getWidth();
                assertTrue(pixels >= 1.9 * pics.get(0).getAnchor().getWidth(), pixels + " px");
            }
        }
    }

    @Test
    void tableCellsHoldTheSameTextAsThePdfTable() throws IOException {
        final BoardPack pack = BoardPackTest.pack();
        try (XMLSlideShow ppt = write(pack)) {
            final XSLFTable t = table(ppt.getSlides().get(0));
            assertEquals(1 + 4, t.getNumberOfRows());
            assertEquals("Indicator", t.getCell(0, 0).getText());
            assertEquals("Assurance", t.getCell(0, 9).getText());
            final List<BoardPack.Indicator> ordered = pack.ordered();
            for (int r = 0; r < ordered.size(); r++) {
                final BoardPack.Indicator ind = ordered.get(r);
                final BoardPack.Cells cells = BoardPack.cells(ind);
                assertTrue(t.getCell(r + 1, 0).getText().startsWith(ind.name()), t.getCell(r + 1, 0).getText());
                if (!ind.settings().unit().isEmpty()) {
                    assertTrue(t.getCell(r + 1, 0).getText().endsWith(ind.settings().unit()), "unit after name");
                }
                final String[] expected = {cells.latest(), cells.latestX(), cells.target(), cells.mean(),
                    cells.lower(), cells.upper()};
                for (int c = 0; c < expected.length; c++) {
                    assertEquals(expected[c], t.getCell(r + 1, c + 1).getText(), "row " + (r + 1) + " col " + c);
                }
            }
            // "Falling concern" leads; its last point sits 10 below a mean of about 48: a value, not "-"
            assertEquals("Falling concern", ordered.get(0).name());
            assertFalse(t.getCell(1, 1).getText().equals("-"));
            // each row: a sparkline and a variation icon, plus an assurance icon where there is a target
            int assured = 0;
            for (BoardPack.Indicator ind : ordered) {
                assured += ind.result().assurance() == null ? 0 : 1;
            }
            assertEquals(2 * ordered.size() + assured, pictures(ppt.getSlides().get(0)).size());
        }
    }

    @Test
    void signalsAreListedUnderTheChartInPlainWords() throws IOException {
        final BoardPack pack = BoardPackTest.pack();
        try (XMLSlideShow ppt = write(pack)) {
            final XSLFSlide concern = ppt.getSlides().get(1);
            final String all = text(concern);
            final String sentence = pack.ordered().get(0).signalSentences().get(0);
            assertTrue(all.contains("Signals") && all.contains(sentence), all);
            final String steady = text(ppt.getSlides().get(4));
            assertTrue(steady.contains("No special-cause signals."), steady);
        }
    }

    private static String text(XSLFSlide slide) {
        final StringBuilder b = new StringBuilder();
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFTextShape) {
                b.append(((XSLFTextShape) s).getText()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void tableContinuesPastASlidesRowsAndThemeIsCarried() throws IOException {
        final BoardPack pack = new BoardPack("Many").theme(Theme.PLAIN);
        final int n = PptxPack.ROWS_PER_SLIDE + 3;
        for (int i = 0; i < n; i++) {
            pack.add(BoardPackTest.indicator("Indicator " + i,
                    BoardPackTest.settings(Improvement.INCREASE, Double.NaN, ""), BoardPackTest.steady()));
        }
        try (XMLSlideShow ppt = write(pack)) {
            assertEquals(2 + n, ppt.getSlides().size());
            assertEquals(1 + PptxPack.ROWS_PER_SLIDE, table(ppt.getSlides().get(0)).getNumberOfRows());
            assertEquals(1 + 3, table(ppt.getSlides().get(1)).getNumberOfRows());
            assertEquals("Many (continued)", title(ppt.getSlides().get(1)));
            assertEquals("Indicator " + PptxPack.ROWS_PER_SLIDE, table(ppt.getSlides().get(1)).getCell(1, 0).getText());
        }
    }
}
