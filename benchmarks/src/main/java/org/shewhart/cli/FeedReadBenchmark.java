package org.shewhart.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shewhart.datasets.FeedGenerator;
import org.shewhart.engine.ChartType;

/**
 * The feed reader of {@code shewhart scan} ({@link Feed}): reads a generated feed of 20,000 series x 52 weekly
 * points (27.6 MB, {@code series,x,y}) into binary records, on its fast path or on the general RFC 4180 path alone,
 * with the series interleaved by time (most exports) or grouped, on the reading thread alone or with chunks parsed
 * ahead by two worker threads (the fast path only). The score is milliseconds per read of the whole
 * file; MB/s is 27.6 / score x 1000. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar FeedReadBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeedReadBenchmark {
    /** Row order of the feed: time (interleaved) or series (grouped). */
    @Param({"time", "series"})
    public String layout;

    /** fast: the reader as scan uses it; general: the general path alone. */
    @Param({"fast", "general"})
    public String path;

    /** Reading threads: 1, or 2 (chunks parsed ahead by two workers, as scan reads with two or more threads). */
    @Param({"1", "2"})
    public int threads;

    private Path file;
    private Feed.Columns columns;

    /**
     * Writes the feed to a temporary file.
     *
     * @throws IOException if it cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("shewhart-feed", ".csv");
        final FeedGenerator g = new FeedGenerator(20_000, 52, 0.1, 3, 42, LocalDate.of(2020, 1, 6),
                FeedGenerator.Period.WEEK, FeedGenerator.Layout.valueOf(layout.toUpperCase(java.util.Locale.ROOT)));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            g.write(out, null);
        }
        columns = new Feed.Columns(List.of("series"), "x", "y", null, null, new ChartType[] {ChartType.XMR}, -1,
                null);
    }

    /**
     * Deletes the feed.
     *
     * @throws IOException if it cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Reads the whole feed into records.
     *
     * @return the rows read
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public long read() throws IOException {
        try (Feed f = Feed.open(file, columns)) {
            if (path.equals("general")) {
                f.generalPathOnly();
            }
            // as scan did with the default budget of a 1 GB heap (a third of it) before that was capped at 256 MB
            f.parallel(threads, (1L << 30) / 3 / 8);
            final RowStore store = new RowStore(f.hasSizes(), f.hasPhases(), 20);
            while (!f.finished()) {
                f.parse(store, 1 << 13);
            }
            return f.rows();
        }
    }
}
