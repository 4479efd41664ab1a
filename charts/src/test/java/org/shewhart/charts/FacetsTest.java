package org.shewhart.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;

/**
 * Small multiples: one panel per series drawn from that series' own result, shared y ranges that cover every
 * panel's own range, free ones that equal a single chart's, a common x axis labelled only at the bottom.
 */
final class FacetsTest {
    /** Five weekly series of different levels and spreads, from a fixed seed; the third starts later. */
    private static List<Facets.Panel> panels() {
        final SplittableRandom random = new SplittableRandom(11);
        final List<Facets.Panel> out = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            final int n = 30 + s;
            final int offset = s == 2 ? 6 : 0;
            final double[] v = new double[n];
            final double[] days = new double[n];
            final String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                v[i] = 10 * (s + 1) + (s + 1) * (random.nextDouble() - 0.5) * 4;
                final LocalDate d = LocalDate.of(2024, 1, 1).plusWeeks(i + offset);
                days[i] = d.toEpochDay();
                labels[i] = d.toString();
            }
            final ChartResult r = ChartSpec.builder(ChartType.XMR).build().compute(v);
            out.add(new Facets.Panel("Ward " + (char) ('A' + s), r, XValues.dates(days, labels), ChartLabels.NONE));
        }
        return out;
    }

    private static ChartStyle style() {
        return ChartStyle.makingDataCount().withTitle("Falls by ward").withSize(1200, 700);
    }

    @Test
    void onePanelPerSeriesTitledWithItsNameInRows() {
        final List<Facets.Panel> panels = panels();
        final Facets f = Facets.render(panels, style(), Facets.Scales.FREE, 3);
        assertEquals(5, f.charts().size());
        assertEquals(3, f.columns());
        assertEquals(2, f.rows());
        for (int i = 0; i < panels.size(); i++) {
            assertEquals(panels.get(i).name(), f.charts().get(i).getTitle().getText());
        }
    }

    @Test
    void eachPanelDrawsItsOwnResultExactly() {
        final List<Facets.Panel> panels = panels();
        final Facets f = Facets.render(panels, style(), Facets.Scales.SHARED, 2);
        for (int i = 0; i < panels.size(); i++) {
            final XYDataset d = f.charts().get(i).getXYPlot().getDataset();
            final int points = d.indexOf(ChartRenderer.POINTS);
            final ChartResult r = panels.get(i).result();
            assertEquals(r.size(), d.getItemCount(points));
            for (int k = 0; k < r.size(); k++) {
                assertEquals(r.valueAt(k), d.getYValue(points, k), 0.0);
            }
            final int ucl = d.indexOf(ChartRenderer.UPPER_LIMIT);
            assertEquals(r.upperLimitAt(0), d.getYValue(ucl, 0), 0.0);
        }
    }

    @Test
    void sharedScalesGiveEveryPanelTheUnionOfTheFreeRanges() {
        final List<Facets.Panel> panels = panels();
        final Facets free = Facets.render(panels, style(), Facets.Scales.FREE, 3);
        final Facets shared = Facets.render(panels, style(), Facets.Scales.SHARED, 3);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        final List<double[]> freeRanges = new ArrayList<>();
        for (JFreeChart c : free.charts()) {
            final ValueAxis y = c.getXYPlot().getRangeAxis();
            lo = Math.min(lo, y.getLowerBound());
            hi = Math.max(hi, y.getUpperBound());
            freeRanges.add(new double[] {y.getLowerBound(), y.getUpperBound()});
        }
        for (JFreeChart c : shared.charts()) {
            final ValueAxis y = c.getXYPlot().getRangeAxis();
            assertEquals(lo, y.getLowerBound(), 0.0);
            assertEquals(hi, y.getUpperBound(), 0.0);
        }
        // the series differ in level: free ranges differ, and each covers its own points and limits
        assertFalse(freeRanges.get(0)[1] == freeRanges.get(4)[1]);
        for (int i = 0; i < panels.size(); i++) {
            final ChartResult r = panels.get(i).result();
            for (int k = 0; k < r.size(); k++) {
                assertTrue(r.valueAt(k) >= freeRanges.get(i)[0] && r.valueAt(k) <= freeRanges.get(i)[1]);
            }
            assertTrue(r.upperLimitAt(0) <= freeRanges.get(i)[1] && r.lowerLimitAt(0) >= freeRanges.get(i)[0]);
        }
    }

    @Test
    void freeScalesMatchASingleChartOfTheSeries() {
        final List<Facets.Panel> panels = panels();
        final Facets free = Facets.render(panels, style(), Facets.Scales.FREE, 3);
        for (int i = 0; i < panels.size(); i++) {
            final Facets.Panel p = panels.get(i);
            final JFreeChart alone = ChartRenderer.render(p.result(), p.x(), ChartStyle.makingDataCount());
            assertEquals(alone.getXYPlot().getRangeAxis().getLowerBound(),
                    free.charts().get(i).getXYPlot().getRangeAxis().getLowerBound(), 1e-9);
        }
    }

    @Test
    void datesShareOneXRangeLabelledOnlyOnTheLowestPanelOfEachColumn() {
        final Facets f = Facets.render(panels(), style(), Facets.Scales.FREE, 3);
        assertTrue(f.sharesX());
        final double lo = f.charts().get(0).getXYPlot().getDomainAxis().getLowerBound();
        final double hi = f.charts().get(0).getXYPlot().getDomainAxis().getUpperBound();
        for (int i = 0; i < 5; i++) {
            final XYPlot plot = f.charts().get(i).getXYPlot();
            assertEquals(lo, plot.getDomainAxis().getLowerBound(), 0.0);
            assertEquals(hi, plot.getDomainAxis().getUpperBound(), 0.0);
            // panels 0 and 1 have panels 3 and 4 below them; panel 2 has none
            assertEquals(i >= 2, plot.getDomainAxis().isTickLabelsVisible(), "panel " + i);
        }
        // the later-starting series (index 2) widens everyone's range to its last week
        final double lastOfThird = LocalDate.of(2024, 1, 1).plusWeeks(6 + 31).toEpochDay() * 86_400_000.0;
        assertTrue(hi >= lastOfThird);
    }

    @Test
    void categoriesAndNumbersMixedDoNotShareX() {
        final List<Facets.Panel> panels = new ArrayList<>(panels().subList(0, 2));
        final Facets.Panel p = panels.get(1);
        final String[] labels = new String[p.result().size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = "c" + i;
        }
        panels.set(1, new Facets.Panel("cats", p.result(), XValues.categories(labels), ChartLabels.NONE));
        final Facets f = Facets.render(panels, style(), Facets.Scales.FREE, 1);
        assertFalse(f.sharesX());
        assertTrue(f.charts().get(0).getXYPlot().getDomainAxis().isTickLabelsVisible());
    }

    @Test
    void tooSmallAFigureIsRefusedWithTheSizeItNeeds() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Facets.render(panels(), ChartStyle.makingDataCount().withSize(400, 300), Facets.Scales.FREE, 5));
        assertTrue(e.getMessage().contains("need a figure of at least 500"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Facets.render(List.of(), style(), Facets.Scales.FREE, 2));
        assertThrows(IllegalArgumentException.class, () -> Facets.Scales.of("loose"));
        assertEquals(Facets.Scales.FREE, Facets.Scales.of("Free"));
    }

    @Test
    void writesPngAtTheFigureSizeAndTheSameSvgBytesTwice() throws IOException {
        final ByteArrayOutputStream png = new ByteArrayOutputStream();
        Facets.render(panels(), style(), Facets.Scales.SHARED, 3).write(ImageFormat.PNG, png);
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertEquals(1200, image.getWidth());
        assertEquals(700, image.getHeight());
        final ByteArrayOutputStream a = new ByteArrayOutputStream();
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        Facets.render(panels(), style(), Facets.Scales.SHARED, 3).write(ImageFormat.SVG, a);
        Facets.render(panels(), style(), Facets.Scales.SHARED, 3).write(ImageFormat.SVG, b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        final String svg = a.toString(StandardCharsets.UTF_8);
        assertTrue(svg.contains("Falls by ward") && svg.contains("Ward E"));
        final ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Facets.render(panels(), style().withTitle("Falls (by ward)"), Facets.Scales.FREE, 3)
                .write(ImageFormat.PDF, pdf);
        assertTrue(pdf.toString(StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }
}
