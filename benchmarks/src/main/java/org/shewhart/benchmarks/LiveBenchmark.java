package org.shewhart.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.Series;
import org.shewhart.engine.live.LiveChart;

/**
 * Appending one point to a monitored series: {@link LiveChart#append(double)} and reading the new point's type,
 * on a chart that already holds {@code history} points, beside {@code recompute}, a full
 * {@link ChartSpec#compute(Series)} of the same {@code history + 1} points (what a monitor without incremental
 * updates pays per point). The spec freezes its limits on a 20-point baseline, so an append is O(1): its score
 * should not move with {@code history}, while a recompute's grows linearly. Run:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LiveBenchmark -f 1 -wi 1 -i 2 -w 1 -r 1
 * </pre>
 *
 * Scores are nanoseconds per appended point for {@code append} and per recompute for {@code recompute}.
 * {@code append} appends {@value #BATCH} points per invocation; the chart is rebuilt from its history (outside the
 * measurement) before it has grown by more than {@code history} points, so it always holds between
 * {@code history} and {@code 2 history} points.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LiveBenchmark {
    /** Points appended per invocation of {@code append}. */
    static final int BATCH = 100;
    /** Length of the cyclic stream of points to append (a power of two). */
    static final int STREAM = 1 << 16;

    /** Points already in the chart. */
    @Param({"100", "10000", "1000000"})
    public int history;

    /** Rule profile. */
    @Param({"mdc", "anhoej", "ihi", "nelson"})
    public String profile;

    /** Chart type: {@code xmr}, or {@code p} (denominators 50 to 150, limits per denominator). */
    @Param({"xmr"})
    public String chart;

    /** Baseline length that freezes the limits; 0 for none (every read then recomputes: O(n)). */
    @Param({"20"})
    public int baseline;

    ChartSpec spec;
    double[] values;
    double[] sizes;
    Series past;
    Series pastAndNext;
    double[] streamValues;
    double[] streamSizes;
    LiveChart live;
    int next;
    int appended;

    /** The history (noise with a planted shift, seed 42), the stream to append (seed 7) and the chart. */
    @Setup(Level.Trial)
    public void setUp() {
        final ChartType type = ChartType.of(chart);
        final ChartSpec.Builder b = ChartSpec.builder(type).profile(RuleProfile.of(profile));
        if (baseline > 0) {
            b.baseline(baseline);
        }
        spec = b.build();
        final boolean proportions = type.needsSizes();
        final double[] all = Data.series("shifted", history + 1, 42);
        values = Arrays.copyOf(all, history);
        sizes = proportions ? sizes(history + 1, 42) : null;
        if (proportions) {
            toCounts(all, sizes);
            values = Arrays.copyOf(all, history);
        }
        past = proportions ? Series.of(values, Arrays.copyOf(sizes, history)) : Series.of(values);
        pastAndNext = proportions ? Series.of(all, sizes) : Series.of(all);
        streamValues = Data.series("shifted", STREAM, 7);
        streamSizes = proportions ? sizes(STREAM, 7) : null;
        if (proportions) {
            toCounts(streamValues, streamSizes);
        }
        rebuild();
    }

    private static double[] sizes(int n, long seed) {
        final SplittableRandom random = new SplittableRandom(seed ^ 0x5175EL);
        final double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 50 + random.nextInt(101);
        }
        return s;
    }

    /** Values around 50 (sd 10) as counts of a denominator: a proportion near 0.5 that shifts with the values. */
    private static void toCounts(double[] v, double[] n) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, Math.min(n[i], Math.rint(v[i] / 100 * n[i])));
        }
    }

    /** Keeps the chart between {@code history} and {@code 2 history} points (not measured). */
    @Setup(Level.Invocation)
    public void keepHistory() {
        if (appended + BATCH > Math.max(history, BATCH)) {
            rebuild();
        }
    }

    void rebuild() {
        live = LiveChart.of(spec, past);
        // read once, so that an unfrozen chart's recompute is not charged to the first append
        live.typeAt(live.size() - 1);
        appended = 0;
    }

    /**
     * Appends {@value #BATCH} points, reading each new point's type (rules, whole-pattern flags and the runs
     * analysis included) as a monitor would.
     *
     * @return the sum of the type ordinals, so the work cannot be eliminated
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int append() {
        final LiveChart c = live;
        int acc = 0;
        for (int k = 0; k < BATCH; k++) {
            final int at = next++ & (STREAM - 1);
            final int i = streamSizes == null ? c.append(streamValues[at]) : c.append(streamValues[at],
                    streamSizes[at]);
            acc += c.typeAt(i).ordinal();
        }
        appended += BATCH;
        return acc;
    }

    /**
     * A full recompute of the history and one more point.
     *
     * @return the chart
     */
    @Benchmark
    public ChartResult recompute() {
        return spec.compute(pastAndNext);
    }
}
