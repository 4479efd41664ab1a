package org.shewhart.charts;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * One renderer for every series. The points series takes its colour per item from the engine's point type and is
 * hollow (white fill, coloured outline) where the engine excluded the point; every other series uses its series
 * paint.
 *
 * <p>Not thread-safe (JFreeChart renderers are mutable); one instance per chart.
 */
final class PointRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    private final int pointSeries;
    private final Color[] colours;
    private final boolean[] hollow;

    /**
     * @param pointSeries index of the points series in the dataset
     * @param colours colour of each point
     * @param hollow whether each point is drawn hollow
     */
    PointRenderer(int pointSeries, Color[] colours, boolean[] hollow) {
        super(true, false);
        this.pointSeries = pointSeries;
        this.colours = colours;
        this.hollow = hollow;
        setUseFillPaint(true);
        setDrawOutlines(true);
        setDrawSeriesLineAsPath(true);
    }

    @Override
    public Paint getItemPaint(int series, int item) {
        return series == pointSeries ? colours[item] : super.getItemPaint(series, item);
    }

    @Override
    public Paint getItemFillPaint(int series, int item) {
        if (series == pointSeries) {
            return hollow[item] ? Color.WHITE : colours[item];
        }
        return super.getItemFillPaint(series, item);
    }

    @Override
    public boolean getItemShapeFilled(int series, int item) {
        // hollow points are filled white so the line behind them does not show through the ring
        return series == pointSeries || super.getItemShapeFilled(series, item);
    }

    /**
     * @param item point index
     * @return whether the point is drawn hollow
     */
    boolean isHollow(int item) {
        return hollow[item];
    }
}
