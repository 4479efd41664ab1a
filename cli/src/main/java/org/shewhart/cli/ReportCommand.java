package org.shewhart.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shewhart.charts.pack.BoardPack;
import org.shewhart.charts.Theme;
import org.shewhart.charts.pack.IndicatorSettings;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shewhart report}: a board pack from a long feed, one indicator per value of {@code --by}: the integrated
 * performance table and one chart per indicator, as PDF or HTML. Each indicator is read exactly as {@code chart}
 * reads a file holding only its rows, and charted with the one settings object that also labels its table row.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a board pack (PDF, HTML or PPTX): a performance table of every indicator in a long feed, "
                + "concerns first, then one chart per indicator with its signals in words.")
final class ReportCommand implements Callable<Integer> {
    /** The columns a settings file may have, besides {@code indicator}. */
    static final List<String> SETTINGS_COLUMNS = List.of("chart", "improvement", "target", "unit", "label",
            "multiply", "profile", "phase-at");

    @Parameters(index = "0", paramLabel = "FEED", description = "long CSV: one row per indicator per period.")
    Path feed;

    @Option(names = "--by", required = true, paramLabel = "COL", description = "the column naming the indicator.")
    String by;

    @Option(names = "--x", paramLabel = "COL", defaultValue = "x", description = "x column (default: x).")
    String x;

    @Option(names = "--y", paramLabel = "COL", defaultValue = "y", description = "value column (default: y).")
    String y;

    @Option(names = "--n", paramLabel = "COL", description = "denominator column; the value plotted is y/n.")
    String n;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "CSV, one row per indicator: indicator, chart (default xmr), improvement, target, unit "
                    + "(or label), multiply, profile, phase-at (x values separated by ';'); all but indicator "
                    + "optional.")
    Path settings;

    @Option(names = "--title", paramLabel = "TEXT", description = "the pack's title (default: Board pack).")
    String title;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "pack.pdf, pack.html or pack.pptx.")
    String output;

    @Option(names = "--format", paramLabel = "FMT", description = "pdf, html or pptx (default: from OUT's extension).")
    String format;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "mdc",
            description = "mdc (Making Data Count colours and icons, default) or plain (qicharts2-like charts).")
    String theme;

    @Override
    public Integer call() throws IOException {
        final String fmt = ChartCommand.Output.format(format, output, "pdf", "pdf", "html", "pptx");
        final Theme look = ChartCommand.themeStyle(theme).theme();
        final BoardPack pack = build().theme(look);
        try (OutputStream out = ChartCommand.Output.open(output)) {
            if (fmt.equals("html")) {
                pack.writeHtml(out);
            } else if (fmt.equals("pptx")) {
                pack.writePptx(out);
            } else {
                pack.writePdf(out);
            }
        }
        return 0;
    }

    /** Reads the feed and the settings and charts every indicator. */
    BoardPack build() {
        final Map<String, Row> bySettings = settings == null ? Map.of() : readSettings(CsvTable.read(settings));
        final CsvTable t = CsvTable.read(feed);
        final int bc = t.column(by, "--by");
        final Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            final String key = t.cell(r, bc);
            if (key.isEmpty()) {
                throw new SpcInputException(t.where(r, bc) + ": the indicator is empty; every row must name one");
            }
            rowsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        if (rowsOf.isEmpty()) {
            throw new SpcInputException(t.file() + ": the file has a header but no data rows");
        }
        for (Map.Entry<String, Row> e : bySettings.entrySet()) {
            if (!rowsOf.containsKey(e.getKey())) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: row %d, column 'indicator': '%s' is not an indicator of %s (column '%s')",
                        settings, e.getValue().line, CsvTable.show(e.getKey()), t.file(), CsvTable.show(by)));
            }
        }
        final BoardPack pack = new BoardPack(title);
        for (Map.Entry<String, List<Integer>> e : rowsOf.entrySet()) {
            final String name = e.getKey();
            final Row row = bySettings.get(name);
            final IndicatorSettings s = row == null ? IndicatorSettings.DEFAULT : row.settings;
            final CsvTable sub = t.subset(e.getValue().stream().mapToInt(Integer::intValue).toArray());
            final ChartType type = s.chart();
            final String nColumn = type.isSubgrouped() ? null : n;
            final ChartInput input = ChartInput.read(sub, x, y, nColumn, null, type, null);
            final ChartSpec.Builder b = s.builder(input.kind() == ChartInput.Kind.TEXT);
            final int[] starts = new int[s.phaseAt().size()];
            for (int k = 0; k < starts.length; k++) {
                final String option = String.format(Locale.ROOT, "%s: row %d, column 'phase-at':", settings,
                        row.line);
                starts[k] = input.indexOf(s.phaseAt().get(k), option);
                if (starts[k] == 0) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s %s is the first point of '%s'; a new phase must start after it", option,
                            CsvTable.show(s.phaseAt().get(k)), CsvTable.show(name)));
                }
            }
            final ChartResult result;
            try {
                result = b.phaseStarts(starts).build().compute(input.series());
            } catch (SpcInputException ex) {
                // the engine knows no files: what it rejects here is this indicator's data
                throw new SpcInputException(String.format(Locale.ROOT, "%s: indicator '%s': %s", t.file(),
                        CsvTable.show(name), ex.getMessage()));
            }
            pack.add(new BoardPack.Indicator(name, s, result, ChartCommand.xValues(input)));
        }
        return pack;
    }

    /** One indicator's settings and the line they came from. */
    private record Row(IndicatorSettings settings, long line) {
    }

    /**
     * Reads a settings file: one row per indicator; every cell is checked and a bad one named by file, row,
     * column and value.
     */
    static Map<String, Row> readSettings(CsvTable t) {
        final int ic = t.column("indicator", "--settings");
        final Map<String, Row> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            final String name = t.cell(r, ic);
            if (name.isEmpty()) {
                throw new SpcInputException(t.where(r, ic) + ": the indicator is empty");
            }
            if (out.containsKey(name)) {
                throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' has settings at row %d already",
                        t.where(r, ic), CsvTable.show(name), out.get(name).line));
            }
            final IndicatorSettings d = IndicatorSettings.DEFAULT;
            final ChartType chart = SettingsCells.parse(t, r, "chart", d.chart(), ChartType::of);
            final Improvement improvement = SettingsCells.parse(t, r, "improvement", d.improvement(),
                    Improvement::of);
            final Double target = SettingsCells.parse(t, r, "target", Double.NaN, SettingsCells::number);
            String unit = SettingsCells.parse(t, r, "unit", "", v -> v);
            if (unit.isEmpty()) {
                unit = SettingsCells.parse(t, r, "label", "", v -> v);
            }
            final Double multiply = SettingsCells.parse(t, r, "multiply", Double.NaN, SettingsCells::number);
            final RuleProfile profile = SettingsCells.parse(t, r, "profile", null, RuleProfile::of);
            final List<String> phaseAt = SettingsCells.parse(t, r, "phase-at", List.of(), SettingsCells::phases);
            final IndicatorSettings s = new IndicatorSettings(chart, improvement, target, unit, multiply, profile,
                    phaseAt);
            try {
                // the spec's own checks (a multiplier of 0, ...) as this row's error, before any feed is read
                s.builder(false).build();
            } catch (SpcInputException e) {
                throw new SpcInputException(String.format(Locale.ROOT, "%s: row %d: %s", t.file(), t.lineOf(r),
                        e.getMessage()));
            }
            out.put(name, new Row(s, t.lineOf(r)));
        }
        return out;
    }
}
