package org.shewhart.engine.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded random series for the property tests: lengths 0..3 and up to about 200, values drawn from small sets so
 * that exact ties (with each other, with the centre line and with the zone lines) happen, missing values, constant
 * series and planted patterns (runs on one side, trends with and without ties, alternation, stratification,
 * mixture). Every series comes from one {@code long} seed, so a failure is reproduced by {@link #forSeed(long)}.
 *
 * <p>All values are multiples of 1/4 with magnitudes below 2<sup>20</sup>, so sums, differences and power-of-two
 * scalings of them are exact in double precision. Not thread-safe; create one per test case.
 */
public final class SeriesGenerator {
    /** Base seed of every property test unless {@code -Dshewhart.seed=...} overrides it. */
    public static final long BASE_SEED = Long.getLong("shewhart.seed", 0x5EED_5E7L);

    private final SplittableRandom random;
    private final long seed;

    private SeriesGenerator(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * The generator of one test case.
     *
     * @param seed the case seed printed by a failing test
     * @return a generator in its initial state
     */
    public static SeriesGenerator forSeed(long seed) {
        return new SeriesGenerator(seed);
    }

    /**
     * The case seeds of a property: {@code count} seeds derived from {@link #BASE_SEED} and the property's name,
     * so that properties do not share series and each case can be rerun alone.
     *
     * @param property a name unique to the property
     * @param count number of cases ({@code -Dshewhart.cases.factor=k} multiplies it)
     * @return the seeds
     */
    public static long[] caseSeeds(String property, int count) {
        final int factor = Integer.getInteger("shewhart.cases.factor", 1);
        final SplittableRandom master = new SplittableRandom(BASE_SEED ^ property.hashCode() * 0x9E3779B97F4A7C15L);
        final long[] seeds = new long[count * factor];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = master.nextLong();
        }
        return seeds;
    }

    /**
     * The seed this generator was created with.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The underlying random source, for test-specific choices (drawn after the series, so they do not change it).
     *
     * @return the random source
     */
    public SplittableRandom random() {
        return random;
    }

    /**
     * A random length: 0..3 in about one case in eight, otherwise mostly short (4..40) and sometimes up to 200.
     *
     * @return the length
     */
    public int length() {
        final int kind = random.nextInt(8);
        if (kind == 0) {
            return random.nextInt(4);
        }
        if (kind <= 4) {
            return 4 + random.nextInt(37);
        }
        return 4 + random.nextInt(197);
    }

    /**
     * A random series of a random length, possibly with missing values.
     *
     * @return the values (NaN = missing)
     */
    public double[] series() {
        return series(length(), true);
    }

    /**
     * A random series.
     *
     * @param n length
     * @param missing whether NaN values may be inserted
     * @return the values
     */
    public double[] series(int n, boolean missing) {
        final double[] y = new double[n];
        final int style = random.nextInt(7);
        switch (style) {
            case 0: {
                // a tiny integer alphabet: ties with each other and with the median are frequent
                final int k = 2 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    y[i] = random.nextInt(k);
                }
                break;
            }
            case 1:
                for (int i = 0; i < n; i++) {
                    y[i] = random.nextInt(-10, 11);
                }
                break;
            case 2: {
                // roughly normal, rounded to quarters
                final double mean = random.nextInt(-50, 51);
                final double sd = 1 + random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    y[i] = Math.rint(4 * (mean + sd * gaussian())) / 4;
                }
                break;
            }
            case 3:
                Arrays.fill(y, random.nextInt(-5, 6) * 0.5);
                break;
            case 4:
                for (int i = 0; i < n; i++) {
                    y[i] = random.nextInt(-6, 7) * 0.5;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    y[i] = random.nextInt(-3, 4);
                }
                plant(y);
                break;
        }
        if (missing && n > 0) {
            final int kind = random.nextInt(4);
            final double p = kind == 0 ? 0.2 : kind == 1 ? 0.05 : 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    y[i] = Double.NaN;
                }
            }
        }
        return y;
    }

    /** Plants one to three patterns of random kind and length at random places. */
    private void plant(double[] y) {
        final int n = y.length;
        if (n < 3) {
            return;
        }
        final int patterns = 1 + random.nextInt(3);
        for (int p = 0; p < patterns; p++) {
            final int len = Math.min(n, 3 + random.nextInt(18));
            final int at = random.nextInt(n - len + 1);
            final int sign = random.nextBoolean() ? 1 : -1;
            switch (random.nextInt(6)) {
                case 0:
                    // a run on one side of zero
                    for (int i = at; i < at + len; i++) {
                        y[i] = sign * (1 + random.nextInt(4));
                    }
                    break;
                case 1: {
                    // a trend, sometimes with a tie or a step back inside
                    double x = random.nextInt(-5, 6);
                    for (int i = at; i < at + len; i++) {
                        y[i] = x;
                        final int r = random.nextInt(10);
                        x += r == 0 ? 0 : r == 1 ? -sign : sign * (1 + random.nextInt(2)) * 0.5;
                    }
                    break;
                }
                case 2: {
                    // alternating up and down
                    final double mid = random.nextInt(-2, 3);
                    for (int i = at; i < at + len; i++) {
                        final double amp = 1 + random.nextInt(3);
                        y[i] = ((i - at) & 1) == 0 ? mid + sign * amp : mid - sign * amp;
                    }
                    break;
                }
                case 3:
                    // stratification: hugging the centre
                    for (int i = at; i < at + len; i++) {
                        y[i] = random.nextInt(-1, 2) * 0.25;
                    }
                    break;
                case 4:
                    // mixture: far from the centre on both sides
                    for (int i = at; i < at + len; i++) {
                        y[i] = (random.nextBoolean() ? 1 : -1) * (4 + random.nextInt(4));
                    }
                    break;
                default:
                    // a spike beyond any limit
                    y[at] = sign * 40;
                    break;
            }
        }
    }

    /** A standard normal variate (Box-Muller; only used to shape test data). */
    private double gaussian() {
        final double u = 1 - random.nextDouble();
        final double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Centre, 1σ, 2σ and 3σ lines for a series, in the layout {@code [centre, lower, upper, lower1, upper1, lower2,
     * upper2]}. The centre is often a value of the series (exact ties), sigma a multiple of 1/4 (ties with the zone
     * lines), constant or varying per point (variable limits), sometimes zero, sometimes missing (no limits) and
     * sometimes missing at a few points only.
     *
     * @param y the series
     * @return seven lines of {@code y.length} points
     */
    public double[][] lines(double[] y) {
        final int n = y.length;
        final double[][] lines = new double[7][n];
        final double c0 = centreFor(y);
        final int centreKind = random.nextInt(4);
        final int sigmaKind = random.nextInt(6);
        final double s0 = random.nextInt(0, 9) * 0.25;
        double c = c0;
        double s = s0;
        for (int i = 0; i < n; i++) {
            if (centreKind == 0 && random.nextInt(10) == 0) {
                // piecewise constant centre, as with phases
                c = centreFor(y);
            } else if (centreKind == 1) {
                c = c0 + random.nextInt(-2, 3) * 0.5;
            }
            if (sigmaKind == 0) {
                s = 0.25 * (1 + random.nextInt(8));
            } else if (sigmaKind == 1 && random.nextInt(8) == 0) {
                s = 0.25 * random.nextInt(9);
            }
            final boolean noLimits = sigmaKind == 2 || (sigmaKind == 3 && random.nextInt(10) == 0);
            final boolean noCentre = centreKind == 3 && random.nextInt(12) == 0;
            final double sig = noLimits ? Double.NaN : s;
            final double cl = noCentre ? Double.NaN : c;
            lines[0][i] = cl;
            for (int k = 1; k <= 3; k++) {
                // k = 3: limits (rows 1, 2); k = 1: rows 3, 4; k = 2: rows 5, 6
                final int row = k == 3 ? 1 : 2 * k + 1;
                lines[row][i] = cl - k * sig;
                lines[row + 1][i] = cl + k * sig;
            }
        }
        return lines;
    }

    private double centreFor(double[] y) {
        final int kind = random.nextInt(3);
        if (kind == 0 && y.length > 0) {
            final double v = y[random.nextInt(y.length)];
            if (v == v) {
                return v;
            }
        }
        if (kind == 1) {
            return random.nextInt(-2, 3);
        }
        return random.nextInt(-8, 9) * 0.25;
    }

    /**
     * A selection mask: all true, or with about a tenth of the points (sometimes none) unselected.
     *
     * @param n length
     * @return the mask
     */
    public boolean[] use(int n) {
        final boolean[] use = new boolean[n];
        final double p = random.nextInt(3) == 0 ? 0 : 0.1;
        for (int i = 0; i < n; i++) {
            use[i] = random.nextDouble() >= p;
        }
        return use;
    }

    /**
     * Writes doubles so that they can be pasted back into Java source exactly ({@code Double.toString} is
     * round-trip exact), NaN as {@code NaN}.
     *
     * @param v values
     * @return e.g. {@code {1.0, NaN, 2.5}}
     */
    public static String java(double[] v) {
        final StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i] != v[i] ? "NaN" : Double.toString(v[i]));
        }
        return sb.append('}').toString();
    }
}
