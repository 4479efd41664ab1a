package org.shewhart.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shewhart.datasets.Datasets;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SignalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shewhart demo}: the main jobs on bundled data. Writes each dataset as CSV, and each chart as JSON, CSV
 * and PNG, into one folder, and says in plain words what each chart shows.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Chart the bundled datasets and write the results into a folder.")
final class DemoCommand implements Callable<Integer> {
    /** One demo job: a name, a dataset and the chart options a user would type. */
    private record Job(String name, String title, String dataset, String... options) {
    }

    private static final Job[] JOBS = {
        new Job("falls-xmr", "Inpatient falls per 1,000 occupied bed days (XmR, Making Data Count)",
                Datasets.WARD_FALLS_WEEKLY, "--chart", "xmr", "--x", "week", "--y", "falls", "--n", "bed_days",
                "--multiply", "1000", "--improvement", "decrease", "--target", "6"),
        new Job("falls-run", "Inpatient falls per 1,000 occupied bed days (run chart, Anhøj rules)",
                Datasets.WARD_FALLS_WEEKLY, "--chart", "run", "--x", "week", "--y", "falls", "--n", "bed_days",
                "--multiply", "1000", "--improvement", "decrease"),
        new Job("ae-performance", "A&E four-hour performance, trust RJZ (XmR, Making Data Count)",
                Datasets.AE_RJZ_TYPE1, "--chart", "xmr", "--x", "month", "--y", "performance",
                "--improvement", "increase", "--target", "0.95"),
        new Job("cdi-run", "Hospital-acquired C. difficile infections before and after an intervention",
                Datasets.CDI_MONTHLY, "--chart", "run", "--x", "month", "--y", "infections",
                "--phase-col", "period", "--improvement", "decrease"),
    };

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "shewhart-demo",
            description = "folder to write into (default: shewhart-demo).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(dir);
        final PrintStream out = System.out;
        for (String name : Datasets.names()) {
            Files.write(dir.resolve(Datasets.fileName(name)), Datasets.bytes(name));
        }
        for (Job job : JOBS) {
            final Path data = dir.resolve(Datasets.fileName(job.dataset()));
            final String[] args = new String[job.options().length + 3];
            args[0] = data.toString();
            System.arraycopy(job.options(), 0, args, 1, job.options().length);
            args[args.length - 2] = "--title";
            args[args.length - 1] = job.title();
            final ChartCommand command = new ChartCommand();
            new CommandLine(command).parseArgs(args);
            final ChartCommand.Computed c = command.compute();
            for (String fmt : new String[] {"json", "csv", "png"}) {
                try (OutputStream o = Files.newOutputStream(dir.resolve(job.name() + "." + fmt))) {
                    command.write(c, fmt, o);
                }
            }
            summarise(out, job, c);
        }
        // a board pack of the bundled 20-indicator feed, and a scan of a generated feed: the other two main jobs,
        // run through the command line exactly as a user would type them
        final String feed = dir.resolve(Datasets.fileName(Datasets.BOARD_FEED)).toString();
        final String settings = dir.resolve(Datasets.fileName(Datasets.BOARD_SETTINGS)).toString();
        for (String pack : new String[] {"board-pack.pdf", "board-pack.html", "board-pack.pptx"}) {
            command("report", feed, "--by", "indicator", "--x", "period", "--y", "value", "--settings", settings,
                    "--title", "Quality and performance (demonstration data)", "-o", dir.resolve(pack).toString());
        }
        out.printf(Locale.ROOT, "Board pack of 20 indicators%n  board-pack.pdf, .html and .pptx: the summary "
                + "table with variation and assurance icons, then one chart per indicator%n");
        final String generated = dir.resolve("feed.csv").toString();
        command("generate", "--series", "1000", "--points", "52", "--shift-rate", "0.1", "--seed", "42", "-o",
                generated, "--truth", dir.resolve("feed-truth.csv").toString());
        command("scan", generated, "--by", "series", "--x", "x", "--y", "y", "-o",
                dir.resolve("scan-summary.csv").toString());
        out.printf(Locale.ROOT, "Scan of a generated feed (1,000 series x 52 weeks, 100 with a planted shift)%n"
                + "  feed.csv, feed-truth.csv (what was planted) and scan-summary.csv (one row per series)%n");
        out.printf(Locale.ROOT, "%nFiles are in %s (datasets as CSV, each chart as JSON, CSV and PNG, the board "
                + "pack, the scan).%n", dir.toAbsolutePath().normalize());
        return 0;
    }

    /** Runs one shewhart command as a user would; a failure here is a defect of the demo, not user input. */
    private static void command(String... args) {
        final java.io.StringWriter err = new java.io.StringWriter();
        final int code = Main.run(args, new java.io.PrintWriter(err, true));
        if (code != 0) {
            throw new IllegalStateException("demo step 'shewhart " + String.join(" ", args) + "' failed: " + err);
        }
    }

    private static void summarise(PrintStream out, Job job, ChartCommand.Computed c) {
        final ChartResult r = c.result();
        final Assurance a = r.assurance();
        out.printf(Locale.ROOT, "%s%n  %s.json: %d points, %d phase(s), variation %s%s%n", job.title(),
                job.name(), r.size(), r.phases().size(), r.variation().id(),
                a == null ? "" : ", assurance " + a.id());
        int shown = 0;
        for (Signal s : r.signals()) {
            if (shown++ == 6) {
                out.printf(Locale.ROOT, "  ... and %d more signals in the JSON%n", r.signals().size() - 6);
                break;
            }
            out.printf(Locale.ROOT, "  - %s%n", SignalText.describe(r, s, c.input()::label));
        }
        if (r.signals().isEmpty()) {
            out.printf(Locale.ROOT, "  - no signals: common-cause variation only%n");
        }
    }
}
