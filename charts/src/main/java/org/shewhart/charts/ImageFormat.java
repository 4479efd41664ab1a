package org.shewhart.charts;

import java.util.Locale;

/** The file formats a chart can be written as. */
public enum ImageFormat {
    /** Raster image, antialiased, at the style's size in pixels. */
    PNG,
    /** Scalable vector graphics (JFreeSVG): byte-identical for the same input. */
    SVG,
    /** One PDF page (JFreePDF) at the style's size in points, with real (selectable) text. */
    PDF;

    /**
     * @param text {@code png}, {@code svg} or {@code pdf}, any case
     * @return the format
     * @throws IllegalArgumentException for anything else
     */
    public static ImageFormat of(String text) {
        for (ImageFormat f : values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("image format '" + text + "' is not one of png, svg, pdf");
    }

    /** @return the lower-case name, also the usual file extension */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
