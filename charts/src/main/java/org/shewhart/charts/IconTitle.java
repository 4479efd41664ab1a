package org.shewhart.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.PointType;

/**
 * The variation and assurance icons, stacked at the right of the chart, drawn as simple vector shapes so they stay
 * sharp in SVG and PDF. Our own design: a coloured ring with a wave (common cause), a letter H or L with an arrow
 * (special cause high or low), or P, F or ? (target consistently passed, consistently failed, or not assured),
 * each captioned.
 *
 * <p>Not thread-safe (JFreeChart titles are mutable); one instance per chart.
 */
final class IconTitle extends Title {
    private static final long serialVersionUID = 1L;
    /** Icon diameter in Java2D units (pixels in PNG). */
    static final double DIAMETER = 40;
    private static final double CAPTION = 14;
    private static final double GAP = 10;
    private static final double WIDTH = 64;

    private final PointType variation;
    private final Improvement improvement;
    private final Assurance assurance;
    private final Theme theme;
    private final double scale;

    /**
     * @param variation the engine's variation (type of the last point)
     * @param improvement the spec's improvement direction, to tell high from low
     * @param assurance the engine's assurance, or {@code null} for no assurance icon
     * @param theme colours
     */
    IconTitle(PointType variation, Improvement improvement, Assurance assurance, Theme theme) {
        this(variation, improvement, assurance, theme, 1.0);
    }

    /** The same icons drawn at a scale (small multiples draw them smaller). */
    private IconTitle(PointType variation, Improvement improvement, Assurance assurance, Theme theme,
            double scale) {
        this.scale = scale;
        this.variation = variation;
        this.improvement = improvement;
        this.assurance = assurance;
        this.theme = theme;
        setPosition(RectangleEdge.RIGHT);
        setVerticalAlignment(VerticalAlignment.TOP);
        setHorizontalAlignment(HorizontalAlignment.CENTER);
        setPadding(new RectangleInsets(4, 6, 0, 0));
    }

    /** +1 if the variation is special cause on the high side, -1 on the low side, 0 for common cause. */
    static int side(PointType type, Improvement improvement) {
        switch (type) {
            case SPECIAL_CAUSE_IMPROVEMENT:
                return improvement.sign();
            case SPECIAL_CAUSE_CONCERN:
                return -improvement.sign();
            case SPECIAL_CAUSE_NEUTRAL_HIGH:
                return 1;
            case SPECIAL_CAUSE_NEUTRAL_LOW:
                return -1;
            case COMMON_CAUSE:
            default:
                return 0;
        }
    }

    /**
     * @param factor the size relative to a single chart's icons
     * @return a copy drawn at this size
     */
    IconTitle scaled(double factor) {
        return new IconTitle(variation, improvement, assurance, theme, factor);
    }

    /** @return how many icons this title draws */
    int iconCount() {
        return assurance == null ? 1 : 2;
    }

    PointType variation() {
        return variation;
    }

    Assurance assurance() {
        return assurance;
    }

    @Override
    public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
        final RectangleInsets p = getPadding();
        return new Size2D(WIDTH * scale + p.getLeft() + p.getRight(),
                iconCount() * (DIAMETER + CAPTION + GAP) * scale + p.getTop() + p.getBottom());
    }

    @Override
    public Object draw(Graphics2D g2, Rectangle2D area, Object params) {
        draw(g2, area);
        return null;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        final Rectangle2D inner = getPadding().createInsetRectangle(area);
        final double cx = inner.getCenterX();
        double top = inner.getMinY();
        final Shape savedClip = g2.getClip();
        final Stroke savedStroke = g2.getStroke();
        final Font savedFont = g2.getFont();
        final double d = DIAMETER * scale;
        Icons.paintVariation(g2, variation, improvement, theme, cx, top + d / 2, d);
        caption(g2, "variation", cx, top + d + CAPTION * scale - 2, scale);
        if (assurance != null) {
            top += (DIAMETER + CAPTION + GAP) * scale;
            Icons.paintAssurance(g2, assurance, theme, cx, top + d / 2, d);
            caption(g2, "assurance", cx, top + d + CAPTION * scale - 2, scale);
        }
        g2.setClip(savedClip);
        g2.setStroke(savedStroke);
        g2.setFont(savedFont);
    }

    private static void caption(Graphics2D g2, String text, double cx, double baseline, double scale) {
        g2.setFont(Fonts.plain((float) Math.max(8, 10 * scale)));
        g2.setPaint(new Color(0x595959));
        final FontMetrics fm = g2.getFontMetrics();
        g2.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
    }
}
