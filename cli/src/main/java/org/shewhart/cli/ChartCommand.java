package org.shewhart.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shewhart.charts.ChartLabels;
import org.shewhart.charts.ChartRenderer;
import org.shewhart.charts.ChartStyle;
import org.shewhart.charts.Facets;
import org.shewhart.charts.ImageFormat;
import org.shewhart.charts.XValues;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shewhart chart}: one measure from a CSV file or an Excel sheet to a chart as JSON, CSV, or a PNG, SVG or PDF
 * picture; or several series (the measures of a wide table, {@code --y a,b}; the keys of a long one, {@code --by})
 * to one chart each, as JSON or CSV with the key of each series.
 */
@Command(name = "chart", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute a run or control chart of one measure and write it as JSON, CSV, PNG, SVG or PDF.")
final class ChartCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "CSV file or Excel workbook (.xlsx, .xlsm, .xls), one row per observation.")
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME", description = "sheet of an Excel workbook (default: the first).")
    String sheet;

    @Option(names = "--chart", required = true, paramLabel = "TYPE",
            description = "run, xmr (i), mr, xbar-s (xbar), xbar-r, s, r, p, np, c, u, p-prime (pp), "
                    + "u-prime (up), g, t, i-prime (ip).")
    String chart;

    @Option(names = "--x", paramLabel = "COL", defaultValue = "x", description = "x column (default: x).")
    String x;

    @Option(names = "--y", paramLabel = "COL", split = ",", defaultValue = "y",
            description = "value column (default: y); several, e.g. --y falls,pressure_ulcers, chart each column of "
                    + "a wide table as its own series.")
    List<String> ys;

    @Option(names = "--by", paramLabel = "COL", split = ",",
            description = "key column(s) of a long table, e.g. --by ward: one series per distinct value, in the "
                    + "order of their first rows.")
    List<String> by = new ArrayList<>();

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "read x as dates in this java.time pattern, e.g. MM/dd/yyyy (default: ISO, dd/mm/yyyy, "
                    + "Apr-2024 or 2024-W14 when every x is one).")
    String dateFormat;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "one point per day, week (from Monday), month or quarter from raw rows with dates in x; "
                    + "periods without rows are kept.")
    String period;

    @Option(names = "--agg", paramLabel = "AGG",
            description = "with --period: count (rows, default), sum or mean of y; empty periods count 0, "
                    + "sum 0, mean missing.")
    String agg;

    @Option(names = "--n", paramLabel = "COL",
            description = "denominator column; the value plotted is y/n (default: n, if the file has it).")
    String n;

    @Mixin
    SpecOptions rules = new SpecOptions();

    @Option(names = "--phase-at", paramLabel = "X", description = "start a new phase at the point with this x.")
    List<String> phaseAt = new ArrayList<>();

    @Option(names = "--phase-col", paramLabel = "COL", description = "start a new phase where this column changes.")
    String phaseCol;

    @Option(names = "--exclude", paramLabel = "X",
            description = "leave the point with this x out of centre and limits (still drawn and tested).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--title", paramLabel = "TEXT", description = "chart title, carried into the output.")
    String title;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "800",
            description = "image width for png, svg and pdf (default: 800).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "450",
            description = "image height for png, svg and pdf (default: 450).")
    int height;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "output file, or - for standard output (default).")
    String output;

    @Option(names = "--format", paramLabel = "FMT",
            description = "json, csv, png, svg or pdf (default: from OUT's extension).")
    String format;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "mdc",
            description = "pictures: mdc (Making Data Count colours and icons, default) or plain (qicharts2-like).")
    String theme;

    @Option(names = "--facet-scales", paramLabel = "SCALES", defaultValue = "shared",
            description = "pictures of several series: shared (default) or free y axes.")
    String facetScales;

    @Option(names = "--columns", paramLabel = "N",
            description = "pictures of several series: panels per row (default: up to 3).")
    Integer columns;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "CSV or Excel file of notes with columns x and text, drawn as markers at their x.")
    Path annotations;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        final String fmt = Output.format(format, output, "json", "json", "csv", "png", "svg", "pdf");
        final boolean picture = !fmt.equals("json") && !fmt.equals("csv");
        if (picture) {
            style(); // a bad --width, --height or --theme fails before the file is read
        }
        if (SeriesInputs.isMulti(by, ys)) {
            final Facets.Scales scales = scales();
            final List<Charted> all = computeAll();
            try (OutputStream out = Output.open(output)) {
                if (picture) {
                    facets(all, scales).write(ImageFormat.of(fmt), out);
                } else if (fmt.equals("csv")) {
                    ChartWriter.csv(all, out);
                } else {
                    ChartWriter.json(all, title, out);
                }
            }
            return 0;
        }
        final Computed c = compute();
        try (OutputStream out = Output.open(output)) {
            write(c, fmt, out);
        }
        return 0;
    }

    /** The input as read and the chart computed from it, with its phase names and annotations. */
    record Computed(ChartInput input, ChartResult result, ChartLabels labels) {
        Computed(ChartInput input, ChartResult result) {
            this(input, result, ChartLabels.NONE);
        }
    }

    /**
     * One series of the input, with its key, and the chart computed from it: what a multi-series output (JSON, CSV,
     * a picture with one panel per series) consumes, in the order of {@link SeriesInputs#read}.
     *
     * @param labels the series' phase names (--phase-col) and annotations (--annotations)
     */
    record Charted(SeriesInputs.Keyed series, ChartResult result, ChartLabels labels) {
    }

    /** The chart of a single series (no --by, one --y column). */
    Computed compute() {
        final Charted c = computeAll().get(0);
        return new Computed(c.series().input(), c.result(), c.labels());
    }

    /** The small multiples of the series: the figure's size from --width/--height, else from the grid. */
    Facets facets(List<Charted> all, Facets.Scales scales) {
        final int cols = columns != null ? columns : Math.min(3, all.size());
        final int rows = (all.size() + cols - 1) / cols;
        final boolean sized = commandSpec != null && (commandSpec.commandLine().getParseResult()
                .hasMatchedOption("--width") || commandSpec.commandLine().getParseResult()
                .hasMatchedOption("--height"));
        final int w = sized ? width : Math.min(ChartStyle.MAX_SIZE, Math.max(800, 420 * cols));
        final int h = sized ? height : Math.min(ChartStyle.MAX_SIZE, 270 * rows + (title == null ? 0 : 30));
        final List<Facets.Panel> panels = new ArrayList<>();
        for (Charted c : all) {
            panels.add(new Facets.Panel(c.series().title(), c.result(), xValues(c.series().input()), c.labels()));
        }
        try {
            return Facets.render(panels, style().withSize(w, h), scales, cols);
        } catch (IllegalArgumentException e) {
            throw new SpcInputException("several series: " + e.getMessage()
                    + "; give a larger --width/--height or fewer --columns");
        }
    }

    private Facets.Scales scales() {
        if (columns != null && columns < 1) {
            throw new SpcInputException(String.format(Locale.ROOT, "--columns %d: must be 1 or more", columns));
        }
        try {
            return Facets.Scales.of(facetScales);
        } catch (IllegalArgumentException e) {
            throw new SpcInputException("--facet-scales: " + e.getMessage());
        }
    }

    /** The --phase-col value at the first point of each phase of the chart, as its name. */
    private static ChartLabels phaseNames(ChartInput input, ChartResult result) {
        final int[] firsts = new int[result.phases().size()];
        for (int p = 0; p < firsts.length; p++) {
            firsts[p] = result.phases().get(p).first();
        }
        return ChartLabels.NONE.withPhaseNames(Arrays.asList(input.phaseNames(firsts)));
    }

    /** The chart of each series: one per key of --by and column of --y (a single one without them). */
    List<Charted> computeAll() {
        final ChartType type = ChartType.of(chart);
        final CsvTable table = CsvTable.open(file, sheet);
        final List<SeriesInputs.Keyed> series = SeriesInputs.read(table, by, ys, (rows, y) -> read(rows, y, type));
        final AnnotationTable notes = annotations == null ? null : AnnotationTable.read(annotations);
        if (notes != null) {
            notes.checkSeries(series);
        }
        final List<Charted> out = new ArrayList<>(series.size());
        for (SeriesInputs.Keyed k : series) {
            final ChartSpec spec;
            try {
                spec = spec(k.input());
            } catch (SpcInputException e) {
                throw SeriesInputs.keyIn(k, e);
            }
            final ChartResult result;
            try {
                result = spec.compute(k.input().series());
            } catch (SpcInputException e) {
                // the engine knows no files: what it rejects here is the data (too few points, ...), so name the file
                throw new SpcInputException(table.file() + ": " + SeriesInputs.keyIn(k, e).getMessage());
            }
            ChartLabels labels = phaseNames(k.input(), result);
            if (notes != null) {
                labels = labels.withAnnotations(notes.forChart(k, series.size() > 1));
            }
            out.add(new Charted(k, result, labels));
        }
        if (notes != null && series.size() > 1) {
            notes.checkSomewhere(series);
        }
        return out;
    }

    /** The points of one series: the rows given, one value column. */
    private ChartInput read(CsvTable table, String y, ChartType type) {
        if (period != null || agg != null) {
            return periods(table, y, type);
        }
        final String nColumn = type.isSubgrouped() ? null : n != null ? n : table.hasColumn("n") ? "n" : null;
        return ChartInput.read(table, x, y, nColumn, phaseCol, type, dateFormat);
    }

    /** --period and --agg: one point per calendar period, for charts of one value per point. */
    private ChartInput periods(CsvTable table, String y, ChartType type) {
        if (period == null) {
            throw new SpcInputException("--agg needs --period day, week, month or quarter");
        }
        final Periods.Period p = Periods.Period.of(period);
        final Periods.Agg a = agg == null ? Periods.Agg.COUNT : Periods.Agg.of(agg);
        if (type.isSubgrouped()) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--period makes one value per period; a %s chart needs subgroups of rows, so leave out --period",
                    type.id()));
        }
        if (n != null || phaseCol != null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--period cannot be combined with %s; use --phase-at for phases",
                    n != null ? "--n" : "--phase-col"));
        }
        return Periods.read(table, x, y, dateFormat, p, a, type);
    }

    void write(Computed c, String fmt, OutputStream out) throws IOException {
        if (fmt.equals("png") || fmt.equals("svg") || fmt.equals("pdf")) {
            final ChartStyle style = style();
            ChartRenderer.write(ChartRenderer.render(c.result(), xValues(c.input()), style, c.labels()), style,
                    ImageFormat.of(fmt), out);
        } else if (fmt.equals("csv")) {
            ChartWriter.csv(c.result(), c.input(), out);
        } else {
            ChartWriter.json(c.result(), c.input(), title, c.labels(), out);
        }
    }

    /** The picture's presentation: the --theme, the --title and the --width x --height. */
    ChartStyle style() {
        final ChartStyle base = themeStyle(theme);
        try {
            return base.withTitle(title).withSize(width, height);
        } catch (IllegalArgumentException e) {
            throw new SpcInputException("--width/--height: " + e.getMessage());
        }
    }

    /**
     * The starting style of a theme: {@code mdc} (Making Data Count, with icons) or {@code plain}.
     *
     * @throws SpcInputException for any other name
     */
    static ChartStyle themeStyle(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "mdc":
                return ChartStyle.makingDataCount();
            case "plain":
                return ChartStyle.plain();
            default:
                throw new SpcInputException(String.format(Locale.ROOT,
                        "--theme '%s' is not one of mdc, plain", CsvTable.show(name)));
        }
    }

    /** The x of each point as the chart draws it: dates (epoch days), numbers, or text categories in file order. */
    static XValues xValues(ChartInput input) {
        final String[] labels = new String[input.size()];
        final double[] keys = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = input.label(i);
            keys[i] = input.key(i);
        }
        switch (input.kind()) {
            case DATE:
                return XValues.dates(keys, labels);
            case NUMBER:
                return XValues.numbers(keys, labels);
            case TEXT:
            default:
                return XValues.categories(labels);
        }
    }

    ChartSpec spec(ChartInput input) {
        // text x are categories (hospitals, wards): no runs analysis, Laney sigma from the SD (qicharts2)
        final ChartSpec.Builder b = rules.builder(ChartType.of(chart), input.kind() == ChartInput.Kind.TEXT);
        final List<Integer> starts = new ArrayList<>();
        for (int s : input.phaseStarts()) {
            starts.add(s);
        }
        for (String at : phaseAt) {
            final int i = input.indexOf(at, "--phase-at");
            if (i == 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "--phase-at %s is the first point; a new phase must start after it", at));
            }
            starts.add(i);
        }
        b.phaseStarts(starts.stream().mapToInt(Integer::intValue).toArray());
        final int[] ex = new int[exclude.size()];
        for (int k = 0; k < ex.length; k++) {
            ex[k] = input.indexOf(exclude.get(k), "--exclude");
        }
        b.exclude(ex);
        return b.build();
    }

    /** Where output goes and in which format. */
    static final class Output {
        private Output() {
        }

        static String format(String explicit, String output, String fallback, String... valid) {
            String f = explicit;
            if (f == null) {
                final int dot = output.lastIndexOf('.');
                f = output.equals("-") || dot < 0 ? fallback : output.substring(dot + 1);
            }
            f = f.toLowerCase(Locale.ROOT);
            for (String v : valid) {
                if (v.equals(f)) {
                    return f;
                }
            }
            throw new SpcInputException(String.format(Locale.ROOT,
                    "output format '%s' is not available; valid: %s", f, String.join(", ", valid)));
        }

        static OutputStream open(String output) throws IOException {
            if (output.equals("-")) {
                return new NonClosing(System.out);
            }
            final Path p = Path.of(output);
            final Path parent = p.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "cannot write %s: the folder %s does not exist", output, parent));
            }
            if (Files.isDirectory(p)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "cannot write %s: it is a folder; name a file, such as %s", output, p.resolve("chart.json")));
            }
            final OutputStream file;
            try {
                file = Files.newOutputStream(p);
            } catch (IOException e) {
                // read-only file or folder, and the like: the user's to fix, not an internal error
                throw new SpcInputException(String.format(Locale.ROOT, "cannot write %s: %s", output,
                        CsvTable.reason(e)));
            }
            return new GuardedOutput(file, p, e -> String.format(Locale.ROOT,
                    "cannot write %s: %s; nothing was kept (free space there, or write to another folder)", output,
                    CsvTable.reason(e)));
        }
    }

    /** Standard output that a try-with-resources must not close. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
