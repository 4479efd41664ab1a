package org.shewhart.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Series;
import org.shewhart.engine.SpcInputException;

/**
 * One measure read from a table and turned into chart points: rows with the same x form one point (subgroup),
 * points are in x order (dates and numbers ascending; text in order of first appearance), values are the
 * subgroup mean, or with a denominator column the summed numerator over the summed denominator.
 *
 * <p>A missing value is an empty cell or {@code NA}; it is kept as a point without a value, never dropped. Any
 * other text that is not a number is an error naming file, row, column and value. Immutable.
 */
final class ChartInput {
    /** How the x column is typed, decided over all its cells. */
    enum Kind {
        /** Every x is a date: ISO (yyyy-mm-dd), or one of the other formats of {@link XDates}. */
        DATE,
        /** Every x is a number. */
        NUMBER,
        /** Anything else: categories or free-text labels. */
        TEXT
    }

    /**
     * How the x column of a table is read, the same for every command: ISO dates, numbers or text, where text may
     * then be dates in one of the other formats of {@link XDates}, or dates in the {@code --date-format}.
     *
     * @param kind how x is typed
     * @param dates the format of the dates, or null if x are not dates
     */
    record XType(Kind kind, XDates.Format dates) {
        /**
         * Types the x column of a table.
         *
         * @param dateFormat the {@code --date-format} pattern, or null to decide from x
         * @throws SpcInputException for an empty x, an x that does not match the forced format, or ambiguous dates
         */
        static XType of(CsvTable t, int xc, String dateFormat) {
            final Kind typed = dateFormat == null ? kindOf(t, xc) : Kind.DATE;
            final XDates.Format dates = dateFormat != null ? forced(t, xc, dateFormat)
                    : typed == Kind.DATE ? XDates.ISO : typed == Kind.TEXT ? XDates.detect(t, xc) : null;
            return new XType(dates != null ? Kind.DATE : typed, dates);
        }

        /** The sort key of an x: epoch day, number, or the ordinal of first appearance for text. */
        double key(String raw, int ordinal) {
            return dates != null ? dates.parse(raw).toEpochDay() : ChartInput.key(kind, raw, ordinal);
        }

        /** The x as output shows it: ISO date, shortest number, or the text. */
        String label(String raw, double key) {
            return canonical(kind, raw, key);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Kind kind;
    private final XDates.Format dates;
    private final String[] labels;
    private final double[] keys;
    private final double[] value;
    private final double[] size;
    private final double[] sd;
    private final double[] range;
    private final int[] phaseStarts;
    /** The --phase-col value of each point, or null without --phase-col. */
    private String[] phaseValues;

    /** Points already aggregated by date, one per period (see {@link Periods}), labelled in ISO form. */
    static ChartInput periods(XDates.Format dates, String[] labels, double[] keys, double[] values) {
        return new ChartInput(Kind.DATE, dates, labels, keys, values, null, null, null, new int[0]);
    }

    /**
     * The format in which every x is a date, or null if x are numbers or text.
     *
     * @param dateFormat the {@code --date-format} pattern, or null to decide from x
     */
    static XDates.Format datesOf(CsvTable t, int xc, String dateFormat) {
        if (dateFormat != null) {
            return forced(t, xc, dateFormat);
        }
        final Kind typed = kindOf(t, xc);
        return typed == Kind.DATE ? XDates.ISO : typed == Kind.TEXT ? XDates.detect(t, xc) : null;
    }

    private ChartInput(Kind kind, XDates.Format dates, String[] labels, double[] keys, double[] value, double[] size,
            double[] sd, double[] range, int[] phaseStarts) {
        this.kind = kind;
        this.dates = dates;
        this.labels = labels;
        this.keys = keys;
        this.value = value;
        this.size = size;
        this.sd = sd;
        this.range = range;
        this.phaseStarts = phaseStarts;
    }

    /**
     * Reads the points of a chart of the given type: for subgroup charts (xbar, s, r) each point holds the mean,
     * SD, range and number of its observations; with a denominator the summed numerator and denominator; for c
     * charts the summed count; otherwise the mean of the rows. Dates are labelled in ISO form whatever format they
     * were read in.
     *
     * @param dateFormat a java.time pattern every x must match ({@code --date-format}), or null to decide from x
     */
    static ChartInput read(CsvTable t, String xName, String yName, String nName, String phaseName,
            ChartType type, String dateFormat) {
        final int xc = t.column(xName, "--x");
        final int yc = t.column(yName, "--y");
        final int nc = nName == null ? -1 : t.column(nName, "--n");
        final int pc = phaseName == null ? -1 : t.column(phaseName, "--phase-col");
        final int rows = t.rowCount();
        if (rows == 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file has a header but no data rows; expected at least 2", t.file()));
        }
        final XType xType = XType.of(t, xc, dateFormat);
        final Kind kind = xType.kind();
        final XDates.Format dates = xType.dates();
        // group rows by x, keeping the first row of each group for phase labels and messages
        final Map<String, Integer> groupOf = new HashMap<>();
        final List<String> labels = new ArrayList<>();
        final List<Double> keys = new ArrayList<>();
        final List<Integer> firstRow = new ArrayList<>();
        final int[] group = new int[rows];
        for (int r = 0; r < rows; r++) {
            final String raw = t.cell(r, xc);
            final double key = xType.key(raw, labels.size());
            final String canonical = canonical(kind, raw, key);
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
        final double[] sumY = new double[groups];
        final double[] sumN = new double[groups];
        final int[] countY = new int[groups];
        // Welford's running mean and sum of squared deviations, min and max: the subgroup SD and range
        final double[] runMean = new double[groups];
        final double[] m2 = new double[groups];
        final double[] min = new double[groups];
        final double[] max = new double[groups];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        final String[] phaseLabel = new String[groups];
        for (int r = 0; r < rows; r++) {
            final int g = group[r];
            final double y = number(t, r, yc);
            check(t, r, yc, nc, y, type);
            if (pc >= 0) {
                final String p = t.cell(r, pc);
                if (phaseLabel[g] == null) {
                    phaseLabel[g] = p;
                } else if (!phaseLabel[g].equals(p)) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: value '%s' differs from '%s' at row %d for the same x '%s'; rows of one point "
                                    + "must share a phase", t.where(r, pc), CsvTable.show(p),
                            CsvTable.show(phaseLabel[g]), t.lineOf(firstRow.get(g)), CsvTable.show(labels.get(g))));
                }
            }
            if (nc >= 0) {
                final double n = number(t, r, nc);
                if (n < 0) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: denominator '%s' is negative; it must be >= 0", t.where(r, nc),
                            CsvTable.show(t.cell(r, nc))));
                }
                // a row missing its numerator or denominator adds nothing to its point (qicharts2)
                if (y == y && n == n) {
                    sumY[g] += y;
                    sumN[g] += n;
                    countY[g]++;
                }
            } else if (y == y) {
                sumY[g] += y;
                countY[g]++;
                final double d = y - runMean[g];
                runMean[g] += d / countY[g];
                m2[g] += d * (y - runMean[g]);
                min[g] = Math.min(min[g], y);
                max[g] = Math.max(max[g], y);
            }
        }
        final Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        if (kind != Kind.TEXT) {
            // stable: equal keys cannot occur (they were grouped), so this is a plain ascending sort
            Arrays.sort(order, (a, b) -> Double.compare(keys.get(a), keys.get(b)));
        }
        final String[] sortedLabels = new String[groups];
        final double[] sortedKeys = new double[groups];
        final boolean subgroups = type.isSubgrouped();
        final double[] v = new double[groups];
        final double[] s = nc >= 0 || subgroups ? new double[groups] : null;
        final double[] sds = subgroups ? new double[groups] : null;
        final double[] ranges = subgroups ? new double[groups] : null;
        final List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            final int g = order[k];
            sortedLabels[k] = labels.get(g);
            sortedKeys[k] = keys.get(g);
            if (subgroups) {
                v[k] = countY[g] == 0 ? Double.NaN : sumY[g] / countY[g];
                s[k] = countY[g];
                sds[k] = countY[g] < 2 ? Double.NaN : Math.sqrt(m2[g] / (countY[g] - 1));
                ranges[k] = countY[g] < 2 ? Double.NaN : max[g] - min[g];
            } else if (s != null) {
                v[k] = countY[g] == 0 ? Double.NaN : sumY[g];
                s[k] = sumN[g];
            } else if (type == ChartType.C) {
                v[k] = countY[g] == 0 ? Double.NaN : sumY[g];
            } else {
                v[k] = countY[g] == 0 ? Double.NaN : sumY[g] / countY[g];
            }
            if (pc >= 0 && k > 0 && !phaseLabel[g].equals(phaseLabel[order[k - 1]])) {
                starts.add(k);
            }
        }
        final ChartInput in = new ChartInput(kind, dates, sortedLabels, sortedKeys, v, s, sds, ranges,
                starts.stream().mapToInt(Integer::intValue).toArray());
        if (pc >= 0) {
            in.phaseValues = new String[groups];
            for (int k = 0; k < groups; k++) {
                in.phaseValues[k] = phaseLabel[order[k]];
            }
        }
        return in;
    }

    /** Row-level checks of what a chart type can take, so the message can name file, row and column. */
    static void check(CsvTable t, int r, int yc, int nc, double y, ChartType type) {
        final boolean counts = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
        if (counts && y < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: count '%s' is negative; a %s chart counts events, so values must be >= 0",
                    t.where(r, yc), t.cell(r, yc), type.id()));
        }
        if (type == ChartType.T && y <= 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: time '%s' is not positive; a t chart needs times between events > 0 (add 0.5 to "
                            + "same-day events, or use a g chart)", t.where(r, yc), t.cell(r, yc)));
        }
        final boolean binomial = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        if (binomial && nc >= 0) {
            final double n = number(t, r, nc);
            // a zero denominator makes the point missing (no value, no limits), as qicharts2 reports it
            if (y > n && n > 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: numerator '%s' is greater than denominator '%s' (column '%s'); a %s chart needs "
                                + "numerator <= denominator", t.where(r, yc), t.cell(r, yc), t.cell(r, nc),
                        t.columnName(nc), type.id()));
            }
        }
    }

    /** The {@code --date-format} that every x must match. */
    private static XDates.Format forced(CsvTable t, int xc, String pattern) {
        final XDates.Format f = XDates.pattern(pattern);
        for (int r = 0; r < t.rowCount(); r++) {
            final String x = t.cell(r, xc);
            if (f.parse(x) == null) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is not a date in the --date-format %s", t.where(r, xc), CsvTable.show(x),
                        CsvTable.show(pattern)));
            }
        }
        return f;
    }

    static Kind kindOf(CsvTable t, int xc) {
        boolean dates = true;
        boolean numbers = true;
        for (int r = 0; r < t.rowCount(); r++) {
            final String x = t.cell(r, xc);
            if (x.isEmpty()) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: empty x; every row needs an x value (a date, a number or a label)", t.where(r, xc)));
            }
            if (dates && parseDate(x) == null) {
                dates = false;
            }
            if (numbers && !NUMBER.matcher(x).matches()) {
                numbers = false;
            }
        }
        return dates ? Kind.DATE : numbers ? Kind.NUMBER : Kind.TEXT;
    }

    private static LocalDate parseDate(String x) {
        if (x.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(x);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static double key(Kind kind, String raw, int ordinal) {
        switch (kind) {
            case DATE:
                return parseDate(raw).toEpochDay();
            case NUMBER:
                return Double.parseDouble(raw);
            case TEXT:
            default:
                return ordinal;
        }
    }

    static String canonical(Kind kind, String raw, double key) {
        if (kind == Kind.DATE) {
            return LocalDate.ofEpochDay((long) key).toString();
        }
        if (kind == Kind.NUMBER) {
            return key == Math.rint(key) && Math.abs(key) < 1e15 ? Long.toString((long) key) : Double.toString(key);
        }
        return raw;
    }

    /**
     * A numeric cell: NaN for empty or NA, an error for anything else that is not a number as {@link Numbers}
     * reads it in this file (decimal point or comma, thousands groups).
     */
    static double number(CsvTable t, int r, int c) {
        final String text = t.cell(r, c);
        if (text.isEmpty() || text.equalsIgnoreCase("NA")) {
            return Double.NaN;
        }
        final double v = Numbers.parse(text, t.decimalComma());
        if (v != v) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' is not a number%s", t.where(r, c),
                    CsvTable.show(text), Numbers.why(text, t.decimalComma())));
        }
        if (Double.isInfinite(v)) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: '%s' is too large to be a number", t.where(r, c), CsvTable.show(text)));
        }
        return v;
    }

    Kind kind() {
        return kind;
    }

    int size() {
        return labels.length;
    }

    String label(int i) {
        return labels[i];
    }

    double key(int i) {
        return keys[i];
    }

    boolean hasSizes() {
        return size != null;
    }

    double sizeAt(int i) {
        return size == null ? Double.NaN : size[i];
    }

    int[] phaseStarts() {
        return phaseStarts.clone();
    }

    /**
     * The name of each phase: the --phase-col value at its first point, or null (drawn "Phase n") without
     * --phase-col or where --phase-at split a phase of the column.
     *
     * @param firstPoints the first point of each phase, ascending
     */
    String[] phaseNames(int[] firstPoints) {
        final String[] names = new String[firstPoints.length];
        if (phaseValues == null) {
            return names;
        }
        for (int p = 0; p < names.length; p++) {
            final String v = phaseValues[firstPoints[p]];
            final boolean split = p > 0 && v.equals(phaseValues[firstPoints[p] - 1]);
            names[p] = split || v.isEmpty() ? null : v;
        }
        return names;
    }

    /**
     * Where a text falls on the x axis, read as x is: epoch day for dates (ISO or the file's format), the number for
     * numbers, the index of the equal label for text; NaN if the text is none of these.
     */
    double xOf(String text) {
        final String t = text.trim();
        switch (kind) {
            case DATE:
                LocalDate d = parseDate(t);
                if (d == null && dates != null) {
                    d = dates.parse(t);
                }
                return d == null ? Double.NaN : d.toEpochDay();
            case NUMBER:
                return NUMBER.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
            case TEXT:
            default:
                for (int i = 0; i < labels.length; i++) {
                    if (t.equals(labels[i])) {
                        return i;
                    }
                }
                return Double.NaN;
        }
    }

    Series series() {
        if (sd != null) {
            return Series.ofSubgroups(value, sd, range, size);
        }
        return size == null ? Series.of(value) : Series.of(value, size);
    }

    /**
     * The index of the point whose x equals the given text, compared as the x column is typed.
     *
     * @throws SpcInputException naming the option, the value and the range of x
     */
    int indexOf(String text, String option) {
        final String t = text.trim();
        for (int i = 0; i < labels.length; i++) {
            if (matches(t, i)) {
                return i;
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "%s %s names no point; x runs from %s to %s (%d points, x read as %s)", option, CsvTable.show(text),
                CsvTable.show(labels[0]), CsvTable.show(labels[labels.length - 1]), labels.length,
                kind.name().toLowerCase(Locale.ROOT)));
    }

    private boolean matches(String t, int i) {
        switch (kind) {
            case DATE:
                // --phase-at and --exclude may name a date in ISO form or as the file writes it
                LocalDate d = parseDate(t);
                if (d == null && dates != null) {
                    d = dates.parse(t);
                }
                return d != null && d.toEpochDay() == keys[i];
            case NUMBER:
                return NUMBER.matcher(t).matches() && Double.parseDouble(t) == keys[i];
            case TEXT:
            default:
                return t.equals(labels[i]);
        }
    }
}
