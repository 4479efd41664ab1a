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
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.internal.BitRules;
import org.shewhart.engine.internal.RuleKernels;

/**
 * The rule kernels of a profile over an XmR chart's lines (computed once in setup): every rule the profile applies,
 * flags into a rule mask and the trend sides, as the engine runs them per phase: bit-parallel ({@link BitRules})
 * for {@code mdc}, {@code weco} and {@code nelson}, the scalar {@link RuleKernels} for {@code ihi}, whose runs skip
 * points. Beside {@link #sum()} of the same values. Scores are per call: divide by the length for ns/point.
 *
 * <p>{@code simd}: whether the bit-parallel pass builds its comparison masks with the Vector API
 * ({@link BitRules#VECTOR_MASKS}: JDK 21 or later with {@code --add-modules jdk.incubator.vector}); elsewhere both
 * values run the scalar masks, and the trial says which ran. Scalar against vector on JDK 25:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RulesBenchmark -p length=1000000 -p profile=nelson
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar benchmarks/target/benchmarks.jar RulesBenchmark.rules \
 *     -jvmArgs --add-modules=jdk.incubator.vector -p length=1000000 -p profile=nelson -p dataset=noise
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RulesBenchmark {
    /** Series length in points. */
    @Param({"100", "10000", "1000000", "10000000"})
    public int length;

    /** Rule profile. */
    @Param({"mdc", "weco", "nelson", "ihi"})
    public String profile;

    /** Dataset: noise, shifted or ties. */
    @Param({"noise", "shifted", "ties"})
    public String dataset;

    /** Vector masks where available ({@code true}) or the scalar masks ({@code false}). */
    @Param({"true", "false"})
    public boolean simd;

    double[] values;
    double[][] lines;
    int[] mask;
    long[] rising;
    RuleProfile rules;
    BitRules.Rules bitRules;
    ChartSpec spec;

    /** Values, the XmR chart's lines and the profile's rules. */
    @Setup(Level.Trial)
    public void setUp() {
        values = Data.series(dataset, length, 42);
        rules = RuleProfile.of(profile);
        spec = ChartSpec.builder(ChartType.XMR).profile(rules).build();
        final ChartResult r = spec.compute(values);
        lines = new double[7][length];
        for (int i = 0; i < length; i++) {
            lines[0][i] = r.centreAt(i);
            lines[1][i] = r.lowerLimitAt(i);
            lines[2][i] = r.upperLimitAt(i);
            lines[3][i] = r.lowerZoneAt(i, 1);
            lines[4][i] = r.upperZoneAt(i, 1);
            lines[5][i] = r.lowerZoneAt(i, 2);
            lines[6][i] = r.upperZoneAt(i, 2);
        }
        mask = new int[length];
        rising = new long[(length + 63) >>> 6];
        final int[] bits = {Rule.OUTSIDE_LIMITS.bit(), Rule.SHIFT.bit(), Rule.TREND.bit(), Rule.TWO_OF_THREE.bit(),
            Rule.FOUR_OF_FIVE.bit(), Rule.ALTERNATING.bit(), Rule.STRATIFICATION.bit(), Rule.MIXTURE.bit()};
        switch (rules) {
            case MDC:
                bitRules = new BitRules.Rules(7, 7, true, BitRules.TWO_OF_THREE_SAME_SIDE, false, 0, 0, 0, bits);
                break;
            case WECO:
                bitRules = new BitRules.Rules(8, 0, false, BitRules.TWO_OF_THREE_WINDOW_END, true, 0, 0, 0, bits);
                break;
            case NELSON:
                bitRules = new BitRules.Rules(9, 6, false, BitRules.TWO_OF_THREE_WINDOW_END, true, 14, 15, 8, bits);
                break;
            default:
                bitRules = null;
                break;
        }
        if (bitRules != null) {
            System.out.println("masks: " + (simd && BitRules.VECTOR_MASKS ? "vector" : "scalar") + " (Java "
                    + Runtime.version().feature() + ")");
        }
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
     * Every rule of the profile over the whole series (one phase).
     *
     * @return the rule mask
     */
    @Benchmark
    public int[] rules() {
        Arrays.fill(mask, 0);
        Arrays.fill(rising, 0L);
        final int n = values.length;
        if (bitRules != null) {
            BitRules.apply(bitRules, values, lines, 0, n, true, mask, rising, simd);
        } else {
            // ihi: outside, shift 6 skipping points on the centre line, trend 5 skipping ties, whole patterns
            RuleKernels.outside(values, lines[1], lines[2], 0, n, mask, Rule.OUTSIDE_LIMITS.bit());
            RuleKernels.shift(values, lines[0], 0, n, 6, true, true, mask, Rule.SHIFT.bit());
            RuleKernels.trend(values, 0, n, 5, true, true, mask, Rule.TREND.bit(), rising);
        }
        return mask;
    }
}
