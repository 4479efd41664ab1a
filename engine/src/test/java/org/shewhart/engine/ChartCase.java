package org.shewhart.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.shewhart.engine.internal.SeriesGenerator;

/**
 * One random chart for the public-API property tests: a profile and chart type (cycled by case index so that every
 * combination gets the same share), random options (improvement direction, target, phases, frozen baseline,
 * excluded points, screening override, sigma method, shift and trend overrides) and a series with at least two
 * values from {@link SeriesGenerator}. {@link #describe()} prints everything needed to rebuild it.
 */
final class ChartCase {
    static final ChartType[] TYPES = {ChartType.RUN, ChartType.XMR, ChartType.MR};
    static final RuleProfile[] PROFILES = RuleProfile.values();
    /** Number of profile x chart type combinations; case i uses combination i mod COMBINATIONS. */
    static final int COMBINATIONS = TYPES.length * PROFILES.length;

    final long seed;
    final ChartSpec spec;
    final double[] values;
    final SplittableRandom random;

    private ChartCase(long seed, ChartSpec spec, double[] values, SplittableRandom random) {
        this.seed = seed;
        this.spec = spec;
        this.values = values;
        this.random = random;
    }

    /**
     * Draws case {@code index} of a property.
     *
     * @param seed the case seed
     * @param index the case index (chooses the profile and chart type)
     * @param options whether to draw phases, baseline and exclusions (off for properties that need one phase)
     * @return the case
     */
    static ChartCase draw(long seed, int index, boolean options) {
        final RuleProfile profile = PROFILES[index % PROFILES.length];
        final ChartType type = TYPES[(index / PROFILES.length) % TYPES.length];
        final SeriesGenerator g = SeriesGenerator.forSeed(seed);
        double[] y;
        do {
            y = g.series(2 + g.random().nextInt(g.random().nextInt(4) == 0 ? 199 : 39), true);
        } while (countValues(y) < 2);
        final SplittableRandom r = g.random();
        final int n = y.length;
        final ChartSpec.Builder b = ChartSpec.builder(type).profile(profile)
                .improvement(Improvement.values()[r.nextInt(3)]);
        if (r.nextBoolean()) {
            b.target(r.nextInt(-12, 13) * 0.5);
        }
        if (options) {
            if (r.nextInt(3) == 0 && n >= 6) {
                final int phases = 1 + r.nextInt(2);
                final int[] starts = new int[phases];
                for (int k = 0; k < phases; k++) {
                    starts[k] = 1 + r.nextInt(n - 1);
                }
                b.phaseStarts(starts);
            }
            if (r.nextInt(4) == 0) {
                b.baseline(2 + r.nextInt(20));
            }
            if (r.nextInt(4) == 0) {
                final int[] excluded = new int[1 + r.nextInt(3)];
                for (int k = 0; k < excluded.length; k++) {
                    excluded[k] = r.nextInt(n);
                }
                b.exclude(excluded);
            }
        }
        if (r.nextInt(4) == 0) {
            b.screenMovingRanges(r.nextBoolean());
        }
        if (r.nextInt(4) == 0) {
            b.sigmaMethod(SigmaMethod.STANDARD_DEVIATION);
        }
        if (r.nextInt(6) == 0) {
            b.shiftLength(2 + r.nextInt(8));
        }
        if (r.nextInt(6) == 0) {
            b.trendLength(3 + r.nextInt(6));
        }
        return new ChartCase(seed, b.build(), y, r);
    }

    static int countValues(double[] y) {
        int count = 0;
        for (double v : y) {
            count += v == v ? 1 : 0;
        }
        return count;
    }

    /**
     * The same case with its target (if any) mapped by {@code t -> a t + b}.
     *
     * @param a factor
     * @param b offset
     * @return the spec to compute the transformed series with
     */
    ChartSpec specWithTarget(double a, double b) {
        final double target = spec.target();
        return target == target ? spec.toBuilder().target(a * target + b).build() : spec;
    }

    String describe() {
        return describe(spec, values, seed);
    }

    static String describe(ChartSpec spec, double[] values, long seed) {
        return String.format(Locale.ROOT, "seed=%dL chart=%s profile=%s improvement=%s target=%s phaseStarts=%s "
                + "baseline=%d excluded=%s screen=%s sigma=%s shift=%d trend=%d%n  values = %s", seed,
                spec.type().id(), spec.profile().id(), spec.improvement().id(), spec.target(),
                Arrays.toString(spec.phaseStarts()), spec.baseline(), Arrays.toString(spec.excluded()),
                spec.screensMovingRanges(), spec.sigmaMethod() == null ? "default" : spec.sigmaMethod().id(),
                spec.shiftLength(), spec.trendLength(),
                SeriesGenerator.java(values));
    }
}
