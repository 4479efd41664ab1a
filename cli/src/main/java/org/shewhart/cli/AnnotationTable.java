package org.shewhart.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shewhart.charts.ChartLabels;
import org.shewhart.engine.SpcInputException;

/**
 * {@code --annotations FILE}: a CSV file or Excel sheet of improvement activities, one per row, with columns
 * {@code x} (when, read exactly as the chart's x is: a date, a number or a category) and {@code text} (what). With
 * {@code --by COL}, a column COL may name the series a row belongs to; a row with that cell empty, or a file
 * without the column, annotates every series.
 *
 * <p>An annotation must fall on the chart: between the first and the last x for dates and numbers, equal to an x
 * for categories. One that does not, or an x that cannot be read, stops the command with a message naming the
 * file, row, column and value: a mistyped year would otherwise drop the note from the chart unseen.
 */
final class AnnotationTable {
    private final CsvTable table;
    private final int xc;
    private final int tc;
    private final int bc;

    private AnnotationTable(CsvTable table, int xc, int tc, int bc) {
        this.table = table;
        this.xc = xc;
        this.tc = tc;
        this.bc = bc;
    }

    /**
     * Reads the file.
     *
     * @param path CSV or Excel workbook (first sheet)
     * @param by the {@code --by} column, or null
     * @throws SpcInputException if the file cannot be read, lacks x or text, or a text is empty
     */
    static AnnotationTable read(Path path, String by) {
        final CsvTable t = CsvTable.open(path, null);
        final int xc = t.column("x", "--annotations");
        final int tc = t.column("text", "--annotations");
        final int bc = by != null && t.hasColumn(by) ? t.column(by, "--annotations") : -1;
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
        return new AnnotationTable(t, xc, tc, bc);
    }

    /**
     * Checks that every row naming a series names one of these.
     *
     * @param series the series' names
     * @throws SpcInputException naming the first row that names none
     */
    void checkSeries(List<String> series) {
        if (bc < 0) {
            return;
        }
        for (int r = 0; r < table.rowCount(); r++) {
            final String b = table.cell(r, bc);
            if (!b.isEmpty() && !series.contains(b)) {
                throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' is not a series of the chart "
                        + "(column '%s' of the data); leave the cell empty to annotate every series",
                        table.where(r, bc), CsvTable.show(b), CsvTable.show(table.columnName(bc))));
            }
        }
    }

    /**
     * The annotations of one chart.
     *
     * @param in the chart's points, to read x as they are
     * @param series the series' name with --by, or null
     * @param lenient whether an annotation for every series may fall outside this one (with --by: it is checked
     *     against the union of the series by {@link #checkSomewhere})
     * @return the annotations in file order
     * @throws SpcInputException for an x that cannot be read or is not on the chart
     */
    List<ChartLabels.Annotation> forChart(ChartInput in, String series, boolean lenient) {
        final List<ChartLabels.Annotation> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            final String b = bc < 0 ? "" : table.cell(r, bc);
            if (!b.isEmpty() && !b.equals(series)) {
                continue;
            }
            final double x = position(in, r);
            if (Double.isNaN(x)) {
                if (lenient && b.isEmpty()) {
                    continue;
                }
                throw notOnChart(in, r, series);
            }
            out.add(new ChartLabels.Annotation(x, table.cell(r, tc).trim()));
        }
        return out;
    }

    /**
     * Checks that each annotation for every series falls on at least one of them.
     *
     * @param inputs the series' points
     * @throws SpcInputException naming the first row on no chart
     */
    void checkSomewhere(List<ChartInput> inputs) {
        for (int r = 0; r < table.rowCount(); r++) {
            if (bc >= 0 && !table.cell(r, bc).isEmpty()) {
                continue;
            }
            boolean somewhere = false;
            for (ChartInput in : inputs) {
                somewhere |= !Double.isNaN(position(in, r));
            }
            if (!somewhere) {
                throw notOnChart(inputs.get(0), r, null);
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
        final String kind = in.kind().name().toLowerCase(Locale.ROOT);
        final String what;
        if (in.kind() == ChartInput.Kind.TEXT) {
            what = "is not an x of the chart";
        } else if (Double.isNaN(in.xOf(table.cell(r, xc)))) {
            what = in.kind() == ChartInput.Kind.DATE ? "is not a date" : "is not a number";
        } else {
            what = "is not on the chart";
        }
        return new SpcInputException(String.format(Locale.ROOT, "%s: '%s' %s%s; x runs from %s to %s (x read as %s)",
                table.where(r, xc), CsvTable.show(table.cell(r, xc)), what,
                series == null ? "" : " of series '" + CsvTable.show(series) + "'", CsvTable.show(first(in)),
                CsvTable.show(in.label(in.size() - 1)), in.kind() == ChartInput.Kind.DATE ? "dates" : kind));
    }

    private static String first(ChartInput in) {
        return in.kind() == ChartInput.Kind.DATE ? LocalDate.ofEpochDay((long) in.key(0)).toString() : in.label(0);
    }
}
