package org.shewhart.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.batch.BatchEngine;
import org.shewhart.engine.batch.BatchInput;
import org.shewhart.engine.batch.BatchResult;

/**
 * The batch engine: {@code series} series of 52 points in memory as columns, one XmR spec, summaries per series on
 * {@code threads} threads; beside {@link #sum()} of all the values. One series in ten has a planted shift. Scores
 * are per call (the whole feed): the issue target is 10^6 series in 2 s on 2 cores.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar BatchBenchmark -p series=1000000 -p threads=2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class BatchBenchmark {
    /** Points per series. */
    static final int POINTS = 52;

    /** Number of series. */
    @Param({"100", "10000", "1000000"})
    public int series;

    /** Rule profile. */
    @Param({"mdc", "nelson"})
    public String profile;

    /** Worker threads. */
    @Param({"2"})
    public int threads;

    double[] values;
    BatchInput input;
    ChartSpec spec;

    /** The feed: noise, every tenth series shifted in its last quarter. */
    @Setup(Level.Trial)
    public void setUp() {
        values = new double[series * POINTS];
        final int[] offsets = new int[series + 1];
        for (int s = 0; s < series; s++) {
            final double[] one = Data.series(s % 10 == 0 ? "shifted" : "noise", POINTS, s);
            System.arraycopy(one, 0, values, s * POINTS, POINTS);
            offsets[s + 1] = (s + 1) * POINTS;
        }
        input = BatchInput.of(offsets, values);
        spec = ChartSpec.builder(ChartType.XMR).profile(RuleProfile.of(profile)).build();
    }

    /**
     * The baseline: a plain summation of every value of the feed.
     *
     * @return the sum
     */
    @Benchmark
    public double sum() {
        return Data.sum(values);
    }

    /**
     * Every series charted and summarised.
     *
     * @return the summaries
     */
    @Benchmark
    public BatchResult scan() {
        return BatchEngine.scan(spec, input, threads);
    }
}
