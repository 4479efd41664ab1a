package org.shewhart.charts.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.shewhart.charts.Theme;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.PointType;

/**
 * A sparkline of one chart: the values as a thin line (broken at missing values) over the centre line of each
 * phase, with special-cause points and the latest point as dots in their point type's colour. Draws what the engine
 * returned; recomputes nothing. No instances; thread-safe.
 */
final class Sparkline {
    private static final Color LINE = new Color(0x7f7f7f);
    private static final Color CENTRE = new Color(0x303030);

    private Sparkline() {
    }

    static void paint(Graphics2D g2, ChartResult r, Theme theme, Rectangle2D box) {
        final int n = r.size();
        if (n == 0) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (double v : new double[] {r.valueAt(i), r.centreAt(i)}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return;
        }
        if (hi - lo == 0) {
            lo -= 1;
            hi += 1;
        }
        final Paint savedPaint = g2.getPaint();
        final Stroke savedStroke = g2.getStroke();
        final double dot = 2.6;
        final double left = box.getX() + dot / 2;
        final double w = box.getWidth() - dot;
        final double top = box.getY() + dot / 2;
        final double h = box.getHeight() - dot;
        final double yLo = lo;
        final double ySpan = hi - lo;
        final java.util.function.IntToDoubleFunction px = i -> left + (n == 1 ? w / 2 : w * i / (n - 1));
        final java.util.function.DoubleUnaryOperator py = v -> top + h * (1 - (v - yLo) / ySpan);
        // centre line, a step per phase
        g2.setPaint(CENTRE);
        g2.setStroke(new BasicStroke(0.6f));
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || r.phaseAt(i) != r.phaseAt(start)) {
                final double c = r.centreAt(start);
                if (Double.isFinite(c)) {
                    g2.draw(new Line2D.Double(px.applyAsDouble(start), py.applyAsDouble(c),
                            px.applyAsDouble(i - 1), py.applyAsDouble(c)));
                }
                start = i;
            }
        }
        // the values
        final Path2D line = new Path2D.Double();
        boolean pen = false;
        int last = -1;
        for (int i = 0; i < n; i++) {
            final double v = r.valueAt(i);
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            if (pen) {
                line.lineTo(px.applyAsDouble(i), py.applyAsDouble(v));
            } else {
                line.moveTo(px.applyAsDouble(i), py.applyAsDouble(v));
                pen = true;
            }
            last = i;
        }
        g2.setPaint(LINE);
        g2.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(line);
        for (int i = 0; i < n; i++) {
            final double v = r.valueAt(i);
            final PointType t = r.typeAt(i);
            if (!Double.isNaN(v) && (t.isSpecialCause() || i == last)) {
                g2.setPaint(theme.pointColour(t));
                g2.fill(new Ellipse2D.Double(px.applyAsDouble(i) - dot / 2, py.applyAsDouble(v) - dot / 2, dot,
                        dot));
            }
        }
        g2.setPaint(savedPaint);
        g2.setStroke(savedStroke);
    }
}
