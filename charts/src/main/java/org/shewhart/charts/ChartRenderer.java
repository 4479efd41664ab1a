package org.shewhart.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.IntToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Phase;

/**
 * Draws a {@link ChartResult} as a JFreeChart: the values joined by a line, each point coloured by the engine's
 * point type (hollow if excluded, a gap if missing), the centre line solid and the process limits dashed as steps
 * per phase with a break between phases, optional 1σ and 2σ lines, the target, phase labels and the variation and
 * assurance icons. It draws exactly what the engine returned and recomputes nothing.
 *
 * <pre>{@code
 * ChartResult result = ChartSpec.builder(ChartType.XMR).build().compute(values);
 * JFreeChart chart = ChartRenderer.render(result, XValues.dates(epochDays, isoDates),
 *         ChartStyle.makingDataCount().withTitle("Falls"));
 * ChartRenderer.write(chart, style, ImageFormat.SVG, out);
 * }</pre>
 *
 * <p>Series in the model, by key: {@link #POINTS}, {@link #LINE}, {@link #CENTRE}, {@link #CENTRE_RUNS_SIGNAL}
 * (phases whose runs analysis signals), {@link #LOWER_LIMIT}, {@link #UPPER_LIMIT} and, with sigma lines,
 * {@link #LOWER_2_SIGMA}, {@link #UPPER_2_SIGMA}, {@link #LOWER_1_SIGMA}, {@link #UPPER_1_SIGMA}; a series whose
 * values are all missing is left out. Line series carry {@code NaN} between phases so each phase is drawn apart.
 *
 * <p>This class is stateless and thread-safe; each call builds a new chart, which is mutable and not thread-safe.
 */
public final class ChartRenderer {
    /** Key of the points series (x and y are the engine's values; drawn as shapes only). */
    public static final String POINTS = "points";
    /** Key of the line joining the values, broken between phases. */
    public static final String LINE = "line";
    /** Key of the centre line (steps per phase). */
    public static final String CENTRE = "centre";
    /** Key of the centre line of phases whose runs analysis signals (drawn dashed in the plain theme). */
    public static final String CENTRE_RUNS_SIGNAL = "centre-runs-signal";
    /** Key of the lower process limit (steps per phase). */
    public static final String LOWER_LIMIT = "lower-limit";
    /** Key of the upper process limit (steps per phase). */
    public static final String UPPER_LIMIT = "upper-limit";
    /** Key of the lower 2σ line. */
    public static final String LOWER_2_SIGMA = "lower-2-sigma";
    /** Key of the upper 2σ line. */
    public static final String UPPER_2_SIGMA = "upper-2-sigma";
    /** Key of the lower 1σ line. */
    public static final String LOWER_1_SIGMA = "lower-1-sigma";
    /** Key of the upper 1σ line. */
    public static final String UPPER_1_SIGMA = "upper-1-sigma";

    /** Prefix of the ids JFreeSVG gives clip paths and gradients: fixed, so the same chart gives the same bytes. */
    static final String SVG_DEFS_PREFIX = "shewhart";

    private static final double MS_PER_DAY = 86_400_000.0;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color TEXT = new Color(0x404040);
    private static final Color AXIS = new Color(0x808080);
    private static final Color GRID = new Color(0xebebeb);
    private static final double POINT_SIZE = 7.0;

    static {
        // before the first AWT class loads: never pull in X11, even with a stray DISPLAY
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartRenderer() {
    }

    /**
     * Draws a chart with x given as labels and, for dates or numbers, values.
     *
     * @param result the engine's chart
     * @param xLabels the label of each point, or {@code null} for 1, 2, 3, ...
     * @param xValues epoch days when every label is an ISO date whose epoch day this is, otherwise numbers; or
     *     {@code null} when x are categories (see {@link XValues#of})
     * @param style presentation
     * @return the chart model
     * @throws IllegalArgumentException if the lengths differ from the number of points
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public static JFreeChart render(ChartResult result, String[] xLabels, double[] xValues, ChartStyle style) {
        Objects.requireNonNull(result, "result");
        String[] labels = xLabels;
        if (labels == null) {
            labels = new String[result.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Integer.toString(i + 1);
            }
        }
        return render(result, XValues.of(labels, xValues), style);
    }

    /**
     * Draws a chart.
     *
     * @param result the engine's chart
     * @param x the x of each point
     * @param style presentation
     * @return the chart model
     * @throws IllegalArgumentException if x does not have one value per point
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public static JFreeChart render(ChartResult result, XValues x, ChartStyle style) {
        return render(result, x, style, ChartLabels.NONE);
    }

    /**
     * Draws a chart with phase names and annotations.
     *
     * @param result the engine's chart
     * @param x the x of each point
     * @param style presentation
     * @param labels phase names and annotations (annotations are drawn where their x falls; the x axis is not
     *     widened for them, so one outside the points' range is clipped away)
     * @return the chart model
     * @throws IllegalArgumentException if x does not have one value per point
     * @throws org.shewhart.engine.SpcInputException if Java has no usable font
     */
    public static JFreeChart render(ChartResult result, XValues x, ChartStyle style, ChartLabels labels) {
        return render(result, x, style, labels, Double.NaN, Double.NaN);
    }

    /** As {@link #render(ChartResult, XValues, ChartStyle, ChartLabels)} with a fixed y range (NaN: automatic). */
    static JFreeChart render(ChartResult result, XValues x, ChartStyle style, ChartLabels labels, double yLo,
            double yHi) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(labels, "labels");
        if (x.size() != result.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x has %d values but the chart has %d points", x.size(), result.size()));
        }
        Fonts.check();
        return new Drawing(result, x, style, labels, yLo, yHi).chart();
    }

    /**
     * Writes a chart in the given format at the style's size.
     *
     * @param chart a chart from {@link #render}
     * @param style the style it was rendered with (for the size)
     * @param format the file format
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(JFreeChart chart, ChartStyle style, ImageFormat format, OutputStream out)
            throws IOException {
        switch (format) {
            case SVG:
                writeSvg(chart, style, out);
                break;
            case PDF:
                writePdf(chart, style, out);
                break;
            case PNG:
            default:
                writePng(chart, style, out);
                break;
        }
    }

    /**
     * Writes a chart as PNG, style width × height pixels.
     *
     * @param chart a chart from {@link #render}
     * @param style the style (for the size)
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writePng(JFreeChart chart, ChartStyle style, OutputStream out) throws IOException {
        PngEncoder.write(toImage(chart, style.width(), style.height()), out);
        out.flush();
    }

    /** The chart drawn on an opaque white image, antialiased as JFreeChart draws its own PNGs. */
    static BufferedImage toImage(JFreeChart chart, int w, int h) {
        final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /**
     * Writes a chart as an SVG document. The same chart gives the same bytes (ids are fixed, not time-based).
     *
     * @param chart a chart from {@link #render}
     * @param style the style (for the size)
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeSvg(JFreeChart chart, ChartStyle style, OutputStream out) throws IOException {
        final SVGGraphics2D g2 = new SVGGraphics2D(style.width(), style.height());
        g2.setDefsKeyPrefix(SVG_DEFS_PREFIX);
        // two decimals are a hundredth of a pixel: files a third the size, and no float noise in the bytes
        final DecimalFormat twoDp = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        g2.setGeomDoubleConverter(twoDp::format);
        g2.setTransformDoubleConverter(twoDp::format);
        chart.draw(g2, new Rectangle2D.Double(0, 0, style.width(), style.height()));
        out.write(g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Writes a chart as a one-page PDF, style width × height points, with the title as document title.
     *
     * @param chart a chart from {@link #render}
     * @param style the style (for the size and title)
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writePdf(JFreeChart chart, ChartStyle style, OutputStream out) throws IOException {
        final PDFDocument doc = new PDFDocument();
        doc.setTitle(style.title() == null ? "Chart" : style.title());
        doc.setAuthor("Shewhart");
        final Page page = doc.createPage(new Rectangle2D.Double(0, 0, style.width(), style.height()));
        final PDFGraphics2D g2 = page.getGraphics2D();
        if (!plainText(chart)) {
            // JFreePDF would print non-ASCII as '?' and break on an unbalanced parenthesis: draw text as outlines
            g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        }
        chart.draw(g2, new Rectangle2D.Double(0, 0, style.width(), style.height()));
        out.write(doc.getPDFBytes());
        out.flush();
    }

    /**
     * Whether every text of the chart (titles, axis labels, category labels, phase labels, annotations) can be PDF
     * text as it is.
     */
    static boolean plainText(JFreeChart chart) {
        if (chart.getTitle() != null && !PdfText.isPlain(chart.getTitle().getText())) {
            return false;
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle && !PdfText.isPlain(((TextTitle) t).getText())) {
                return false;
            }
        }
        final XYPlot plot = chart.getXYPlot();
        for (Object a : plot.getAnnotations()) {
            if (a instanceof XYTextAnnotation && !PdfText.isPlain(((XYTextAnnotation) a).getText())) {
                return false;
            }
            if (a instanceof AnnotationLayer) {
                for (String t : ((AnnotationLayer) a).texts()) {
                    if (!PdfText.isPlain(t)) {
                        return false;
                    }
                }
            }
        }
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            if (axis == null) {
                continue;
            }
            if (!PdfText.isPlain(axis.getLabel())) {
                return false;
            }
            if (axis instanceof SymbolAxis) {
                for (String symbol : ((SymbolAxis) axis).getSymbols()) {
                    if (!PdfText.isPlain(symbol)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** One chart being built. */
    private static final class Drawing {
        private final ChartResult r;
        private final XValues x;
        private final ChartStyle style;
        private final ChartLabels labels;
        private final Theme theme;
        private final double xScale;
        private final double fixedLo;
        private final double fixedHi;
        private final double[] xs;
        private final DefaultXYDataset data = new DefaultXYDataset();
        private double lo = Double.POSITIVE_INFINITY;
        private double hi = Double.NEGATIVE_INFINITY;

        Drawing(ChartResult r, XValues x, ChartStyle style, ChartLabels labels, double fixedLo, double fixedHi) {
            this.r = r;
            this.x = x;
            this.style = style;
            this.labels = labels;
            this.theme = style.theme();
            this.fixedLo = fixedLo;
            this.fixedHi = fixedHi;
            this.xs = new double[r.size()];
            xScale = x.kind() == XValues.Kind.DATE ? MS_PER_DAY : 1.0;
            for (int i = 0; i < xs.length; i++) {
                xs[i] = x.valueAt(i) * xScale;
            }
        }

        JFreeChart chart() {
            final double[] ys = r.values();
            include(ys);
            data.addSeries(POINTS, new double[][] {xs, ys});
            data.addSeries(LINE, broken(ys));
            addSteps(CENTRE, r::centreAt, false);
            addSteps(CENTRE_RUNS_SIGNAL, r::centreAt, true);
            addSteps(LOWER_LIMIT, r::lowerLimitAt, null);
            addSteps(UPPER_LIMIT, r::upperLimitAt, null);
            if (style.hasSigmaLines()) {
                addSteps(LOWER_2_SIGMA, i -> r.lowerZoneAt(i, 2), null);
                addSteps(UPPER_2_SIGMA, i -> r.upperZoneAt(i, 2), null);
                addSteps(LOWER_1_SIGMA, i -> r.lowerZoneAt(i, 1), null);
                addSteps(UPPER_1_SIGMA, i -> r.upperZoneAt(i, 1), null);
            }
            final double target = r.spec().target();
            final boolean drawTarget = style.hasTarget() && Double.isFinite(target);
            if (drawTarget) {
                lo = Math.min(lo, target);
                hi = Math.max(hi, target);
            }

            final XYPlot plot = new XYPlot(data, domainAxis(), rangeAxis(), renderer());
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinePaint(GRID);
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
            plot.setInsets(new RectangleInsets(4, 4, 4, 8));
            if (drawTarget) {
                plot.addRangeMarker(targetMarker(target), Layer.BACKGROUND);
            }
            phases(plot);
            if (!labels.annotations().isEmpty()) {
                plot.addAnnotation(new AnnotationLayer(labels.annotations(), xScale, phaseLabelsDrawn()), false);
            }

            final JFreeChart chart = new JFreeChart(null, null, plot, false);
            chart.setBackgroundPaint(Color.WHITE);
            chart.setAntiAlias(true);
            chart.setTextAntiAlias(true);
            chart.setPadding(new RectangleInsets(8, 8, 6, 10));
            if (style.title() != null) {
                final TextTitle t = new TextTitle(style.title(), Fonts.bold(16f));
                t.setPaint(new Color(0x202020));
                t.setHorizontalAlignment(HorizontalAlignment.LEFT);
                t.setPadding(new RectangleInsets(0, 4, 2, 4));
                chart.setTitle(t);
            }
            if (style.subtitle() != null) {
                final TextTitle s = new TextTitle(style.subtitle(), Fonts.plain(12f));
                s.setPaint(new Color(0x595959));
                s.setHorizontalAlignment(HorizontalAlignment.LEFT);
                s.setPadding(new RectangleInsets(0, 4, 6, 4));
                chart.addSubtitle(s);
            }
            if (style.hasIcons() && r.size() > 0) {
                chart.addSubtitle(new IconTitle(r.variation(), r.spec().improvement(), r.assurance(), theme));
            }
            return chart;
        }

        private void include(double[] v) {
            for (double d : v) {
                if (d < lo) {
                    lo = d;
                }
                if (d > hi) {
                    hi = d;
                }
            }
        }

        /** The values with a NaN between phases, so the line breaks at every rebase. */
        private double[][] broken(double[] ys) {
            final List<Phase> phases = r.phases();
            final int n = ys.length + Math.max(0, phases.size() - 1);
            final double[] bx = new double[n];
            final double[] by = new double[n];
            int k = 0;
            for (int p = 0; p < phases.size(); p++) {
                if (p > 0) {
                    bx[k] = Double.NaN;
                    by[k++] = Double.NaN;
                }
                for (int i = phases.get(p).first(); i <= phases.get(p).last(); i++) {
                    bx[k] = xs[i];
                    by[k++] = ys[i];
                }
            }
            return new double[][] {bx, by};
        }

        /**
         * Adds a line as steps: each point's value held from halfway to the previous point to halfway to the next,
         * within its phase, with a NaN between phases. {@code runsSignal} null takes every phase, true only phases
         * whose runs analysis signals, false only the others. A series with no finite value is left out.
         */
        private void addSteps(String key, IntToDoubleFunction line, Boolean runsSignal) {
            final List<Phase> phases = r.phases();
            final double[] sx = new double[2 * r.size() + phases.size()];
            final double[] sy = new double[sx.length];
            int k = 0;
            boolean any = false;
            for (Phase ph : phases) {
                final boolean signals = ph.runs() != null && ph.runs().signal();
                if (runsSignal != null && signals != runsSignal) {
                    continue;
                }
                if (k > 0) {
                    sx[k] = Double.NaN;
                    sy[k++] = Double.NaN;
                }
                for (int i = ph.first(); i <= ph.last(); i++) {
                    final double v = line.applyAsDouble(i);
                    any |= !Double.isNaN(v);
                    sx[k] = i == ph.first() ? xs[i] : (xs[i - 1] + xs[i]) / 2;
                    sy[k++] = v;
                    sx[k] = i == ph.last() ? xs[i] : (xs[i] + xs[i + 1]) / 2;
                    sy[k++] = v;
                }
            }
            if (!any) {
                return;
            }
            final double[][] series = {java.util.Arrays.copyOf(sx, k), java.util.Arrays.copyOf(sy, k)};
            include(series[1]);
            data.addSeries(key, series);
        }

        private PointRenderer renderer() {
            final int n = r.size();
            final java.awt.Color[] colours = new java.awt.Color[n];
            final boolean[] hollow = new boolean[n];
            for (int i = 0; i < n; i++) {
                colours[i] = theme.pointColour(r.typeAt(i));
                hollow[i] = r.isExcluded(i);
            }
            final PointRenderer pr = new PointRenderer(data.indexOf(POINTS), colours, hollow);
            final Shape dot = new Ellipse2D.Double(-POINT_SIZE / 2, -POINT_SIZE / 2, POINT_SIZE, POINT_SIZE);
            for (int s = 0; s < data.getSeriesCount(); s++) {
                final String key = (String) data.getSeriesKey(s);
                pr.setSeriesShapesVisible(s, key.equals(POINTS));
                pr.setSeriesLinesVisible(s, !key.equals(POINTS));
                pr.setSeriesShape(s, dot);
                pr.setSeriesOutlineStroke(s, new BasicStroke(1.5f));
                switch (key) {
                    case LINE:
                        pr.setSeriesPaint(s, theme.lineColour());
                        pr.setSeriesStroke(s, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        break;
                    case CENTRE:
                        pr.setSeriesPaint(s, theme.centreColour());
                        pr.setSeriesStroke(s, new BasicStroke(1.4f));
                        break;
                    case CENTRE_RUNS_SIGNAL:
                        pr.setSeriesPaint(s, theme.runsSignalColour());
                        pr.setSeriesStroke(s, theme == Theme.PLAIN ? dashed(1.6f, 7f, 4f) : new BasicStroke(1.4f));
                        break;
                    case LOWER_LIMIT:
                    case UPPER_LIMIT:
                        pr.setSeriesPaint(s, theme.limitColour());
                        pr.setSeriesStroke(s, dashed(1.3f, 6f, 4f));
                        break;
                    default:
                        pr.setSeriesPaint(s, theme.zoneColour());
                        pr.setSeriesStroke(s, dashed(1f, 2f, 3f));
                        break;
                }
            }
            return pr;
        }

        private static Stroke dashed(float width, float on, float off) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {on, off}, 0f);
        }

        private ValueMarker targetMarker(double target) {
            final ValueMarker m = new ValueMarker(target, theme.targetColour(), dashed(1.6f, 8f, 4f));
            m.setLabel("target");
            m.setLabelFont(Fonts.plain(11f));
            m.setLabelPaint(theme.targetColour());
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            return m;
        }

        /** A faint line between phases and, above each phase, its label. */
        private void phases(XYPlot plot) {
            final List<Phase> phases = r.phases();
            if (phases.size() < 2) {
                return;
            }
            for (int p = 1; p < phases.size(); p++) {
                final int first = phases.get(p).first();
                final ValueMarker m = new ValueMarker((xs[first - 1] + xs[first]) / 2, new Color(0xb0b0b0),
                        dashed(1f, 2f, 2f));
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
            if (!style.hasPhaseLabels()) {
                return;
            }
            final double top = plot.getRangeAxis().getUpperBound();
            for (Phase ph : phases) {
                final XYTextAnnotation a = new XYTextAnnotation(labels.phaseLabel(ph.number() - 1), xs[ph.first()],
                        top);
                a.setFont(Fonts.plain(11f));
                a.setPaint(new Color(0x595959));
                a.setTextAnchor(TextAnchor.TOP_LEFT);
                plot.addAnnotation(a);
            }
        }

        private ValueAxis domainAxis() {
            final ValueAxis axis;
            switch (x.kind()) {
                case DATE:
                    final DateAxis d = new DateAxis(style.xLabel(), UTC, Locale.ENGLISH);
                    d.setStandardTickUnits(dateUnits());
                    axis = d;
                    break;
                case CATEGORY:
                    final SymbolAxis s = new SymbolAxis(style.xLabel(), x.labels());
                    s.setGridBandsVisible(false);
                    s.setVerticalTickLabels(x.size() > 12);
                    axis = s;
                    break;
                case NUMBER:
                default:
                    final NumberAxis nx = new NumberAxis(style.xLabel());
                    nx.setAutoRangeIncludesZero(false);
                    if (allIntegers()) {
                        nx.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                    }
                    nx.setNumberFormatOverride(plainNumbers());
                    axis = nx;
                    break;
            }
            if (x.kind() != XValues.Kind.CATEGORY) {
                axis.setLowerMargin(0.015);
                axis.setUpperMargin(0.015);
            }
            styleAxis(axis);
            return axis;
        }

        private boolean allIntegers() {
            for (double v : xs) {
                if (v != Math.rint(v)) {
                    return false;
                }
            }
            return true;
        }

        private NumberAxis rangeAxis() {
            final NumberAxis axis = new NumberAxis(style.yLabel());
            axis.setAutoRangeIncludesZero(false);
                        if (!(lo <= hi)) {
                lo = 0;
                hi = 1;
            }
            double span = hi - lo;
            if (span == 0) {
                span = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= span / 2;
                hi += span / 2;
            }
            double topRoom = phaseLabelsDrawn() ? 0.14 : 0.06;
            final double room = annotationRoom();
            if (room > 0) {
                // the top topRoom x span of a plot spanning (1.06 + topRoom) x span must hold the annotation rows
                final double plotHeight = Math.max(60, approxPlotHeight() - room);
                topRoom = Math.max(topRoom, Math.min(1.5, 1.06 * (room + 4) / plotHeight));
            }
            if (Double.isFinite(fixedLo) && Double.isFinite(fixedHi) && fixedHi > fixedLo) {
                axis.setRange(fixedLo, fixedHi);
            } else {
                axis.setRange(lo - span * 0.06, hi + span * topRoom);
            }
            axis.setTickUnit(tickUnit(axis.getRange().getLength()));
            styleAxis(axis);
            return axis;
        }

        private boolean phaseLabelsDrawn() {
            return r.phases().size() > 1 && style.hasPhaseLabels();
        }

        /** Pixels the annotation rows need above the data, laid out on a plot of about the style's width. */
        private double annotationRoom() {
            final List<ChartLabels.Annotation> list = labels.annotations();
            if (list.isEmpty() || xs.length == 0) {
                return 0;
            }
            final double[] ax = new double[list.size()];
            final String[] texts = new String[list.size()];
            final Integer[] order = new Integer[list.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(list.get(a).x(), list.get(b).x()));
            for (int i = 0; i < order.length; i++) {
                ax[i] = list.get(order[i]).x() * xScale;
                texts[i] = list.get(order[i]).text();
            }
            final double plotWidth = style.width() - 90 - (style.hasIcons() ? 70 : 0);
            final java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1, 1,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            final java.awt.Graphics2D g = img.createGraphics();
            try {
                final int rows = AnnotationLayer.rowsNeeded(ax, xs[0], xs[xs.length - 1], plotWidth,
                        g.getFontMetrics(AnnotationLayer.font()), texts);
                return AnnotationLayer.roomFor(rows, phaseLabelsDrawn());
            } finally {
                g.dispose();
            }
        }

        /** The data area's height, roughly: the picture less title, subtitle, x axis and padding. */
        private double approxPlotHeight() {
            return style.height() - 14 - 45 - (style.title() != null ? 24 : 0) - (style.subtitle() != null ? 20 : 0);
        }

        /**
         * About seven ticks at 1, 2, 2.5 or 5 times a power of ten (JFreeChart's own choice packs them every 20
         * pixels), labelled with the decimals the step needs, as a percentage where the values are.
         */
        private NumberTickUnit tickUnit(double span) {
            final int wanted = Math.max(3, style.height() / 65);
            final double raw = span / wanted;
            final double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            final double f = raw / mag;
            final double step = (f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10) * mag;
            final boolean proportion = isProportion();
            final boolean percent = proportion || r.spec().multiply() == 100;
            final double shown = proportion ? step * 100 : step;
            int decimals = 0;
            while (decimals < 10 && Math.abs(shown * Math.pow(10, decimals)
                    - Math.rint(shown * Math.pow(10, decimals))) > 1e-6 * shown * Math.pow(10, decimals)) {
                decimals++;
            }
            final StringBuilder pattern = new StringBuilder("#,##0");
            if (decimals > 0) {
                pattern.append('.').append("0".repeat(decimals));
            }
            if (percent) {
                pattern.append(proportion ? "%" : "'%'");
            }
            return new NumberTickUnit(step, new DecimalFormat(pattern.toString(),
                    DecimalFormatSymbols.getInstance(Locale.ROOT)));
        }

        /** Whether values are proportions to show as percentages: p and p' charts without a multiplier. */
        private boolean isProportion() {
            final ChartType t = r.spec().type();
            return r.spec().multiply() == 1 && (t == ChartType.P || t == ChartType.P_PRIME);
        }

        private static NumberFormat plainNumbers() {
            return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        }

        private static void styleAxis(ValueAxis axis) {
            final Font ticks = Fonts.plain(11f);
            axis.setTickLabelFont(ticks);
            axis.setTickLabelPaint(TEXT);
            axis.setLabelFont(Fonts.plain(12f));
            axis.setLabelPaint(TEXT);
            axis.setAxisLinePaint(AXIS);
            axis.setTickMarkPaint(AXIS);
            axis.setTickMarkOutsideLength(3f);
            axis.setMinorTickMarksVisible(false);
        }

        /** Weekly, monthly and yearly ticks with short English labels, in UTC so output does not vary by host. */
        private static TickUnits dateUnits() {
            final TickUnits u = new TickUnits();
            u.add(new DateTickUnit(DateTickUnitType.DAY, 1, format("d MMM")));
            u.add(new DateTickUnit(DateTickUnitType.DAY, 7, format("d MMM yy")));
            u.add(new DateTickUnit(DateTickUnitType.DAY, 14, format("d MMM yy")));
            for (int m : new int[] {1, 2, 3, 4, 6}) {
                u.add(new DateTickUnit(DateTickUnitType.MONTH, m, format("MMM yy")));
            }
            for (int y : new int[] {1, 2, 5, 10, 20, 50}) {
                u.add(new DateTickUnit(DateTickUnitType.YEAR, y, format("yyyy")));
            }
            return u;
        }

        private static DateFormat format(String pattern) {
            final SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ENGLISH);
            f.setTimeZone(UTC);
            return f;
        }
    }
}
