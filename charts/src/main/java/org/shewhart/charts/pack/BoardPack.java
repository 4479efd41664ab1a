package org.shewhart.charts.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.shewhart.charts.ChartRenderer;
import org.shewhart.charts.PdfText;
import org.shewhart.charts.ChartStyle;
import org.shewhart.charts.Icons;
import org.shewhart.charts.Theme;
import org.shewhart.charts.XValues;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SignalText;

/**
 * A board pack: an integrated performance table of many indicators (latest value, target, mean, limits, a
 * sparkline, the variation and assurance icons), concerns first, then one chart per indicator with its signals in
 * plain words. Written as a multi-page A4 landscape PDF with selectable text, or as one self-contained HTML file
 * with inline SVG. Everything drawn comes from the engine's results; nothing is recomputed.
 *
 * <pre>{@code
 * BoardPack pack = new BoardPack("Quality and safety, October 2024");
 * pack.add(new BoardPack.Indicator("Falls", settings, result, XValues.dates(days, labels)));
 * pack.writePdf(out);   // or writeHtml(out)
 * }</pre>
 *
 * <p>Not thread-safe while indicators are added; writing does not change the pack.
 */
public final class BoardPack {
    /** A4 landscape width in PDF points. */
    static final double PAGE_W = 842;
    /** A4 landscape height in PDF points. */
    static final double PAGE_H = 595;
    private static final double MARGIN = 36;
    private static final double ROW_H = 22;
    private static final double TABLE_TOP = 92;
    private static final String FAMILY = "SansSerif";
    private static final Color TEXT = new Color(0x202020);
    private static final Color MUTED = new Color(0x666666);
    private static final Color RULE = new Color(0xcccccc);
    private static final Color STRIPE = new Color(0xf4f4f4);
    private static final int SIGNAL_LINES = 7;
    private static final String MISSING = "-";

    /** Table columns: header and width in points (sum 770 = page width less margins). */
    private static final String[] HEADERS = {"Indicator", "Latest", "Target", "Mean", "Lower limit", "Upper limit",
        "Trend", "Variation", "Assurance"};
    private static final double[] WIDTHS = {220, 120, 60, 60, 60, 60, 100, 45, 45};

    private final String title;
    private final List<Indicator> indicators = new ArrayList<>();
    private Theme theme = Theme.MAKING_DATA_COUNT;

    /**
     * One indicator of the pack.
     *
     * @param name the indicator's name, shown in the table and as its chart's title
     * @param settings how it was charted and how it is labelled
     * @param result the engine's chart
     * @param x the x of each point (labels for the latest value and the signal sentences)
     */
    public record Indicator(String name, IndicatorSettings settings, ChartResult result, XValues x) {
        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if x does not have one value per point
         */
        public Indicator {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(x, "x");
            if (x.size() != result.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: x has %d values but the chart has %d points", name, x.size(), result.size()));
            }
        }

        /** @return the index of the last point with a value, or -1 if none has one */
        int latest() {
            for (int i = result.size() - 1; i >= 0; i--) {
                if (!Double.isNaN(result.valueAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        /** @return the signals of the chart in plain words, in the order they began (by rule if together) */
        public List<String> signalSentences() {
            final List<Signal> signals = new ArrayList<>(result.signals());
            signals.sort(Comparator.comparingInt(Signal::first));
            final List<String> out = new ArrayList<>();
            for (Signal s : signals) {
                out.add(SignalText.describe(result, s, x::labelAt));
            }
            return out;
        }
    }

    /**
     * An empty pack.
     *
     * @param title the pack's title (first page heading, document title)
     */
    public BoardPack(String title) {
        this.title = title == null || title.isBlank() ? "Board pack" : title;
    }

    /**
     * Adds an indicator.
     *
     * @param indicator the indicator
     * @return this pack
     */
    public BoardPack add(Indicator indicator) {
        indicators.add(Objects.requireNonNull(indicator, "indicator"));
        return this;
    }

    /**
     * Sets the look of every chart, sparkline and icon: {@link Theme#MAKING_DATA_COUNT} (the default, charts with
     * their icons) or {@link Theme#PLAIN} (qicharts2-like charts without icons; the table keeps its icon columns).
     *
     * @param value the theme
     * @return this pack
     */
    public BoardPack theme(Theme value) {
        theme = Objects.requireNonNull(value, "theme");
        return this;
    }

    /** @return the theme of the pack's pictures */
    public Theme theme() {
        return theme;
    }

    /** @return the pack's title */
    public String title() {
        return title;
    }

    /**
     * The indicators in table order: special-cause concern first, then a target consistently failed, then the rest;
     * each group in the order added.
     *
     * @return a new list
     */
    public List<Indicator> ordered() {
        final List<Indicator> out = new ArrayList<>(indicators);
        out.sort(Comparator.comparingInt(BoardPack::rank));
        return out;
    }

    static int rank(Indicator ind) {
        if (ind.result().size() > 0 && ind.result().variation() == PointType.SPECIAL_CAUSE_CONCERN) {
            return 0;
        }
        return ind.result().assurance() == Assurance.CONSISTENT_FAIL ? 1 : 2;
    }

    // ---------------------------------------------------------------------------------------------------- PDF

    /**
     * Writes the pack as an A4 landscape PDF: the table (continued on further pages past 20 rows), then one page
     * per indicator with its chart and signals. Text is PDF text, so it can be selected and searched.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public void writePdf(OutputStream out) throws IOException {
        final List<Indicator> rows = ordered();
        final PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        doc.setAuthor("Shewhart");
        final int perPage = (int) Math.floor((PAGE_H - MARGIN - TABLE_TOP - 18) / ROW_H);
        int from = 0;
        do {
            final Graphics2D g2 = newPage(doc);
            tablePage(g2, rows, from, Math.min(rows.size(), from + perPage), from > 0);
            from += perPage;
        } while (from < rows.size());
        for (Indicator ind : rows) {
            chartPage(newPage(doc), ind);
        }
        out.write(doc.getPDFBytes());
        out.flush();
    }

    private static Graphics2D newPage(PDFDocument doc) {
        final Page page = doc.createPage(new Rectangle2D.Double(0, 0, PAGE_W, PAGE_H));
        final PDFGraphics2D g2 = page.getGraphics2D();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g2;
    }

    private void tablePage(Graphics2D g2, List<Indicator> rows, int from, int to, boolean continued) {
        g2.setPaint(TEXT);
        g2.setFont(font(Font.BOLD, 18f));
        drawText(g2, continued ? title + " (continued)" : title, (float) MARGIN, (float) (MARGIN + 14));
        g2.setFont(font(Font.PLAIN, 9f));
        g2.setPaint(MUTED);
        drawText(g2, String.format(Locale.ROOT, "%d indicators. Special-cause concerns first, then targets "
                + "consistently failed. Mean and limits at the latest point.", rows.size()),
                (float) MARGIN, (float) (MARGIN + 32));
        // header
        double x = MARGIN;
        final double headerBase = TABLE_TOP - 6;
        g2.setFont(font(Font.BOLD, 8.5f));
        for (int c = 0; c < HEADERS.length; c++) {
            if (isNumeric(c)) {
                rightText(g2, HEADERS[c], x + WIDTHS[c] - 6, headerBase);
            } else if (c >= 7) {
                centreText(g2, HEADERS[c], x + WIDTHS[c] / 2, headerBase);
            } else {
                drawText(g2, HEADERS[c], (float) (x + 4), (float) headerBase);
            }
            x += WIDTHS[c];
        }
        final double right = MARGIN + sum(WIDTHS);
        g2.setPaint(TEXT);
        g2.setStroke(new BasicStroke(1f));
        g2.draw(new Line2D.Double(MARGIN, TABLE_TOP, right, TABLE_TOP));
        double y = TABLE_TOP;
        for (int r = from; r < to; r++) {
            tableRow(g2, rows.get(r), y, (r - from) % 2 == 1);
            y += ROW_H;
        }
        g2.setPaint(RULE);
        g2.setStroke(new BasicStroke(0.5f));
        g2.draw(new Line2D.Double(MARGIN, y, right, y));
    }

    private void tableRow(Graphics2D g2, Indicator ind, double top, boolean stripe) {
        final double right = MARGIN + sum(WIDTHS);
        if (stripe) {
            g2.setPaint(STRIPE);
            g2.fill(new Rectangle2D.Double(MARGIN, top, right - MARGIN, ROW_H));
        }
        final int rank = rank(ind);
        if (rank < 2) {
            // a bar at the left edge marks the rows that need attention
            g2.setPaint(theme.pointColour(PointType.SPECIAL_CAUSE_CONCERN));
            g2.fill(new Rectangle2D.Double(MARGIN, top + 1, 3, ROW_H - 2));
        }
        final Cells cells = cells(ind);
        double x = MARGIN;
        final String unit = ind.settings().unit();
        g2.setPaint(TEXT);
        g2.setFont(font(Font.BOLD, 9f));
        final double nameWidth = WIDTHS[0] - 12;
        if (unit.isEmpty()) {
            drawText(g2, fit(g2, ind.name(), nameWidth), (float) (x + 7), (float) (top + 14.5));
        } else {
            drawText(g2, fit(g2, ind.name(), nameWidth), (float) (x + 7), (float) (top + 10));
            g2.setFont(font(Font.PLAIN, 7f));
            g2.setPaint(MUTED);
            drawText(g2, fit(g2, unit, nameWidth), (float) (x + 7), (float) (top + 19));
        }
        x += WIDTHS[0];
        // latest: value, and its x underneath
        g2.setPaint(TEXT);
        g2.setFont(font(Font.PLAIN, 9f));
        rightText(g2, cells.latest, x + WIDTHS[1] - 6, top + 10);
        g2.setFont(font(Font.PLAIN, 7f));
        g2.setPaint(MUTED);
        rightText(g2, cells.latestX, x + WIDTHS[1] - 6, top + 19);
        x += WIDTHS[1];
        g2.setPaint(TEXT);
        g2.setFont(font(Font.PLAIN, 9f));
        final String[] numbers = {cells.target, cells.mean, cells.lower, cells.upper};
        for (int c = 0; c < numbers.length; c++) {
            rightText(g2, numbers[c], x + WIDTHS[2 + c] - 6, top + 14.5);
            x += WIDTHS[2 + c];
        }
        Sparkline.paint(g2, ind.result(), theme, new Rectangle2D.Double(x + 6, top + 3, WIDTHS[6] - 12, ROW_H - 6));
        x += WIDTHS[6];
        final double d = ROW_H - 4;
        if (ind.result().size() > 0) {
            Icons.paintVariation(g2, ind.result().variation(), ind.result().spec().improvement(), theme,
                    x + WIDTHS[7] / 2, top + ROW_H / 2, d);
        }
        x += WIDTHS[7];
        if (ind.result().assurance() != null) {
            Icons.paintAssurance(g2, ind.result().assurance(), theme, x + WIDTHS[8] / 2, top + ROW_H / 2, d);
        }
    }

    private void chartPage(Graphics2D g2, Indicator ind) {
        final double w = PAGE_W - 2 * MARGIN;
        final double h = 400;
        final boolean ascii = chartTextIsAscii(ind);
        final ChartStyle style = chartStyle(ind, (int) w, (int) h, ascii);
        final JFreeChart chart = ChartRenderer.render(ind.result(), ind.x(), style);
        if (!ascii) {
            // text past ASCII would print as '?' in the standard fonts: this chart's text goes as outlines
            g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        }
        chart.draw(g2, new Rectangle2D.Double(MARGIN, MARGIN, w, h));
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        double y = MARGIN + h + 24;
        g2.setPaint(TEXT);
        g2.setFont(font(Font.BOLD, 10f));
        drawText(g2, "Signals", (float) MARGIN, (float) y);
        g2.setFont(font(Font.PLAIN, 9.5f));
        final List<String> sentences = ind.signalSentences();
        if (sentences.isEmpty()) {
            y += 15;
            g2.setPaint(MUTED);
            drawText(g2, "No special-cause signals.", (float) MARGIN, (float) y);
            return;
        }
        // one column, or two when there are more signals than lines; the rest are counted, not dropped silently
        final int columns = sentences.size() > SIGNAL_LINES ? 2 : 1;
        if (columns == 2) {
            g2.setFont(font(Font.PLAIN, 8.5f));
        }
        final int capacity = columns * SIGNAL_LINES;
        final int shown = sentences.size() > capacity ? capacity - 1 : sentences.size();
        final double columnWidth = w / columns;
        final double top = y;
        for (int i = 0; i < shown; i++) {
            final double cx = MARGIN + (i / SIGNAL_LINES) * columnWidth;
            final double cy = top + 14 * (i % SIGNAL_LINES + 1);
            // a drawn bullet: the PDF's standard fonts have no bullet character
            g2.fill(new Ellipse2D.Double(cx + 1, cy - 5, 3.5, 3.5));
            drawText(g2, fit(g2, sentences.get(i), columnWidth - 20), (float) (cx + 9), (float) cy);
        }
        if (shown < sentences.size()) {
            g2.setPaint(MUTED);
            drawText(g2, String.format(Locale.ROOT, "and %d more signals", sentences.size() - shown),
                    (float) (MARGIN + (columns - 1) * columnWidth + 9), (float) (top + 14 * SIGNAL_LINES));
        }
    }

    // --------------------------------------------------------------------------------------------------- PPTX

    /**
     * Writes the pack as a 16:9 PowerPoint deck: the table on the first slide (continued past
     * {@value PptxPack#ROWS_PER_SLIDE} indicators) as a native table with sparklines and icons as pictures, then
     * one slide per indicator titled with its name, its chart as a picture and its signals as bullets.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public void writePptx(OutputStream out) throws IOException {
        new PptxPack(this).write(out);
    }

    // --------------------------------------------------------------------------------------------------- HTML

    /**
     * Writes the pack as one self-contained HTML file (UTF-8): an embedded stylesheet, the table with inline SVG
     * sparklines and icons, and one inline SVG chart per indicator with its signals. No scripts and no external
     * resources; every label is escaped.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public void writeHtml(OutputStream out) throws IOException {
        final List<Indicator> rows = ordered();
        final StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n");
        h.append("<p class=\"meta\">").append(rows.size()).append(" indicators. Special-cause concerns first, then "
                + "targets consistently failed. Mean and limits at the latest point.</p>\n");
        h.append("<table class=\"summary\">\n<thead><tr>");
        for (int c = 0; c < HEADERS.length; c++) {
            h.append(isNumeric(c) ? "<th class=\"num\">" : "<th>").append(HEADERS[c]).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int k = 0;
        for (Indicator ind : rows) {
            k++;
            final Cells cells = cells(ind);
            h.append(rank(ind) < 2 ? "<tr class=\"concern\">" : "<tr>");
            h.append("<td><a href=\"#indicator-").append(k).append("\">").append(escape(ind.name())).append("</a>");
            if (!ind.settings().unit().isEmpty()) {
                h.append("<div class=\"sub\">").append(escape(ind.settings().unit())).append("</div>");
            }
            h.append("</td><td class=\"num\">").append(escape(cells.latest)).append("<div class=\"sub\">")
                    .append(escape(cells.latestX)).append("</div></td>");
            for (String v : new String[] {cells.target, cells.mean, cells.lower, cells.upper}) {
                h.append("<td class=\"num\">").append(escape(v)).append("</td>");
            }
            h.append("<td class=\"spark\">").append(svg("s" + k, 120, 28, g -> Sparkline.paint(g, ind.result(), theme,
                    new Rectangle2D.Double(2, 3, 116, 22)))).append("</td>");
            h.append("<td class=\"icon\">");
            if (ind.result().size() > 0) {
                h.append(svg("v" + k, 30, 30, g -> Icons.paintVariation(g, ind.result().variation(),
                        ind.result().spec().improvement(), theme, 15, 15, 28)));
            }
            h.append("</td><td class=\"icon\">");
            if (ind.result().assurance() != null) {
                h.append(svg("a" + k, 30, 30, g -> Icons.paintAssurance(g, ind.result().assurance(), theme, 15, 15,
                        28)));
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        k = 0;
        for (Indicator ind : rows) {
            k++;
            final ChartStyle style = chartStyle(ind, 960, 440, false);
            final JFreeChart chart = ChartRenderer.render(ind.result(), ind.x(), style);
            h.append("<section class=\"chart\" id=\"indicator-").append(k).append("\">\n");
            h.append(svg("c" + k, style.width(), style.height(),
                    g -> chart.draw(g, new Rectangle2D.Double(0, 0, style.width(), style.height()))));
            h.append("\n<h3>Signals</h3>\n");
            final List<String> sentences = ind.signalSentences();
            if (sentences.isEmpty()) {
                h.append("<p class=\"sub\">No special-cause signals.</p>\n");
            } else {
                h.append("<ul>\n");
                for (String s : sentences) {
                    h.append("<li>").append(escape(s)).append("</li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static final String CSS = String.join("\n",
            "body{font-family:\"DejaVu Sans\",Helvetica,Arial,sans-serif;color:#202020;margin:24px auto;"
                    + "max-width:1000px;padding:0 12px}",
            "h1{font-size:22px;margin:0 0 4px}",
            ".meta,.sub{color:#666;font-size:11px}",
            "table.summary{border-collapse:collapse;width:100%;font-size:13px}",
            "table.summary th{text-align:left;border-bottom:1.5px solid #202020;padding:4px 6px;font-size:12px}",
            "table.summary td{padding:3px 6px;border-bottom:1px solid #e4e4e4;vertical-align:middle}",
            "table.summary tbody tr:nth-child(even){background:#f4f4f4}",
            "table.summary tr.concern td:first-child{box-shadow:inset 3px 0 #fab428}",
            "table.summary a{color:inherit;font-weight:bold;text-decoration:none}",
            ".num{text-align:right;white-space:nowrap}",
            "th.num{text-align:right}",
            ".icon,.spark{text-align:center;line-height:0}",
            "section.chart{margin-top:28px;page-break-inside:avoid}",
            "section.chart svg{width:100%;height:auto}",
            "h3{font-size:14px;margin:4px 0}",
            "ul{margin:4px 0;padding-left:20px;font-size:13px}",
            "");

    /** An inline SVG element drawn by the painter; ids are unique in the page, namespaces left to the parser. */
    private static String svg(String id, int w, int h, Consumer<Graphics2D> painter) {
        final SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        // clip paths of one inline SVG must not clash with those of another in the same page
        g2.setDefsKeyPrefix(id + "-");
        final DecimalFormat twoDp = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        g2.setGeomDoubleConverter(twoDp::format);
        g2.setTransformDoubleConverter(twoDp::format);
        painter.accept(g2);
        final String el = g2.getSVGElement(id, true, new ViewBox(0, 0, w, h), null, null);
        // HTML parses inline SVG into the SVG namespace by itself: the declarations are only URLs in the file
        return el.replaceAll(" xmlns(:[a-z]+)?='[^']*'", "");
    }

    /**
     * Escapes text for HTML content and attribute values.
     *
     * @param s text
     * @return the text with {@code & < > " '} as character references
     */
    static String escape(String s) {
        final StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------- shared

    /** Whether every text of the indicator's chart (name, subtitle, x labels) can be PDF text. */
    private static boolean chartTextIsAscii(Indicator ind) {
        if (!PdfText.isAscii(ind.name()) || !PdfText.isAscii(subtitle(ind))) {
            return false;
        }
        for (int i = 0; i < ind.x().size(); i++) {
            if (!PdfText.isAscii(ind.x().labelAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The chart of one indicator: titled with its name, the unit and settings as subtitle.
     *
     * @param pdfText whether the text will be PDF text, which must be escaped
     */
    ChartStyle chartStyle(Indicator ind, int w, int h, boolean pdfText) {
        final String name = pdfText ? PdfText.escape(ind.name()) : ind.name();
        final String sub = pdfText ? PdfText.escape(subtitle(ind)) : subtitle(ind);
        final ChartStyle base = theme == Theme.PLAIN ? ChartStyle.plain() : ChartStyle.makingDataCount();
        return base.withTitle(name).withSubtitle(sub).withSize(w, h);
    }

    static String subtitle(Indicator ind) {
        final IndicatorSettings s = ind.settings();
        final StringBuilder sub = new StringBuilder();
        if (!s.unit().isEmpty()) {
            sub.append(s.unit()).append(", ");
        }
        sub.append(ind.result().spec().type().id()).append(" chart, improvement: ").append(s.improvement().id());
        if (s.hasTarget()) {
            sub.append(", target ").append(new NumberText(ind.result()).format(s.target()));
        }
        return sub.toString();
    }

    /** The text of one table row, the same for PDF and HTML. */
    record Cells(String latest, String latestX, String target, String mean, String lower, String upper) {
    }

    static Cells cells(Indicator ind) {
        final ChartResult r = ind.result();
        final NumberText f = new NumberText(r);
        final int i = ind.latest();
        final String target = ind.settings().hasTarget() ? f.format(ind.settings().target()) : MISSING;
        if (i < 0) {
            return new Cells(MISSING, "", target, MISSING, MISSING, MISSING);
        }
        return new Cells(f.format(r.valueAt(i)), ind.x().labelAt(i), target, f.format(r.centreAt(i)),
                f.format(r.lowerLimitAt(i)), f.format(r.upperLimitAt(i)));
    }

    private static boolean isNumeric(int column) {
        return column >= 1 && column <= 5;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static Font font(int style, float size) {
        return new Font(FAMILY, style, 10).deriveFont(size);
    }

    /**
     * Draws PDF text. JFreePDF writes strings into the page unescaped, so a backslash or an unbalanced parenthesis
     * (a name cut with "...", say) would end the string early and break the page: escape them here, after the
     * width was measured on the real text.
     */
    private static void drawText(Graphics2D g2, String s, float x, float y) {
        if (PdfText.isAscii(s)) {
            g2.drawString(PdfText.escape(s), x, y);
        } else {
            // JFreePDF's standard fonts write '?' for anything past ASCII: draw such text as outlines instead
            g2.fill(g2.getFont().createGlyphVector(g2.getFontRenderContext(), s).getOutline(x, y));
        }
    }

    private static void rightText(Graphics2D g2, String s, double right, double baseline) {
        final FontMetrics fm = g2.getFontMetrics();
        drawText(g2, s, (float) (right - fm.stringWidth(s)), (float) baseline);
    }

    private static void centreText(Graphics2D g2, String s, double cx, double baseline) {
        final FontMetrics fm = g2.getFontMetrics();
        drawText(g2, s, (float) (cx - fm.stringWidth(s) / 2.0), (float) baseline);
    }

    /** The text cut with "..." to fit the width in the current font. */
    private static String fit(Graphics2D g2, String s, double width) {
        final FontMetrics fm = g2.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }
}
