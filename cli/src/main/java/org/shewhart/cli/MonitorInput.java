package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.monitor.Subgroups;

/**
 * The points of a monitoring chart (CUSUM, EWMA, capability, Bernoulli CUSUM) read from a table.
 *
 * <p>For measurements, rows with the same x form one subgroup, and subgroups are in x order as for {@code shewhart
 * chart} (dates and numbers ascending, text in order of first appearance). Without an x column each row is one
 * point, in file order. x is typed as {@code shewhart chart} types it (ISO, UK, month-name and ISO-week dates, or
 * {@code --date-format}). An empty or {@code NA} value is skipped within its subgroup; a point with no value at all
 * is an error, since these charts have no notion of a missing point. For binary outcomes each row is one case, in
 * file order. Immutable.
 */
final class MonitorInput {
    private final ChartInput.Kind kind;
    private final String[] labels;
    private final double[] keys;
    private final Subgroups data;
    private final int[] outcomes;

    private MonitorInput(ChartInput.Kind kind, String[] labels, double[] keys, Subgroups data, int[] outcomes) {
        this.kind = kind;
        this.labels = labels;
        this.keys = keys;
        this.data = data;
        this.outcomes = outcomes;
    }

    /** The x column named by the option, else {@code x} if the file has one, else -1 (one point per row). */
    private static int xColumn(CsvTable t, String xName) {
        if (xName != null) {
            return t.column(xName, "--x");
        }
        return t.hasColumn("x") ? t.column("x", "--x") : -1;
    }

    private static void requireRows(CsvTable t) {
        if (t.rowCount() == 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file has a header but no data rows; expected at least 2", t.file()));
        }
    }

    /**
     * Reads measurements into subgroups.
     *
     * @throws SpcInputException naming file, row, column and value for a missing column, a cell that is not a
     *     number, or a point without any value
     */
    static MonitorInput measurements(CsvTable t, String xName, String yName, String dateFormat) {
        final int yc = t.column(yName, "--y");
        final int xc = xColumn(t, xName);
        requireRows(t);
        final int rows = t.rowCount();
        final ChartInput.XType xType = xc < 0 ? null : ChartInput.XType.of(t, xc, dateFormat);
        final ChartInput.Kind kind = xc < 0 ? ChartInput.Kind.NUMBER : xType.kind();
        final Map<String, Integer> groupOf = new HashMap<>();
        final List<String> labels = new ArrayList<>();
        final List<Double> keys = new ArrayList<>();
        final List<Integer> firstRow = new ArrayList<>();
        final int[] group = new int[rows];
        for (int r = 0; r < rows; r++) {
            final String raw = xc < 0 ? Integer.toString(r + 1) : t.cell(r, xc);
            final double key = xc < 0 ? r + 1 : xType.key(raw, labels.size());
            final String canonical = xc < 0 ? raw : xType.label(raw, key);
            Integer g = groupOf.get(canonical);
            if (g == null) {
                g = labels.size();
                groupOf.put(canonical, g);
                labels.add(canonical);
                keys.add(key);
                firstRow.add(r);
            }
            group[r] = g;
        }
        final int groups = labels.size();
        final double[] y = new double[rows];
        final int[] count = new int[groups];
        for (int r = 0; r < rows; r++) {
            y[r] = ChartInput.number(t, r, yc);
            if (y[r] == y[r]) {
                count[group[r]]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            if (count[g] == 0) {
                final int r = firstRow.get(g);
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: the point with x '%s' has no value (every cell is empty or NA); every point of a "
                                + "monitoring chart needs at least one number", t.where(r, yc),
                        CsvTable.show(labels.get(g))));
            }
        }
        final Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        if (kind != ChartInput.Kind.TEXT) {
            Arrays.sort(order, (a, b) -> Double.compare(keys.get(a), keys.get(b)));
        }
        final int[] rank = new int[groups];
        final String[] sortedLabels = new String[groups];
        final double[] sortedKeys = new double[groups];
        for (int k = 0; k < groups; k++) {
            rank[order[k]] = k;
            sortedLabels[k] = labels.get(order[k]);
            sortedKeys[k] = keys.get(order[k]);
        }
        // rows regrouped by subgroup rank (a counting sort, stable): the rows of a subgroup become contiguous
        final int[] start = new int[groups + 1];
        for (int r = 0; r < rows; r++) {
            start[rank[group[r]] + 1]++;
        }
        for (int k = 0; k < groups; k++) {
            start[k + 1] += start[k];
        }
        final double[] values = new double[rows];
        final int[] labelOf = new int[rows];
        for (int r = 0; r < rows; r++) {
            final int k = rank[group[r]];
            final int at = start[k]++;
            values[at] = y[r];
            labelOf[at] = k;
        }
        return new MonitorInput(kind, sortedLabels, sortedKeys, Subgroups.ofObservations(values, labelOf), null);
    }

    /**
     * Reads binary outcomes, one case per row in file order.
     *
     * @throws SpcInputException naming file, row, column and value for a missing column or an outcome that is not
     *     0 or 1
     */
    static MonitorInput outcomes(CsvTable t, String xName, String yName, String dateFormat) {
        final int yc = t.column(yName, "--y");
        final int xc = xColumn(t, xName);
        requireRows(t);
        final int rows = t.rowCount();
        final ChartInput.XType xType = xc < 0 ? null : ChartInput.XType.of(t, xc, dateFormat);
        final ChartInput.Kind kind = xc < 0 ? ChartInput.Kind.NUMBER : xType.kind();
        final String[] labels = new String[rows];
        final double[] keys = new double[rows];
        final int[] outcome = new int[rows];
        for (int r = 0; r < rows; r++) {
            final String raw = xc < 0 ? Integer.toString(r + 1) : t.cell(r, xc);
            keys[r] = xc < 0 ? r + 1 : xType.key(raw, r);
            labels[r] = xc < 0 ? raw : xType.label(raw, keys[r]);
            final String cell = t.cell(r, yc);
            double v;
            try {
                v = ChartInput.number(t, r, yc);
            } catch (SpcInputException notNumber) {
                v = Double.NaN;
            }
            if (v != 0 && v != 1) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: outcome '%s' is not 0 or 1; each case needs 1 (event) or 0 (no event), and a "
                                + "Bernoulli CUSUM has no missing cases", t.where(r, yc), CsvTable.show(cell)));
            }
            outcome[r] = (int) v;
        }
        return new MonitorInput(kind, labels, keys, null, outcome);
    }

    /** @return the number of points (subgroups or cases) */
    int size() {
        return labels.length;
    }

    /** @return the subgroups of a measurement input */
    Subgroups data() {
        return data;
    }

    /** @return a copy of the outcomes of a binary input */
    int[] outcomes() {
        return outcomes.clone();
    }

    /** @return the x of point i as text */
    String label(int i) {
        return labels[i];
    }

    /** Writes the x of point i: a number if x are numbers (or row numbers), else text. */
    void writeX(JsonGenerator g, int i) throws IOException {
        if (kind == ChartInput.Kind.NUMBER) {
            final double k = keys[i];
            if (k == Math.rint(k) && Math.abs(k) < 1e15) {
                g.writeNumberField("x", (long) k);
            } else {
                g.writeNumberField("x", k);
            }
        } else {
            g.writeStringField("x", labels[i]);
        }
    }
}
