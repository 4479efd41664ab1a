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
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.RuleProfile;

/**
 * A whole chart (limits, every rule of the profile, point types, signals) per point, beside a plain summation of
 * the same array. Run:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ChartBenchmark -p length=1000000 -p profile=nelson
 * </pre>
 *
 * Scores are nanoseconds per point ({@code @OperationsPerInvocation} is not fixed because {@code length} is a
 * parameter: divide the score by the length, as docs/PERFORMANCE.md does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChartBenchmark {
    /** Series length in points. */
    @Param({"100", "10000", "1000000", "10000000"})
    public int length;

    /** Rule profile. */
    @Param({"mdc", "anhoej", "nelson"})
    public String profile;

    /** Chart type. */
    @Param({"xmr"})
    public String chart;

    /** Dataset: noise, shifted or ties. */
    @Param({"shifted", "noise", "ties"})
    public String dataset = "shifted";

    double[] values;
    ChartSpec spec;

    /** The dataset from a fixed seed (by default noise around 50 with a planted shift in the last quarter). */
    @Setup(Level.Trial)
    public void setUp() {
        values = Data.series(dataset, length, 42);
        spec = ChartSpec.builder(ChartType.of(chart)).profile(RuleProfile.of(profile)).build();
    }

    /**
     * The baseline: a plain summation of the same array (memory-bandwidth bound).
     *
     * @return the sum
     */
    @Benchmark
    public double sum() {
        return Data.sum(values);
    }

    /**
     * A whole chart of the series.
     *
     * @return the chart, so the work cannot be eliminated
     */
    @Benchmark
    public ChartResult chart() {
        return spec.compute(values);
    }
}
