package org.shewhart.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.PointType;

/**
 * Paints the variation and assurance icons at any size: a coloured ring with a wave (common cause), a letter H or L
 * with an arrow (special cause high or low), or P, F or ? (target consistently passed, consistently failed, or not
 * assured). The one drawing used by the icons beside a chart and by the board pack table. Restores the paint,
 * stroke and font of the graphics it draws on. No instances; thread-safe.
 */
public final class Icons {
    /** The diameter the shapes were designed at; other sizes scale every coordinate. */
    static final double DESIGN_DIAMETER = 40;

    private Icons() {
    }

    /**
     * Paints the variation icon.
     *
     * @param g2 where to draw
     * @param variation the engine's variation (type of the last point)
     * @param improvement the improvement direction, to tell high from low
     * @param theme colours
     * @param cx centre x
     * @param cy centre y
     * @param diameter outer diameter
     */
    public static void paintVariation(Graphics2D g2, PointType variation, Improvement improvement, Theme theme,
            double cx, double cy, double diameter) {
        final Paint savedPaint = g2.getPaint();
        final Stroke savedStroke = g2.getStroke();
        final Font savedFont = g2.getFont();
        final double s = diameter / DESIGN_DIAMETER;
        final Color c = theme.pointColour(variation);
        final int side = IconTitle.side(variation, improvement);
        ring(g2, c, cx, cy, s);
        g2.setPaint(c);
        if (side == 0) {
            // common cause: a wave, variation that stays within its usual range
            final Path2D wave = new Path2D.Double();
            wave.moveTo(cx - 12 * s, cy);
            wave.quadTo(cx - 6 * s, cy - 11 * s, cx, cy);
            wave.quadTo(cx + 6 * s, cy + 11 * s, cx + 12 * s, cy);
            g2.setStroke(new BasicStroke((float) (2.4 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(wave);
        } else {
            // special cause: H or L, with an arrow pointing the way the process moved
            final double letterY = cy + side * 4 * s;
            letter(g2, side > 0 ? "H" : "L", cx, letterY, (float) (14 * s));
            final double tip = cy - side * 15 * s;
            final double base = cy - side * 8 * s;
            final Path2D arrow = new Path2D.Double();
            arrow.moveTo(cx, tip);
            arrow.lineTo(cx - 5 * s, base);
            arrow.lineTo(cx + 5 * s, base);
            arrow.closePath();
            g2.fill(arrow);
        }
        g2.setPaint(savedPaint);
        g2.setStroke(savedStroke);
        g2.setFont(savedFont);
    }

    /**
     * Paints the assurance icon.
     *
     * @param g2 where to draw
     * @param assurance the engine's assurance (not {@code null})
     * @param theme colours
     * @param cx centre x
     * @param cy centre y
     * @param diameter outer diameter
     */
    public static void paintAssurance(Graphics2D g2, Assurance assurance, Theme theme, double cx, double cy,
            double diameter) {
        final Paint savedPaint = g2.getPaint();
        final Stroke savedStroke = g2.getStroke();
        final Font savedFont = g2.getFont();
        final double s = diameter / DESIGN_DIAMETER;
        final Color c;
        final String text;
        switch (assurance) {
            case CONSISTENT_PASS:
                c = theme.pointColour(PointType.SPECIAL_CAUSE_IMPROVEMENT);
                text = "P";
                break;
            case CONSISTENT_FAIL:
                c = theme.pointColour(PointType.SPECIAL_CAUSE_CONCERN);
                text = "F";
                break;
            case INCONSISTENT:
            default:
                c = theme.pointColour(PointType.COMMON_CAUSE);
                text = "?";
                break;
        }
        ring(g2, c, cx, cy, s);
        g2.setPaint(c);
        letter(g2, text, cx, cy, (float) (18 * s));
        g2.setPaint(savedPaint);
        g2.setStroke(savedStroke);
        g2.setFont(savedFont);
    }

    private static void ring(Graphics2D g2, Color c, double cx, double cy, double s) {
        final double r = (DESIGN_DIAMETER / 2 - 1.5) * s;
        final Ellipse2D circle = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g2.setPaint(Color.WHITE);
        g2.fill(circle);
        g2.setPaint(c);
        g2.setStroke(new BasicStroke((float) (3 * s)));
        g2.draw(circle);
    }

    private static void letter(Graphics2D g2, String text, double cx, double cy, float size) {
        g2.setFont(Fonts.bold(size));
        final FontMetrics fm = g2.getFontMetrics();
        final float x = (float) (cx - fm.stringWidth(text) / 2.0);
        // centre the cap height on cy
        final float y = (float) (cy + fm.getAscent() * 0.36);
        g2.drawString(text, x, y);
    }
}
