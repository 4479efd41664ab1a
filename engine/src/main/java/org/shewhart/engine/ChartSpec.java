package org.shewhart.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * An immutable description of the chart to compute: chart type, rule profile with its overrides, improvement
 * direction, target, phases, frozen baseline, excluded points and sigma options. Build one with
 * {@link #builder(ChartType)}; {@link #toBuilder()} copies it for a variation.
 *
 * <p>Point positions (phase starts, exclusions) are 0-based indices into the series. A value left unset takes the
 * profile's or the chart's default: {@link Double#NaN} for target, known centre and known sigma; 0 for baseline,
 * shift and trend lengths; {@code null} for moving-range screening and sigma method.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChartSpec {
    private final ChartType type;
    private final RuleProfile profile;
    private final int shiftLength;
    private final int trendLength;
    private final Improvement improvement;
    private final double target;
    private final int[] phaseStarts;
    private final int baseline;
    private final int[] excluded;
    private final Boolean screenMovingRanges;
    private final double knownCentre;
    private final double knownSigma;
    private final SigmaMethod sigmaMethod;
    private final double sigmas;
    private final double multiply;
    private final boolean categorical;

    private ChartSpec(Builder b) {
        this.type = b.type;
        this.profile = b.profile;
        this.shiftLength = b.shiftLength;
        this.trendLength = b.trendLength;
        this.improvement = b.improvement;
        this.target = b.target;
        this.phaseStarts = sortedDistinct(b.phaseStarts);
        this.baseline = b.baseline;
        this.excluded = sortedDistinct(b.excluded);
        this.screenMovingRanges = b.screenMovingRanges;
        this.knownCentre = b.knownCentre;
        this.knownSigma = b.knownSigma;
        this.sigmaMethod = b.sigmaMethod;
        this.sigmas = b.sigmas;
        this.multiply = b.multiply;
        this.categorical = b.categorical;
    }

    private static int[] sortedDistinct(int[] v) {
        return Arrays.stream(v).sorted().distinct().toArray();
    }

    /**
     * Starts a specification of the given chart type with the {@code anhoej} profile for run charts and the
     * {@code mdc} profile otherwise, improvement direction {@code increase}, 3-sigma limits and multiplier 1.
     *
     * @param type chart type
     * @return a builder
     */
    public static Builder builder(ChartType type) {
        return new Builder(Objects.requireNonNull(type, "type"));
    }

    /**
     * A builder holding this specification's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.profile = profile;
        b.shiftLength = shiftLength;
        b.trendLength = trendLength;
        b.improvement = improvement;
        b.target = target;
        b.phaseStarts = phaseStarts.clone();
        b.baseline = baseline;
        b.excluded = excluded.clone();
        b.screenMovingRanges = screenMovingRanges;
        b.knownCentre = knownCentre;
        b.knownSigma = knownSigma;
        b.sigmaMethod = sigmaMethod;
        b.sigmas = sigmas;
        b.multiply = multiply;
        b.categorical = categorical;
        return b;
    }

    /**
     * Computes the chart of a series.
     *
     * @param series the values, in time order
     * @return the chart
     * @throws SpcInputException if the series cannot be charted as specified (too few values, a phase start or an
     *     excluded point beyond the last point)
     */
    public ChartResult compute(Series series) {
        return ChartCalculator.compute(this, Objects.requireNonNull(series, "series"));
    }

    /**
     * Computes the chart of plain values.
     *
     * @param values values in time order, NaN = missing
     * @return the chart
     * @throws SpcInputException as {@link #compute(Series)}
     */
    public ChartResult compute(double... values) {
        return compute(Series.of(values));
    }

    /** @return the chart type */
    public ChartType type() {
        return type;
    }

    /** @return the rule profile */
    public RuleProfile profile() {
        return profile;
    }

    /** @return the shift length in force: the override if set, else the profile's (0 = no shift rule) */
    public int shiftLength() {
        return shiftLength > 0 ? shiftLength : profile.shiftLength();
    }

    /** @return the trend length in force: the override if set, else the profile's (0 = no trend rule) */
    public int trendLength() {
        return trendLength > 0 ? trendLength : profile.trendLength();
    }

    /** @return the improvement direction */
    public Improvement improvement() {
        return improvement;
    }

    /** @return the target, or NaN if none */
    public double target() {
        return target;
    }

    /** @return a copy of the 0-based indices at which new phases start, sorted */
    public int[] phaseStarts() {
        return phaseStarts.clone();
    }

    /** @return the number of points at the start of each phase that fix its centre and limits; 0 = all points */
    public int baseline() {
        return baseline;
    }

    /** @return a copy of the 0-based indices of points left out of the centre and limits, sorted */
    public int[] excluded() {
        return excluded.clone();
    }

    /** @return whether moving ranges are screened, the spec's choice or else the profile's default */
    public boolean screensMovingRanges() {
        return screenMovingRanges != null ? screenMovingRanges : profile.screensMovingRangesByDefault();
    }

    /** @return the known centre line, or NaN to estimate it */
    public double knownCentre() {
        return knownCentre;
    }

    /** @return the known process sigma, or NaN to estimate it */
    public double knownSigma() {
        return knownSigma;
    }

    /** @return the sigma estimator chosen, or {@code null} for the chart's and profile's default */
    public SigmaMethod sigmaMethod() {
        return sigmaMethod;
    }

    /**
     * @return whether x is a set of unordered categories (e.g. hospitals): no runs analysis, and Laney charts
     *     take sigma_z from the SD of the z-scores (qicharts2 with character x)
     */
    public boolean isCategorical() {
        return categorical;
    }

    /** @return the limit width in sigmas (3 unless set) */
    public double sigmas() {
        return sigmas;
    }

    /** @return the multiplier applied to values, centre and limits after calculation (1 unless set) */
    public double multiply() {
        return multiply;
    }

    /**
     * Builds a {@link ChartSpec}. Setters validate their argument at once. Not thread-safe.
     */
    public static final class Builder {
        private final ChartType type;
        private RuleProfile profile;
        private int shiftLength;
        private int trendLength;
        private Improvement improvement = Improvement.INCREASE;
        private double target = Double.NaN;
        private int[] phaseStarts = new int[0];
        private int baseline;
        private int[] excluded = new int[0];
        private Boolean screenMovingRanges;
        private double knownCentre = Double.NaN;
        private double knownSigma = Double.NaN;
        private SigmaMethod sigmaMethod;
        private double sigmas = 3;
        private double multiply = 1;
        private boolean categorical;

        private Builder(ChartType type) {
            this.type = type;
            this.profile = type == ChartType.RUN ? RuleProfile.ANHOEJ : RuleProfile.MDC;
        }

        /**
         * Sets the rule profile.
         *
         * @param value profile
         * @return this builder
         */
        public Builder profile(RuleProfile value) {
            this.profile = Objects.requireNonNull(value, "profile");
            return this;
        }

        /**
         * Overrides the shift length (points in a run on one side of the centre line).
         *
         * @param points at least 2
         * @return this builder
         */
        public Builder shiftLength(int points) {
            this.shiftLength = atLeast("shift", points, 2);
            return this;
        }

        /**
         * Overrides the trend length (points steadily rising or falling).
         *
         * @param points at least 3
         * @return this builder
         */
        public Builder trendLength(int points) {
            this.trendLength = atLeast("trend", points, 3);
            return this;
        }

        /**
         * Sets the improvement direction.
         *
         * @param value direction
         * @return this builder
         */
        public Builder improvement(Improvement value) {
            this.improvement = Objects.requireNonNull(value, "improvement");
            return this;
        }

        /**
         * Sets the target, in the plotted units (after the multiplier).
         *
         * @param value a finite number
         * @return this builder
         */
        public Builder target(double value) {
            this.target = finite("target", value);
            return this;
        }

        /**
         * Sets the 0-based indices at which new phases (rebased limits) start.
         *
         * @param indices each at least 1
         * @return this builder
         */
        public Builder phaseStarts(int... indices) {
            for (int i : indices) {
                if (i < 1) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "a phase must start after the first point: index %d, need >= 1", i));
                }
            }
            this.phaseStarts = indices.clone();
            return this;
        }

        /**
         * Freezes the centre and limits of each phase on its first {@code points} points (phase I) and applies
         * them to the rest of the phase (phase II).
         *
         * @param points at least 1; 0 clears the freeze
         * @return this builder
         */
        public Builder baseline(int points) {
            if (points < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "baseline must be a number of points >= 1, got %d", points));
            }
            this.baseline = points;
            return this;
        }

        /**
         * Leaves the given points out of the centre line and limits; they are still drawn and tested.
         *
         * @param indices 0-based point indices
         * @return this builder
         */
        public Builder exclude(int... indices) {
            for (int i : indices) {
                if (i < 0) {
                    throw new SpcInputException("excluded point index must be >= 0, got " + i);
                }
            }
            this.excluded = indices.clone();
            return this;
        }

        /**
         * Chooses whether moving ranges are screened, overriding the profile's default.
         *
         * @param value {@code true} to screen
         * @return this builder
         */
        public Builder screenMovingRanges(boolean value) {
            this.screenMovingRanges = value;
            return this;
        }

        /**
         * Uses a known centre line instead of estimating it.
         *
         * @param value a finite number, in the plotted units before the multiplier
         * @return this builder
         */
        public Builder knownCentre(double value) {
            this.knownCentre = finite("cl", value);
            return this;
        }

        /**
         * Uses a known process sigma instead of estimating it.
         *
         * @param value a positive number
         * @return this builder
         */
        public Builder knownSigma(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "sigma must be a positive number, got %s", value));
            }
            this.knownSigma = value;
            return this;
        }

        /**
         * Chooses the sigma estimator.
         *
         * @param value estimator
         * @return this builder
         */
        public Builder sigmaMethod(SigmaMethod value) {
            this.sigmaMethod = Objects.requireNonNull(value, "sigmaMethod");
            return this;
        }

        /**
         * Sets the limit width in sigmas; the 1σ and 2σ zone lines scale with it (k/3 and 2k/3).
         *
         * @param value a positive number
         * @return this builder
         */
        public Builder sigmas(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "sigmas must be a positive number, got %s", value));
            }
            this.sigmas = value;
            return this;
        }

        /**
         * Sets probability limits: the limit width in sigmas that covers {@code probability} of a normal
         * distribution, k = Φ⁻¹(1 - (1 - p) / 2) (qcc {@code confidence.level}); g charts under the qcc profiles
         * turn it back into geometric quantiles.
         *
         * @param probability in (0, 1), e.g. 0.99
         * @return this builder
         */
        public Builder confidence(double probability) {
            if (!(probability > 0 && probability < 1)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "confidence must be a probability between 0 and 1 (e.g. 0.99), got %s", probability));
            }
            this.sigmas = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - probability) / 2);
            return this;
        }

        /**
         * Multiplies values, centre and limits after calculation (e.g. 100 for percent, 1000 per 1,000).
         *
         * @param value a positive number
         * @return this builder
         */
        public Builder multiply(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "multiply must be a positive number, got %s", value));
            }
            this.multiply = value;
            return this;
        }

        /**
         * Declares x a set of unordered categories (units, hospitals) rather than time: the runs analysis is
         * switched off and Laney charts estimate sigma_z by the SD of the z-scores.
         *
         * @param value {@code true} for categories
         * @return this builder
         */
        public Builder categorical(boolean value) {
            this.categorical = value;
            return this;
        }

        /**
         * Creates the specification.
         *
         * @return an immutable spec
         */
        public ChartSpec build() {
            return new ChartSpec(this);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s must be a number of points >= %d, got %d", name, min, value));
            }
            return value;
        }

        private static double finite(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s must be a finite number, got %s", name, value));
            }
            return value;
        }
    }
}
