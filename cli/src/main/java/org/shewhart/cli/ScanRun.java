package org.shewhart.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shewhart.engine.ChartSpec;

/**
 * One {@code shewhart scan}: reads the feed, holds its rows within a memory budget, charts every series on a pool
 * of threads and writes the summaries (and points) in the order of each key's first row. Three ways through, one
 * output (byte for byte, tested):
 *
 * <ol>
 *   <li><b>In memory.</b> While the rows read fit half the budget they are held as binary records
 *   ({@link RowStore}); at the end they are grouped by series and charted.
 *   <li><b>Grouped, charted while reading.</b> While every series' rows have been contiguous, each series is
 *   complete as soon as the next key appears, so blocks of complete series are charted while the reader goes on,
 *   and the rows of charted series are let go when the budget is reached: the rows held stay within the budget
 *   (unless one series is longer) and nothing is spilled. Output goes to temporary files ({@link ResultSink});
 *   if a key comes back after its series ended, that output is discarded, the rows let go are read again from
 *   the file (a stretch of the file already checked) into sorted runs, and the scan carries on as in 3.
 *   <li><b>Spilled.</b> When the rows held reach half the budget and the feed is not (known to be) grouped, a
 *   spill thread sorts them by series id and writes them to a temporary file as one run ({@link Spill}) while the
 *   reader fills the other half. At the end the runs (and the rows still held) are merged series by series, in id
 *   order, and charted.
 * </ol>
 *
 * <p>Memory: the budget (rows as records, 24-36 bytes each with the sorting index), the series dictionary (about 30
 * bytes a series plus its key, {@link SeriesKeys}), an int per series for grouping, and the blocks in flight (at
 * most {@code 4 x threads} blocks of up to 256 series and 65,536 rows, together at most about a quarter of the
 * budget, or one longer series). Not thread-safe; one
 * run per instance.
 */
final class ScanRun {
    static final int BLOCK = 256;
    static final int BLOCK_ROWS = 1 << 16;
    private static final int STEP = 1 << 13;

    /** Per-thread work arrays, grown to the longest series seen. */
    static final class Scratch {
        double[] x = new double[0];
        double[] y = new double[0];
        double[] n = new double[0];
        int[] phase = new int[0];
        int[] idx = new int[0];
        int[] tmp = new int[0];
        double[] key = new double[0];
        double[] value = new double[0];
        double[] size = new double[0];
        double[] sd = new double[0];
        double[] range = new double[0];
        int[] pointPhase = new int[0];
        // the point columns of a block (ScanBlock), reused from block to block
        double[] pointKey = new double[0];
        double[] pointValue = new double[0];
        double[] pointSize = new double[0];
        double[] pointSd = new double[0];
        double[] pointRange = new double[0];
        int conflict = -1;
        int conflictA;
        int conflictB;

        /** Makes room for a series of {@code rows} rows; @return this */
        Scratch ensure(int rows) {
            if (x.length >= rows) {
                return this;
            }
            final int cap = Math.max(rows, Math.min(Integer.MAX_VALUE - 8, x.length * 2));
            x = new double[cap];
            y = new double[cap];
            n = new double[cap];
            phase = new int[cap];
            idx = new int[cap];
            tmp = new int[cap];
            key = new double[cap];
            value = new double[cap];
            size = new double[cap];
            sd = new double[cap];
            range = new double[cap];
            pointPhase = new int[cap];
            return this;
        }
    }

    /** What every block needs: fixed before the first block is charted. */
    static final class Context {
        final ChartSpec[] specs;
        final double[][] phaseAt;
        final long[] settingsLine;
        final ChartInput.Kind kind;
        final boolean hasSizes;
        final boolean hasPhases;
        final String phaseColumn;
        final SeriesCharter charter;
        final boolean withPoints;
        private final Feed feed;

        Context(ScanSettings settings, Feed feed, SeriesCharter charter, boolean withPoints) {
            this.specs = settings.specs();
            this.phaseAt = settings.phaseAt(feed.kind());
            this.settingsLine = settings.lines();
            this.kind = feed.kind();
            this.hasSizes = feed.hasSizes();
            this.hasPhases = feed.hasPhases();
            this.phaseColumn = feed.phaseColumn();
            this.charter = charter;
            this.withPoints = withPoints;
            this.feed = feed;
        }

        /** The text of a phase label id (safe from any thread for ids read before the block was made). */
        String phaseLabel(int id) {
            return feed.phaseLabel(id);
        }
    }

    /** The options of a run. */
    record Options(Path file, Feed.Columns columns, ScanSettings settings, String output, String format,
            String points, int threads, int readThreads, long budget, Path tempDir, boolean strict, boolean progress,
            SeriesCharter charter) {
    }

    private final Options o;
    private final PrintWriter err;
    private Feed feed;
    private SeriesKeys keys;
    private RowStore store;
    private Spill spill;
    private Context ctx;
    private ResultSink sum;
    private ResultSink pts;
    private ScanOutput writer;
    private ExecutorService pool;
    private final ArrayDeque<Future<ScanBlock>> window = new ArrayDeque<>();
    private ThreadLocal<Scratch> scratch;
    private Progress progress;
    private long budgetRows;
    /** Rows the store is read up to before it is spilled: half the budget (see spillStore). */
    private long spillAt;
    private long peakRows;
    // spilling in the background: the store written by the spill thread, and its rows until it is done
    private RowStore writing;
    private long writingRows;
    private Future<?> spilling;
    private ExecutorService spiller;
    private int blockRows;
    private String note = "";
    private int bytesPerRow;
    private int[] startBuf;
    private int[] orderBuf;

    // the grouped fast path
    private boolean speculating;
    private boolean speculationOff;
    private int nextSeries;
    private int nextRow;
    private boolean released;
    private long releasedEnd;
    private String mode = "in memory";

    // output so far
    private int written;
    private int failed;
    private String firstFailure;

    ScanRun(Options options, PrintWriter err) {
        this.o = options;
        this.err = err;
    }

    /** @return how the rows went: in memory, grouped (charted while reading) or spilled; for tests and timing */
    String mode() {
        return mode + note;
    }

    /** @return the most rows held at once while reading; for tests */
    long peakRows() {
        return peakRows;
    }

    /** @return the rows the budget holds */
    long budgetRows() {
        return budgetRows;
    }

    /** Runs the scan; @return the exit code */
    int run() throws IOException {
        final long t0 = System.nanoTime();
        // the process's CPU time only for SHEWHART_TIMING: asking for it loads the management classes
        final boolean timing = System.getenv("SHEWHART_TIMING") != null;
        final long c0 = timing ? cpu() : 0;
        feed = Feed.open(o.file(), o.columns());
        keys = feed.keys();
        progress = Progress.of(err, o.progress(), "scan");
        pool = Executors.newFixedThreadPool(o.threads(), r -> {
            final Thread t = new Thread(r, "shewhart-scan");
            t.setDaemon(true);
            return t;
        });
        scratch = ThreadLocal.withInitial(Scratch::new);
        long t1;
        long c1;
        try (Feed f = feed; ResultSink s = ResultSink.open(o.output(), o.tempDir());
                ResultSink p = o.points() == null ? null : ResultSink.open(o.points(), o.tempDir())) {
            sum = s;
            pts = p;
            bytesPerRow = RowStore.bytesPerRow(feed.hasSizes(), feed.hasPhases());
            // with --read-threads, the chunks parsed ahead count against the budget, and the workers'
            // dictionaries as they grow (held())
            final long reading = feed.parallel(o.readThreads(), o.budget());
            budgetRows = Math.max(1024, (o.budget() - reading) / bytesPerRow);
            store = new RowStore(feed.hasSizes(), feed.hasPhases(), RowStore.chunkBits(budgetRows));
            // a feed that does not fit is spilled in runs of half the budget, each written while the other half
            // is read into (see spillStore)
            spillAt = Math.max(64, budgetRows / 2);
            // blocks in flight (4 per thread) hold copies of rows: together at most about a quarter of the budget
            blockRows = (int) Math.max(256, Math.min(BLOCK_ROWS, budgetRows / (16L * o.threads())));
            startOutputs();
            read();
            t1 = System.nanoTime();
            c1 = timing ? cpu() : 0;
            if (speculating) {
                mode = "grouped, charted while reading";
                submitCompleted(true);
            } else if (spill == null) {
                chartFromMemory();
            } else {
                chartFromSpill();
            }
            while (!window.isEmpty()) {
                writeHead();
            }
            o.settings().checkUsed(feed.file(), feed.keyNames().get(Math.max(0, o.settings().keyIndex())));
            sum.commit(writer.prefix(), writer.suffix());
            if (pts != null) {
                pts.commit(null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            progress.finish();
            pool.shutdownNow();
            if (spiller != null) {
                spiller.shutdownNow();
            }
            if (spill != null) {
                spill.close();
            }
        }
        if (timing) {
            // wall-clock phases for the README's measurements; off by default
            final long t2 = System.nanoTime();
            final long c2 = cpu();
            final double mb = feed.fileSize() / 1e6;
            err.println(String.format(Locale.ROOT,
                    "shewhart: read %.1f MB, %d rows, %d series: %.2f s wall, %.2f s CPU (%.0f MB/s of CPU); "
                            + "charted and wrote after reading: %.2f s wall, %.2f s CPU; %d threads; %s; %s; "
                            + "whole run %.2f s wall (%.0f MB/s)", mb, feed.rows(), keys.size(), (t1 - t0) / 1e9,
                    (c1 - c0) / 1e9, mb / ((c1 - c0) / 1e9), (t2 - t1) / 1e9, (c2 - c1) / 1e9, o.threads(),
                    feed.readMode(), mode(),
                    (t2 - t0) / 1e9, mb / ((t2 - t0) / 1e9)));
        }
        if (failed > 0) {
            err.println(String.format(Locale.ROOT, "shewhart: %d of %d series could not be charted; first: %s",
                    failed, keys.size(), Main.oneLine(firstFailure)));
            if (o.strict()) {
                return Main.BAD_INPUT;
            }
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

    private void startOutputs() throws IOException {
        writer = o.format().equals("json") ? new ScanOutput.Json(sum.out(), feed, o.settings().specs()[0])
                : new ScanOutput.Csv(sum.out(), feed);
        writer.start();
        if (pts != null) {
            pts.out().write(ScanOutput.pointsHeader(feed.keyNames()));
        }
        written = 0;
        failed = 0;
        firstFailure = null;
    }

    // ------------------------------------------------------------------------------------------------ reading

    private void read() throws IOException, InterruptedException {
        while (!feed.finished()) {
            // steps end where the rows held reach their limit: the budget for a grouped feed charted while read,
            // half of it for any other (spilled at that point)
            feed.parse(store, (int) Math.max(64, Math.min(STEP, (speculating ? budgetRows : spillAt) - held())));
            peakRows = Math.max(peakRows, store.size() + writingRows);
            progress.update(feed.bytesRead(), feed.fileSize(), () -> String.format(Locale.ROOT,
                    "%s of %s MB read, %,d series charted", Progress.mb(feed.bytesRead()),
                    Progress.mb(feed.fileSize()), written));
            if (speculating) {
                if (!feed.grouped()) {
                    abandonSpeculation();
                } else {
                    submitCompleted(feed.finished());
                    while (!window.isEmpty() && window.peek().isDone()) {
                        writeHead();
                    }
                    if (store.size() >= budgetRows) {
                        // over the budget: chart what is complete, even part of a block, and let its rows go
                        submitCompleted(true, feed.lastSeries());
                        // the blocks in flight copy their rows from the chunks about to be released
                        while (!window.isEmpty()) {
                            writeHead();
                        }
                        final int r = store.releaseBefore(nextRow);
                        if (r > 0) {
                            nextRow -= r;
                            released = true;
                            releasedEnd = store.size() > 0 ? store.chunkOffsetOf(0) : feed.bytesRead();
                        }
                    }
                }
            } else if (!speculationOff && spill == null && feed.grouped() && worthSpeculating()) {
                speculating = true;
                // charting while reading keeps the cores busy: the charting threads get them
                feed.readOnOneThread();
                submitCompleted(feed.finished());
            }
            if (!speculating && held() >= spillAt && store.size() > 0) {
                spillStore();
            }
        }
    }

    /** @return the rows held, with the reading workers' dictionaries counted as rows of the same bytes */
    private long held() {
        return store.size() + feed.dictionaryBytes() / bytesPerRow;
    }

    /**
     * Whether to chart ahead: the series so far are contiguous and have two rows or more on average (in a feed
     * interleaved by time every series has one row when the second key appears).
     */
    private boolean worthSpeculating() {
        final int last = feed.lastSeries();
        if (last < 1) {
            return false;
        }
        final long completedRows = feed.rows() - keys.count(last);
        return completedRows >= 2L * last;
    }

    /** Charts complete series in full blocks, or every series at the end. */
    private void submitCompleted(boolean end) throws IOException, InterruptedException {
        submitCompleted(end, end ? keys.size() : feed.lastSeries());
    }

    /** Charts the series before {@code limit} (all complete) in blocks; a part block only if {@code partial}. */
    private void submitCompleted(boolean partial, int limit) throws IOException, InterruptedException {
        while (nextSeries < limit) {
            int k = 0;
            long rows = 0;
            while (nextSeries + k < limit && k < BLOCK
                    && (k == 0 || rows + keys.count(nextSeries + k) <= blockRows)) {
                rows += keys.count(nextSeries + k);
                k++;
            }
            if (!partial && nextSeries + k == limit && k < BLOCK && rows < blockRows) {
                return;
            }
            final int n = (int) rows;
            final int[] rowStart = new int[k + 1];
            for (int j = 0; j < k; j++) {
                rowStart[j + 1] = rowStart[j] + keys.count(nextSeries + j);
            }
            // the worker copies the rows from the store's chunks: they are not released before it is done
            // (read() waits for the blocks in flight first)
            submit(ScanBlock.ofView(nextSeries, k, rowStart, store.view(nextRow, nextRow + n)));
            nextSeries += k;
            nextRow += n;
        }
    }

    /**
     * A key came back after its series ended: what was charted ahead is void. Output is discarded; the rows let go
     * are read again from the file into sorted runs, ahead of the rows still held.
     */
    private void abandonSpeculation() throws IOException, InterruptedException {
        while (!window.isEmpty()) {
            waitFor(window.poll());
        }
        sum.reset();
        if (pts != null) {
            pts.reset();
        }
        startOutputs();
        speculating = false;
        speculationOff = true;
        nextSeries = 0;
        nextRow = 0;
        mode = "in memory";
        note = " (charting ahead abandoned)";
        if (!released) {
            return;
        }
        spill = new Spill(o.tempDir(), store.hasN(), store.hasPhase(), o.budget());
        mode = "spilled";
        note = String.format(Locale.ROOT, " (charting ahead abandoned, %s MB read again)",
                Progress.mb(releasedEnd - feed.dataStart()));
        spill.writeRun(store, keys.size(), starts(), orders(), 0);
        store.clear();
        int at = 0;
        try (Feed again = feed.reread(feed.dataStart(), releasedEnd)) {
            while (!again.finished()) {
                again.parse(store, STEP);
                if (store.size() >= budgetRows || again.finished() && store.size() > 0) {
                    spill.writeRun(store, keys.size(), starts(), orders(), at++);
                    store.clear();
                }
            }
        }
        // the runs read again held the whole budget: the reader goes on with half of it, so let the rest go
        store.clear();
        store.dropSpares();
    }

    /**
     * Hands the rows held (half the budget) to a spill thread, which sorts and writes them as a run, and reads on
     * into the other half: on two cores the second one is otherwise idle while an interleaved feed is read, since
     * its series are charted only once all of it has been read.
     */
    private void spillStore() throws IOException, InterruptedException {
        speculationOff = true;
        mode = "spilled";
        if (spill == null) {
            spill = new Spill(o.tempDir(), store.hasN(), store.hasPhase(), o.budget());
        }
        awaitSpill();
        final RowStore full = store;
        store = writing != null ? writing : new RowStore(full.hasN(), full.hasPhase(), RowStore.chunkBits(budgetRows));
        writing = full;
        writingRows = full.size();
        final int series = keys.size();
        final int[] start = starts();
        final int[] order = orders(full);
        if (spiller == null) {
            spiller = Executors.newSingleThreadExecutor(r -> {
                final Thread t = new Thread(r, "shewhart-spill");
                t.setDaemon(true);
                return t;
            });
        }
        spilling = spiller.submit(() -> {
            spill.writeRun(full, series, start, order, spill.runs());
            full.clear();
            return null;
        });
    }

    /** Waits for the run being written in the background, if any; its errors are thrown here. */
    private void awaitSpill() throws IOException, InterruptedException {
        if (spilling == null) {
            return;
        }
        try {
            spilling.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
        spilling = null;
        writingRows = 0;
    }

    private int[] starts() {
        if (startBuf == null || startBuf.length <= keys.size()) {
            startBuf = new int[Math.max(1024, keys.size() + keys.size() / 2 + 1)];
        }
        return startBuf;
    }

    private int[] orders() {
        return orders(store);
    }

    private int[] orders(RowStore of) {
        if (orderBuf == null || orderBuf.length < of.size()) {
            orderBuf = new int[Math.max(of.size(), (int) Math.min(budgetRows + of.chunk(),
                    Integer.MAX_VALUE - 8))];
        }
        return orderBuf;
    }

    // ------------------------------------------------------------------------------------------------ charting

    private void chartFromMemory() throws IOException, InterruptedException {
        // nothing was spilled or let go: the store holds every row, so the dictionary's counts are the store's
        store.group(keys.size(), null, null, keys);
        if (store.start(keys.size()) != store.size()) {
            throw new IllegalStateException("the rows held are not the rows read");
        }
        final int series = keys.size();
        int s = 0;
        while (s < series) {
            int k = 0;
            long rows = 0;
            while (s + k < series && k < BLOCK && (k == 0 || rows + store.rowsOf(s + k) <= blockRows)) {
                rows += store.rowsOf(s + k);
                k++;
            }
            submit(ScanBlock.ofStore(s, k, store));
            s += k;
        }
    }

    private void chartFromSpill() throws IOException, InterruptedException {
        awaitSpill();
        writing = null;
        boolean tail = store.size() > 0;
        if (tail && (long) store.size() * bytesPerRow + (long) spill.runs() * spill.bufferBytes() > o.budget()) {
            spill.writeRun(store, keys.size(), starts(), orders(), spill.runs());
            store.clear();
            tail = false;
        }
        // no more rows are read: the merge's buffers take the place of the chunks kept for reuse
        store.dropSpares();
        if (tail) {
            store.group(keys.size(), null, orders());
        }
        mode = String.format(Locale.ROOT, "spilled %d runs, %s MB", spill.runs(), Progress.mb(spill.bytesWritten()));
        final Spill.Merge m = spill.merge(keys.size());
        final int series = keys.size();
        int s = 0;
        while (s < series) {
            int k = 0;
            long rows = 0;
            while (s + k < series && k < BLOCK && (k == 0 || rows + keys.count(s + k) <= blockRows)) {
                rows += keys.count(s + k);
                k++;
            }
            final int n = (int) rows;
            final int[] rowStart = new int[k + 1];
            final double[] x = new double[n];
            final double[] y = new double[n];
            final double[] nn = store.hasN() ? new double[n] : null;
            final int[] p = store.hasPhase() ? new int[n] : null;
            for (int j = 0; j < k; j++) {
                int got = m.read(s + j, x, y, nn, p, rowStart[j]);
                if (tail) {
                    got += store.gather(s + j, x, y, nn, p, rowStart[j] + got);
                }
                if (got != keys.count(s + j)) {
                    throw new IllegalStateException("spill lost rows of series " + (s + j));
                }
                rowStart[j + 1] = rowStart[j] + got;
            }
            submit(ScanBlock.ofRows(s, k, rowStart, x, y, nn, p));
            s += k;
        }
    }

    private void submit(ScanBlock b) throws IOException, InterruptedException {
        while (window.size() >= 4 * o.threads()) {
            writeHead();
        }
        if (ctx == null) {
            ctx = new Context(o.settings(), feed, o.charter(), pts != null);
        }
        for (int i = 0; i < b.count; i++) {
            b.settings[i] = keys.settings(b.from + i);
        }
        // the keys are decoded on the worker, from the dictionary's bytes as they are now
        final SeriesKeys.Snapshot names = keys.snapshot(b.from, b.count);
        final Context c = ctx;
        final ScanOutput w = writer;
        final boolean allKeys = w instanceof ScanOutput.Json;
        window.add(pool.submit(() -> {
            keyTexts(b, names);
            b.run(c, scratch.get());
            // the keys as strings, for the JSON summary and the first failure's message
            for (int i = 0; i < b.count; i++) {
                if (allKeys || b.error[i] != null) {
                    b.keys[i] = names.key(i);
                }
            }
            b.summaryText = w.format(b, c.kind);
            return b;
        }));
    }

    /** Each series' key as the first CSV fields of its rows, from the dictionary's bytes; on the worker. */
    private static void keyTexts(ScanBlock b, SeriesKeys.Snapshot names) {
        for (int i = 0; i < b.count; i++) {
            b.keyText[i] = names.csvFields(i);
        }
    }

    private static ScanBlock waitFor(Future<ScanBlock> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeHead() throws IOException, InterruptedException {
        final ScanBlock b = waitFor(window.poll());
        writer.write(b.summaryText);
        for (int i = 0; i < b.count; i++) {
            if (b.error[i] != null) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = String.join("/", b.keys[i]) + ": " + b.error[i];
                }
            }
        }
        if (pts != null) {
            pts.out().write(b.pointsText);
        }
        written += b.count;
        if (feed.finished()) {
            progress.update(written, keys.size(), () -> String.format(Locale.ROOT, "%,d of %,d series charted",
                    written, keys.size()));
        }
    }
}
