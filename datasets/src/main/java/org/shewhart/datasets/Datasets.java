package org.shewhart.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue of bundled datasets: small CSV files with a header row, read from the classpath (never from the
 * working directory). Source, licence, units and length of each are in {@code README.md} beside the files.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Datasets {
    /** Monthly type 1 A&E four-hour breaches and performance of one NHS trust (NHSRdatasets). */
    public static final String AE_RJZ_TYPE1 = "ae-rjz-type1";
    /** Monthly hospital-acquired C. difficile infections before and after an intervention (qicharts2). */
    public static final String CDI_MONTHLY = "cdi-monthly";
    /** Weekly inpatient falls and occupied bed days with a planted improvement (synthetic). */
    public static final String WARD_FALLS_WEEKLY = "ward-falls-weekly";

    /** A board's long feed: 20 indicators by month, with per-indicator settings in {@link #BOARD_SETTINGS}. */
    public static final String BOARD_FEED = "board-feed";
    /** Chart type, improvement direction, target and unit of each indicator of {@link #BOARD_FEED}. */
    public static final String BOARD_SETTINGS = "board-settings";

    private static final List<String> ALL = List.of(AE_RJZ_TYPE1, CDI_MONTHLY, WARD_FALLS_WEEKLY, BOARD_FEED,
            BOARD_SETTINGS);

    private Datasets() {
    }

    /**
     * The names of every bundled dataset.
     *
     * @return an unmodifiable list
     */
    public static List<String> names() {
        return ALL;
    }

    /**
     * The CSV bytes of a dataset.
     *
     * @param name one of {@link #names()}
     * @return the file's bytes
     * @throws IllegalArgumentException if no dataset has that name
     */
    public static byte[] bytes(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no dataset '%s'; bundled: %s", name, String.join(", ", ALL)));
        }
        try (InputStream in = Datasets.class.getResourceAsStream(name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("dataset resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file name a dataset is written under.
     *
     * @param name one of {@link #names()}
     * @return e.g. {@code "cdi-monthly.csv"}
     */
    public static String fileName(String name) {
        return name + ".csv";
    }

}
