package org.shewhart.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shewhart.datasets.FeedGenerator;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shewhart generate}: a seeded synthetic feed with planted shifts, for trying and timing {@code scan}. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a seeded synthetic long feed (series,x,y) with planted sustained shifts.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--series", required = true, paramLabel = "N", description = "number of series.")
    int series;

    @Option(names = "--points", required = true, paramLabel = "M", description = "points per series.")
    int points;

    @Option(names = "--shift-rate", paramLabel = "R", defaultValue = "0.1",
            description = "fraction of series with a planted shift, 0 to 1 (default: 0.1).")
    double shiftRate;

    @Option(names = "--shift-size", paramLabel = "K", defaultValue = "3",
            description = "shift size in each series' sigmas (default: 3).")
    double shiftSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default: 1).")
    long seed;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2020-01-06",
            description = "first x, an ISO date (default: 2020-01-06).")
    String start;

    @Option(names = "--period", paramLabel = "P", defaultValue = "week", description = "week or month (default).")
    String period;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "time",
            description = "time: series interleaved, all series at each x in turn (default); series: one series "
                    + "after another.")
    String layout;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "feed file, or -.")
    String output;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "also write what was planted: series, mean, sigma, shift size, first shifted point and x.")
    String truth;

    /** Whether to draw a progress line on standard error; set by {@link Main}. */
    boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        final LocalDate from;
        try {
            from = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new SpcInputException("--start '" + CsvTable.show(start) + "' is not an ISO date (yyyy-mm-dd)");
        }
        final FeedGenerator g;
        try {
            g = new FeedGenerator(series, points, shiftRate, shiftSize, seed, from,
                    FeedGenerator.Period.valueOf(choice("--period", period, "week", "month")),
                    FeedGenerator.Layout.valueOf(choice("--layout", layout, "time", "series")));
        } catch (IllegalArgumentException e) {
            throw e instanceof SpcInputException ? e : new SpcInputException(e.getMessage());
        }
        final Progress bar = Progress.of(command.commandLine().getErr(), progress, "generate");
        final long rows = (long) series * points;
        try (OutputStream feed = new Counting(new BufferedOutputStream(ChartCommand.Output.open(output), 1 << 16),
                    bar, rows);
                OutputStream t = truth == null ? null : new BufferedOutputStream(ChartCommand.Output.open(truth))) {
            g.write(feed, t);
        } finally {
            bar.finish();
        }
        return 0;
    }

    /** Counts the lines written, for the progress line. */
    private static final class Counting extends FilterOutputStream {
        private final Progress bar;
        private final long total;
        private long lines = -1;
        private long bytes;

        Counting(OutputStream out, Progress bar, long total) {
            super(out);
            this.bar = bar;
            this.total = total;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
            if (b == '\n') {
                lines++;
                bar.update(lines, total, this::detail);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            bar.update(lines, total, this::detail);
        }

        private String detail() {
            return String.format(Locale.ROOT, "%,d of %,d rows, %s MB written", Math.max(0, lines), total,
                    Progress.mb(bytes));
        }
    }

    private static String choice(String option, String value, String... valid) {
        final String v = value.toLowerCase(Locale.ROOT);
        for (String c : valid) {
            if (c.equals(v)) {
                return v.toUpperCase(Locale.ROOT);
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT, "%s '%s' is not valid; valid: %s", option,
                CsvTable.show(value), String.join(", ", valid)));
    }
}
