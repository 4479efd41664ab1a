package org.shewhart.charts;

import java.util.Locale;
import java.util.Objects;

/**
 * How a chart looks, kept apart from the data it draws: size, title, theme and which lines and decorations to
 * draw. Every {@code with...} method returns a copy; the two starting points are {@link #makingDataCount()} and
 * {@link #plain()}:
 *
 * <pre>{@code
 * ChartStyle style = ChartStyle.makingDataCount().withSize(800, 450).withTitle("Falls per 1,000 bed days")
 *         .withSigmaLines(true);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChartStyle {
    /** The smallest width or height accepted, in pixels (points for PDF). */
    public static final int MIN_SIZE = 100;
    /** The largest width or height accepted. */
    public static final int MAX_SIZE = 10_000;

    private static final ChartStyle MDC = new ChartStyle(Theme.MAKING_DATA_COUNT, 800, 450, null, null, null,
            null, false, true, true, true);
    private static final ChartStyle PLAIN = new ChartStyle(Theme.PLAIN, 800, 450, null, null, null, null, false,
            true, false, true);

    private final Theme theme;
    private final int width;
    private final int height;
    private final String title;
    private final String subtitle;
    private final String xLabel;
    private final String yLabel;
    private final boolean sigmaLines;
    private final boolean target;
    private final boolean icons;
    private final boolean phaseLabels;

    private ChartStyle(Theme theme, int width, int height, String title, String subtitle, String xLabel,
            String yLabel, boolean sigmaLines, boolean target, boolean icons, boolean phaseLabels) {
        this.theme = theme;
        this.width = width;
        this.height = height;
        this.title = title;
        this.subtitle = subtitle;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.sigmaLines = sigmaLines;
        this.target = target;
        this.icons = icons;
        this.phaseLabels = phaseLabels;
    }

    /**
     * Making Data Count: points coloured by type, black mean, dashed grey limits, red dashed target, the variation
     * and assurance icons, 800 × 450.
     *
     * @return the style
     */
    public static ChartStyle makingDataCount() {
        return MDC;
    }

    /**
     * A plain qicharts2-like style: grey data, special-cause points in one signal colour, no icons, 800 × 450.
     *
     * @return the style
     */
    public static ChartStyle plain() {
        return PLAIN;
    }

    /**
     * @param value the colour scheme
     * @return a copy with this theme (other options unchanged)
     */
    public ChartStyle withTheme(Theme value) {
        return new ChartStyle(Objects.requireNonNull(value, "theme"), width, height, title, subtitle, xLabel,
                yLabel, sigmaLines, target, icons, phaseLabels);
    }

    /**
     * @param w width in pixels (points for PDF), {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @param h height, in the same range
     * @return a copy with this size
     * @throws IllegalArgumentException if a size is out of range
     */
    public ChartStyle withSize(int w, int h) {
        checkSize("width", w);
        checkSize("height", h);
        return new ChartStyle(theme, w, h, title, subtitle, xLabel, yLabel, sigmaLines, target, icons, phaseLabels);
    }

    private static void checkSize(String name, int v) {
        if (v < MIN_SIZE || v > MAX_SIZE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%d) must be between %d and %d",
                    name, v, MIN_SIZE, MAX_SIZE));
        }
    }

    /**
     * @param value the title, or {@code null} for none
     * @return a copy with this title
     */
    public ChartStyle withTitle(String value) {
        return new ChartStyle(theme, width, height, value, subtitle, xLabel, yLabel, sigmaLines, target, icons,
                phaseLabels);
    }

    /**
     * @param value a smaller line under the title, or {@code null} for none
     * @return a copy with this subtitle
     */
    public ChartStyle withSubtitle(String value) {
        return new ChartStyle(theme, width, height, title, value, xLabel, yLabel, sigmaLines, target, icons,
                phaseLabels);
    }

    /**
     * @param x the x axis label, or {@code null} for none
     * @param y the y axis label, or {@code null} for none
     * @return a copy with these axis labels
     */
    public ChartStyle withAxisLabels(String x, String y) {
        return new ChartStyle(theme, width, height, title, subtitle, x, y, sigmaLines, target, icons, phaseLabels);
    }

    /**
     * @param value whether to draw the 1σ and 2σ lines (as the engine computed them)
     * @return a copy with this choice
     */
    public ChartStyle withSigmaLines(boolean value) {
        return new ChartStyle(theme, width, height, title, subtitle, xLabel, yLabel, value, target, icons,
                phaseLabels);
    }

    /**
     * @param value whether to draw the spec's target, if it has one
     * @return a copy with this choice
     */
    public ChartStyle withTarget(boolean value) {
        return new ChartStyle(theme, width, height, title, subtitle, xLabel, yLabel, sigmaLines, value, icons,
                phaseLabels);
    }

    /**
     * @param value whether to draw the variation icon and, with a target, the assurance icon
     * @return a copy with this choice
     */
    public ChartStyle withIcons(boolean value) {
        return new ChartStyle(theme, width, height, title, subtitle, xLabel, yLabel, sigmaLines, target, value,
                phaseLabels);
    }

    /**
     * @param value whether to label phases ("Phase 1", "Phase 2", ...) when there is more than one
     * @return a copy with this choice
     */
    public ChartStyle withPhaseLabels(boolean value) {
        return new ChartStyle(theme, width, height, title, subtitle, xLabel, yLabel, sigmaLines, target, icons,
                value);
    }

    /** @return the colour scheme */
    public Theme theme() {
        return theme;
    }

    /** @return the width in pixels (points for PDF) */
    public int width() {
        return width;
    }

    /** @return the height in pixels (points for PDF) */
    public int height() {
        return height;
    }

    /** @return the title, or {@code null} */
    public String title() {
        return title;
    }

    /** @return the subtitle, or {@code null} */
    public String subtitle() {
        return subtitle;
    }

    /** @return the x axis label, or {@code null} */
    public String xLabel() {
        return xLabel;
    }

    /** @return the y axis label, or {@code null} */
    public String yLabel() {
        return yLabel;
    }

    /** @return whether the 1σ and 2σ lines are drawn */
    public boolean hasSigmaLines() {
        return sigmaLines;
    }

    /** @return whether the target is drawn */
    public boolean hasTarget() {
        return target;
    }

    /** @return whether the variation and assurance icons are drawn */
    public boolean hasIcons() {
        return icons;
    }

    /** @return whether phases are labelled */
    public boolean hasPhaseLabels() {
        return phaseLabels;
    }
}
