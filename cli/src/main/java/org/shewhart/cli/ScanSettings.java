package org.shewhart.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.SpcInputException;

/**
 * {@code scan --settings FILE}: per-series chart settings, the file {@code report} reads. One row per value of
 * one key column: the column of the settings file named like one of the {@code --by} columns, or
 * {@code indicator} (as for {@code report}) when {@code --by} names one column. The other columns, all optional:
 * {@code chart}, {@code improvement}, {@code target}, {@code multiply}, {@code profile} and {@code phase-at} (x
 * values separated by {@code ;}); {@code unit} and {@code label} are allowed and not used. An empty cell, or a
 * series without a row, takes the command line's option. Every cell is checked when the file is read and a bad
 * one named by file, row, column and value.
 *
 * <p>Settings are numbered from 1; 0 is the command line's. Immutable once read, except for the record of which
 * rows were used.
 */
final class ScanSettings {
    private final String file;
    private final int keyIndex;
    private final String keyColumn;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final List<ChartSpec> specs = new ArrayList<>();
    private final List<List<String>> phaseAt = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private boolean[] used;

    private ScanSettings(String file, int keyIndex, String keyColumn) {
        this.file = file;
        this.keyIndex = keyIndex;
        this.keyColumn = keyColumn;
    }

    /** Only the command line's spec: no settings file. */
    static ScanSettings none(ChartSpec spec) {
        final ScanSettings s = new ScanSettings(null, -1, null);
        s.specs.add(spec);
        s.phaseAt.add(List.of());
        s.lines.add(0L);
        s.values.add(null);
        s.used = new boolean[1];
        return s;
    }

    /**
     * Reads a settings file.
     *
     * @param path the file
     * @param by the --by columns
     * @param rules the command line's rule options
     * @param type the command line's chart type
     */
    static ScanSettings read(Path path, List<String> by, SpecOptions rules, ChartType type) {
        final CsvTable t = CsvTable.read(path);
        int key = -1;
        int kc = -1;
        for (int k = 0; k < by.size() && key < 0; k++) {
            if (t.hasColumn(by.get(k))) {
                key = k;
                kc = t.column(by.get(k), "--settings");
            }
        }
        if (key < 0 && by.size() == 1 && t.hasColumn("indicator")) {
            key = 0;
            kc = t.column("indicator", "--settings");
        }
        if (key < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: no column naming the series; name one of the --by columns (%s)%s", t.file(),
                    String.join(", ", by), by.size() == 1 ? " or 'indicator'" : ""));
        }
        final ScanSettings s = new ScanSettings(t.file(), key, t.columnName(kc));
        s.specs.add(spec(rules, type, null, null, Double.NaN, Double.NaN, null));
        s.phaseAt.add(List.of());
        s.lines.add(0L);
        s.values.add(null);
        final Map<String, Long> seen = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            final String name = t.cell(r, kc);
            if (name.isEmpty()) {
                throw new SpcInputException(t.where(r, kc) + ": the key is empty");
            }
            if (seen.containsKey(name)) {
                throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' has settings at row %d already",
                        t.where(r, kc), CsvTable.show(name), seen.get(name)));
            }
            seen.put(name, t.lineOf(r));
            final ChartType chart = SettingsCells.parse(t, r, "chart", null, ChartType::of);
            final Improvement improvement = SettingsCells.parse(t, r, "improvement", null, Improvement::of);
            final double target = SettingsCells.parse(t, r, "target", Double.NaN, SettingsCells::number);
            final double multiply = SettingsCells.parse(t, r, "multiply", Double.NaN, SettingsCells::number);
            final RuleProfile profile = SettingsCells.parse(t, r, "profile", null, RuleProfile::of);
            final List<String> at = SettingsCells.parse(t, r, "phase-at", List.of(), SettingsCells::phases);
            final ChartSpec spec;
            try {
                spec = spec(rules, chart != null ? chart : type, improvement, profile, target, multiply, at);
            } catch (SpcInputException e) {
                throw new SpcInputException(String.format(Locale.ROOT, "%s: row %d: %s", t.file(), t.lineOf(r),
                        e.getMessage()));
            }
            s.indexOf.put(name, s.specs.size());
            s.specs.add(spec);
            s.phaseAt.add(at);
            s.lines.add(t.lineOf(r));
            s.values.add(name);
        }
        s.used = new boolean[s.specs.size()];
        return s;
    }

    private static ChartSpec spec(SpecOptions rules, ChartType type, Improvement improvement, RuleProfile profile,
            double target, double multiply, List<String> phaseAt) {
        final ChartSpec.Builder b = rules.builder(type, false);
        if (improvement != null) {
            b.improvement(improvement);
        }
        if (profile != null) {
            b.profile(profile);
        }
        if (Double.isFinite(target)) {
            b.target(target);
        }
        if (Double.isFinite(multiply)) {
            b.multiply(multiply);
        }
        b.phaseStarts(new int[0]);
        b.exclude(new int[0]);
        return b.build();
    }

    /** @return the --by column (index) that selects settings, or -1 without a file */
    int keyIndex() {
        return keyIndex;
    }

    /** @return the specs by settings index */
    ChartSpec[] specs() {
        return specs.toArray(new ChartSpec[0]);
    }

    /** @return the chart types by settings index */
    ChartType[] types() {
        final ChartType[] t = new ChartType[specs.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = specs.get(i).type();
        }
        return t;
    }

    /** @return the settings index for a value of the key column (0 if it has no row); records the use */
    int indexOf(String value) {
        final Integer i = indexOf.get(value);
        if (i == null) {
            return 0;
        }
        used[i] = true;
        return i;
    }

    /** @return the line of each settings row (0 for the command line's) */
    long[] lines() {
        final long[] out = new long[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lines.get(i);
        }
        return out;
    }

    /**
     * The phase-at x of each settings row as read x: epoch days for dates, numbers for numbers.
     *
     * @throws SpcInputException naming the row for a value that is not such an x
     */
    double[][] phaseAt(ChartInput.Kind kind) {
        final double[][] out = new double[phaseAt.size()][];
        for (int i = 1; i < out.length; i++) {
            final List<String> at = phaseAt.get(i);
            if (at.isEmpty()) {
                continue;
            }
            out[i] = new double[at.size()];
            for (int j = 0; j < at.size(); j++) {
                final byte[] b = at.get(j).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                final double v = kind == ChartInput.Kind.DATE ? FastParse.date(b, 0, b.length)
                        : FastParse.number(b, 0, b.length) + 0.0;
                if (kind == ChartInput.Kind.DATE && (long) v == FastParse.NOT_A_DATE || v != v) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: row %d, column 'phase-at': '%s' is not %s, as the feed's x are", file,
                            lines.get(i), CsvTable.show(at.get(j)),
                            kind == ChartInput.Kind.DATE ? "an ISO date (yyyy-mm-dd)" : "a number"));
                }
                out[i][j] = v;
            }
        }
        return out;
    }

    /**
     * Checks that every settings row named a series of the feed.
     *
     * @throws SpcInputException for the first row that named none
     */
    void checkUsed(String feed, String column) {
        for (int i = 1; i < used.length; i++) {
            if (!used[i]) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: row %d, column '%s': '%s' is not a series of %s (column '%s')", file, lines.get(i),
                        CsvTable.show(keyColumn), CsvTable.show(values.get(i)), feed, CsvTable.show(column)));
            }
        }
    }
}
