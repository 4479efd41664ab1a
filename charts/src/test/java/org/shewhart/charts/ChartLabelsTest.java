package org.shewhart.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;

/** Phase names and annotations on the chart model, the label layout, and what the PDF must outline. */
final class ChartLabelsTest {
    private static final int N = 30;

    private static ChartResult twoPhases() {
        final double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = 10 + (i * 7 % 5) + (i >= 15 ? 6 : 0);
        }
        return ChartSpec.builder(ChartType.XMR).phaseStarts(15).build().compute(v);
    }

    private static XValues weeks() {
        final double[] days = new double[N];
        final String[] labels = new String[N];
        for (int i = 0; i < N; i++) {
            final LocalDate d = LocalDate.of(2024, 1, 1).plusWeeks(i);
            days[i] = d.toEpochDay();
            labels[i] = d.toString();
        }
        return XValues.dates(days, labels);
    }

    private static List<String> phaseTexts(JFreeChart chart) {
        final List<String> out = new ArrayList<>();
        for (Object a : chart.getXYPlot().getAnnotations()) {
            if (a instanceof XYTextAnnotation) {
                out.add(((XYTextAnnotation) a).getText());
            }
        }
        return out;
    }

    private static AnnotationLayer layer(JFreeChart chart) {
        for (Object a : chart.getXYPlot().getAnnotations()) {
            if (a instanceof AnnotationLayer) {
                return (AnnotationLayer) a;
            }
        }
        return null;
    }

    @Test
    void phasesAreLabelledWithTheirNamesOrPhaseN() {
        final ChartStyle style = ChartStyle.makingDataCount();
        assertEquals(List.of("Phase 1", "Phase 2"), phaseTexts(ChartRenderer.render(twoPhases(), weeks(), style)));
        final ChartLabels named = ChartLabels.NONE.withPhaseNames(Arrays.asList("Before", "PDSA 1"));
        assertEquals(List.of("Before", "PDSA 1"), phaseTexts(ChartRenderer.render(twoPhases(), weeks(), style,
                named)));
        final ChartLabels partly = ChartLabels.NONE.withPhaseNames(Arrays.asList(null, " "));
        assertEquals(List.of("Phase 1", "Phase 2"), phaseTexts(ChartRenderer.render(twoPhases(), weeks(), style,
                partly)));
    }

    @Test
    void annotationsAreOneLayerAtTheirDatesInXOrder() {
        final LocalDate d1 = LocalDate.of(2024, 3, 4);
        final LocalDate d2 = LocalDate.of(2024, 2, 5);
        final ChartLabels labels = ChartLabels.NONE.withAnnotations(List.of(
                new ChartLabels.Annotation(d1.toEpochDay(), "Bundle"),
                new ChartLabels.Annotation(d2.toEpochDay(), "Huddles")));
        final JFreeChart chart = ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount(), labels);
        final AnnotationLayer l = layer(chart);
        assertArrayEquals(new String[] {"Huddles", "Bundle"}, l.texts());
        assertArrayEquals(new double[] {d2.toEpochDay() * 86_400_000.0, d1.toEpochDay() * 86_400_000.0}, l.xs());
        assertEquals(null, layer(ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount())));
    }

    @Test
    void annotationsMakeRoomAboveTheData() {
        final List<ChartLabels.Annotation> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(new ChartLabels.Annotation(LocalDate.of(2024, 2, 5).plusDays(3 * i).toEpochDay(),
                    "A long description of improvement work " + i));
        }
        final XYPlot without = ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount()).getXYPlot();
        final XYPlot with = ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount(),
                ChartLabels.NONE.withAnnotations(many)).getXYPlot();
        assertEquals(without.getRangeAxis().getLowerBound(), with.getRangeAxis().getLowerBound(), 1e-9);
        assertTrue(with.getRangeAxis().getUpperBound() > without.getRangeAxis().getUpperBound());
    }

    @Test
    void layoutPutsCloseTextsOnLaterRowsAndFlipsAtTheRightEdge() {
        final double[] px = {10, 20, 30, 200, 390};
        final double[] w = {50, 50, 50, 50, 50};
        final double[] lefts = new double[5];
        final int[] rows = AnnotationLayer.layout(px, w, 0, 400, lefts);
        assertArrayEquals(new int[] {0, 1, 2, 0, 0}, rows);
        // the last would run past 400: it goes to the left of its line
        assertEquals(390 - 3 - 50, lefts[4], 1e-9);
        // a fourth text in a crowd overlaps on the row that frees first rather than leaving the plot
        final int[] crowded = AnnotationLayer.layout(new double[] {10, 12, 14, 16}, new double[] {50, 50, 50, 50},
                0, 400, new double[4]);
        assertEquals(0, crowded[3]);
    }

    @Test
    void textPastAsciiInPhaseNamesOrAnnotationsIsOutlinedInPdf() throws IOException {
        final ChartLabels plain = ChartLabels.NONE.withPhaseNames(List.of("Before", "After"))
                .withAnnotations(List.of(new ChartLabels.Annotation(LocalDate.of(2024, 3, 4).toEpochDay(), "Go")));
        assertTrue(ChartRenderer.plainText(ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount(),
                plain)));
        final ChartLabels accented = plain.withAnnotations(List.of(new ChartLabels.Annotation(
                LocalDate.of(2024, 3, 4).toEpochDay(), "Équipe (PDSA 2)")));
        final JFreeChart chart = ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount(), accented);
        assertTrue(!ChartRenderer.plainText(chart));
        final ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ChartRenderer.writePdf(chart, ChartStyle.makingDataCount(), pdf);
        assertTrue(!pdf.toString(StandardCharsets.ISO_8859_1).contains("?quipe"));
        final ChartLabels named = ChartLabels.NONE.withPhaseNames(List.of("Avant", "Après"));
        assertTrue(!ChartRenderer.plainText(ChartRenderer.render(twoPhases(), weeks(), ChartStyle.makingDataCount(),
                named)));
    }

    @Test
    void annotationsNeedAFiniteXAndText() {
        assertThrows(IllegalArgumentException.class, () -> new ChartLabels.Annotation(Double.NaN, "x"));
        assertThrows(NullPointerException.class, () -> new ChartLabels.Annotation(1, null));
    }

    @Test
    void annotatedChartDrawsAndSvgIsTheSameTwice() throws IOException {
        final ChartLabels labels = ChartLabels.NONE.withPhaseNames(List.of("Before", "PDSA 1")).withAnnotations(
                List.of(new ChartLabels.Annotation(LocalDate.of(2024, 4, 15).toEpochDay(), "Start of PDSA 1")));
        final ChartStyle style = ChartStyle.makingDataCount().withTitle("T");
        final ByteArrayOutputStream a = new ByteArrayOutputStream();
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        ChartRenderer.writeSvg(ChartRenderer.render(twoPhases(), weeks(), style, labels), style, a);
        ChartRenderer.writeSvg(ChartRenderer.render(twoPhases(), weeks(), style, labels), style, b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        assertTrue(a.toString(StandardCharsets.UTF_8).contains("Start of PDSA 1"));
        final BufferedImage image = ChartRenderer.render(twoPhases(), weeks(), style, labels).createBufferedImage(
                style.width(), style.height());
        assertEquals(style.width(), image.getWidth());
    }
}
