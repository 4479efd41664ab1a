package org.shewhart.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shewhart.charts.ChartLabels;
import org.shewhart.engine.SpcInputException;

/**
 * {@code --annotations FILE}: a CSV file or Excel sheet of improvement activities, one per row, with columns
 * {@code x} (when, read exactly as the chart's x is: a date, a number or a category) and {@code text} (what). With
 * several series, a column named as a key of the series (a {@code --by} column, or {@code measure} for the columns
 * of {@code --y a,b}) narrows a row to the series with that value; a row with such cells empty, or a file without
 * such columns, annotates every series.
 *
 * <p>An annotation must fall on the chart: between the first and the last x for dates and numbers, equal to an x
 * for categories. One that does not, or an x that cannot be read, stops the command with a message naming the
 * file, row, column and value: a mistyped year would otherwise drop the note from the chart unseen. An annotation
 * for every series needs to fall on one of them only.
 */
final class AnnotationTable {
    private final CsvTable table;
    private final int xc;
    private final int tc;

    private AnnotationTable(CsvTable table, int xc, int tc) {
        this.table = table;
        this.xc = xc;
        this.tc = tc;
    }

    /**
     * Reads the file.
     *
     * @param path CSV or Excel workbook (first sheet)
     * @throws SpcInputException if the file cannot be read, lacks x or text, or an x or text is empty
     */
    static AnnotationTable read(Path path) {
        final CsvTable t = CsvTable.open(path, null);
        final int xc = t.column("x", "--annotations");
        final int tc = t.column("text", "--annotations");
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.cell(r, tc).isBlank()) {
                throw new SpcInputException(t.where(r, tc) + ": the text is empty; write what happened, such as "
                        + "'PDSA 1: new handover'");
            }
            if (t.cell(r, xc).isBlank()) {
                throw new SpcInputException(t.where(r, xc) + ": the x is empty; write where the note goes, as the "
                        + "chart's x is written");
            }
        }
        return new AnnotationTable(t, xc, tc);
    }

    /**
     * Checks that every row naming a series names one of these.
     *
     * @param series the series
     * @throws SpcInputException naming the first row whose key cell matches no series
     */
    void checkSeries(List<SeriesInputs.Keyed> series) {
        final List<String> names = series.get(0).keyNames();
        for (int k = 0; k < names.size(); k++) {
            if (!table.hasColumn(names.get(k))) {
                continue;
            }
            final int c = table.column(names.get(k), "--annotations");
            for (int r = 0; r < table.rowCount(); r++) {
                final String v = table.cell(r, c);
                boolean found = v.isEmpty();
                for (SeriesInputs.Keyed s : series) {
                    found |= s.keyValues().get(k).equals(v);
                }
                if (!found) {
                    throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' is not a %s of the chart; "
                            + "leave the cell empty to annotate every series", table.where(r, c), CsvTable.show(v),
                            CsvTable.show(names.get(k))));
                }
            }
        }
    }

    /** Whether a row is for this series: each key column the file has is empty or holds the series' value. */
    private boolean isFor(int r, SeriesInputs.Keyed series) {
        for (int k = 0; k < series.keyNames().size(); k++) {
            if (table.hasColumn(series.keyNames().get(k))) {
                final String v = table.cell(r, table.column(series.keyNames().get(k), "--annotations"));
                if (!v.isEmpty() && !v.equals(series.keyValues().get(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a row names a series in a key column (rather than annotating every series). */
    private boolean isNarrowed(int r, SeriesInputs.Keyed series) {
        for (String name : series.keyNames()) {
            if (table.hasColumn(name) && !table.cell(r, table.column(name, "--annotations")).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The annotations of one chart.
     *
     * @param series the series and its points, to read x as they are
     * @param lenient whether an annotation for every series may fall outside this one (checked against all of them
     *     by {@link #checkSomewhere})
     * @return the annotations in file order
     * @throws SpcInputException for an x that cannot be read or is not on the chart
     */
    List<ChartLabels.Annotation> forChart(SeriesInputs.Keyed series, boolean lenient) {
        final ChartInput in = series.input();
        final List<ChartLabels.Annotation> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (!isFor(r, series)) {
                continue;
            }
            final double x = position(in, r);
            if (Double.isNaN(x)) {
                if (lenient && !isNarrowed(r, series)) {
                    continue;
                }
                throw notOnChart(in, r, series.keyValues().isEmpty() ? null : series.where());
            }
            out.add(new ChartLabels.Annotation(x, table.cell(r, tc).trim()));
        }
        return out;
    }

    /**
     * Checks that each annotation for every series falls on at least one of them.
     *
     * @param series the series
     * @throws SpcInputException naming the first row on no chart
     */
    void checkSomewhere(List<SeriesInputs.Keyed> series) {
        for (int r = 0; r < table.rowCount(); r++) {
            if (isNarrowed(r, series.get(0))) {
                continue;
            }
            boolean somewhere = false;
            for (SeriesInputs.Keyed s : series) {
                somewhere |= !Double.isNaN(position(s.input(), r));
            }
            if (!somewhere) {
                throw notOnChart(series.get(0).input(), r, "any series");
            }
        }
    }

    /** The annotation's x on this chart, or NaN if it cannot be read or is off the chart. */
    private double position(ChartInput in, int r) {
        final String text = table.cell(r, xc);
        final double x;
        try {
            x = in.xOf(text);
        } catch (SpcInputException e) {
            return Double.NaN;
        }
        if (Double.isNaN(x) || in.kind() == ChartInput.Kind.TEXT) {
            return x;
        }
        return x >= in.key(0) && x <= in.key(in.size() - 1) ? x : Double.NaN;
    }

    private SpcInputException notOnChart(ChartInput in, int r, String series) {
        final String text = table.cell(r, xc);
        final String what;
        if (in.kind() == ChartInput.Kind.TEXT) {
            what = "is not an x of the chart";
        } else if (Double.isNaN(safeX(in, text))) {
            what = in.kind() == ChartInput.Kind.DATE ? "is not a date" : "is not a number";
        } else {
            what = "is not on the chart";
        }
        return new SpcInputException(String.format(Locale.ROOT, "%s: '%s' %s%s; x runs from %s to %s (x read as %s)",
                table.where(r, xc), CsvTable.show(text), what,
                series == null || what.startsWith("is not a ") ? "" : " of " + series,
                CsvTable.show(in.label(0)), CsvTable.show(in.label(in.size() - 1)),
                in.kind() == ChartInput.Kind.DATE ? "dates" : in.kind().name().toLowerCase(Locale.ROOT)));
    }

    private static double safeX(ChartInput in, String text) {
        try {
            return in.xOf(text);
        } catch (SpcInputException e) {
            return Double.NaN;
        }
    }
}
