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
        /** Every x is an ISO date (yyyy-mm-dd). */
        DATE,
        /** Every x is a number. */
        NUMBER,
        /** Anything else: categories or free-text labels. */
        TEXT
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Kind kind;
    private final String[] labels;
    private final double[] keys;
    private final double[] value;
    private final double[] size;
    private final int[] phaseStarts;

    private ChartInput(Kind kind, String[] labels, double[] keys, double[] value, double[] size,
            int[] phaseStarts) {
        this.kind = kind;
        this.labels = labels;
        this.keys = keys;
        this.value = value;
        this.size = size;
        this.phaseStarts = phaseStarts;
    }

    static ChartInput read(CsvTable t, String xName, String yName, String nName, String phaseName) {
        final int xc = t.column(xName, "--x");
        final int yc = t.column(yName, "--y");
        final int nc = nName == null ? -1 : t.column(nName, "--n");
        final int pc = phaseName == null ? -1 : t.column(phaseName, "--phase-col");
        final int rows = t.rowCount();
        if (rows == 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file has a header but no data rows; expected at least 2", t.file()));
        }
        final Kind kind = kindOf(t, xc);
        // group rows by x, keeping the first row of each group for phase labels and messages
        final Map<String, Integer> groupOf = new HashMap<>();
        final List<String> labels = new ArrayList<>();
        final List<Double> keys = new ArrayList<>();
        final List<Integer> firstRow = new ArrayList<>();
        final int[] group = new int[rows];
        for (int r = 0; r < rows; r++) {
            final String raw = t.cell(r, xc);
            final double key = key(kind, raw, labels.size());
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
        final String[] phaseLabel = new String[groups];
        for (int r = 0; r < rows; r++) {
            final int g = group[r];
            final double y = number(t, r, yc);
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
        final double[] v = new double[groups];
        final double[] s = nc >= 0 ? new double[groups] : null;
        final List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            final int g = order[k];
            sortedLabels[k] = labels.get(g);
            sortedKeys[k] = keys.get(g);
            if (s != null) {
                v[k] = countY[g] == 0 ? Double.NaN : sumY[g];
                s[k] = sumN[g];
            } else {
                v[k] = countY[g] == 0 ? Double.NaN : sumY[g] / countY[g];
            }
            if (pc >= 0 && k > 0 && !phaseLabel[g].equals(phaseLabel[order[k - 1]])) {
                starts.add(k);
            }
        }
        return new ChartInput(kind, sortedLabels, sortedKeys, v, s,
                starts.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Kind kindOf(CsvTable t, int xc) {
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

    private static double key(Kind kind, String raw, int ordinal) {
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

    private static String canonical(Kind kind, String raw, double key) {
        if (kind == Kind.NUMBER) {
            return key == Math.rint(key) && Math.abs(key) < 1e15 ? Long.toString((long) key) : Double.toString(key);
        }
        return raw;
    }

    /** A numeric cell: NaN for empty or NA, an error for anything else that is not a decimal number. */
    static double number(CsvTable t, int r, int c) {
        final String text = t.cell(r, c);
        if (text.isEmpty() || text.equalsIgnoreCase("NA")) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: '%s' is not a number; write a decimal number such as 12 or 0.85, or leave the cell "
                            + "empty (or NA) for a missing value", t.where(r, c), CsvTable.show(text)));
        }
        final double v = Double.parseDouble(text);
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

    Series series() {
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
                final LocalDate d = parseDate(t);
                return d != null && d.toEpochDay() == keys[i];
            case NUMBER:
                return NUMBER.matcher(t).matches() && Double.parseDouble(t) == keys[i];
            case TEXT:
            default:
                return t.equals(labels[i]);
        }
    }
}
