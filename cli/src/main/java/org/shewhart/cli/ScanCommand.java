package org.shewhart.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shewhart scan}: charts every series of a long feed and writes one summary row per series (CSV or JSON)
 * and, on request, every point (CSV). Each series is charted with the spec {@code shewhart chart} builds from the
 * same options ({@link SpecOptions}), or from its row of a settings file, and from points formed exactly as
 * {@link ChartInput} forms them (rows of one x are one point; points in x order), so a series' summary equals
 * {@code chart} on that series alone.
 *
 * <p>The feed is read by {@link Feed} within a memory budget ({@code --memory}) and charted by {@link ScanRun}: in
 * memory, while reading (grouped feeds), or from sorted runs spilled to a temporary file; the output is the same
 * whichever way, in the order of each key's first row.
 *
 * <p>Error policy: a bad row stops the scan (exit 2, one line naming file, row, column and value, no output). A
 * series that cannot be charted (too few points, a phase that does not fit) keeps its row with the message in
 * {@code error}, and one line on standard error counts them; {@code --strict} makes that exit 2 (the output is
 * still written).
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Chart every series of a long feed; write one summary row per series (CSV or JSON).")
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "FEED", description = "CSV file in long form, one row per observation.")
    Path file;

    @Option(names = "--by", required = true, split = ",", paramLabel = "COL",
            description = "key column(s) naming a series, e.g. --by trust,indicator.")
    List<String> by;

    @Option(names = "--x", paramLabel = "COL", defaultValue = "x",
            description = "x column: ISO dates or numbers (default: x).")
    String x;

    @Option(names = "--y", paramLabel = "COL", defaultValue = "y", description = "value column (default: y).")
    String y;

    @Option(names = "--n", paramLabel = "COL",
            description = "denominator column; the value plotted is y/n (default: n, if the file has it).")
    String n;

    @Option(names = "--chart", paramLabel = "TYPE", defaultValue = "xmr",
            description = "chart type, as for chart (default: xmr).")
    String chart;

    @Mixin
    SpecOptions rules = new SpecOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "summary file (.csv or .json), or - for standard output (default).")
    String output;

    @Option(names = "--format", paramLabel = "FMT", description = "csv or json (default: from OUT's extension).")
    String format;

    @Option(names = "--points", paramLabel = "FILE", description = "also write every point with its flags (CSV).")
    String points;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--read-threads", paramLabel = "N",
            description = "experimental: threads parsing the feed ahead in chunks besides the reading one, 2 or more "
                    + "to turn it on (default 1: the reading thread alone, faster on 2 cores and much faster on "
                    + "feeds of many series).")
    Integer readThreads;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "CSV of per-series settings, as for report: a column named like a --by column (or "
                    + "indicator), then chart, improvement, target, multiply, profile, phase-at (x values "
                    + "separated by ';'); empty cells take the command line's options.")
    Path settings;

    @Option(names = "--phase-col", paramLabel = "COL",
            description = "start a new phase wherever this column changes within a series.")
    String phaseCol;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "memory for rows held at once, e.g. 200m or 2g (default: a third of the maximum heap, at "
                    + "most 256m); larger feeds are charted while reading if grouped by series, else spilled to disk.")
    String memory;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "folder for temporary files (default: the system's, java.io.tmpdir).")
    Path tempDir;

    @Option(names = "--strict", description = "exit 2 if any series could not be charted (default: report it "
            + "in the error column and on standard error, exit 0).")
    boolean strict;

    /** Whether to draw a progress line on standard error; set by {@link Main}. */
    boolean progress;

    /** The last run, for tests. */
    ScanRun lastRun;

    /** The charter; the engine one at a time unless a test or a batch engine sets another. */
    SeriesCharter charter = SeriesCharter.ENGINE;

    @Override
    public Integer call() throws IOException {
        final String fmt = ChartCommand.Output.format(format, output, "csv", "csv", "json");
        final ChartType type = ChartType.of(chart);
        final ChartSpec spec = spec(type);
        final int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new SpcInputException("--threads must be >= 1, got " + nThreads);
        }
        final int nRead = readThreads == null ? 1 : readThreads;
        if (nRead < 1) {
            throw new SpcInputException("--read-threads must be >= 1, got " + nRead);
        }
        final long budget = memory == null ? defaultBudget() : size(memory);
        final Path temp = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(temp)) {
            throw new SpcInputException(String.format(Locale.ROOT, "--temp-dir %s: no such folder", temp));
        }
        final ScanSettings s = settings == null ? ScanSettings.none(spec)
                : ScanSettings.read(settings, by, rules, type);
        final Feed.Columns columns = new Feed.Columns(by, x, y, n, phaseCol, s.types(), s.keyIndex(), s::indexOf);
        final ScanRun.Options o = new ScanRun.Options(file, columns, s, output, fmt, points, nThreads, nRead, budget,
                temp, strict, progress, charter);
        lastRun = new ScanRun(o, command.commandLine().getErr());
        return lastRun.run();
    }

    /**
     * A third of the maximum heap, at least 16 MB and at most 256 MB: the rest is for the series, the blocks in flight
     * and the JVM. Beyond a few hundred MB holding more rows costs more than spilling them: rows held in memory are
     * gathered series by series from all over the records (a cache miss a row), sorted runs are merged reading
     * straight through, and a process that holds gigabytes pays for touching them first (an interleaved 1.38 GB
     * feed of 10^6 series scanned in 5.5-5.6 s with 256 MB against 6.8-7.0 s with 2 GB, in 0.9 GB against 2.4 GB).
     */
    static long defaultBudget() {
        return Math.max(16L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 3));
    }

    /**
     * A size such as {@code 512k}, {@code 200m}, {@code 2g} or a number of bytes.
     *
     * @throws SpcInputException if it is not one, or under 64 KB
     */
    static long size(String text) {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        String digits = t;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g") || t.endsWith("t")) {
            unit = 1L << (10 * ("kmgt".indexOf(t.charAt(t.length() - 1)) + 1));
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("kb") || t.endsWith("mb") || t.endsWith("gb")) {
            unit = 1L << (10 * ("kmg".indexOf(t.charAt(t.length() - 2)) + 1));
            digits = t.substring(0, t.length() - 2);
        }
        final long v;
        try {
            v = Math.round(Double.parseDouble(digits.trim()) * unit);
        } catch (NumberFormatException e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--memory '%s' is not a size; write e.g. 200m or 2g", CsvTable.show(text)));
        }
        if (v < 64 << 10) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--memory '%s' is too small; give at least 64k", CsvTable.show(text)));
        }
        return v;
    }

    /** The spec {@code chart} builds for dates or numbers as x, no phases and no exclusions. */
    ChartSpec spec(ChartType type) {
        final ChartSpec.Builder b = rules.builder(type, false);
        b.phaseStarts(new int[0]);
        b.exclude(new int[0]);
        return b.build();
    }
}
