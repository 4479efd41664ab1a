package org.shewhart.engine;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.shewhart.engine.internal.Descriptive;
import org.shewhart.engine.internal.MovingRanges;
import org.shewhart.engine.internal.SpcConstants;
import org.shewhart.engine.internal.SubgroupSigma;

/**
 * Centre line, sigma and the per-point lines (limits at k sigma, 1σ and 2σ zone lines at k/3 and 2k/3) of one
 * phase, for every chart type. Two formula families exist where the references differ: qcc 3.0 for the
 * {@code weco} and {@code nelson} profiles, qicharts2 0.8 otherwise (SPC-METHODS.md b2 and b6). Stateless; no
 * instances.
 */
final class Limits {
    /** Line indexes in the {@code lines} array. */
    static final int CENTRE = 0;
    static final int LOWER = 1;
    static final int UPPER = 2;
    static final int LOWER1 = 3;
    static final int UPPER1 = 4;
    static final int LOWER2 = 5;
    static final int UPPER2 = 6;

    /** d2(2) = 1.128: sigma = AMR / 1.128 (Montgomery, Introduction to SQC, appendix VI). */
    static final double D2 = 1.128;
    /** Making Data Count limit half-width in units of AMR (NHSRplotthedots {@code limit <- 2.66}). */
    static final double MDC_CONSTANT = 2.66;
    /** T chart transform y^(1 / 3.6) (Nelson 1994; qicharts2 {@code qic.t}). */
    static final double T_POWER = 3.6;
    /** I' chart screening limit for the scaled moving ranges (qicharts2 {@code qic.ip} uses 3.2665). */
    static final double IP_SCREEN = 3.2665;
    /** Provost and Murray (2011, p. 228): the median of a geometric distribution is about 0.693 x its mean. */
    static final double G_MEDIAN_FACTOR = 0.693;

    private static final double INF = Double.POSITIVE_INFINITY;

    private Limits() {
    }

    /**
     * Whether {@link #phase} gives every point of a phase the same centre, limits and zone lines: true of run, XmR,
     * MR, c, g and t charts, whose lines depend on no per-point denominator. The bit-parallel rules then compare
     * with one value per line ({@code ChartWorkspaceEquivalenceTest} checks the claim on random charts).
     *
     * @param type chart type
     * @return whether the lines are constant within a phase
     */
    static boolean constantPerPhase(ChartType type) {
        switch (type) {
            case RUN:
            case XMR:
            case MR:
            case C:
            case G:
            case T:
                return true;
            default:
                return false;
        }
    }

    /** The inputs of one computation: plotted values and the series' raw columns. */
    record Columns(double[] v, double[] value, double[] size, double[] sd, double[] range) {
    }

    /**
     * Fills the lines of the points {@code [from, to)} and returns the phase's sigma (NaN where the chart has
     * none). {@code use} selects the baseline points that are not excluded.
     */
    static double phase(ChartSpec spec, Columns c, boolean[] use, int from, int to, double[][] lines,
            double[] scratch) {
        final ChartType type = spec.type();
        final double k = spec.sigmas();
        final boolean qcc = spec.profile() == RuleProfile.WECO || spec.profile() == RuleProfile.NELSON;
        final double[] v = c.v();
        switch (type) {
            case RUN: {
                final double centre = known(spec.knownCentre(), spec, Descriptive.median(v, use, from, to, scratch));
                fill(lines, from, to, k, centre, Double.NaN, -INF, INF);
                return Double.NaN;
            }
            case XMR: {
                final double centre;
                final double sigma;
                final SigmaMethod method = spec.sigmaMethod();
                if (method == null || method == SigmaMethod.MOVING_RANGE) {
                    // the mean and the average moving range in the same two passes (the same sums, in the same
                    // order, as Descriptive.mean and MovingRanges.average)
                    final double[] both = new double[2];
                    MovingRanges.meanAndAverage(v, use, from, to, spec.screensMovingRanges(), both);
                    centre = known(spec.knownCentre(), spec, both[0]);
                    sigma = known(spec.knownSigma(), spec, individualsSigma(spec, both[1]));
                } else {
                    centre = known(spec.knownCentre(), spec, Descriptive.mean(v, use, from, to));
                    sigma = known(spec.knownSigma(), spec, individualsSigma(spec, v, use, from, to));
                }
                fill(lines, from, to, k, centre, sigma, -INF, INF);
                return sigma;
            }
            case MR: {
                final double centre = known(spec.knownCentre(), spec, Descriptive.mean(v, use, from, to));
                // sigma of a moving range of span 2 is d3(2) sigma = (D4(2) - 1) / 3 x mean MR, so that
                // centre + 3 sigma = 3.267 x mean MR (qicharts2 qic.mr)
                final double sigma = (MovingRanges.SCREEN_LIMIT - 1) / 3 * centre;
                fill(lines, from, to, k, centre, sigma, 0, INF);
                return sigma;
            }
            case T:
                return tChart(spec, v, use, from, to, lines, scratch);
            case P:
            case P_PRIME:
            case NP:
            case U:
            case U_PRIME:
                return attribute(spec, c, use, from, to, lines, scratch);
            case C: {
                final double centre = known(spec.knownCentre(), spec, Descriptive.mean(v, use, from, to));
                final double sigma = Math.sqrt(centre);
                fill(lines, from, to, k, centre, sigma, 0, INF);
                return sigma;
            }
            case G:
                return qcc ? gProbability(spec, v, use, from, to, lines) : gChart(spec, v, use, from, to, lines,
                        scratch);
            case I_PRIME:
                return iPrime(spec, c, use, from, to, lines);
            case XBAR_S:
            case XBAR_R:
            case S:
            case R:
                return subgroups(spec, c, use, from, to, lines, qcc);
            default:
                throw new IllegalStateException("unhandled chart type " + type);
        }
    }

    /**
     * Fills the centre, k-sigma limits and zone lines of point i, clamped to [lo, hi]; the six lines are NaN
     * without a sigma (every line of every point is written: the caller does not clear them).
     */
    private static void fill(double[][] lines, int i, double k, double centre, double sigma, double lo,
            double hi) {
        lines[CENTRE][i] = centre;
        if (!(sigma == sigma) || Double.isInfinite(sigma) || !(centre == centre)) {
            for (int line = LOWER; line <= UPPER2; line++) {
                lines[line][i] = Double.NaN;
            }
            return;
        }
        lines[LOWER][i] = clamp(centre - k * sigma, lo, hi);
        lines[UPPER][i] = clamp(centre + k * sigma, lo, hi);
        lines[LOWER1][i] = clamp(centre - k / 3 * sigma, lo, hi);
        lines[UPPER1][i] = clamp(centre + k / 3 * sigma, lo, hi);
        lines[LOWER2][i] = clamp(centre - 2 * k / 3 * sigma, lo, hi);
        lines[UPPER2][i] = clamp(centre + 2 * k / 3 * sigma, lo, hi);
    }

    /**
     * Fills points {@code [from, to)} with the same lines, computed once as {@link #fill(double[][], int, double,
     * double, double, double, double)} computes them (hence the same values, bit for bit).
     */
    private static void fill(double[][] lines, int from, int to, double k, double centre, double sigma, double lo,
            double hi) {
        if (from >= to) {
            return;
        }
        fill(lines, from, k, centre, sigma, lo, hi);
        for (double[] line : lines) {
            Arrays.fill(line, from + 1, to, line[from]);
        }
    }

    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }

    /** A known value given in plotted units (after the multiplier), or the estimate. */
    private static double known(double knownValue, ChartSpec spec, double estimate) {
        return knownValue == knownValue ? knownValue / spec.multiply() : estimate;
    }

    /** The individuals sigma from an average moving range: 2.66 / 3 x AMR (MDC) or AMR / d2(2). */
    private static double individualsSigma(ChartSpec spec, double amr) {
        // MDC: limits at mean ± 2.66 AMR, i.e. sigma = 2.66 / 3 x AMR; otherwise sigma = AMR / d2(2)
        return spec.profile().usesMdcConstant() ? amr * MDC_CONSTANT / 3 : amr / D2;
    }

    static double individualsSigma(ChartSpec spec, double[] v, boolean[] use, int from, int to) {
        if (spec.sigmaMethod() == SigmaMethod.STANDARD_DEVIATION) {
            final int count = Descriptive.count(v, use, from, to);
            return Descriptive.standardDeviation(v, use, from, to) / Descriptive.c4(count);
        }
        if (spec.sigmaMethod() != null && spec.sigmaMethod() != SigmaMethod.MOVING_RANGE) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "sigma method %s needs subgroups; an individuals chart takes mr or sd", spec.sigmaMethod().id()));
        }
        final double amr = MovingRanges.average(v, use, from, to, spec.screensMovingRanges());
        // MDC: limits at mean ± 2.66 AMR, i.e. sigma = 2.66 / 3 x AMR; otherwise sigma = AMR / d2(2)
        return spec.profile().usesMdcConstant() ? amr * MDC_CONSTANT / 3 : amr / D2;
    }

    /**
     * T chart: an individuals chart of y^(1/3.6), its centre and lines raised back to the power 3.6; a negative
     * lower line becomes 0 (qicharts2 {@code qic.t}). Returns sigma on the transformed scale.
     */
    private static double tChart(ChartSpec spec, double[] v, boolean[] use, int from, int to, double[][] lines,
            double[] scratch) {
        // the transformed values, in the chart's scratch buffer (indexed like v)
        final double[] w = scratch;
        for (int i = from; i < to; i++) {
            w[i] = Math.pow(v[i], 1 / T_POWER);
        }
        final double knownCentre = spec.knownCentre();
        final double centre = knownCentre == knownCentre
                ? Math.pow(knownCentre / spec.multiply(), 1 / T_POWER) : Descriptive.mean(w, use, from, to);
        final double sigma = individualsSigma(spec, w, use, from, to);
        final double k = spec.sigmas();
        fill(lines, from, to, k, centre, sigma, -INF, INF);
        if (from < to) {
            for (double[] line : lines) {
                final double x = line[from];
                Arrays.fill(line, from, to, x < 0 ? 0 : Math.pow(x, T_POWER));
            }
        }
        return sigma;
    }

    /**
     * p, np, u and the Laney p' and u' charts. Centre = Σy / Σn over the baseline; binomial or Poisson sigma per
     * point; p limits clamped to [0, 1], np to [0, n], u lower limits to 0 (identical in qicharts2 and qcc).
     * Laney: sigma_i x sigma_z, with sigma_z the average moving range of the baseline z-scores / 1.128
     * (screened as the spec says), or their SD when x is categorical.
     */
    private static double attribute(ChartSpec spec, Columns c, boolean[] use, int from, int to,
            double[][] lines, double[] scratch) {
        final ChartType type = spec.type();
        final double[] value = c.value();
        final double[] size = c.size();
        double sumY = 0;
        double sumN = 0;
        for (int i = from; i < to; i++) {
            if (use[i] && value[i] == value[i] && size[i] == size[i]) {
                sumY += value[i];
                sumN += size[i];
            }
        }
        final boolean binomial = type == ChartType.P || type == ChartType.P_PRIME || type == ChartType.NP;
        // for np a known centre is the proportion p, since the centre line n p varies with n
        final double centre = known(spec.knownCentre(), spec, sumY / sumN);
        double sigmaZ = 1;
        if (type == ChartType.P_PRIME || type == ChartType.U_PRIME) {
            // the z-scores, in the chart's scratch buffer (indexed like v)
            final double[] z = scratch;
            for (int i = from; i < to; i++) {
                z[i] = (c.v()[i] - centre) / Math.sqrt(binomial ? centre * (1 - centre) / size[i] : centre / size[i]);
            }
            if (spec.isCategorical()) {
                sigmaZ = Descriptive.standardDeviation(z, use, from, to);
            } else {
                sigmaZ = MovingRanges.average(z, use, from, to, spec.screensMovingRanges()) / D2;
            }
        }
        final double k = spec.sigmas();
        for (int i = from; i < to; i++) {
            final double n = size[i];
            if (type == ChartType.NP) {
                fill(lines, i, k, n * centre, Math.sqrt(n * centre * (1 - centre)), 0, n);
            } else if (binomial) {
                fill(lines, i, k, centre, Math.sqrt(centre * (1 - centre) / n) * sigmaZ, 0, 1);
            } else {
                fill(lines, i, k, centre, Math.sqrt(centre / n) * sigmaZ, 0, INF);
            }
        }
        return type == ChartType.P_PRIME || type == ChartType.U_PRIME ? sigmaZ : Double.NaN;
    }

    /**
     * qicharts2 g chart: limits from the mean m, m ± k sqrt(m (m + 1)) with the lower lines floored at 0; the
     * centre line drawn is the median of the baseline, or 0.693 x a known centre (Provost and Murray 2011).
     */
    private static double gChart(ChartSpec spec, double[] v, boolean[] use, int from, int to, double[][] lines,
            double[] scratch) {
        final double knownCentre = spec.knownCentre() / spec.multiply();
        final double mean = knownCentre == knownCentre ? knownCentre : Descriptive.mean(v, use, from, to);
        final double sigma = Math.sqrt(mean * (mean + 1));
        final double centre = knownCentre == knownCentre ? G_MEDIAN_FACTOR * knownCentre
                : Descriptive.median(v, use, from, to, scratch);
        final double k = spec.sigmas();
        fill(lines, from, to, k, mean, sigma, 0, INF);
        Arrays.fill(lines[CENTRE], from, to, centre);
        return sigma;
    }

    /**
     * qcc g chart: centre = mean, geometric probability limits qgeom((1 - conf) / 2, 1 / mean) and
     * qgeom(1 - (1 - conf) / 2, 1 / mean) with conf = 2 Φ(k) - 1, zone lines at the coverage of k/3 and 2k/3.
     */
    private static double gProbability(ChartSpec spec, double[] v, boolean[] use, int from, int to,
            double[][] lines) {
        final double mean = known(spec.knownCentre(), spec, Descriptive.mean(v, use, from, to));
        final double p = 1 / mean;
        final double k = spec.sigmas();
        final NormalDistribution normal = NormalDistribution.of(0, 1);
        final double[] tail = {normal.survivalProbability(k), normal.survivalProbability(k / 3),
            normal.survivalProbability(2 * k / 3)};
        final double[] lower = new double[3];
        final double[] upper = new double[3];
        for (int z = 0; z < 3; z++) {
            lower[z] = qgeom(tail[z], p);
            upper[z] = qgeom(1 - tail[z], p);
        }
        for (int i = from; i < to; i++) {
            lines[CENTRE][i] = mean;
            lines[LOWER][i] = lower[0];
            lines[UPPER][i] = upper[0];
            lines[LOWER1][i] = lower[1];
            lines[UPPER1][i] = upper[1];
            lines[LOWER2][i] = lower[2];
            lines[UPPER2][i] = upper[2];
        }
        return Math.sqrt(1 - p) / p;
    }

    /** R's qgeom(q, p): the smallest x >= 0 with 1 - (1 - p)^(x + 1) >= q (with R's 1e-12 fuzz). */
    private static double qgeom(double q, double p) {
        return Math.max(0, Math.ceil(Math.log1p(-q) / Math.log1p(-p) - 1 - 1e-12));
    }

    /**
     * Taylor's I' chart (qicharts2 {@code qic.ip}): centre = Σ(y_i n_i) / Σn_i over the baseline; sigma_i =
     * mean(s) sqrt(1 / n_i) with s_j = sqrt(π/2) |y_j - y_(j-1)| / sqrt(1/n_(j-1) + 1/n_j) over every point of
     * the phase (as qicharts2 does), screened below 3.2665 x mean(s) when screening is on.
     */
    private static double iPrime(ChartSpec spec, Columns c, boolean[] use, int from, int to, double[][] lines) {
        final double[] v = c.v();
        final double[] size = c.size();
        double sumYn = 0;
        double sumN = 0;
        for (int i = from; i < to; i++) {
            if (use[i] && v[i] == v[i] && size[i] == size[i]) {
                sumYn += v[i] * size[i];
                sumN += size[i];
            }
        }
        final double centre = known(spec.knownCentre(), spec, sumYn / sumN);
        double meanS = meanScaledRange(v, size, from, to, INF);
        if (spec.screensMovingRanges()) {
            meanS = meanScaledRange(v, size, from, to, IP_SCREEN * meanS);
        }
        final double k = spec.sigmas();
        for (int i = from; i < to; i++) {
            fill(lines, i, k, centre, meanS * Math.sqrt(1 / size[i]), -INF, INF);
        }
        return meanS;
    }

    private static double meanScaledRange(double[] v, double[] size, int from, int to, double cut) {
        final double factor = Math.sqrt(Math.PI / 2);
        double sum = 0;
        int count = 0;
        for (int i = from + 1; i < to; i++) {
            final double s = factor * Math.abs(v[i] - v[i - 1]) / Math.sqrt(1 / size[i - 1] + 1 / size[i]);
            if (s < cut) {
                sum += s;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * xbar, s and r charts. Without a sigma method the qicharts2 family uses its S-based formulas (centre of the
     * xbar chart Σn x̄ / Σn; sigma = mean s, or the pooled SD when sizes vary within the phase; limits with A3,
     * B3, B4 from exact c4), and qcc's family (and any explicit method) uses qcc's: sigma by UWAVE-R, UWAVE-SD,
     * MVLUE-R, MVLUE-SD or RMSDF over the baseline subgroups; xbar ± k sigma / sqrt(n); S centre Σn s / Σn ±
     * k sigma sqrt(1 - c4²); R centre Σn R / Σn ± k d3(n) sigma; lower limits of S and R floored at 0.
     */
    private static double subgroups(ChartSpec spec, Columns c, boolean[] use, int from, int to,
            double[][] lines, boolean qccFamily) {
        final ChartType type = spec.type();
        final double[] mean = c.value();
        final double[] sd = c.sd();
        final double[] range = c.range();
        final double[] size = c.size();
        final double k = spec.sigmas();
        SigmaMethod method = spec.sigmaMethod();
        if (method == SigmaMethod.MOVING_RANGE || method == SigmaMethod.STANDARD_DEVIATION) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "sigma method %s is for individuals; a %s chart takes uwave-r, uwave-sd, mvlue-r, mvlue-sd "
                            + "or rmsdf", method.id(), type.id()));
        }
        final boolean known = spec.knownSigma() == spec.knownSigma();
        final boolean qicharts = !qccFamily && method == null && !known
                && (type == ChartType.XBAR_S || type == ChartType.S);
        if (qicharts) {
            final double pooled = qichartsSigma(sd, size, use, from, to);
            if (type == ChartType.XBAR_S) {
                final double centre = known(spec.knownCentre(), spec, weightedMean(mean, size, use, from, to));
                for (int i = from; i < to; i++) {
                    fill(lines, i, k, centre, pooled / (Descriptive.c4(size[i]) * Math.sqrt(size[i])), -INF, INF);
                }
            } else {
                final double centre = known(spec.knownCentre(), spec, pooled);
                for (int i = from; i < to; i++) {
                    final double c4 = Descriptive.c4(size[i]);
                    fill(lines, i, k, centre, centre * Math.sqrt(1 - c4 * c4) / c4, 0, INF);
                }
            }
            return pooled;
        }
        if (method == null) {
            method = type == ChartType.XBAR_R || type == ChartType.R ? SigmaMethod.UWAVE_R : SigmaMethod.UWAVE_SD;
        }
        final double sigma = known ? spec.knownSigma() / spec.multiply() : qccSigma(method, sd, range, size, use,
                from, to);
        switch (type) {
            case XBAR_S:
            case XBAR_R: {
                final double centre = known(spec.knownCentre(), spec, weightedMean(mean, size, use, from, to));
                for (int i = from; i < to; i++) {
                    fill(lines, i, k, centre, sigma / Math.sqrt(size[i]), -INF, INF);
                }
                break;
            }
            case S: {
                final double centre = known(spec.knownCentre(), spec, weightedMean(sd, size, use, from, to));
                for (int i = from; i < to; i++) {
                    final double c4 = Descriptive.c4(size[i]);
                    fill(lines, i, k, centre, sigma * Math.sqrt(1 - c4 * c4), 0, INF);
                }
                break;
            }
            default: {
                final double centre = known(spec.knownCentre(), spec, weightedMean(range, size, use, from, to));
                for (int i = from; i < to; i++) {
                    fill(lines, i, k, centre, SpcConstants.qccD3((int) size[i]) * sigma, 0, INF);
                }
                break;
            }
        }
        return sigma;
    }

    /** Σ n_i x_i / Σ n_i over the selected subgroups with a value. */
    private static double weightedMean(double[] x, double[] size, boolean[] use, int from, int to) {
        double sum = 0;
        double weight = 0;
        for (int i = from; i < to; i++) {
            if (use[i] && x[i] == x[i]) {
                sum += size[i] * x[i];
                weight += size[i];
            }
        }
        return sum / weight;
    }

    /**
     * qicharts2's xbar/s sigma before the c4 correction: the mean of the subgroup SDs when every subgroup of the
     * phase has the same size, otherwise the pooled SD sqrt(Σ(n - 1) s² / Σ(n - 1)) (Montgomery 6.29, 6.31).
     */
    private static double qichartsSigma(double[] sd, double[] size, boolean[] use, int from, int to) {
        boolean variable = false;
        for (int i = from + 1; i < to; i++) {
            if (size[i] != size[from]) {
                variable = true;
                break;
            }
        }
        double sum = 0;
        double weight = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!use[i]) {
                continue;
            }
            if (variable) {
                weight += size[i] - 1;
                if (sd[i] == sd[i]) {
                    sum += (size[i] - 1) * sd[i] * sd[i];
                }
            } else if (sd[i] == sd[i]) {
                sum += sd[i];
                count++;
            }
        }
        return variable ? Math.sqrt(sum / weight) : sum / count;
    }

    /**
     * qcc 3.0 {@code sd.xbar} over the selected subgroups of at least two observations (a subgroup of one has
     * no range or SD; qcc refuses it, here it adds nothing to sigma). The estimators are those of
     * {@link SubgroupSigma}, shared with the CUSUM, EWMA and capability calculators.
     */
    private static double qccSigma(SigmaMethod method, double[] sd, double[] range, double[] size, boolean[] use,
            int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            if (use[i] && size[i] >= 2 && (sd[i] == sd[i] || range[i] == range[i])) {
                m++;
            }
        }
        final double[] s = new double[m];
        final double[] r = new double[m];
        final int[] n = new int[m];
        int k = 0;
        for (int i = from; i < to; i++) {
            if (use[i] && size[i] >= 2 && (sd[i] == sd[i] || range[i] == range[i])) {
                s[k] = sd[i];
                r[k] = range[i];
                n[k] = (int) size[i];
                k++;
            }
        }
        switch (method) {
            case UWAVE_R:
                return SubgroupSigma.uwaveR(r, n, 0, m);
            case UWAVE_SD:
                return SubgroupSigma.uwaveSd(s, n, 0, m);
            case MVLUE_R:
                return SubgroupSigma.mvlueR(r, n, 0, m);
            case MVLUE_SD:
                return SubgroupSigma.mvlueSd(s, n, 0, m);
            case RMSDF:
                return SubgroupSigma.rmsdf(s, n, 0, m);
            default:
                throw new IllegalStateException("not a subgroup method: " + method);
        }
    }
}
