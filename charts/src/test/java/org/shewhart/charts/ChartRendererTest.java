package org.shewhart.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.Phase;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Series;
import org.shewhart.engine.SpcInputException;

/**
 * The chart model against the engine's result: what is drawn must be exactly what the engine returned. The
 * fixture is an XmR chart of 40 weekly points in two phases, decreasing is better, target 8: phase 2 has a shift
 * below the mean (improvement) and a point above the upper limit (concern); point 3 is excluded and point 10 is
 * missing.
 */
final class ChartRendererTest {
    private static final double[] VALUES = {
        10, 11, 9, 10.5, 9.5, 10, 11, 10, 9, 10, Double.NaN, 10.5, 9.5, 10, 11, 9, 10, 10.5, 9.5, 10,
        10, 9, 11, 10, 10.5, 9.5, 10, 9, 11, 10, 8, 8.5, 8, 8.2, 8.1, 8.4, 8.3, 20, 10, 10,
    };
    private static final int PHASE_2 = 20;
    private static final int EXCLUDED = 3;
    private static final int MISSING = 10;
    private static final double TARGET = 8;
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static ChartResult result() {
        return ChartSpec.builder(ChartType.XMR).improvement(Improvement.DECREASE).target(TARGET)
                .phaseStarts(PHASE_2).exclude(EXCLUDED).build().compute(VALUES);
    }

    private static XValues weeks(int n) {
        final double[] days = new double[n];
        final String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            final LocalDate d = START.plusWeeks(i);
            days[i] = d.toEpochDay();
            labels[i] = d.toString();
        }
        return XValues.dates(days, labels);
    }

    private static JFreeChart render(ChartResult r, ChartStyle style) {
        return ChartRenderer.render(r, weeks(r.size()), style);
    }

    private static XYPlot plot(JFreeChart chart) {
        return chart.getXYPlot();
    }

    private static int series(JFreeChart chart, String key) {
        return plot(chart).getDataset().indexOf(key);
    }

    private static double[] ys(JFreeChart chart, String key) {
        final XYDataset d = plot(chart).getDataset();
        final int s = d.indexOf(key);
        assertTrue(s >= 0, "no series " + key);
        final double[] y = new double[d.getItemCount(s)];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.getYValue(s, i);
        }
        return y;
    }

    private static double[] xs(JFreeChart chart, String key) {
        final XYDataset d = plot(chart).getDataset();
        final int s = d.indexOf(key);
        final double[] x = new double[d.getItemCount(s)];
        for (int i = 0; i < x.length; i++) {
            x[i] = d.getXValue(s, i);
        }
        return x;
    }

    @Test
    void pointsAreTheEngineValuesAtTheirDates() {
        final ChartResult r = result();
        final JFreeChart chart = render(r, ChartStyle.makingDataCount());
        assertArrayEquals(r.values(), ys(chart, ChartRenderer.POINTS), 0.0);
        final double[] x = xs(chart, ChartRenderer.POINTS);
        for (int i = 0; i < r.size(); i++) {
            assertEquals(START.plusWeeks(i).toEpochDay() * 86_400_000.0, x[i], 0.0, "x of point " + i);
        }
        assertTrue(Double.isNaN(ys(chart, ChartRenderer.POINTS)[MISSING]), "a missing value stays a gap");
        assertInstanceOf(DateAxis.class, plot(chart).getDomainAxis());
    }

    @Test
    void valueLineBreaksBetweenPhasesAndAtMissingValues() {
        final ChartResult r = result();
        final double[] line = ys(render(r, ChartStyle.makingDataCount()), ChartRenderer.LINE);
        assertEquals(r.size() + 1, line.length, "one NaN between the two phases");
        assertTrue(Double.isNaN(line[PHASE_2]), "break before the first point of phase 2");
        assertTrue(Double.isNaN(line[MISSING]));
        assertEquals(r.valueAt(PHASE_2), line[PHASE_2 + 1], 0.0);
    }

    @Test
    void fixtureHasEveryKindOfPoint() {
        // the colour tests below mean something only if the engine returned these types
        final ChartResult r = result();
        final List<PointType> types = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            types.add(r.typeAt(i));
        }
        assertTrue(types.contains(PointType.COMMON_CAUSE));
        assertTrue(types.contains(PointType.SPECIAL_CAUSE_IMPROVEMENT));
        assertTrue(types.contains(PointType.SPECIAL_CAUSE_CONCERN));
        assertEquals(2, r.phases().size());
    }

    @Test
    void eachPointCarriesTheMakingDataCountColourOfItsType() {
        final ChartResult r = result();
        final JFreeChart chart = render(r, ChartStyle.makingDataCount());
        final PointRenderer pr = (PointRenderer) plot(chart).getRenderer();
        final int s = series(chart, ChartRenderer.POINTS);
        for (int i = 0; i < r.size(); i++) {
            final Color expected;
            switch (r.typeAt(i)) {
                case SPECIAL_CAUSE_IMPROVEMENT:
                    expected = new Color(0x00b0f0);
                    break;
                case SPECIAL_CAUSE_CONCERN:
                    expected = new Color(0xe46c0a);
                    break;
                case SPECIAL_CAUSE_NEUTRAL_HIGH:
                case SPECIAL_CAUSE_NEUTRAL_LOW:
                    expected = new Color(0x490092);
                    break;
                default:
                    expected = new Color(0xa6a6a6);
                    break;
            }
            assertEquals(expected, pr.getItemPaint(s, i), "paint of point " + i + " (" + r.typeAt(i) + ")");
            assertTrue(pr.getItemShapeVisible(s, i));
            assertFalse(pr.getItemLineVisible(s, i), "the points series draws no line of its own");
        }
    }

    @Test
    void neutralDirectionGivesPurple() {
        final ChartResult r = ChartSpec.builder(ChartType.XMR).improvement(Improvement.NEUTRAL).build()
                .compute(VALUES);
        final JFreeChart chart = render(r, ChartStyle.makingDataCount());
        final int s = series(chart, ChartRenderer.POINTS);
        int neutral = 0;
        for (int i = 0; i < r.size(); i++) {
            final PointType t = r.typeAt(i);
            if (t == PointType.SPECIAL_CAUSE_NEUTRAL_HIGH || t == PointType.SPECIAL_CAUSE_NEUTRAL_LOW) {
                assertEquals(new Color(0x490092), plot(chart).getRenderer().getItemPaint(s, i));
                neutral++;
            }
        }
        assertTrue(neutral > 0);
    }

    @Test
    void plainThemeUsesOneSignalColour() {
        final ChartResult r = result();
        final JFreeChart chart = render(r, ChartStyle.plain());
        final int s = series(chart, ChartRenderer.POINTS);
        for (int i = 0; i < r.size(); i++) {
            final Color expected = r.typeAt(i).isSpecialCause() ? new Color(0xf05a28) : new Color(0x8c8c8c);
            assertEquals(expected, plot(chart).getRenderer().getItemPaint(s, i), "point " + i);
        }
        assertTrue(chart.getSubtitles().stream().noneMatch(t -> t instanceof IconTitle), "no icons in plain");
    }

    @Test
    void excludedPointsAreHollow() {
        final ChartResult r = result();
        final JFreeChart chart = render(r, ChartStyle.makingDataCount());
        final PointRenderer pr = (PointRenderer) plot(chart).getRenderer();
        final int s = series(chart, ChartRenderer.POINTS);
        for (int i = 0; i < r.size(); i++) {
            final boolean excluded = r.isExcluded(i);
            assertEquals(i == EXCLUDED, excluded);
            assertEquals(excluded, pr.isHollow(i));
            final Object fill = pr.getItemFillPaint(s, i);
            if (excluded) {
                assertEquals(Color.WHITE, fill, "hollow: white inside");
                assertEquals(new Color(0xa6a6a6), pr.getItemPaint(s, i), "ring in the type colour");
            } else {
                assertEquals(pr.getItemPaint(s, i), fill, "filled in its colour: point " + i);
            }
        }
    }

    @Test
    void limitsAreStepsPerPhaseWithABreakBetweenPhases() {
        final ChartResult r = result();
        final JFreeChart chart = render(r, ChartStyle.makingDataCount());
        for (String key : new String[] {ChartRenderer.UPPER_LIMIT, ChartRenderer.LOWER_LIMIT, ChartRenderer.CENTRE}) {
            final double[] y = ys(chart, key);
            final double[] x = xs(chart, key);
            // two items per point (the step) plus one NaN between the phases
            assertEquals(2 * r.size() + 1, y.length, key);
            assertTrue(Double.isNaN(y[2 * PHASE_2]), key + ": break between phases");
            final Phase p1 = r.phases().get(0);
            final Phase p2 = r.phases().get(1);
            assertEquals(xs(chart, ChartRenderer.POINTS)[p1.last()], x[2 * PHASE_2 - 1], 0.0,
                    key + ": phase 1 ends at its last point");
            assertEquals(xs(chart, ChartRenderer.POINTS)[p2.first()], x[2 * PHASE_2 + 1], 0.0,
                    key + ": phase 2 starts at its first point");
            for (int i = 0; i < r.size(); i++) {
                final int k = 2 * i + (i >= PHASE_2 ? 1 : 0);
                final double expected = key.equals(ChartRenderer.UPPER_LIMIT) ? r.upperLimitAt(i)
                        : key.equals(ChartRenderer.LOWER_LIMIT) ? r.lowerLimitAt(i) : r.centreAt(i);
                assertEquals(expected, y[k], 0.0, key + " at point " + i);
                assertEquals(expected, y[k + 1], 0.0, key + " at point " + i);
            }
        }
        assertTrue(r.upperLimitAt(0) != r.upperLimitAt(PHASE_2), "phases have their own limits");
    }

    @Test
    void limitsDashedCentreSolid() {
        final JFreeChart chart = render(result(), ChartStyle.makingDataCount());
        final var pr = plot(chart).getRenderer();
        final var upper = (java.awt.BasicStroke) pr.getSeriesStroke(series(chart, ChartRenderer.UPPER_LIMIT));
        final var centre = (java.awt.BasicStroke) pr.getSeriesStroke(series(chart, ChartRenderer.CENTRE));
        assertNotNull(upper.getDashArray());
        assertNull(centre.getDashArray());
        assertEquals(Color.BLACK, pr.getSeriesPaint(series(chart, ChartRenderer.CENTRE)));
    }

    @Test
    void sigmaLinesOnlyWhenAsked() {
        final ChartResult r = result();
        assertEquals(-1, series(render(r, ChartStyle.makingDataCount()), ChartRenderer.UPPER_2_SIGMA));
        final JFreeChart chart = render(r, ChartStyle.makingDataCount().withSigmaLines(true));
        assertEquals(r.upperZoneAt(5, 2), ys(chart, ChartRenderer.UPPER_2_SIGMA)[10], 0.0);
        assertEquals(r.lowerZoneAt(5, 1), ys(chart, ChartRenderer.LOWER_1_SIGMA)[10], 0.0);
    }

    @Test
    void targetIsARedDashedMarkerInsideTheRange() {
        final JFreeChart chart = render(result(), ChartStyle.makingDataCount());
        final Collection<?> markers = plot(chart).getRangeMarkers(Layer.BACKGROUND);
        assertEquals(1, markers.size());
        final ValueMarker m = (ValueMarker) markers.iterator().next();
        assertEquals(TARGET, m.getValue(), 0.0);
        assertEquals(new Color(0xde1b1b), m.getPaint());
        assertTrue(plot(chart).getRangeAxis().getRange().contains(TARGET));
        assertNull(plot(render(result(), ChartStyle.makingDataCount().withTarget(false)))
                .getRangeMarkers(Layer.BACKGROUND));
    }

    @Test
    void phasesAreLabelledAndSeparated() {
        final JFreeChart chart = render(result(), ChartStyle.makingDataCount());
        final List<String> labels = new ArrayList<>();
        for (XYAnnotation a : plot(chart).getAnnotations()) {
            labels.add(((XYTextAnnotation) a).getText());
        }
        assertEquals(List.of("Phase 1", "Phase 2"), labels);
        final Collection<Marker> sep = plot(chart).getDomainMarkers(Layer.BACKGROUND);
        assertEquals(1, sep.size());
        final double[] x = xs(chart, ChartRenderer.POINTS);
        final double at = ((ValueMarker) sep.iterator().next()).getValue();
        assertTrue(x[PHASE_2 - 1] < at && at < x[PHASE_2]);
    }

    @Test
    void yAxisIsNotForcedToZero() {
        final JFreeChart chart = render(result(), ChartStyle.makingDataCount());
        final NumberAxis y = (NumberAxis) plot(chart).getRangeAxis();
        assertFalse(y.getAutoRangeIncludesZero());
        assertTrue(y.getLowerBound() > 0, "data from about 5 to 20 is not drawn from 0: " + y.getLowerBound());
    }

    @Test
    void proportionsAreShownAsPercent() {
        final double[] y = {3, 5, 4, 6, 2, 5, 4, 3, 5, 4, 6, 3};
        final double[] n = {50, 60, 55, 58, 40, 62, 50, 48, 52, 57, 61, 45};
        final ChartResult r = ChartSpec.builder(ChartType.P).build().compute(Series.of(y, n));
        final NumberAxis axis = (NumberAxis) plot(render(r, ChartStyle.makingDataCount())).getRangeAxis();
        assertEquals("5%", axis.getTickUnit().valueToString(0.05));
        final ChartResult xmr = ChartSpec.builder(ChartType.XMR).multiply(100).build().compute(VALUES);
        final NumberAxis pct = (NumberAxis) plot(render(xmr, ChartStyle.makingDataCount())).getRangeAxis();
        assertTrue(pct.getTickUnit().valueToString(10).endsWith("%"));
        final NumberAxis plain = (NumberAxis) plot(render(result(), ChartStyle.makingDataCount())).getRangeAxis();
        assertFalse(plain.getTickUnit().valueToString(10).endsWith("%"));
    }

    @Test
    void categoriesAndNumbersGetTheirOwnAxes() {
        final ChartResult r = ChartSpec.builder(ChartType.XMR).build().compute(1, 2, 3, 2, 1, 2);
        final String[] labels = {"A", "B", "C", "D", "E", "F"};
        final XYPlot cat = ChartRenderer.render(r, labels, null, ChartStyle.plain()).getXYPlot();
        assertInstanceOf(SymbolAxis.class, cat.getDomainAxis());
        assertEquals("C", ((SymbolAxis) cat.getDomainAxis()).valueToString(2));
        final double[] x = {10, 20, 30, 40, 50, 60};
        final XYPlot num = ChartRenderer.render(r, labels, x, ChartStyle.plain()).getXYPlot();
        assertInstanceOf(NumberAxis.class, num.getDomainAxis());
        assertEquals(30, num.getDataset().getXValue(0, 2), 0.0);
        final String[] dates = {"2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"};
        final double[] days = new double[6];
        for (int i = 0; i < 6; i++) {
            days[i] = LocalDate.parse(dates[i]).toEpochDay();
        }
        assertInstanceOf(DateAxis.class, ChartRenderer.render(r, dates, days, ChartStyle.plain()).getXYPlot()
                .getDomainAxis());
        assertThrows(IllegalArgumentException.class,
                () -> ChartRenderer.render(r, new String[] {"A"}, null, ChartStyle.plain()));
    }

    @Test
    void titleAndIcons() {
        final ChartResult r = result();
        final JFreeChart chart = render(r, ChartStyle.makingDataCount().withTitle("Falls").withSubtitle("Ward 7"));
        assertEquals("Falls", chart.getTitle().getText());
        IconTitle icons = null;
        final List<String> texts = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof IconTitle) {
                icons = (IconTitle) t;
            } else if (t instanceof TextTitle) {
                texts.add(((TextTitle) t).getText());
            }
        }
        assertEquals(List.of("Ward 7"), texts);
        assertNotNull(icons);
        assertEquals(r.variation(), icons.variation());
        assertEquals(r.assurance(), icons.assurance());
        assertEquals(2, icons.iconCount());
        assertNull(findIcons(render(r, ChartStyle.makingDataCount().withIcons(false))));
    }

    private static Title findIcons(JFreeChart chart) {
        for (Object t : chart.getSubtitles()) {
            if (t instanceof IconTitle) {
                return (Title) t;
            }
        }
        return null;
    }

    @Test
    void iconSideFollowsTheImprovementDirection() {
        assertEquals(-1, IconTitle.side(PointType.SPECIAL_CAUSE_IMPROVEMENT, Improvement.DECREASE));
        assertEquals(1, IconTitle.side(PointType.SPECIAL_CAUSE_CONCERN, Improvement.DECREASE));
        assertEquals(1, IconTitle.side(PointType.SPECIAL_CAUSE_IMPROVEMENT, Improvement.INCREASE));
        assertEquals(-1, IconTitle.side(PointType.SPECIAL_CAUSE_NEUTRAL_LOW, Improvement.NEUTRAL));
        assertEquals(0, IconTitle.side(PointType.COMMON_CAUSE, Improvement.INCREASE));
    }

    private static byte[] bytes(JFreeChart chart, ChartStyle style, ImageFormat f) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartRenderer.write(chart, style, f, out);
        return out.toByteArray();
    }

    @Test
    void svgHasOneCirclePerPointInItsColourAndIsByteIdentical() throws IOException {
        final ChartResult r = result();
        final ChartStyle style = ChartStyle.makingDataCount().withTitle("Falls per 1,000 bed days");
        final byte[] first = bytes(render(r, style), style, ImageFormat.SVG);
        final byte[] second = bytes(render(r, style), style, ImageFormat.SVG);
        assertArrayEquals(first, second, "same input, same SVG bytes");
        final String svg = new String(first, StandardCharsets.UTF_8);
        assertTrue(svg.contains("Falls per 1,000 bed days"));
        assertTrue(svg.contains("width='800'") || svg.contains("width='800.0'"), "800 wide");
        int improvement = 0;
        int concern = 0;
        int valued = 0;
        for (int i = 0; i < r.size(); i++) {
            improvement += r.typeAt(i) == PointType.SPECIAL_CAUSE_IMPROVEMENT ? 1 : 0;
            concern += r.typeAt(i) == PointType.SPECIAL_CAUSE_CONCERN ? 1 : 0;
            valued += Double.isNaN(r.valueAt(i)) ? 0 : 1;
        }
        assertEquals(improvement, circles(svg, "0,176,240"), "blue circles");
        assertEquals(concern, circles(svg, "228,108,10"), "orange circles");
        // every point with a value is one filled circle (the hollow one is filled white), the missing one none
        final int all = circles(svg, "166,166,166") + circles(svg, "0,176,240") + circles(svg, "228,108,10")
                + circles(svg, "255,255,255");
        assertEquals(valued, all);
    }

    /** Filled circle paths (curves, in the plot's clip) of one fill colour. */
    private static int circles(String svg, String rgb) {
        final Matcher m = Pattern.compile("fill:rgb\\(" + rgb + "\\);stroke:none'[^>]*clip-path='url\\(#"
                + ChartRenderer.SVG_DEFS_PREFIX + "clip-1\\)'><path d='M[^']*C").matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void pdfCarriesTheTitleAsText() throws IOException {
        final ChartStyle style = ChartStyle.makingDataCount().withTitle("Pressure ulcers per 1000 bed days");
        final byte[] pdf = bytes(render(result(), style), style, ImageFormat.PDF);
        final String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        final String content = inflatedStreams(pdf);
        assertTrue(content.contains("(Pressure ulcers per 1000 bed days) Tj")
                || content.contains("(Pressure ulcers per 1000 bed days)Tj"), "title drawn as PDF text");
        assertTrue(text.contains("/MediaBox [0 0 800 450]") || text.contains("/MediaBox [0.0 0.0 800.0 450.0]"),
                "page size");
    }

    /** The page content: every Flate stream of the file, inflated (JFreePDF compresses page contents). */
    private static String inflatedStreams(byte[] pdf) {
        final String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        final StringBuilder out = new StringBuilder();
        int at = 0;
        while ((at = raw.indexOf("stream", at)) >= 0) {
            int start = at + "stream".length();
            if (raw.startsWith("\r\n", start)) {
                start += 2;
            } else if (raw.charAt(start) == '\n') {
                start++;
            } else {
                at = start;
                continue;
            }
            final int end = raw.indexOf("endstream", start);
            final java.util.zip.Inflater inf = new java.util.zip.Inflater();
            inf.setInput(pdf, start, end - start);
            final byte[] buf = new byte[1 << 16];
            try {
                while (!inf.finished() && !inf.needsInput()) {
                    final int n = inf.inflate(buf);
                    out.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    if (n == 0) {
                        break;
                    }
                }
            } catch (java.util.zip.DataFormatException e) {
                out.append(raw, start, end); // not compressed
            } finally {
                inf.end();
            }
            at = end + "endstream".length();
        }
        return out.toString();
    }

    @Test
    void pngDecodesAtTheRequestedSize() throws IOException {
        final ChartStyle style = ChartStyle.makingDataCount().withSize(640, 360);
        final byte[] png = bytes(render(result(), style), style, ImageFormat.PNG);
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(2, 2), "white background");
    }

    @Test
    void styleIsImmutableAndChecksSizes() {
        final ChartStyle base = ChartStyle.makingDataCount();
        final ChartStyle big = base.withSize(1600, 900).withTitle("t");
        assertEquals(800, base.width());
        assertNull(base.title());
        assertEquals(1600, big.width());
        assertEquals(Theme.MAKING_DATA_COUNT, big.theme());
        assertThrows(IllegalArgumentException.class, () -> base.withSize(10, 450));
        assertEquals(Theme.PLAIN, base.withTheme(Theme.PLAIN).theme());
    }

    @Test
    void noFontsGiveOneClearMessage() {
        final SpcInputException e = assertThrows(SpcInputException.class, () -> Fonts.check(() -> {
            throw new RuntimeException("Fontconfig head is null, check your fonts or fonts configuration");
        }));
        assertTrue(e.getMessage().startsWith("cannot draw the chart: Java found no usable font"), e.getMessage());
        assertTrue(e.getMessage().contains("fonts-dejavu-core"));
        assertThrows(SpcInputException.class, () -> Fonts.check(() -> {
            throw new NoClassDefFoundError("Could not initialize class sun.awt.FontConfiguration");
        }));
        Fonts.check(() -> { });
    }
}
