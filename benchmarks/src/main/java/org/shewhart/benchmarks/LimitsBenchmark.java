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
import org.shewhart.engine.internal.MovingRanges;

/**
 * The limit kernels: the XmR centre and average moving range (screened, in the two fused passes the engine runs)
 * and the run chart's median, beside {@link #sum()} of the same values. Scores are per call.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LimitsBenchmark -p length=1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LimitsBenchmark {
    /** Series length in points. */
    @Param({"100", "10000", "1000000", "10000000"})
    public int length;

    /** Dataset: noise, shifted or ties. */
    @Param({"noise", "shifted", "ties"})
    public String dataset;

    double[] values;
    boolean[] use;
    double[] scratch;
    final double[] both = new double[2];

    /** Values and an all-true selection. */
    @Setup(Level.Trial)
    public void setUp() {
        values = Data.series(dataset, length, 42);
        use = new boolean[length];
        Arrays.fill(use, true);
        scratch = new double[length];
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
     * XmR: the mean and the screened average moving range.
     *
     * @return {@code [mean, average moving range]}
     */
    @Benchmark
    public double[] xmr() {
        MovingRanges.meanAndAverage(values, use, 0, values.length, true, both);
        return both;
    }

    /**
     * Run chart: the median (a copy and a sort).
     *
     * @return the median
     */
    @Benchmark
    public double median() {
        return Descriptive.median(values, use, 0, values.length, scratch);
    }
}
