package org.shewhart.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.Series;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.internal.SeriesGenerator;

/**
 * One seeded case of the live-chart properties: a random spec (chart type, profile, baseline, known values,
 * multiplier, direction, target, phases, exclusions, rule lengths) and a random series of values and denominators
 * valid for it (ties, missing values, zeros, planted shifts, trends, alternation, spikes), plus the reference: the
 * engine's full recompute of a prefix. Every case comes from one seed, printed on failure.
 */
final class LiveCase {
    /** The chart types a live chart takes (every one but the subgroup charts), weighted to the common ones. */
    private static final ChartType[] TYPES = {ChartType.XMR, ChartType.XMR, ChartType.XMR, ChartType.RUN,
        ChartType.RUN, ChartType.P, ChartType.P, ChartType.U, ChartType.U, ChartType.C, ChartType.C, ChartType.NP,
        ChartType.NP, ChartType.MR, ChartType.G, ChartType.T, ChartType.P_PRIME, ChartType.U_PRIME,
        ChartType.I_PRIME};

    final long seed;
    final ChartSpec spec;
    final double[] values;
    final double[] sizes;

    private LiveCase(long seed, ChartSpec spec, double[] values, double[] sizes) {
        this.seed = seed;
        this.spec = spec;
        this.values = values;
        this.sizes = sizes;
    }

    /**
     * A random case.
     *
     * @param seed the case seed
     * @param length the number of points
     * @param frozenShare probability that the spec freezes its limits (a baseline, or known values)
     * @return the case
     */
    static LiveCase random(long seed, int length, double frozenShare) {
        final SeriesGenerator gen = SeriesGenerator.forSeed(seed);
        final double[] y = gen.series(length, true);
        final SplittableRandom r = gen.random();
        final ChartType type = TYPES[r.nextInt(TYPES.length)];
        final RuleProfile profile = RuleProfile.values()[r.nextInt(RuleProfile.values().length)];
        final double[] n = sizes(type, y, r);
        final double[] values = values(type, y, n, r);
        final ChartSpec.Builder b = ChartSpec.builder(type).profile(profile)
                .improvement(Improvement.values()[r.nextInt(3)]);
        if (r.nextDouble() < frozenShare) {
            if (r.nextInt(4) == 0) {
                known(b, type, r);
            } else {
                b.baseline(r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1 + r.nextInt(Math.max(1, Math.min(30, length))));
            }
        }
        if (r.nextInt(5) == 0) {
            b.multiply(new double[] {100, 0.5, 3, 1000}[r.nextInt(4)]);
        }
        if (r.nextInt(3) == 0) {
            b.target(r.nextInt(-20, 21) * 0.5);
        }
        if (r.nextInt(4) == 0) {
            final int[] starts = new int[1 + r.nextInt(3)];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = 1 + r.nextInt(length + 10);
            }
            b.phaseStarts(starts);
        }
        if (r.nextInt(6) == 0) {
            final int[] ex = new int[1 + r.nextInt(4)];
            for (int k = 0; k < ex.length; k++) {
                ex[k] = r.nextInt(length + 5);
            }
            b.exclude(ex);
        }
        if (r.nextInt(10) == 0) {
            b.shiftLength(2 + r.nextInt(8));
        }
        if (r.nextInt(10) == 0) {
            b.trendLength(3 + r.nextInt(6));
        }
        if (r.nextInt(20) == 0) {
            b.categorical(true);
        }
        if (r.nextInt(10) == 0) {
            b.sigmas(new double[] {2, 2.5, 1}[r.nextInt(3)]);
        }
        if (r.nextInt(12) == 0) {
            b.screenMovingRanges(r.nextBoolean());
        }
        return new LiveCase(seed, b.build(), values, n);
    }

    private static void known(ChartSpec.Builder b, ChartType type, SplittableRandom r) {
        switch (type) {
            case P:
            case NP:
                b.knownCentre(0.05 + 0.9 * r.nextInt(20) / 20);
                break;
            case C:
            case U:
            case G:
            case MR:
                b.knownCentre(0.5 + r.nextInt(10));
                break;
            case XMR:
                b.knownCentre(r.nextInt(-5, 6) * 0.5);
                if (r.nextBoolean()) {
                    b.knownSigma(0.25 + r.nextInt(12) * 0.25);
                }
                break;
            default:
                b.knownCentre(r.nextInt(-5, 6) * 0.5);
                break;
        }
    }

    /** Denominators: null for plain values, else per point, with zeros and missing ones. */
    private static double[] sizes(ChartType type, double[] y, SplittableRandom r) {
        final boolean need = type.needsSizes();
        final boolean optional = type == ChartType.RUN || type == ChartType.XMR || type == ChartType.MR
                || type == ChartType.C;
        if (!need && !(optional && r.nextInt(6) == 0)) {
            return null;
        }
        final double[] n = new double[y.length];
        final boolean equal = type == ChartType.C || r.nextInt(3) == 0;
        final double constant = 1 + r.nextInt(40);
        for (int i = 0; i < n.length; i++) {
            if (equal) {
                n[i] = constant;
            } else {
                final int k = r.nextInt(40);
                n[i] = k == 0 ? 0 : k == 1 ? Double.NaN : 1 + r.nextInt(k);
            }
        }
        return n;
    }

    /** Values valid for the chart, keeping the shape (ties, patterns, gaps) of the generated series. */
    private static double[] values(ChartType type, double[] y, double[] n, SplittableRandom r) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : y) {
            if (x == x) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        final double span = max > min ? max - min : 1;
        final double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            final double x = y[i];
            if (x != x) {
                out[i] = Double.NaN;
                continue;
            }
            switch (type) {
                case P:
                case NP:
                case P_PRIME: {
                    final double size = n[i];
                    // a proportion of the denominator, rounded to a count no larger than it
                    out[i] = size == size && size > 0 ? Math.rint((x - min) / span * size) : r.nextInt(3);
                    break;
                }
                case C:
                case U:
                case U_PRIME:
                case G:
                    out[i] = Math.rint(x - min);
                    break;
                case T:
                    out[i] = x - min + 0.25;
                    break;
                default:
                    out[i] = x;
                    break;
            }
        }
        return out;
    }

    /** The spec as the engine takes it for the first {@code n} points: phase starts and exclusions beyond dropped. */
    ChartSpec specFor(int n) {
        return spec.toBuilder().phaseStarts(Arrays.stream(spec.phaseStarts()).filter(i -> i < n).toArray())
                .exclude(Arrays.stream(spec.excluded()).filter(i -> i < n).toArray()).build();
    }

    /** The engine's chart of the first {@code n} points, or null if the engine refuses them. */
    ChartResult reference(int n) {
        final double[] y = Arrays.copyOf(values, n);
        final Series series = sizes == null ? Series.of(y) : Series.of(y, Arrays.copyOf(sizes, n));
        try {
            return specFor(n).compute(series);
        } catch (SpcInputException e) {
            return null;
        }
    }

    /** Appends point i. */
    void append(LiveChart live, int i) {
        if (sizes == null) {
            live.append(values[i]);
        } else {
            live.append(values[i], sizes[i]);
        }
    }

    String describe(int n) {
        return "seed " + seed + " (" + spec.type().id() + ", " + spec.profile().id() + ", baseline "
                + spec.baseline() + ", cl " + spec.knownCentre() + ", sigma " + spec.knownSigma() + ", x"
                + spec.multiply() + ", phases " + Arrays.toString(spec.phaseStarts()) + ", excluded "
                + Arrays.toString(spec.excluded()) + ") after " + n + " points: y = "
                + SeriesGenerator.java(Arrays.copyOf(values, n))
                + (sizes == null ? "" : ", n = " + SeriesGenerator.java(Arrays.copyOf(sizes, n)));
    }

    /**
     * Asserts that the live chart equals the engine's recompute of the same points in everything a
     * {@code ChartResult} reports: per point the value, lines, rule mask, type, phase and flags; the phases with
     * their runs analyses; the signals; variation and assurance. {@code points} limits the per-point comparison to
     * the last points (all if negative).
     */
    void assertEqualsReference(LiveChart live, int points) {
        final int n = live.size();
        final ChartResult ref = reference(n);
        final String where = describe(n);
        if (ref == null) {
            assertThrows(SpcInputException.class, live::toResult, where);
            // still readable
            live.typeAt(n - 1);
            live.signals();
            live.phases();
            return;
        }
        assertEquals(ref.size(), n, where);
        final int from = points < 0 ? 0 : Math.max(0, n - points);
        for (int i = from; i < n; i++) {
            final String at = where + ", point " + i;
            assertEquals(ref.valueAt(i), live.valueAt(i), at);
            assertEquals(ref.centreAt(i), live.centreAt(i), at);
            assertEquals(ref.lowerLimitAt(i), live.lowerLimitAt(i), at);
            assertEquals(ref.upperLimitAt(i), live.upperLimitAt(i), at);
            assertEquals(ref.lowerZoneAt(i, 1), live.lowerZoneAt(i, 1), at);
            assertEquals(ref.upperZoneAt(i, 1), live.upperZoneAt(i, 1), at);
            assertEquals(ref.lowerZoneAt(i, 2), live.lowerZoneAt(i, 2), at);
            assertEquals(ref.upperZoneAt(i, 2), live.upperZoneAt(i, 2), at);
            assertEquals(ref.rulesOf(i), live.rulesOf(i), at);
            assertEquals(ref.typeAt(i), live.typeAt(i), at);
            assertEquals(ref.phaseAt(i), live.phaseAt(i), at);
            assertEquals(ref.isBaseline(i), live.isBaseline(i), at);
            assertEquals(ref.isExcluded(i), live.isExcluded(i), at);
        }
        assertEquals(ref.phases(), live.phases(), where);
        assertEquals(ref.signals(), live.signals(), where);
        assertEquals(ref.variation(), live.variation(), where);
        assertEquals(ref.assurance(), live.assurance(), where);
        final List<Signal> latest = new ArrayList<>();
        for (Signal s : ref.signals()) {
            if (s.last() == n - 1) {
                latest.add(s);
            }
        }
        assertEquals(latest, live.latestSignals(), where);
        for (Signal s : live.latestSignals()) {
            assertTrue(s.rule() != null && s.last() == n - 1, where);
        }
        if (n > 0 && ref.rulesAt(n - 1) != 0) {
            assertTrue(live.rulesAt(n - 1) != 0 || !ref.isFlagged(n - 1, Rule.OUTSIDE_LIMITS), where);
        }
    }
}
