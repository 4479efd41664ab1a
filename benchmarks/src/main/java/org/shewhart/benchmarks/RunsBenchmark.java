package org.shewhart.benchmarks;

import java.util.Arrays;
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
import org.shewhart.engine.internal.Descriptive;
import org.shewhart.engine.internal.RunsTests;

/**
 * The runs analysis: useful points, longest run and number of runs about the median ({@link RunsTests#count}),
 * beside {@link #sum()} of the same values. Scores are per call.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RunsBenchmark -p length=1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RunsBenchmark {
    /** Series length in points. */
    @Param({"100", "10000", "1000000", "10000000"})
    public int length;

    /** Dataset: noise, shifted or ties. */
    @Param({"noise", "shifted", "ties"})
    public String dataset;

    double[] values;
    double[] centre;
    boolean[] use;
    final int[] stats = new int[3];

    /** Values and their median as the centre line. */
    @Setup(Level.Trial)
    public void setUp() {
        values = Data.series(dataset, length, 42);
        use = new boolean[length];
        Arrays.fill(use, true);
        centre = new double[length];
        Arrays.fill(centre, Descriptive.median(values, use, 0, length, new double[length]));
    }

    /**
     * The baseline: a plain summation of the same values.
     *
     * @return the sum
     */
    @Benchmark
    public double sum() {
        return Data.sum(values);
    }

    /**
     * The runs statistics.
     *
     * @return {@code [useful, longest run, runs]}
     */
    @Benchmark
    public int[] runs() {
        RunsTests.count(values, centre, use, 0, values.length, stats);
        return stats;
    }
}
