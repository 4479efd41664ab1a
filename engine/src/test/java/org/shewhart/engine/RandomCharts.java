package org.shewhart.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.shewhart.engine.internal.SeriesGenerator;

/**
 * Random charts of every chart type and profile for the equivalence tests: a series from {@link SeriesGenerator}
 * (ties, missing values, planted patterns, values on the lines), turned into what the type takes (counts with
 * denominators, positive times, subgroups), lengths up to 400 so that the 64-point words of the bit-parallel rules
 * meet every boundary, and random options (phases, baseline, exclusions, overrides up to 70 points, multiplier,
 * sigmas, known centre and sigma, categorical x). About one case in twenty is invalid on purpose (a negative count,
 * a numerator above its denominator, too few values), so that errors are compared too. Public for the batch tests.
 */
public final class RandomCharts {
    /** One random chart: the spec and the columns of its series ({@code sds}/{@code ranges} only for subgroups). */
    public static final class Case {
        /** The case seed. */
        public final long seed;
        /** The spec. */
        public final ChartSpec spec;
        /** Values (or subgroup means). */
        public final double[] values;
        /** Denominators or subgroup sizes, or {@code null}. */
        public final double[] sizes;
        /** Subgroup SDs, or {@code null}. */
        public final double[] sds;
        /** Subgroup ranges, or {@code null}. */
        public final double[] ranges;

        Case(long seed, ChartSpec spec, double[] values, double[] sizes, double[] sds, double[] ranges) {
            this.seed = seed;
            this.spec = spec;
            this.values = values;
            this.sizes = sizes;
            this.sds = sds;
            this.ranges = ranges;
        }

        /** @return the series */
        public Series series() {
            if (sds != null) {
                return Series.ofSubgroups(values, sds, ranges, sizes);
            }
            return sizes == null ? Series.of(values) : Series.of(values, sizes);
        }

        /** @return everything needed to rebuild the case */
        public String describe() {
            return String.format(Locale.ROOT, "seed=%dL chart=%s profile=%s improvement=%s target=%s phases=%s "
                    + "baseline=%d excluded=%s screen=%s sigma=%s shift=%d trend=%d multiply=%s sigmas=%s cl=%s "
                    + "knownSigma=%s categorical=%s%n  values = %s%n  sizes  = %s%n  sds    = %s%n  ranges = %s",
                    seed, spec.type().id(), spec.profile().id(), spec.improvement().id(), spec.target(),
                    Arrays.toString(spec.phaseStarts()), spec.baseline(), Arrays.toString(spec.excluded()),
                    spec.screensMovingRanges(), spec.sigmaMethod() == null ? "default" : spec.sigmaMethod().id(),
                    spec.shiftLength(), spec.trendLength(), spec.multiply(), spec.sigmas(), spec.knownCentre(),
                    spec.knownSigma(), spec.isCategorical(), SeriesGenerator.java(values),
                    sizes == null ? "-" : SeriesGenerator.java(sizes), sds == null ? "-" : SeriesGenerator.java(sds),
                    ranges == null ? "-" : SeriesGenerator.java(ranges));
        }
    }

    private RandomCharts() {
    }

    /**
     * Draws one case.
     *
     * @param seed the case seed
     * @param type the chart type
     * @param profile the profile
     * @return the case
     */
    public static Case draw(long seed, ChartType type, RuleProfile profile) {
        final SeriesGenerator g = SeriesGenerator.forSeed(seed);
        final SplittableRandom r = g.random();
        final int kind = r.nextInt(3);
        final int n = kind == 0 ? 1 + r.nextInt(40) : kind == 1 ? 40 + r.nextInt(160) : 60 + r.nextInt(340);
        final double[] y = g.series(n, true);
        final boolean invalid = r.nextInt(20) == 0;
        double[] sizes = null;
        double[] sds = null;
        double[] ranges = null;
        switch (type) {
            case RUN:
            case XMR:
            case MR:
                if (r.nextInt(4) == 0) {
                    sizes = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = Math.abs(y[i]);
                        sizes[i] = r.nextInt(8) == 0 ? y[i] : 1 + r.nextInt(6);
                    }
                }
                break;
            case P:
            case NP:
            case P_PRIME:
            case C:
            case U:
            case U_PRIME:
            case G: {
                final boolean constant = r.nextBoolean();
                final double common = 5 + r.nextInt(40);
                final boolean withSizes = type.needsSizes() || (type == ChartType.C && r.nextInt(3) == 0);
                sizes = withSizes ? new double[n] : null;
                for (int i = 0; i < n; i++) {
                    y[i] = Math.rint(Math.abs(y[i]));
                    if (withSizes) {
                        final boolean binomial = type == ChartType.P || type == ChartType.NP
                                || type == ChartType.P_PRIME;
                        final double base = constant ? common : binomial ? y[i] + r.nextInt(20) : 1 + r.nextInt(12);
                        sizes[i] = binomial && base < y[i] ? y[i] : base;
                        if (r.nextInt(30) == 0) {
                            sizes[i] = binomial ? y[i] : sizes[i];
                        }
                    }
                }
                break;
            }
            case T:
                for (int i = 0; i < n; i++) {
                    y[i] = Math.abs(y[i]) + 0.25;
                }
                break;
            case I_PRIME:
                sizes = new double[n];
                for (int i = 0; i < n; i++) {
                    sizes[i] = 1 + r.nextInt(30);
                }
                break;
            default: {
                // subgroups: means from the series, sizes 1..6, SDs and ranges to match (none for one observation)
                sizes = new double[n];
                sds = new double[n];
                ranges = new double[n];
                final boolean constant = r.nextBoolean();
                final int common = 2 + r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sizes[i] = constant ? common : 1 + r.nextInt(6);
                    final boolean one = sizes[i] < 2 || y[i] != y[i];
                    sds[i] = one ? Double.NaN : 0.25 * (1 + r.nextInt(12));
                    ranges[i] = one ? Double.NaN : sds[i] * (1 + r.nextInt(3));
                }
                break;
            }
        }
        if (invalid && n > 0) {
            final int at = r.nextInt(n);
            switch (r.nextInt(3)) {
                case 0:
                    y[at] = -1;
                    break;
                case 1:
                    if (sizes != null) {
                        sizes[at] = y[at] == y[at] ? y[at] - 1 : -1;
                    }
                    break;
                default:
                    Arrays.fill(y, Double.NaN);
                    y[at] = 1;
                    break;
            }
        }
        return new Case(seed, spec(type, profile, n, r), y, sizes, sds, ranges);
    }

    private static ChartSpec spec(ChartType type, RuleProfile profile, int n, SplittableRandom r) {
        final ChartSpec.Builder b = ChartSpec.builder(type).profile(profile)
                .improvement(Improvement.values()[r.nextInt(3)]);
        if (r.nextBoolean()) {
            b.target(r.nextInt(-12, 13) * 0.5);
        }
        if (r.nextInt(3) == 0 && n >= 6) {
            final int[] starts = new int[1 + r.nextInt(3)];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = 1 + r.nextInt(n - 1);
            }
            b.phaseStarts(starts);
        }
        if (r.nextInt(4) == 0) {
            b.baseline(2 + r.nextInt(80));
        }
        if (r.nextInt(4) == 0 && n > 0) {
            final int[] excluded = new int[1 + r.nextInt(3)];
            for (int k = 0; k < excluded.length; k++) {
                excluded[k] = r.nextInt(n);
            }
            b.exclude(excluded);
        }
        if (r.nextInt(4) == 0) {
            b.screenMovingRanges(r.nextBoolean());
        }
        if (r.nextInt(5) == 0) {
            if (type.isSubgrouped()) {
                final SigmaMethod[] methods = {SigmaMethod.UWAVE_R, SigmaMethod.UWAVE_SD, SigmaMethod.MVLUE_R,
                    SigmaMethod.MVLUE_SD, SigmaMethod.RMSDF};
                b.sigmaMethod(methods[r.nextInt(methods.length)]);
            } else if (type == ChartType.XMR || type == ChartType.T) {
                b.sigmaMethod(SigmaMethod.STANDARD_DEVIATION);
            }
        }
        if (r.nextInt(5) == 0) {
            // mostly ordinary lengths; sometimes longer than a 64-point word (the scalar kernels then)
            b.shiftLength(r.nextInt(4) == 0 ? 60 + r.nextInt(11) : 2 + r.nextInt(10));
        }
        if (r.nextInt(5) == 0) {
            b.trendLength(r.nextInt(4) == 0 ? 60 + r.nextInt(11) : 3 + r.nextInt(8));
        }
        if (r.nextInt(8) == 0) {
            b.multiply(r.nextBoolean() ? 100 : 0.5);
        }
        if (r.nextInt(8) == 0) {
            b.sigmas(r.nextBoolean() ? 2 : 2.5);
        }
        if (r.nextInt(10) == 0) {
            b.knownCentre(r.nextInt(0, 9) * 0.5);
        }
        if (r.nextInt(10) == 0) {
            b.knownSigma(0.25 * (1 + r.nextInt(8)));
        }
        if (r.nextInt(12) == 0) {
            b.categorical(true);
        }
        return b.build();
    }
}
