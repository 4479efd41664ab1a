package org.shewhart.benchmarks;

import java.util.SplittableRandom;
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
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChartBenchmark {
    /** Series length in points. */
    @Param({"104", "10000", "1000000"})
    public int length;

    /** Rule profile. */
    @Param({"mdc", "anhoej", "nelson"})
    public String profile;

    /** Chart type. */
    @Param({"xmr"})
    public String chart;

    double[] values;
    ChartSpec spec;

    /** Noise around 50 with a planted shift in the last quarter, from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        values = series(length, 42);
        spec = ChartSpec.builder(ChartType.of(chart)).profile(RuleProfile.of(profile)).build();
    }

    static double[] series(int n, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // sum of 4 uniforms: bell-shaped, cheap and reproducible; a +1.5 sigma shift in the last quarter
            final double noise = random.nextDouble() + random.nextDouble() + random.nextDouble()
                    + random.nextDouble() - 2;
            v[i] = 50 + 10 * noise + (i >= n - n / 4 ? 9 : 0);
        }
        return v;
    }

    /**
     * The baseline: a plain summation of the same array (memory-bandwidth bound).
     *
     * @return the sum
     */
    @Benchmark
    public double sum() {
        final double[] v = values;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += v[i];
        }
        return s0 + s1 + s2 + s3;
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
