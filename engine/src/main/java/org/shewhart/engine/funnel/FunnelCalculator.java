package org.shewhart.engine.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.internal.FunnelKernels;

/**
 * Computes a {@link FunnelResult} as FunnelPlotR 0.6.0's {@code funnel_plot()}: aggregate by unit, SHMI rounding,
 * target, transformation and z-scores, trimming, φ and τ², limits over a grid of denominators, the units' limits
 * looked up in that grid, outliers. No instances.
 */
final class FunnelCalculator {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** Start of the lookup grid for standardised ratios (FunnelPlotR {@code seq(1.1, max_x, ...)}). */
    private static final double GRID_START_SR = 1.1;
    /** Start of the lookup grid for proportions and ratios (FunnelPlotR {@code seq(3, max_x, ...)}). */
    private static final double GRID_START = 3;

    private FunnelCalculator() {
    }

    static FunnelResult compute(FunnelSpec spec, String[] units, double[] numerator, double[] denominator) {
        final int rows = units.length;
        if (numerator.length != rows || denominator.length != rows) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "units (%d), numerator (%d) and denominator (%d) must have the same length", rows,
                    numerator.length, denominator.length));
        }
        if (rows == 0) {
            throw new SpcInputException("a funnel plot needs at least one unit; got no rows");
        }
        final FunnelType type = spec.type();
        // 1. aggregate rows by unit, in order of first appearance (FunnelPlotR sums by group)
        final Map<String, Integer> index = new HashMap<>();
        final String[] names = new String[rows];
        final double[] o = new double[rows];
        final double[] d = new double[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            final String name = Objects.requireNonNull(units[r], "units[" + r + "]");
            checkRow(type, name, r, numerator[r], denominator[r]);
            Integer g = index.get(name);
            if (g == null) {
                g = n++;
                index.put(name, g);
                names[g] = name;
            }
            o[g] += numerator[r];
            d[g] += denominator[r];
        }
        final String[] unit = Arrays.copyOf(names, n);
        final double[] num = Arrays.copyOf(o, n);
        final double[] raw = Arrays.copyOf(d, n);
        final double[] den = raw.clone();
        final boolean shmi = spec.isShmi();
        if (shmi && spec.shmiRounding()) {
            for (int i = 0; i < n; i++) {
                den[i] = round2(raw[i]);
                if (den[i] == 0) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "unit '%s': expected %s rounds to 0.00 under SHMI rounding to 2 decimals; an expected "
                                    + "count must be at least 0.005, or switch SHMI rounding off", unit[i],
                            FunnelSpec.text(raw[i])));
                }
            }
        }
        final double multiplier = spec.multiplier();

        // 2. target, on the ratio scale and on the transformed scale
        final double target;
        if (!Double.isNaN(spec.target())) {
            target = spec.target() / multiplier;
        } else if (type == FunnelType.STANDARDISED_RATIO) {
            target = 1;
        } else {
            target = FunnelKernels.sum(num, n) / FunnelKernels.sum(den, n);
            if (type == FunnelType.RATIO && target == 0) {
                throw new SpcInputException("every numerator is 0; a ratio-of-counts funnel needs at least one event "
                        + "to set its target (or give a target)");
            }
        }
        final double[] y = new double[n];
        final double[] s = new double[n];
        final double[] z = new double[n];
        final double centre;
        if (type == FunnelType.PROPORTION) {
            centre = Math.asin(Math.sqrt(target));
            FunnelKernels.arcsineScores(num, den, n, centre, y, s, z);
        } else if (type == FunnelType.RATIO) {
            centre = Math.log(target);
            FunnelKernels.logRatioScores(num, den, n, centre, y, s, z);
        } else if (shmi) {
            centre = Math.log(target);
            FunnelKernels.logScores(num, den, n, centre, y, s, z);
        } else {
            centre = Math.sqrt(target);
            FunnelKernels.squareRootScores(num, den, n, centre, y, s, z);
        }

        // 3. trimming: SHMI truncates, everything else winsorises
        final double[] zt = new double[n];
        final boolean[] trimmed = new boolean[n];
        final double[] scratch = new double[n];
        if (shmi) {
            FunnelKernels.truncate(z, n, spec.trim(), zt, trimmed, scratch);
        } else {
            FunnelKernels.winsorise(z, n, spec.trim(), zt, trimmed, scratch);
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            final double v = zt[i];
            if (v == v) {
                used++;
                if (Double.isInfinite(v)) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "unit '%s': numerator 0 gives ln(0/E) = -infinity on the SHMI log scale, and the unit "
                                    + "is not truncated; use the CQC method, a larger trim, or leave the unit out",
                            unit[i]));
                }
            }
        }

        // 4. overdispersion: φ and τ² from the trimmed z-scores
        final Overdispersion model = spec.overdispersion();
        final double phi;
        final double tau2;
        final boolean adjusted;
        final boolean fallback;
        double phiFactor = 1;
        double tau2Used = 0;
        if (model == Overdispersion.NONE) {
            // FunnelPlotR with draw_adjusted = FALSE reports phi = tau2 = 0 and draws the unadjusted limits
            phi = 0;
            tau2 = 0;
            adjusted = false;
            fallback = false;
        } else {
            phi = FunnelKernels.phi(zt, n);
            tau2 = FunnelKernels.tau2(zt, s, n, phi);
            final boolean estimated = used >= 2 && Double.isFinite(phi);
            if (estimated && model == Overdispersion.ADDITIVE) {
                tau2Used = tau2;
            } else if (estimated) {
                // multiplicative: phi below 1 never narrows the limits
                phiFactor = Math.max(1, phi);
            }
            // FunnelPlotR: draw_adjusted with phi <= 1 (and draw_unadjusted = FALSE) falls back to unadjusted
            fallback = spec.underdispersionFallback() && (!estimated || phi <= 1);
            adjusted = !fallback;
        }

        // 5. limits over the lookup grid (FunnelPlotR build_limits_lookup), then each unit's by its denominator
        final double[] coverage = spec.coverage();
        final int levels = coverage.length;
        double max = den[0];
        for (int i = 1; i < n; i++) {
            max = Math.max(max, den[i]);
        }
        final double from = type == FunnelType.STANDARDISED_RATIO ? GRID_START_SR : GRID_START;
        final double[] grid = FunnelKernels.grid(from, Math.ceil(max), spec.gridPoints(), den, n);
        final int g = grid.length;
        final double[] critical = new double[levels];
        final double[][][] table = new double[4][levels][g];
        final double[] var0 = new double[g];
        final double[] var1 = new double[g];
        FunnelKernels.variance(grid, g, shmi, 1, 0, var0);
        FunnelKernels.variance(grid, g, shmi, phiFactor, tau2Used, var1);
        for (int l = 0; l < levels; l++) {
            final double tail = (100 - coverage[l]) / 200;
            final double zc = criticalValue(tail);
            critical[l] = zc;
            final double[] lo = table[0][l];
            final double[] up = table[1][l];
            final double[] alo = table[2][l];
            final double[] aup = table[3][l];
            if (type == FunnelType.PROPORTION) {
                FunnelKernels.arcsineLimits(centre, zc, var0, g, lo, up);
                FunnelKernels.arcsineLimits(centre, zc, var1, g, alo, aup);
            } else if (type == FunnelType.RATIO) {
                FunnelKernels.exponentialLimits(centre, zc, var0, g, lo, up);
                FunnelKernels.exponentialLimits(centre, zc, var1, g, alo, aup);
            } else {
                FunnelKernels.poissonLimits(grid, g, tail, target, lo, up);
                if (shmi) {
                    FunnelKernels.exponentialLimits(centre, zc, var1, g, alo, aup);
                } else {
                    FunnelKernels.linearLimits(target, zc, var1, g, alo, aup);
                }
            }
            for (int t = 0; t < 4; t++) {
                FunnelKernels.scale(table[t][l], g, multiplier);
            }
        }
        final int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            row[i] = Arrays.binarySearch(grid, den[i]);
        }
        final double[][][] limits = new double[4][levels][n];
        for (int t = 0; t < 4; t++) {
            for (int l = 0; l < levels; l++) {
                final double[] src = table[t][l];
                final double[] dst = limits[t][l];
                for (int i = 0; i < n; i++) {
                    dst[i] = src[row[i]];
                }
            }
        }

        // 6. ratios and outliers against the limits in effect; a ratio on a limit is inside (FunnelPlotR)
        final double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            // FunnelPlotR's rr is computed before SHMI rounding
            ratio[i] = num[i] / raw[i] * multiplier;
        }
        final byte[][] side = new byte[levels][n];
        for (int l = 0; l < levels; l++) {
            final double[] lo = limits[adjusted ? 2 : 0][l];
            final double[] up = limits[adjusted ? 3 : 1][l];
            final byte[] sd = side[l];
            for (int i = 0; i < n; i++) {
                final double r = ratio[i];
                sd[i] = (byte) (r < lo[i] ? FunnelResult.LOW : r > up[i] ? FunnelResult.HIGH : FunnelResult.INSIDE);
            }
        }
        final FunnelLimitsTable lookup = new FunnelLimitsTable(grid, coverage, table[0], table[1], table[2],
                table[3]);
        final double[][] perUnit = {num, den, raw, ratio, y, s, z, zt};
        final double[] summary = {target * multiplier, centre, phi, tau2};
        return new FunnelResult(spec, unit, perUnit, trimmed, critical, limits, side, summary, used, adjusted,
                fallback, lookup);
    }

    /**
     * The two-sided normal quantile for a tail probability, rounded to 6 decimals so that 95 % and 99.8 % give
     * FunnelPlotR's hard-coded 1.959964 and 3.090232.
     */
    static double criticalValue(double tail) {
        final double q = STANDARD_NORMAL.inverseSurvivalProbability(tail);
        return Math.round(q * 1e6) / 1e6;
    }

    /**
     * Rounds to 2 decimals as R 4's {@code round(x, 2)}: the decimal nearest to the exact binary value, ties to
     * even.
     */
    static double round2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static void checkRow(FunnelType type, String unit, int row, double num, double den) {
        if (!Double.isFinite(num) || num < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "unit '%s' at index %d: numerator %s is not valid; it must be a finite count >= 0", unit, row,
                    FunnelSpec.text(num)));
        }
        if (!Double.isFinite(den) || den <= 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "unit '%s' at index %d: denominator %s is not valid; it must be a finite number > 0", unit, row,
                    FunnelSpec.text(den)));
        }
        if (type == FunnelType.PROPORTION && num > den) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "unit '%s' at index %d: numerator %s is greater than denominator %s; a proportion needs "
                            + "0 <= numerator <= denominator", unit, row, FunnelSpec.text(num),
                    FunnelSpec.text(den)));
        }
    }
}
