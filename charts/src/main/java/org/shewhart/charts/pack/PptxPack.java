package org.shewhart.charts.pack;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.jfree.chart.JFreeChart;
import org.shewhart.charts.ChartRenderer;
import org.shewhart.charts.ChartStyle;
import org.shewhart.charts.Icons;
import org.shewhart.charts.Theme;
import org.shewhart.engine.PointType;

/**
 * A board pack as a 16:9 PowerPoint deck (Apache POI XSLF): the integrated performance table on the first slide
 * (continued on further slides past {@value #ROWS_PER_SLIDE} indicators), a native table with text cells and the
 * sparklines and icons as pictures over their cells, then one slide per indicator with its chart as a picture at
 * twice the slide's resolution and its signals as a bulleted list. Every slide has a real title, so the deck's
 * outline and screen readers list the indicators. Not thread-safe; one instance per deck.
 */
final class PptxPack {
    /** Slide width in points (13.333 in). */
    static final int SLIDE_W = 960;
    /** Slide height in points (7.5 in). */
    static final int SLIDE_H = 540;
    /** Indicators per table slide. */
    static final int ROWS_PER_SLIDE = 18;
    /** Signals listed under a chart before the rest are counted. */
    static final int SIGNAL_LINES = 6;
    /** Pixels per point of the pictures: charts, sparklines and icons stay sharp on a projector. */
    private static final double SCALE = 2.0;
    private static final double MARGIN = 36;
    private static final double TABLE_TOP = 82;
    private static final double HEADER_H = 22;
    private static final double ROW_H = 23;
    private static final String FONT = "Calibri";
    private static final Color TEXT = new Color(0x202020);
    private static final Color MUTED = new Color(0x666666);
    private static final Color RULE = new Color(0xcccccc);
    private static final Color STRIPE = new Color(0xf4f4f4);
    private static final String[] HEADERS = {"Indicator", "Latest", "At", "Target", "Mean", "Lower limit",
        "Upper limit", "Trend", "Variation", "Assurance"};
    /** Column widths in points: 888, the slide less margins. */
    private static final double[] WIDTHS = {250, 62, 74, 58, 58, 70, 70, 110, 68, 68};
    private static final int TREND = 7;
    private static final int VARIATION = 8;
    private static final int ASSURANCE = 9;

    static {
        // POI logs through the Log4j API, which with no provider on the class path prints "Log4j API could not find
        // a logging provider" on standard error: quiet it, and the API's fallback logger, unless the user set them
        quietUnlessSet("log4j2.StatusLogger.level");
        quietUnlessSet("org.apache.logging.log4j.simplelog.level");
    }

    private final BoardPack pack;
    private final Theme theme;
    private final XMLSlideShow ppt = new XMLSlideShow();
    private final XSLFSlideLayout titleOnly;

    PptxPack(BoardPack pack) {
        this.pack = pack;
        this.theme = pack.theme();
        ppt.setPageSize(new Dimension(SLIDE_W, SLIDE_H));
        titleOnly = ppt.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY);
    }

    private static void quietUnlessSet(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "OFF");
        }
    }

    void write(OutputStream out) throws IOException {
        try (ppt) {
            final List<BoardPack.Indicator> rows = pack.ordered();
            int from = 0;
            do {
                tableSlide(rows, from, Math.min(rows.size(), from + ROWS_PER_SLIDE), from > 0);
                from += ROWS_PER_SLIDE;
            } while (from < rows.size());
            for (BoardPack.Indicator ind : rows) {
                chartSlide(ind);
            }
            ppt.getProperties().getCoreProperties().setTitle(pack.title());
            ppt.getProperties().getCoreProperties().setCreator("Shewhart");
            // saved in memory, then written: POI reports a failed write to the stream (a full disk) as its own
            // runtime exception without the cause, and the caller could not tell what went wrong
            final ByteArrayOutputStream whole = new ByteArrayOutputStream(1 << 20);
            ppt.write(whole);
            whole.writeTo(out);
        }
        out.flush();
    }

    // ------------------------------------------------------------------------------------------------- table

    private void tableSlide(List<BoardPack.Indicator> rows, int from, int to, boolean continued) {
        final XSLFSlide slide = ppt.createSlide(titleOnly);
        title(slide, continued ? pack.title() + " (continued)" : pack.title(), 26);
        final XSLFTextBox meta = slide.createTextBox();
        meta.setAnchor(new Rectangle2D.Double(MARGIN, 50, SLIDE_W - 2 * MARGIN, 22));
        inset(meta);
        run(first(meta), String.format(Locale.ROOT, "%d indicators. Special-cause concerns first, then "
                + "targets consistently failed. Mean and limits at the latest point.", rows.size()), 11, false, MUTED);

        final XSLFTable table = slide.createTable();
        table.setAnchor(new Rectangle2D.Double(MARGIN, TABLE_TOP, sum(WIDTHS), HEADER_H + ROW_H * (to - from)));
        final XSLFTableRow header = table.addRow();
        header.setHeight(HEADER_H);
        for (int c = 0; c < HEADERS.length; c++) {
            final XSLFTableCell cell = header.addCell();
            text(cell, HEADERS[c], 9, true, TEXT, align(c));
            cell.setBorderColor(BorderEdge.bottom, TEXT);
            cell.setBorderWidth(BorderEdge.bottom, 1.5);
        }
        for (int r = from; r < to; r++) {
            final BoardPack.Indicator ind = rows.get(r);
            final BoardPack.Cells cells = BoardPack.cells(ind);
            final XSLFTableRow row = table.addRow();
            row.setHeight(ROW_H);
            final String[] texts = {ind.name(), cells.latest(), cells.latestX(), cells.target(), cells.mean(),
                cells.lower(), cells.upper(), "", "", ""};
            for (int c = 0; c < texts.length; c++) {
                final XSLFTableCell cell = row.addCell();
                if (c == 0) {
                    nameCell(cell, ind);
                } else {
                    text(cell, texts[c], 10, false, c == 2 ? MUTED : TEXT, align(c));
                }
                cell.setBorderColor(BorderEdge.bottom, RULE);
                cell.setBorderWidth(BorderEdge.bottom, 0.5);
                if ((r - from) % 2 == 1) {
                    cell.setFillColor(STRIPE);
                }
            }
        }
        for (int c = 0; c < WIDTHS.length; c++) {
            table.setColumnWidth(c, WIDTHS[c]);
        }
        // pictures over the cells they belong to; the table keeps these heights as every text fits one line
        double top = TABLE_TOP + HEADER_H;
        final double trendX = MARGIN + sum(WIDTHS, TREND);
        for (int r = from; r < to; r++) {
            final BoardPack.Indicator ind = rows.get(r);
            if (BoardPack.rank(ind) < 2) {
                // a bar at the left edge marks the rows that need attention, as in the PDF
                final XSLFAutoShape bar = slide.createAutoShape();
                bar.setShapeType(ShapeType.RECT);
                bar.setAnchor(new Rectangle2D.Double(MARGIN - 5, top + 1, 3, ROW_H - 2));
                bar.setFillColor(theme.pointColour(PointType.SPECIAL_CAUSE_CONCERN));
                bar.setLineColor(null);
            }
            final double w = WIDTHS[TREND] - 12;
            picture(slide, new Rectangle2D.Double(trendX + 6, top + 3, w, ROW_H - 6),
                    g -> Sparkline.paint(g, ind.result(), theme, new Rectangle2D.Double(0, 0, w, ROW_H - 6)));
            final double d = ROW_H - 4;
            if (ind.result().size() > 0) {
                final double cx = MARGIN + sum(WIDTHS, VARIATION) + WIDTHS[VARIATION] / 2;
                picture(slide, new Rectangle2D.Double(cx - d / 2, top + 2, d, d), g -> Icons.paintVariation(g,
                        ind.result().variation(), ind.result().spec().improvement(), theme, d / 2, d / 2, d - 1));
            }
            if (ind.result().assurance() != null) {
                final double cx = MARGIN + sum(WIDTHS, ASSURANCE) + WIDTHS[ASSURANCE] / 2;
                picture(slide, new Rectangle2D.Double(cx - d / 2, top + 2, d, d), g -> Icons.paintAssurance(g,
                        ind.result().assurance(), theme, d / 2, d / 2, d - 1));
            }
            top += ROW_H;
        }
    }

    /** The indicator's name in bold and, if it fits on the same line, its unit in grey. */
    private void nameCell(XSLFTableCell cell, BoardPack.Indicator ind) {
        margins(cell);
        cell.setVerticalAlignment(VerticalAlignment.MIDDLE);
        final XSLFTextParagraph p = first(cell);
        // the JDK's sans-serif is wider than Calibri; a few points spare keep the cell on one line with either
        final double room = WIDTHS[0] - 20;
        final String name = fit(ind.name(), 10, true, room);
        run(p, name, 10, true, TEXT);
        final String unit = ind.settings().unit();
        if (!unit.isEmpty() && name.equals(ind.name())) {
            final double left = room - width(name, 10, true) - width("  ", 8, false);
            final String shown = fit(unit, 8, false, left);
            if (left > 30 && !shown.equals("...")) {
                run(p, "  " + shown, 8, false, MUTED);
            }
        }
        endSize(p, 10);
    }

    // ------------------------------------------------------------------------------------------------- charts

    private void chartSlide(BoardPack.Indicator ind) {
        final XSLFSlide slide = ppt.createSlide(titleOnly);
        title(slide, ind.name(), 24);
        final int w = (int) (SLIDE_W - 2 * MARGIN);
        final int h = 340;
        final ChartStyle style = pack.chartStyle(ind, w, h, false).withTitle(null);
        final JFreeChart chart = ChartRenderer.render(ind.result(), ind.x(), style);
        picture(slide, new Rectangle2D.Double(MARGIN, 64, w, h),
                g -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h)));

        final XSLFTextBox box = slide.createTextBox();
        box.setAnchor(new Rectangle2D.Double(MARGIN, 64 + h + 8, w, SLIDE_H - (64 + h + 8) - 16));
        inset(box);
        run(first(box), "Signals", 13, true, TEXT);
        final List<String> sentences = ind.signalSentences();
        if (sentences.isEmpty()) {
            run(box.addNewTextParagraph(), "No special-cause signals.", 11, false, MUTED);
            return;
        }
        final int shown = sentences.size() > SIGNAL_LINES ? SIGNAL_LINES - 1 : sentences.size();
        for (int i = 0; i < shown; i++) {
            final XSLFTextParagraph p = box.addNewTextParagraph();
            p.setBullet(true);
            p.setIndent(-10.0);
            p.setLeftMargin(14.0);
            run(p, sentences.get(i), 11, false, TEXT);
        }
        if (shown < sentences.size()) {
            run(box.addNewTextParagraph(), String.format(Locale.ROOT, "and %d more signals (%d in all)",
                    sentences.size() - shown, sentences.size()), 11, false, MUTED);
        }
    }

    // ------------------------------------------------------------------------------------------------- shapes

    /** Fills the layout's title placeholder, placed for 16:9 (the default master is 4:3). */
    private static void title(XSLFSlide slide, String text, double size) {
        final XSLFTextShape t = slide.getPlaceholder(0);
        t.setAnchor(new Rectangle2D.Double(MARGIN, 14, SLIDE_W - 2 * MARGIN, 38));
        t.setVerticalAlignment(VerticalAlignment.MIDDLE);
        inset(t);
        final XSLFTextParagraph p = first(t);
        p.setTextAlign(TextAlign.LEFT);
        run(p, text, size, true, TEXT);
    }

    private static void inset(XSLFTextShape s) {
        s.setLeftInset(0.0);
        s.setRightInset(0.0);
        s.setTopInset(0.0);
        s.setBottomInset(0.0);
        s.setWordWrap(true);
    }

    private static void margins(XSLFTableCell cell) {
        cell.setLeftInset(5.0);
        cell.setRightInset(5.0);
        cell.setTopInset(2.0);
        cell.setBottomInset(2.0);
    }

    /** The shape's first paragraph, after dropping the empty one a new shape starts with. */
    private static XSLFTextParagraph first(XSLFTextShape s) {
        s.clearText();
        return s.addNewTextParagraph();
    }

    /**
     * Gives an empty or short paragraph the size of its text: an empty cell is otherwise as tall as the default
     * 18 pt line, which makes the row taller than set and moves it off the pictures drawn over it.
     */
    private static void endSize(XSLFTextParagraph p, double size) {
        p.getXmlObject().addNewEndParaRPr().setSz((int) Math.round(size * 100));
    }

    private static void text(XSLFTableCell cell, String s, double size, boolean bold, Color colour, TextAlign a) {
        margins(cell);
        cell.setVerticalAlignment(VerticalAlignment.MIDDLE);
        final XSLFTextParagraph p = first(cell);
        p.setTextAlign(a);
        if (!s.isEmpty()) {
            run(p, s, size, bold, colour);
        }
        endSize(p, size);
    }

    private static XSLFTextRun run(XSLFTextParagraph p, String s, double size, boolean bold, Color colour) {
        final XSLFTextRun r = p.addNewTextRun();
        r.setText(s);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontColor(colour);
        return r;
    }

    private static TextAlign align(int column) {
        return column >= 1 && column <= 6 && column != 2 ? TextAlign.RIGHT
                : column >= TREND ? TextAlign.CENTER : TextAlign.LEFT;
    }

    /** A PNG picture of what the painter draws in a box of the anchor's size, at {@link #SCALE} pixels per point. */
    private void picture(XSLFSlide slide, Rectangle2D anchor, Consumer<Graphics2D> painter) {
        final int pw = (int) Math.ceil(anchor.getWidth() * SCALE);
        final int ph = (int) Math.ceil(anchor.getHeight() * SCALE);
        final BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        final Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(SCALE, SCALE);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // cached in memory: ImageIO.write to a plain stream caches through a file in the temporary folder, which
        // fails (and so fails the pack) when that disk is full
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding in memory failed", e);
        }
        // identical pictures (the same icon on many rows) are stored once: POI matches them by checksum
        final XSLFPictureData data = ppt.addPicture(bytes.toByteArray(), PictureData.PictureType.PNG);
        final XSLFPictureShape shape = slide.createPicture(data);
        shape.setAnchor(anchor);
    }

    // ------------------------------------------------------------------------------------------------- text

    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);

    /** Width of text in points, measured with the JDK's sans-serif font (close to Calibri, a little wider). */
    private static double width(String s, double size, boolean bold) {
        final Graphics2D g = MEASURE.createGraphics();
        try {
            final FontMetrics fm = g.getFontMetrics(new Font("SansSerif", bold ? Font.BOLD : Font.PLAIN, 10)
                    .deriveFont((float) size));
            return fm.stringWidth(s);
        } finally {
            g.dispose();
        }
    }

    /** The text cut with "..." to fit the width. */
    private static String fit(String s, double size, boolean bold, double room) {
        if (width(s, size, bold) <= room) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && width(t + "...", size, bold) > room) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    private static double sum(double[] a) {
        return sum(a, a.length);
    }

    /** The sum of the first n widths: the left edge of column n. */
    private static double sum(double[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i];
        }
        return s;
    }
}
