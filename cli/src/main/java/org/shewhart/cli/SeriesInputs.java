package org.shewhart.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.shewhart.engine.SpcInputException;

/**
 * Several series from one table, each with its key: a wide table has one column per measure ({@code --y
 * falls,pressure_ulcers}: one series per column, keyed {@code measure}), a long table has key columns ({@code --by
 * ward}: one series per distinct ward, in the order of their first rows), and both together give one series per
 * key and measure. Every series is read by the same reader as a single chart, on the rows of its key, so each
 * keeps its file row numbers in messages.
 *
 * <p>The result is the list every multi-series output consumes (JSON and CSV with a key per series, and a picture
 * with one panel per series): see {@link Keyed}. Stateless.
 */
final class SeriesInputs {
    /** A message that names a row of the file, and so the key of the series already. */
    private static final Pattern ROW = Pattern.compile("\\brow \\d+");

    /** The key name of the series of a wide table: the name of its value column. */
    static final String MEASURE = "measure";

    private SeriesInputs() {
    }

    /**
     * One series and its key.
     *
     * @param keyNames the names of the key parts: the {@code --by} columns, then {@value #MEASURE} if several
     *     value columns were named
     * @param keyValues the values of the key parts, in the same order
     * @param input the points of the series
     */
    record Keyed(List<String> keyNames, List<String> keyValues, ChartInput input) {
        Keyed {
            keyNames = List.copyOf(keyNames);
            keyValues = List.copyOf(keyValues);
        }

        /** The key as a title: its values joined by " / ", such as {@code Ward A / falls}. */
        String title() {
            return String.join(" / ", keyValues);
        }

        /** The key for messages: {@code ward 'Ward A', measure 'falls'}. */
        String where() {
            final List<String> parts = new ArrayList<>();
            for (int i = 0; i < keyNames.size(); i++) {
                parts.add(keyNames.get(i) + " '" + CsvTable.show(keyValues.get(i)) + "'");
            }
            return String.join(", ", parts);
        }
    }

    /** Reads the points of one series from the rows of its key and one value column. */
    @FunctionalInterface
    interface Reader {
        /**
         * Reads one series.
         *
         * @param rows the rows of the key (all rows without {@code --by})
         * @param yColumn the value column
         * @return the points
         */
        ChartInput read(CsvTable rows, String yColumn);
    }

    /** Whether the options ask for several series: key columns, or more than one value column. */
    static boolean isMulti(List<String> by, List<String> ys) {
        return !by.isEmpty() || ys.size() > 1;
    }

    /**
     * Reads one series per key (distinct values of the {@code by} columns) and value column.
     *
     * @param by the key columns of a long table, or empty
     * @param ys the value columns; more than one makes a wide table read, one series each
     * @throws SpcInputException for an unknown column, a value column named twice, an empty key cell (naming file,
     *     row and column), or whatever the reader rejects
     */
    static List<Keyed> read(CsvTable t, List<String> by, List<String> ys, Reader reader) {
        final int[] keyColumns = new int[by.size()];
        final List<String> keyNames = new ArrayList<>();
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = t.column(by.get(k), "--by");
            keyNames.add(t.columnName(keyColumns[k]));
        }
        final List<String> measures = new ArrayList<>();
        if (ys.size() == 1) {
            measures.add(ys.get(0)); // the reader checks it, if it reads it (--agg count does not)
        }
        for (int i = 0; ys.size() > 1 && i < ys.size(); i++) {
            final String name = t.columnName(t.column(ys.get(i).trim(), "--y"));
            if (measures.contains(name)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "--y names column '%s' twice; name each measure once", CsvTable.show(name)));
            }
            measures.add(name);
        }
        if (measures.size() > 1) {
            keyNames.add(MEASURE);
        }
        final List<Keyed> out = new ArrayList<>();
        for (Map.Entry<List<String>, int[]> group : groups(t, keyColumns).entrySet()) {
            final CsvTable rows = keyColumns.length == 0 ? t : t.subset(group.getValue());
            for (String m : measures) {
                final List<String> values = new ArrayList<>(group.getKey());
                if (measures.size() > 1) {
                    values.add(m);
                }
                final Keyed where = new Keyed(keyNames, values, null);
                final ChartInput in;
                try {
                    in = reader.read(rows, m);
                } catch (SpcInputException e) {
                    throw keyIn(where, e);
                }
                out.add(new Keyed(keyNames, values, in));
            }
        }
        return out;
    }

    /**
     * The message of an error in one series, naming its key when the message does not already point at a row: a
     * row names the key by itself, a whole-series message (too few points) does not.
     */
    static SpcInputException keyIn(Keyed where, SpcInputException e) {
        if (where.keyValues().isEmpty() || ROW.matcher(e.getMessage()).find()) {
            return e;
        }
        return new SpcInputException(where.where() + ": " + e.getMessage());
    }

    /** Row indices by key, keys in the order of their first row; one group of all rows without key columns. */
    private static Map<List<String>, int[]> groups(CsvTable t, int[] keyColumns) {
        final Map<List<String>, List<Integer>> byKey = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            final List<String> key = new ArrayList<>(keyColumns.length);
            for (int c : keyColumns) {
                final String v = t.cell(r, c);
                if (v.isEmpty()) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: empty key; every row needs a value in each --by column", t.where(r, c)));
                }
                key.add(v);
            }
            byKey.computeIfAbsent(List.copyOf(key), k -> new ArrayList<>()).add(r);
        }
        final Map<List<String>, int[]> out = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Integer>> e : byKey.entrySet()) {
            final int[] rows = new int[e.getValue().size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = e.getValue().get(i);
            }
            out.put(e.getKey(), rows);
        }
        if (keyColumns.length == 0 && out.isEmpty()) {
            out.put(List.of(), new int[0]);
        }
        return out;
    }
}
