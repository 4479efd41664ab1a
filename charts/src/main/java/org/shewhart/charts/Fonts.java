package org.shewhart.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * The one font family charts use, and the check that Java can lay out text with it at all. On a bare Linux
 * machine without fonts the JDK fails at the first text with {@code RuntimeException: Fontconfig head is null}
 * and later calls with {@code NoClassDefFoundError}; the check turns either into one clear message.
 */
final class Fonts {
    /** A logical font: the JDK maps it to whatever sans-serif font the machine has (DejaVu Sans on Debian). */
    static final String FAMILY = "SansSerif";

    private static volatile boolean checked;

    private Fonts() {
    }

    static Font plain(float size) {
        return new Font(FAMILY, Font.PLAIN, 1).deriveFont(size);
    }

    static Font bold(float size) {
        return new Font(FAMILY, Font.BOLD, 1).deriveFont(size);
    }

    /**
     * Makes sure text can be measured, once per JVM.
     *
     * @throws SpcInputException naming the missing fonts and how to install them
     */
    static void check() {
        if (!checked) {
            check(Fonts::measure);
            checked = true;
        }
    }

    /** Runs a probe that uses fonts and translates a font-subsystem failure into a clear message. */
    static void check(Runnable probe) {
        try {
            probe.run();
        } catch (RuntimeException | LinkageError | InternalError e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "cannot draw the chart: Java found no usable font (%s). Install fontconfig and a font, "
                            + "e.g. 'apt-get install fontconfig fonts-dejavu-core' on Debian or Ubuntu, "
                            + "'apk add fontconfig ttf-dejavu' on Alpine; JSON and CSV output need no fonts",
                    e.toString().replace('\n', ' ')));
        }
    }

    private static void measure() {
        final BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        final Graphics2D g = image.createGraphics();
        try {
            if (g.getFontMetrics(plain(12f)).stringWidth("Shewhart 0123") <= 0) {
                throw new IllegalStateException("text measures zero width");
            }
        } finally {
            g.dispose();
        }
    }
}
