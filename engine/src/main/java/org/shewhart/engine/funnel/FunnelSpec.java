package org.shewhart.engine.funnel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.shewhart.engine.SpcInputException;

/**
 * An immutable description of a funnel plot: what is compared ({@link FunnelType}), the coverage of the limits,
 * the overdispersion model, trimming and scaling. Build one with {@link #builder(FunnelType)}; {@link #toBuilder()}
 * copies it for a variation; {@link #compute(String[], double[], double[])} does the work.
 *
 * <p>The defaults reproduce FunnelPlotR 0.6.0's {@code funnel_plot()} defaults: 95 % and 99.8 % limits, outliers
 * judged at 99.8 % ({@code limit = 99}), additive overdispersion ({@code draw_adjusted = TRUE,
 * draw_unadjusted = FALSE}) with the fallback to unadjusted limits when {@code φ <= 1}, trim fraction 0.1, SHMI
 * method with expected values rounded to 2 decimals, multiplier 1, the target estimated from the data.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelSpec {
    /** Coverage levels used unless set: 95 % and 99.8 %, as FunnelPlotR. */
    private static final double[] DEFAULT_COVERAGE = {95, 99.8};
    /** Denominators in the limits lookup grid unless set (FunnelPlotR: {@code seq(..., length.out = 1000)}). */
    private static final int DEFAULT_GRID_POINTS = 1000;

    private final FunnelType type;
    private final StandardisedRatioMethod method;
    private final double[] coverage;
    private final double outlierCoverage;
    private final Overdispersion overdispersion;
    private final boolean underdispersionFallback;
    private final double trim;
    private final boolean shmiRounding;
    private final double multiplier;
    private final double target;
    private final int gridPoints;

    private FunnelSpec(Builder b) {
        this.type = b.type;
        this.method = b.method;
        this.coverage = b.coverage.clone();
        this.outlierCoverage = b.outlierCoverage;
        this.overdispersion = b.overdispersion;
        this.underdispersionFallback = b.underdispersionFallback;
        this.trim = b.trim;
        this.shmiRounding = b.shmiRounding;
        this.multiplier = b.multiplier;
        this.target = b.target;
        this.gridPoints = b.gridPoints;
    }

    /**
     * Starts a specification of the given funnel type with FunnelPlotR's defaults.
     *
     * @param type what the funnel compares
     * @return a builder
     */
    public static Builder builder(FunnelType type) {
        return new Builder(Objects.requireNonNull(type, "type"));
    }

    /**
     * A builder holding this specification's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        final Builder b = new Builder(type);
        b.method = method;
        b.coverage = coverage.clone();
        b.outlierCoverage = outlierCoverage;
        b.overdispersion = overdispersion;
        b.underdispersionFallback = underdispersionFallback;
        b.trim = trim;
        b.shmiRounding = shmiRounding;
        b.multiplier = multiplier;
        b.target = target;
        b.gridPoints = gridPoints;
        return b;
    }

    /**
     * Computes the funnel plot of the given units.
     *
     * <p>Rows with the same unit name are summed (numerators and denominators separately) into one unit, as
     * FunnelPlotR aggregates by group, so record-level data (one row per patient or per month) can be passed as
     * is. Units appear in the result in order of their first row. The arrays are not modified.
     *
     * @param units unit name of each row (not null, not empty)
     * @param numerator observed count of each row: events, deaths, observed; finite and {@code >= 0}
     * @param denominator denominator of each row: cases at risk (proportion), the second count (ratio), or the
     *     expected count (standardised ratio); finite and {@code > 0}, and for proportions {@code >= numerator}
     * @return the funnel plot
     * @throws SpcInputException if a row or a unit is invalid; the message names the unit, the row index
     *     (0-based), the value and what would be valid
     * @throws NullPointerException if an array or a unit name is null
     */
    public FunnelResult compute(String[] units, double[] numerator, double[] denominator) {
        return FunnelCalculator.compute(this, Objects.requireNonNull(units, "units"),
                Objects.requireNonNull(numerator, "numerator"), Objects.requireNonNull(denominator, "denominator"));
    }

    /** @return what the funnel compares */
    public FunnelType type() {
        return type;
    }

    /** @return the standardised-ratio method (used only by {@link FunnelType#STANDARDISED_RATIO}) */
    public StandardisedRatioMethod method() {
        return method;
    }

    /** @return a copy of the coverage levels in percent, ascending (e.g. {@code [95, 99.8]}) */
    public double[] coverage() {
        return coverage.clone();
    }

    /**
     * @return the coverage level, in percent, against which outliers are counted (one of {@link #coverage()}): the
     *     one set, or else the widest
     */
    public double outlierCoverage() {
        return Double.isNaN(outlierCoverage) ? coverage[coverage.length - 1] : outlierCoverage;
    }

    /** @return the overdispersion model */
    public Overdispersion overdispersion() {
        return overdispersion;
    }

    /** @return whether the unadjusted limits stay in effect when no overdispersion is found ({@code φ <= 1}) */
    public boolean underdispersionFallback() {
        return underdispersionFallback;
    }

    /** @return the fraction trimmed at each end of the z-scores before φ is estimated */
    public double trim() {
        return trim;
    }

    /** @return how z-scores are trimmed: truncation for SHMI standardised ratios, winsorisation otherwise */
    public Trimming trimming() {
        return isShmi() ? Trimming.TRUNCATION : Trimming.WINSORISATION;
    }

    /** @return whether SHMI expected values are rounded to 2 decimals (used only with the SHMI method) */
    public boolean shmiRounding() {
        return shmiRounding;
    }

    /** @return the factor applied to ratios, target and limits (1, or 100 for percent, 1000 per 1,000, ...) */
    public double multiplier() {
        return multiplier;
    }

    /** @return the target in plotted units (after the multiplier), or NaN to estimate it (1 for SR) */
    public double target() {
        return target;
    }

    /** @return the number of evenly spaced denominators in the limits lookup grid */
    public int gridPoints() {
        return gridPoints;
    }

    boolean isShmi() {
        return type == FunnelType.STANDARDISED_RATIO && method == StandardisedRatioMethod.SHMI;
    }

    int outlierLevel() {
        return Arrays.binarySearch(coverage, outlierCoverage());
    }

    /**
     * Builds a {@link FunnelSpec}. Setters validate their argument at once. Not thread-safe.
     */
    public static final class Builder {
        private final FunnelType type;
        private StandardisedRatioMethod method = StandardisedRatioMethod.SHMI;
        private double[] coverage = DEFAULT_COVERAGE.clone();
        private double outlierCoverage = Double.NaN;
        private Overdispersion overdispersion = Overdispersion.ADDITIVE;
        private boolean underdispersionFallback = true;
        private double trim = 0.1;
        private boolean shmiRounding = true;
        private double multiplier = 1;
        private double target = Double.NaN;
        private int gridPoints = DEFAULT_GRID_POINTS;

        private Builder(FunnelType type) {
            this.type = type;
        }

        /**
         * Sets the standardised-ratio method; ignored by proportion and ratio funnels.
         *
         * @param value SHMI (default) or CQC
         * @return this builder
         */
        public Builder method(StandardisedRatioMethod value) {
            this.method = Objects.requireNonNull(value, "method");
            return this;
        }

        /**
         * Sets the coverage levels of the limits, in percent. Each level gets the two-sided normal quantile
         * {@code z = Φ⁻¹(1 - (1 - c/100) / 2)} rounded to 6 decimals, so 95 and 99.8 give FunnelPlotR's constants
         * 1.959964 and 3.090232; exact Poisson limits use the tail probability {@code (1 - c/100) / 2} itself.
         *
         * @param percents one or more distinct levels, each strictly between 0 and 100 (order does not matter)
         * @return this builder
         */
        public Builder coverage(double... percents) {
            Objects.requireNonNull(percents, "percents");
            if (percents.length == 0) {
                throw new SpcInputException("coverage needs at least one level, e.g. 95 or 99.8");
            }
            final double[] sorted = percents.clone();
            for (double c : sorted) {
                if (!(c > 0 && c < 100)) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "coverage %s is not a percentage strictly between 0 and 100 (e.g. 95 or 99.8)",
                            text(c)));
                }
            }
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "coverage %s is given twice; give each level once", text(sorted[i])));
                }
            }
            this.coverage = sorted;
            return this;
        }

        /**
         * Sets the coverage level against which outliers are counted (FunnelPlotR {@code limit}: 95 or 99 meaning
         * 99.8). It must be one of the {@link #coverage(double...)} levels when the spec is built. Unless set, the
         * widest level counts.
         *
         * @param percent a coverage level in percent
         * @return this builder
         */
        public Builder outlierCoverage(double percent) {
            if (!(percent > 0 && percent < 100)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "outlier coverage %s is not a percentage strictly between 0 and 100", text(percent)));
            }
            this.outlierCoverage = percent;
            return this;
        }

        /**
         * Sets the overdispersion model.
         *
         * @param value NONE, MULTIPLICATIVE or ADDITIVE (default)
         * @return this builder
         */
        public Builder overdispersion(Overdispersion value) {
            this.overdispersion = Objects.requireNonNull(value, "overdispersion");
            return this;
        }

        /**
         * Chooses whether the unadjusted limits stay in effect when adjustment was requested but the data show no
         * overdispersion ({@code φ <= 1}) or too few units to estimate it. On by default, as FunnelPlotR with
         * {@code draw_unadjusted = FALSE}; off reproduces {@code draw_unadjusted = TRUE}, where the adjusted limits
         * (with {@code τ² = 0}, or {@code φ} taken as 1) judge the outliers.
         *
         * @param value {@code true} to fall back
         * @return this builder
         */
        public Builder underdispersionFallback(boolean value) {
            this.underdispersionFallback = value;
            return this;
        }

        /**
         * Sets the fraction of z-scores trimmed at each end before φ is estimated (FunnelPlotR {@code trim_by}).
         * 0 trims nothing.
         *
         * @param fraction at least 0 and below 0.5 (default 0.1)
         * @return this builder
         */
        public Builder trim(double fraction) {
            if (!(fraction >= 0 && fraction < 0.5)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "trim %s is not a fraction >= 0 and < 0.5 (e.g. 0.1 trims 10%% at each end)",
                        text(fraction)));
            }
            this.trim = fraction;
            return this;
        }

        /**
         * Chooses whether SHMI expected values are rounded to 2 decimals after summing (FunnelPlotR
         * {@code SHMI_rounding}); used only by standardised ratios with the SHMI method.
         *
         * @param value {@code true} (default) to round
         * @return this builder
         */
        public Builder shmiRounding(boolean value) {
            this.shmiRounding = value;
            return this;
        }

        /**
         * Multiplies ratios, target and limits (e.g. 100 for percent, 10000 per 10,000 bed days).
         *
         * @param value a positive finite number (default 1)
         * @return this builder
         */
        public Builder multiplier(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "multiplier must be a positive number, got %s", text(value)));
            }
            this.multiplier = value;
            return this;
        }

        /**
         * Sets the target (centre line) instead of estimating it from the data ({@code ΣO / ΣD}; 1 for standardised
         * ratios), e.g. a national rate. In plotted units, after the multiplier; for proportions it must lie below
         * the multiplier (a proportion below 1).
         *
         * @param value a positive finite number
         * @return this builder
         */
        public Builder target(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "target must be a positive number, got %s", text(value)));
            }
            this.target = value;
            return this;
        }

        /**
         * Sets the number of evenly spaced denominators in the limits lookup table (FunnelPlotR: 1000, from 1.1
         * for standardised ratios or 3 otherwise up to the largest denominator rounded up); the units'
         * own denominators are always added.
         *
         * @param points at least 2
         * @return this builder
         */
        public Builder gridPoints(int points) {
            if (points < 2) {
                throw new SpcInputException("grid points must be >= 2, got " + points);
            }
            this.gridPoints = points;
            return this;
        }

        /**
         * Creates the specification.
         *
         * @return an immutable spec
         * @throws SpcInputException if the outlier coverage is not one of the coverage levels, or a proportion
         *     target is not below the multiplier
         */
        public FunnelSpec build() {
            if (!Double.isNaN(outlierCoverage) && Arrays.binarySearch(coverage, outlierCoverage) < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "outlier coverage %s is not one of the limits %s; add it to the coverage levels",
                        text(outlierCoverage), list(coverage)));
            }
            if (type == FunnelType.PROPORTION && !Double.isNaN(target) && !(target / multiplier < 1)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "a proportion target must be below %s (1 x multiplier), got %s", text(multiplier),
                        text(target)));
            }
            return new FunnelSpec(this);
        }
    }

    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String list(double[] v) {
        final StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(text(d));
        }
        return sb.toString();
    }
}
