package org.shewhart.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.shewhart.engine.ChartResult;

/**
 * Small multiples: one figure with a panel per series (a ward, a site, an indicator), in a grid filled row by row.
 * Each panel is the chart {@link ChartRenderer} draws from that series' own engine result, titled with the series'
 * name; nothing is recomputed. The y scales are either {@link Scales#SHARED shared} (every panel spans the union of
 * the panels' own ranges, so heights compare across panels) or {@link Scales#FREE free} (each panel its own). When
 * every panel has dates, or every panel numbers, the x axes span the same range and only the bottom panel of each
 * column labels it; panels with the same categories in the same order share them likewise.
 *
 * <pre>{@code
 * Facets wall = Facets.render(List.of(new Facets.Panel("Ward A", resultA, xA, ChartLabels.NONE), ...),
 *         ChartStyle.makingDataCount().withTitle("Falls by ward").withSize(1200, 800), Facets.Scales.SHARED, 3);
 * wall.write(ImageFormat.PNG, out);
 * }</pre>
 *
 * <p>Not thread-safe (the panels are mutable JFreeChart models); the factory itself is stateless.
 */
public final class Facets {
    /** The height of the figure's title band in pixels, when there is a title. */
    static final double TITLE_HEIGHT = 30;
    /** The height the x tick labels take at the bottom of a panel (date, number or horizontal category labels). */
    private static final double AXIS_LABELS = 18;
    /** The size of a panel's icons relative to a single chart's. */
    static final double ICON_SCALE = 0.65;

    private final List<JFreeChart> charts;
    private final ChartStyle style;
    private final int columns;
    private final boolean sharedX;
    private final double[] cellHeights;

    /** How the panels' y axes relate. */
    public enum Scales {
        /** Every panel spans the same y range: the union of what each panel would span alone. */
        SHARED,
        /** Each panel spans its own values and lines. */
        FREE;

        /**
         * @param text {@code shared} or {@code free}, any case
         * @return the choice
         * @throws IllegalArgumentException for anything else
         */
        public static Scales of(String text) {
            for (Scales s : values()) {
                if (s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("scales '" + text + "' is not one of shared, free");
        }
    }

    /**
     * One panel.
     *
     * @param name the series' name, the panel's title
     * @param result the engine's chart of the series
     * @param x the x of each point
     * @param labels its phase names and annotations
     */
    public record Panel(String name, ChartResult result, XValues x, ChartLabels labels) {
        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if x does not have one value per point
         */
        public Panel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(labels, "labels");
            if (x.size() != result.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: x has %d values but the chart has %d points", name, x.size(), result.size()));
            }
        }
    }

    private Facets(List<JFreeChart> charts, ChartStyle style, int columns, boolean sharedX, double[] cellHeights) {
        this.charts = charts;
        this.style = style;
        this.columns = columns;
        this.sharedX = sharedX;
        this.cellHeights = cellHeights;
    }

    /**
     * Draws the panels.
     *
     * @param panels the series, in the order they fill the grid
     * @param style presentation of the whole figure: its size, title and theme; each panel takes the theme, lines
     *     and icons, and its series' name as title
     * @param scales shared or free y axes
     * @param columns panels per row, 1 or more (fewer if there are fewer panels)
     * @return the figure
     * @throws IllegalArgumentException if there are no panels, columns is below 1, or a panel would be smaller
     *     than {@value ChartStyle#MIN_SIZE} pixels either way
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public static Facets render(List<Panel> panels, ChartStyle style, Scales scales, int columns) {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(scales, "scales");
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("small multiples need at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "columns (%d) must be >= 1", columns));
        }
        final int cols = Math.min(columns, panels.size());
        final int rows = (panels.size() + cols - 1) / cols;
        final boolean sharedX = sharedX(panels);
        final double band = style.title() == null ? 0 : TITLE_HEIGHT;
        // with a common x axis only the bottom row labels it: give that row the room its labels take
        final double extra = sharedX && rows > 1 ? AXIS_LABELS : 0;
        final double base = (style.height() - band - extra) / rows;
        final double[] heights = new double[rows];
        Arrays.fill(heights, base);
        heights[rows - 1] += extra;
        final int cellW = (int) Math.floor(style.width() / (double) cols);
        final int cellH = (int) Math.floor(base);
        if (cellW < ChartStyle.MIN_SIZE || cellH < ChartStyle.MIN_SIZE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d panels in %d columns need a figure of at least %d x %d; it is %d x %d", panels.size(), cols,
                    cols * ChartStyle.MIN_SIZE, (int) Math.ceil(rows * ChartStyle.MIN_SIZE + band + extra),
                    style.width(), style.height()));
        }
        final List<JFreeChart> charts = new ArrayList<>(panels.size());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < panels.size(); i++) {
            final Panel p = panels.get(i);
            final JFreeChart c = ChartRenderer.render(p.result(), p.x(), panelStyle(style, p, cellW,
                    (int) heights[i / cols]), p.labels());
            lo = Math.min(lo, c.getXYPlot().getRangeAxis().getLowerBound());
            hi = Math.max(hi, c.getXYPlot().getRangeAxis().getUpperBound());
            charts.add(c);
        }
        if (scales == Scales.SHARED) {
            for (int i = 0; i < panels.size(); i++) {
                final Panel p = panels.get(i);
                charts.set(i, ChartRenderer.render(p.result(), p.x(), panelStyle(style, p, cellW,
                        (int) heights[i / cols]), p.labels(), lo, hi));
            }
        }
        for (JFreeChart c : charts) {
            c.getTitle().setFont(Fonts.bold(12.5f));
            c.setPadding(new RectangleInsets(6, 6, 4, 8));
            for (int k = 0; k < c.getSubtitleCount(); k++) {
                if (c.getSubtitle(k) instanceof IconTitle) {
                    // a panel is a fraction of a chart: icons at two thirds of their size leave the data room
                    final IconTitle small = ((IconTitle) c.getSubtitle(k)).scaled(ICON_SCALE);
                    c.removeSubtitle(c.getSubtitle(k));
                    c.addSubtitle(k, small);
                }
            }
        }
        if (sharedX) {
            shareX(charts, panels, cols);
        }
        return new Facets(List.copyOf(charts), style, cols, sharedX, heights);
    }

    private static ChartStyle panelStyle(ChartStyle style, Panel p, int w, int h) {
        return style.withTitle(p.name()).withSubtitle(null).withSize(w, h);
    }

    /** Whether all panels have dates, or all numbers, or all the same categories in the same order. */
    private static boolean sharedX(List<Panel> panels) {
        final XValues.Kind kind = panels.get(0).x().kind();
        for (Panel p : panels) {
            if (p.x().kind() != kind) {
                return false;
            }
        }
        if (kind != XValues.Kind.CATEGORY) {
            return true;
        }
        final String[] first = panels.get(0).x().labels();
        for (Panel p : panels) {
            if (!Arrays.equals(first, p.x().labels())) {
                return false;
            }
        }
        return true;
    }

    /** One x range for every panel, labelled only on the lowest panel of each column. */
    private static void shareX(List<JFreeChart> charts, List<Panel> panels, int cols) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (JFreeChart c : charts) {
            final ValueAxis a = c.getXYPlot().getDomainAxis();
            lo = Math.min(lo, a.getLowerBound());
            hi = Math.max(hi, a.getUpperBound());
        }
        for (int i = 0; i < charts.size(); i++) {
            final ValueAxis a = charts.get(i).getXYPlot().getDomainAxis();
            if (panels.get(0).x().kind() != XValues.Kind.CATEGORY) {
                a.setRange(lo, hi);
            }
            if (i + cols < charts.size()) {
                a.setTickLabelsVisible(false);
                a.setLabel(null);
            }
        }
    }

    /** @return the panels' chart models, in grid order (row by row) */
    public List<JFreeChart> charts() {
        return charts;
    }

    /** @return panels per row */
    public int columns() {
        return columns;
    }

    /** @return the number of rows */
    public int rows() {
        return cellHeights.length;
    }

    /** @return whether the panels share one x range (dates or numbers) or the same categories */
    public boolean sharesX() {
        return sharedX;
    }

    /**
     * Writes the figure at the style's size.
     *
     * @param format PNG, SVG (byte-identical for the same input) or PDF (one page)
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(ImageFormat format, OutputStream out) throws IOException {
        final int w = style.width();
        final int h = style.height();
        switch (format) {
            case SVG:
                final SVGGraphics2D svg = new SVGGraphics2D(w, h);
                svg.setDefsKeyPrefix(ChartRenderer.SVG_DEFS_PREFIX);
                final DecimalFormat twoDp = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
                svg.setGeomDoubleConverter(twoDp::format);
                svg.setTransformDoubleConverter(twoDp::format);
                draw(svg);
                out.write(svg.getSVGDocument().getBytes(StandardCharsets.UTF_8));
                break;
            case PDF:
                final PDFDocument doc = new PDFDocument();
                doc.setTitle(style.title() == null ? "Charts" : style.title());
                doc.setAuthor("Shewhart");
                final Page page = doc.createPage(new Rectangle2D.Double(0, 0, w, h));
                final PDFGraphics2D pdf = page.getGraphics2D();
                if (!plainText()) {
                    pdf.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
                }
                draw(pdf);
                out.write(doc.getPDFBytes());
                break;
            case PNG:
            default:
                final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                final Graphics2D g2 = image.createGraphics();
                try {
                    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    draw(g2);
                } finally {
                    g2.dispose();
                }
                PngEncoder.write(image, out);
                break;
        }
        out.flush();
    }

    private boolean plainText() {
        if (!PdfText.isPlain(style.title())) {
            return false;
        }
        for (JFreeChart c : charts) {
            if (!ChartRenderer.plainText(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Draws the figure: the title band, then the panels row by row.
     *
     * @param g2 where to draw, at the style's size from (0, 0)
     */
    public void draw(Graphics2D g2) {
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, style.width(), style.height()));
        double top = 0;
        if (style.title() != null) {
            g2.setFont(Fonts.bold(16f));
            g2.setPaint(new Color(0x202020));
            final FontMetrics fm = g2.getFontMetrics();
            g2.drawString(style.title(), 12f, (float) ((TITLE_HEIGHT + fm.getAscent() - fm.getDescent()) / 2 + 2));
            top = TITLE_HEIGHT;
        }
        final double cellW = Math.floor(style.width() / (double) columns);
        for (int i = 0; i < charts.size(); i++) {
            final int row = i / columns;
            final int col = i % columns;
            double y = top;
            for (int r = 0; r < row; r++) {
                y += cellHeights[r];
            }
            charts.get(i).draw(g2, new Rectangle2D.Double(col * cellW, y, cellW, cellHeights[row]));
        }
    }
}
