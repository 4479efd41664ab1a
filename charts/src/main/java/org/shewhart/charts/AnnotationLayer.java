package org.shewhart.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The annotations of a chart as one layer: a dashed vertical line at each x and its text at the top of the plot.
 * Texts are laid out together when the chart is drawn, in x order, each on the first of a few rows where it does
 * not touch the text before it (to the left of its line when it would run off the plot), cut with "..." past a
 * width, on a white ground so the data behind stays visible around it; everything is clipped to the plot.
 *
 * <p>Not thread-safe (JFreeChart annotations are mutable); one instance per chart.
 */
final class AnnotationLayer extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** The colour of annotation lines and texts in every theme: a dark blue-grey apart from every data colour. */
    static final Color COLOUR = new Color(0x2e4a62);
    /** Text rows before texts are allowed to overlap. */
    static final int MAX_ROWS = 3;
    /** Height of one text row in pixels. */
    static final double ROW = 15;
    /** The space above the first row, below the phase labels if there are any. */
    private static final double PHASE_ROW = 16;
    private static final double GAP = 6;
    private static final double PAD = 3;
    private static final float FONT_SIZE = 10.5f;

    private final double[] xs;
    private final String[] texts;
    private final boolean belowPhaseLabels;

    /**
     * @param annotations the annotations, any order
     * @param xScale what to multiply an annotation's x by to get the plot's x (milliseconds per day for dates)
     * @param belowPhaseLabels whether the first row goes below a row of phase labels
     */
    AnnotationLayer(List<ChartLabels.Annotation> annotations, double xScale, boolean belowPhaseLabels) {
        final ChartLabels.Annotation[] sorted = annotations.toArray(new ChartLabels.Annotation[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.x(), b.x()));
        xs = new double[sorted.length];
        texts = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            xs[i] = sorted[i].x() * xScale;
            texts[i] = sorted[i].text();
        }
        this.belowPhaseLabels = belowPhaseLabels;
    }

    /** @return the texts in x order (for the PDF text check and for tests) */
    String[] texts() {
        return texts.clone();
    }

    /** @return the plot x of each annotation, in x order */
    double[] xs() {
        return xs.clone();
    }

    static Font font() {
        return Fonts.plain(FONT_SIZE);
    }

    /** The widest a text may be: 180 pixels, or 40 % of a narrow plot. */
    static double maxWidth(double plotWidth) {
        return Math.max(40, Math.min(180, plotWidth * 0.4));
    }

    /**
     * Where each text goes: its left edge and its row. Rows are filled first-fit from the top; a text that fits no
     * row of {@link #MAX_ROWS} goes on the row whose last text ends first.
     *
     * @param px the pixel x of each line, ascending
     * @param widths the width of each text
     * @param left the plot's left edge
     * @param right the plot's right edge
     * @param lefts filled with the left edge of each text
     * @return the row of each text
     */
    static int[] layout(double[] px, double[] widths, double left, double right, double[] lefts) {
        final int[] rows = new int[px.length];
        final double[] end = new double[MAX_ROWS];
        Arrays.fill(end, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < px.length; i++) {
            double l = px[i] + PAD;
            if (l + widths[i] > right) {
                l = Math.max(left, px[i] - PAD - widths[i]);
            }
            lefts[i] = l;
            int row = -1;
            int soonest = 0;
            for (int k = 0; k < MAX_ROWS; k++) {
                if (end[k] + GAP <= l) {
                    row = k;
                    break;
                }
                if (end[k] < end[soonest]) {
                    soonest = k;
                }
            }
            if (row < 0) {
                row = soonest;
            }
            rows[i] = row;
            end[row] = l + widths[i];
        }
        return rows;
    }

    /**
     * How many rows the texts need on a plot of about this width, to leave room above the data before the chart is
     * drawn (the drawing lays them out again on the real plot).
     */
    static int rowsNeeded(double[] plotXs, double xMin, double xMax, double plotWidth, FontMetrics fm,
            String[] texts) {
        if (plotXs.length == 0) {
            return 0;
        }
        final double span = xMax > xMin ? xMax - xMin : 1;
        final double[] px = new double[plotXs.length];
        final double[] w = new double[plotXs.length];
        final double max = maxWidth(plotWidth);
        for (int i = 0; i < px.length; i++) {
            px[i] = (plotXs[i] - xMin) / span * plotWidth;
            w[i] = Math.min(max, fm.stringWidth(texts[i]));
        }
        final int[] rows = layout(px, w, 0, plotWidth, new double[px.length]);
        int most = 0;
        for (int r : rows) {
            most = Math.max(most, r + 1);
        }
        return most;
    }

    /** @return the pixels above the data the annotations need with this many rows */
    static double roomFor(int rows, boolean belowPhaseLabels) {
        return rows == 0 ? 0 : (belowPhaseLabels ? PHASE_ROW : 0) + rows * ROW + 4;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        if (xs.length == 0) {
            return;
        }
        final Shape savedClip = g2.getClip();
        final Stroke savedStroke = g2.getStroke();
        final Font savedFont = g2.getFont();
        g2.clip(dataArea);
        g2.setFont(font());
        final FontMetrics fm = g2.getFontMetrics();
        final RectangleEdge edge = plot.getDomainAxisEdge();
        final double[] px = new double[xs.length];
        final double[] w = new double[xs.length];
        final String[] shown = new String[xs.length];
        final double max = maxWidth(dataArea.getWidth());
        for (int i = 0; i < xs.length; i++) {
            px[i] = domainAxis.valueToJava2D(xs[i], dataArea, edge);
            shown[i] = fit(fm, texts[i], max);
            w[i] = fm.stringWidth(shown[i]);
        }
        final double[] lefts = new double[xs.length];
        final int[] rows = layout(px, w, dataArea.getMinX() + 1, dataArea.getMaxX() - 1, lefts);
        final double top = dataArea.getMinY() + (belowPhaseLabels ? PHASE_ROW : 0) + 2;
        g2.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f));
        g2.setPaint(COLOUR);
        for (int i = 0; i < xs.length; i++) {
            // each line starts at its own text, so it never crosses a text on a row above
            g2.draw(new Line2D.Double(px[i], top + rows[i] * ROW + 2, px[i], dataArea.getMaxY()));
        }
        for (int i = 0; i < xs.length; i++) {
            final double y = top + rows[i] * ROW;
            g2.setPaint(new Color(255, 255, 255, 215));
            g2.fill(new Rectangle2D.Double(lefts[i] - 1, y, w[i] + 2, ROW - 1));
            g2.setPaint(COLOUR);
            g2.drawString(shown[i], (float) lefts[i], (float) (y + fm.getAscent()));
        }
        g2.setClip(savedClip);
        g2.setStroke(savedStroke);
        g2.setFont(savedFont);
    }

    /** The text cut with "..." to fit the width. */
    static String fit(FontMetrics fm, String s, double width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AnnotationLayer) || !super.equals(o)) {
            return false;
        }
        final AnnotationLayer a = (AnnotationLayer) o;
        return Arrays.equals(xs, a.xs) && Arrays.equals(texts, a.texts) && belowPhaseLabels == a.belowPhaseLabels;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), Arrays.hashCode(xs), Arrays.hashCode(texts), belowPhaseLabels);
    }
}
