package org.shewhart.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shewhart.charts.ChartRenderer;
import org.shewhart.charts.ChartStyle;
import org.shewhart.charts.XValues;
import org.shewhart.charts.pack.BoardPack;
import org.shewhart.charts.pack.IndicatorSettings;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.RuleProfile;

/**
 * Rendering, from an engine result to the bytes of a file: a 52-point weekly XmR chart at 800 x 450 in the Making
 * Data Count style (icons, target, a planted shift so points are coloured) as PNG and as SVG, in charts per second
 * on one thread; and a 100-indicator board pack as PDF (a table of 100 rows over five pages, then 100 chart pages),
 * in milliseconds per pack. Each measures building the JFreeChart model and encoding it; the engine's results are
 * computed once in the set-up. Run:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Djava.awt.headless=true -jar benchmarks/target/benchmarks.jar RenderBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
    /** Points per chart: a year of weeks. */
    static final int POINTS = 52;
    /** Indicators in the board pack. */
    static final int INDICATORS = 100;

    ChartResult result;
    XValues x;
    ChartStyle style;
    BoardPack pack;

    /** The chart and the pack's 100 results, from the seeded series of {@link ChartBenchmark}. */
    @Setup(Level.Trial)
    public void setUp() {
        x = weeks(POINTS);
        result = ChartSpec.builder(ChartType.XMR).profile(RuleProfile.MDC).improvement(Improvement.DECREASE)
                .target(45).build().compute(Data.series("shifted", POINTS, 42));
        style = ChartStyle.makingDataCount().withSize(800, 450).withTitle("Falls per 1,000 bed days")
                .withSubtitle("xmr chart, improvement: decrease, target 45");
        pack = new BoardPack("Board pack of " + INDICATORS + " indicators");
        final Improvement[] directions = Improvement.values();
        for (int i = 0; i < INDICATORS; i++) {
            final IndicatorSettings s = new IndicatorSettings(ChartType.XMR, directions[i % directions.length],
                    i % 3 == 0 ? 50 : Double.NaN, i % 2 == 0 ? "per 1,000 bed days" : "%", Double.NaN, null,
                    List.of());
            final ChartResult r = s.builder(false).build().compute(Data.series("shifted", 36, 1000 + i));
            pack.add(new BoardPack.Indicator("Indicator " + (i + 1), s, r, months(36)));
        }
    }

    static XValues weeks(int n) {
        final double[] days = new double[n];
        final String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            final LocalDate d = LocalDate.of(2024, 1, 1).plusWeeks(i);
            days[i] = d.toEpochDay();
            labels[i] = d.toString();
        }
        return XValues.dates(days, labels);
    }

    static XValues months(int n) {
        final double[] days = new double[n];
        final String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            final LocalDate d = LocalDate.of(2022, 1, 1).plusMonths(i);
            days[i] = d.toEpochDay();
            labels[i] = d.toString();
        }
        return XValues.dates(days, labels);
    }

    /**
     * One chart as PNG.
     *
     * @return the file's bytes
     * @throws IOException never (in memory)
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] png() throws IOException {
        final JFreeChart chart = ChartRenderer.render(result, x, style);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ChartRenderer.writePng(chart, style, out);
        return out.toByteArray();
    }

    /**
     * The same chart as PNG through the JDK's ImageIO writer (adaptive filters, default deflate level), the
     * library route {@code writePng} replaces: the side-by-side figure for the encoder choice.
     *
     * @return the file's bytes
     * @throws IOException never (in memory)
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] pngImageIo() throws IOException {
        final JFreeChart chart = ChartRenderer.render(result, x, style);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ImageIO.write(chart.createBufferedImage(style.width(), style.height(), BufferedImage.TYPE_INT_RGB, null),
                "png", out);
        return out.toByteArray();
    }

    /**
     * One chart as SVG.
     *
     * @return the file's bytes
     * @throws IOException never (in memory)
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] svg() throws IOException {
        final JFreeChart chart = ChartRenderer.render(result, x, style);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ChartRenderer.writeSvg(chart, style, out);
        return out.toByteArray();
    }

    /**
     * The 100-indicator board pack as PDF.
     *
     * @return the file's bytes
     * @throws IOException never (in memory)
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] packPdf() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024 * 1024);
        pack.writePdf(out);
        return out.toByteArray();
    }
}
