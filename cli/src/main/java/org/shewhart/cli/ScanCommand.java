package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Phase;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shewhart scan}: charts every series of a long feed and writes one summary row per series (CSV or JSON)
 * and, on request, every point (CSV). Each series is charted with the spec {@code shewhart chart} builds from the
 * same options ({@link SpecOptions}) and from points formed exactly as {@link ChartInput} forms them (rows of one x
 * are one point; points in x order), so a series' summary equals {@code chart} on that series alone.
 *
 * <p>The feed is read by {@link Feed}; series are charted in blocks on a fixed pool of threads and written in
 * the order of each key's first row. Output is streamed block by block; at most a few blocks per thread are held.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Chart every series of a long feed; write one summary row per series (CSV or JSON).")
final class ScanCommand implements Callable<Integer> {
    private static final int BLOCK = 256;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Rule[] RULES = Rule.values();

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

    @Override
    public Integer call() throws IOException {
        final String fmt = Output.format(format, output);
        final ChartType type = ChartType.of(chart);
        final ChartSpec spec = spec(type);
        final int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new SpcInputException("--threads must be >= 1, got " + nThreads);
        }
        final long t0 = System.nanoTime();
        final long c0 = cpu();
        final Feed feed = Feed.read(file, by, x, y, n, type);
        final long t1 = System.nanoTime();
        final long c1 = cpu();
        int failed = 0;
        String firstFailure = null;
        try (OutputStream sum = ChartCommand.Output.open(output);
                OutputStream pts = points == null ? null : ChartCommand.Output.open(points)) {
            final SummaryWriter w = fmt.equals("json") ? new JsonSummary(sum, feed, spec) : new CsvSummary(sum, feed);
            if (pts != null) {
                pts.write(pointsHeader(feed).getBytes(StandardCharsets.UTF_8));
            }
            final ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
                final Thread t = new Thread(r, "shewhart-scan");
                t.setDaemon(true);
                return t;
            });
            try {
                final ArrayDeque<Future<Block>> window = new ArrayDeque<>();
                final int blocks = (feed.seriesCount() + BLOCK - 1) / BLOCK;
                final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(feed.maxRows()));
                int submitted = 0;
                while (submitted < blocks || !window.isEmpty()) {
                    while (submitted < blocks && window.size() < 4 * nThreads) {
                        final int from = submitted * BLOCK;
                        final int to = Math.min(feed.seriesCount(), from + BLOCK);
                        window.add(pool.submit(() -> new Block(feed, spec, from, to, scratch.get(), pts != null)));
                        submitted++;
                    }
                    final Block b = window.poll().get();
                    for (int i = 0; i < b.size(); i++) {
                        w.row(b, i);
                        if (b.error[i] != null) {
                            failed++;
                            if (firstFailure == null) {
                                firstFailure = String.join("/", feed.key(b.from + i)) + ": " + b.error[i];
                            }
                        }
                    }
                    if (pts != null) {
                        pts.write(b.points.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
            w.finish();
        }
        if (System.getenv("SHEWHART_TIMING") != null) {
            // wall-clock phases for the README's measurements; off by default
            final long t2 = System.nanoTime();
            final long c2 = cpu();
            final double mb = java.nio.file.Files.size(file) / 1e6;
            command.commandLine().getErr().println(String.format(Locale.ROOT,
                    "shewhart: read %.1f MB, %d rows, %d series: %.2f s wall, %.2f s CPU (%.0f MB/s of CPU); "
                            + "charted and wrote: %.2f s wall, %.2f s CPU (%.0f series/s of CPU) on %d threads", mb,
                    feed.rows(), feed.seriesCount(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, mb / ((c1 - c0) / 1e9),
                    (t2 - t1) / 1e9, (c2 - c1) / 1e9, feed.seriesCount() / ((c2 - c1) / 1e9), nThreads));
        }
        if (failed > 0) {
            command.commandLine().getErr().println(String.format(Locale.ROOT,
                    "shewhart: %d of %d series could not be charted (see the error column), first: %s", failed,
                    feed.seriesCount(), Main.oneLine(firstFailure)));
        }
        return 0;
    }

    /** CPU time of the whole process (all threads, JIT and GC included), for SHEWHART_TIMING. */
    private static long cpu() {
        final java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** The spec {@code chart} builds for dates or numbers as x, no phases and no exclusions. */
    ChartSpec spec(ChartType type) {
        final ChartSpec.Builder b = rules.builder(type, false);
        b.phaseStarts(new int[0]);
        b.exclude(new int[0]);
        return b.build();
    }

    private static String pointsHeader(Feed feed) {
        final StringBuilder sb = new StringBuilder();
        for (String k : feed.keyNames()) {
            sb.append(quote(k)).append(',');
        }
        return sb.append("x,y,n,phase,cl,lcl,ucl,signals,type\n").toString();
    }

    /** A CSV field, quoted if it needs to be (RFC 4180). */
    static String quote(String s) {
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    /** Output format from the option or the extension. */
    private static final class Output {
        private Output() {
        }

        static String format(String explicit, String output) {
            return ChartCommand.Output.format(explicit, output, "csv", "csv", "json");
        }
    }

    /** Per-thread work arrays, sized for the longest series. */
    static final class Scratch {
        final double[] x;
        final double[] y;
        final double[] n;
        final int[] idx;
        final int[] tmp;
        final double[] key;
        final double[] value;
        final double[] size;
        final double[] sd;
        final double[] range;

        Scratch(int rows) {
            x = new double[rows];
            y = new double[rows];
            n = new double[rows];
            idx = new int[rows];
            tmp = new int[rows];
            key = new double[rows];
            value = new double[rows];
            size = new double[rows];
            sd = new double[rows];
            range = new double[rows];
        }
    }

    /** The summaries (and optionally the points text) of a run of consecutive series. */
    static final class Block {
        final int from;
        final int[] nPoints;
        final int[] nPhases;
        final double[] cl;
        final double[] sigma;
        final double[] lcl;
        final double[] ucl;
        final PointType[] lastType;
        final PointType[] variation;
        final String[] assurance;
        final int[][] ruleCounts;
        final String[] firstSignal;
        final String[] lastSignal;
        final String[] error;
        final StringBuilder points;

        Block(Feed feed, ChartSpec spec, int from, int to, Scratch sc, boolean withPoints) {
            this.from = from;
            final int m = to - from;
            nPoints = new int[m];
            nPhases = new int[m];
            cl = new double[m];
            sigma = new double[m];
            lcl = new double[m];
            ucl = new double[m];
            lastType = new PointType[m];
            variation = new PointType[m];
            assurance = new String[m];
            ruleCounts = new int[m][RULES.length];
            firstSignal = new String[m];
            lastSignal = new String[m];
            error = new String[m];
            points = withPoints ? new StringBuilder(64 * m * 16) : null;
            for (int s = from; s < to; s++) {
                series(feed, spec, s, s - from, sc);
            }
        }

        int size() {
            return nPoints.length;
        }

        private void series(Feed feed, ChartSpec spec, int s, int i, Scratch sc) {
            final boolean sizes = feed.hasSizes();
            final int rows = feed.gather(s, sc.x, sc.y, sizes ? sc.n : null);
            final int m = SeriesPoints.aggregate(rows, sc, sizes, spec.type());
            final ChartResult r;
            try {
                r = spec.compute(SeriesPoints.series(m, sc, sizes, spec.type()));
            } catch (SpcInputException e) {
                nPoints[i] = m;
                error[i] = e.getMessage();
                cl[i] = Double.NaN;
                sigma[i] = Double.NaN;
                lcl[i] = Double.NaN;
                ucl[i] = Double.NaN;
                return;
            }
            nPoints[i] = m;
            final List<Phase> phases = r.phases();
            nPhases[i] = phases.size();
            final Phase last = phases.get(phases.size() - 1);
            cl[i] = last.centre();
            sigma[i] = last.sigma();
            lcl[i] = r.lowerLimitAt(m - 1);
            ucl[i] = r.upperLimitAt(m - 1);
            lastType[i] = r.typeAt(m - 1);
            variation[i] = r.variation();
            assurance[i] = r.assurance() == null ? null : r.assurance().id();
            int first = Integer.MAX_VALUE;
            int lastPoint = -1;
            for (Signal sig : r.signals()) {
                ruleCounts[i][sig.rule().ordinal()]++;
                first = Math.min(first, sig.first());
                lastPoint = Math.max(lastPoint, sig.last());
            }
            firstSignal[i] = lastPoint < 0 ? null : feed.label(sc.key[first]);
            lastSignal[i] = lastPoint < 0 ? null : feed.label(sc.key[lastPoint]);
            if (points != null) {
                final StringBuilder sb = points;
                final StringBuilder keys = new StringBuilder();
                for (String k : feed.key(s)) {
                    keys.append(quote(k)).append(',');
                }
                for (int p = 0; p < m; p++) {
                    sb.append(keys).append(feed.label(sc.key[p])).append(',')
                            .append(ChartWriter.text(r.valueAt(p))).append(',')
                            .append(sizes || spec.type().isSubgrouped() ? ChartWriter.text(sc.size[p]) : "")
                            .append(',').append(r.phaseAt(p)).append(',')
                            .append(ChartWriter.text(r.centreAt(p))).append(',')
                            .append(ChartWriter.text(r.lowerLimitAt(p))).append(',')
                            .append(ChartWriter.text(r.upperLimitAt(p))).append(',');
                    final int mask = r.rulesAt(p);
                    boolean any = false;
                    for (Rule rule : RULES) {
                        if ((mask & rule.bit()) != 0) {
                            if (any) {
                                sb.append(';');
                            }
                            sb.append(rule.id());
                            any = true;
                        }
                    }
                    sb.append(',').append(r.typeAt(p).id()).append('\n');
                }
            }
        }
    }

    /** Where summary rows go. */
    private interface SummaryWriter {
        void row(Block b, int i) throws IOException;

        void finish() throws IOException;
    }

    /** One CSV row per series. */
    private static final class CsvSummary implements SummaryWriter {
        private final OutputStream out;
        private final Feed feed;
        private final StringBuilder sb = new StringBuilder();

        CsvSummary(OutputStream out, Feed feed) throws IOException {
            this.out = out;
            this.feed = feed;
            for (String k : feed.keyNames()) {
                sb.append(quote(k)).append(',');
            }
            sb.append("points,phases,cl,sigma,lcl,ucl,last_type,variation,assurance");
            for (Rule r : RULES) {
                sb.append(',').append(r.id());
            }
            sb.append(",first_signal_x,last_signal_x,error\n");
            flush();
        }

        @Override
        public void row(Block b, int i) throws IOException {
            for (String k : feed.key(b.from + i)) {
                sb.append(quote(k)).append(',');
            }
            sb.append(b.nPoints[i]).append(',').append(b.nPhases[i]).append(',')
                    .append(ChartWriter.text(b.cl[i])).append(',').append(ChartWriter.text(b.sigma[i])).append(',')
                    .append(ChartWriter.text(b.lcl[i])).append(',').append(ChartWriter.text(b.ucl[i])).append(',')
                    .append(b.lastType[i] == null ? "" : b.lastType[i].id()).append(',')
                    .append(b.variation[i] == null ? "" : b.variation[i].id()).append(',')
                    .append(b.assurance[i] == null ? "" : b.assurance[i]);
            for (int c : b.ruleCounts[i]) {
                sb.append(',').append(c);
            }
            sb.append(',').append(b.firstSignal[i] == null ? "" : b.firstSignal[i])
                    .append(',').append(b.lastSignal[i] == null ? "" : b.lastSignal[i])
                    .append(',').append(b.error[i] == null ? "" : quote(Main.oneLine(b.error[i]))).append('\n');
            if (sb.length() > 1 << 16) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }

        @Override
        public void finish() throws IOException {
            flush();
            out.flush();
        }
    }

    /** A JSON object with the settings and an array of series summaries. */
    private static final class JsonSummary implements SummaryWriter {
        private final JsonGenerator g;
        private final Feed feed;

        JsonSummary(OutputStream out, Feed feed, ChartSpec spec) throws IOException {
            this.feed = feed;
            g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("feed", feed.file());
            g.writeStringField("chart", spec.type().id());
            g.writeStringField("profile", spec.profile().id());
            g.writeStringField("improvement", spec.improvement().id());
            number("target", spec.target());
            g.writeStringField("xType", feed.kind().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("rows", feed.rows());
            g.writeArrayFieldStart("series");
        }

        private void number(String name, double v) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumberField(name, v);
            } else {
                g.writeNullField(name);
            }
        }

        private void text(String name, String v) throws IOException {
            if (v == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, v);
            }
        }

        @Override
        public void row(Block b, int i) throws IOException {
            g.writeStartObject();
            g.writeObjectFieldStart("key");
            final String[] key = feed.key(b.from + i);
            for (int k = 0; k < key.length; k++) {
                g.writeStringField(feed.keyNames().get(k), key[k]);
            }
            g.writeEndObject();
            g.writeNumberField("points", b.nPoints[i]);
            g.writeNumberField("phases", b.nPhases[i]);
            number("cl", b.cl[i]);
            number("sigma", b.sigma[i]);
            number("lcl", b.lcl[i]);
            number("ucl", b.ucl[i]);
            text("lastType", b.lastType[i] == null ? null : b.lastType[i].id());
            text("variation", b.variation[i] == null ? null : b.variation[i].id());
            text("assurance", b.assurance[i]);
            g.writeObjectFieldStart("signals");
            for (Rule r : RULES) {
                g.writeNumberField(r.id(), b.ruleCounts[i][r.ordinal()]);
            }
            g.writeEndObject();
            text("firstSignalX", b.firstSignal[i]);
            text("lastSignalX", b.lastSignal[i]);
            text("error", b.error[i]);
            g.writeEndObject();
        }

        @Override
        public void finish() throws IOException {
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.close();
        }
    }
}
