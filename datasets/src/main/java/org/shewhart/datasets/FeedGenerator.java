package org.shewhart.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded synthetic long feed {@code series,x,y} with planted signals, for testing and benchmarking a scan of many
 * series. Each series has its own mean (uniform in [20, 200)) and sigma (2 % to 10 % of the mean), and
 * independent normal values written with two decimals. For exactly {@code round(shiftRate x series)} series,
 * chosen at random, every value from a random point in the middle half of the series on is raised by
 * {@code shiftSigmas x sigma}: a sustained step shift. The same seed and settings give the same bytes.
 *
 * <p>x is an ISO date ({@code yyyy-mm-dd}) stepping by a week or a month from the start date. Rows are written
 * either series by series ({@link Layout#SERIES}) or time by time, every series at the first x, then every series
 * at the second ({@link Layout#TIME}: series interleaved, as most exports are). Memory is constant in the number of
 * points: O(series) for the per-series parameters.
 *
 * <p>Instances are immutable and thread-safe; each write starts the random stream afresh from the seed.
 */
public final class FeedGenerator {
    /** How rows are ordered in the feed. */
    public enum Layout {
        /** All points of the first series, then all of the second, ... */
        SERIES,
        /** Every series at the first x, then every series at the second x, ... (interleaved). */
        TIME
    }

    /** The step between consecutive x. */
    public enum Period {
        /** Seven days. */
        WEEK,
        /** One calendar month. */
        MONTH
    }

    private final int series;
    private final int points;
    private final double shiftRate;
    private final double shiftSigmas;
    private final long seed;
    private final LocalDate start;
    private final Period period;
    private final Layout layout;

    /**
     * Creates a generator.
     *
     * @param series number of series, at least 1
     * @param points points per series, at least 2
     * @param shiftRate fraction of series with a planted shift, in [0, 1]
     * @param shiftSigmas size of the shift in the series' sigmas (may be negative)
     * @param seed random seed
     * @param start first x
     * @param period step between x
     * @param layout row order
     * @throws IllegalArgumentException if a count or the rate is out of range
     */
    public FeedGenerator(int series, int points, double shiftRate, double shiftSigmas, long seed, LocalDate start,
            Period period, Layout layout) {
        if (series < 1 || points < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need at least 1 series and 2 points, got %d series and %d points", series, points));
        }
        if (!(shiftRate >= 0 && shiftRate <= 1)) {
            throw new IllegalArgumentException("shift rate must be in [0, 1], got " + shiftRate);
        }
        if (!Double.isFinite(shiftSigmas)) {
            throw new IllegalArgumentException("shift size must be finite, got " + shiftSigmas);
        }
        this.series = series;
        this.points = points;
        this.shiftRate = shiftRate;
        this.shiftSigmas = shiftSigmas;
        this.seed = seed;
        this.start = Objects.requireNonNull(start, "start");
        this.period = Objects.requireNonNull(period, "period");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * The key of a series as written in the feed.
     *
     * @param index 0-based series index
     * @return e.g. {@code S0000042}
     */
    public static String seriesName(int index) {
        return String.format(Locale.ROOT, "S%07d", index + 1);
    }

    /**
     * The x of a point.
     *
     * @param point 0-based point index
     * @return the date
     */
    public LocalDate x(int point) {
        return period == Period.WEEK ? start.plusWeeks(point) : start.plusMonths(point);
    }

    /**
     * Writes the feed as UTF-8 CSV with the header {@code series,x,y} and LF line ends. Does not close the stream.
     *
     * @param feed where the feed goes
     * @param truth where the planted shifts go, or {@code null}: {@code series,mean,sigma,shift_sigmas,
     *     first_shifted_point,first_shifted_x} for every series (point 1-based; empty shift cells for a series
     *     without a shift)
     * @throws IOException if writing fails
     */
    public void write(OutputStream feed, OutputStream truth) throws IOException {
        final SplittableRandom rng = new SplittableRandom(seed);
        final double[] mean = new double[series];
        final double[] sigma = new double[series];
        final int[] shiftAt = new int[series];
        final SplittableRandom[] streams = new SplittableRandom[series];
        int toShift = (int) Math.round(shiftRate * series);
        for (int s = 0; s < series; s++) {
            mean[s] = 20 + 180 * rng.nextDouble();
            sigma[s] = mean[s] * (0.02 + 0.08 * rng.nextDouble());
            // selection sampling (Knuth 3.4.2 algorithm S): exactly toShift series, uniformly chosen
            final boolean shifted = rng.nextDouble() * (series - s) < toShift;
            if (shifted) {
                toShift--;
            }
            // the shift starts in the middle half, so both sides have at least a quarter of the points
            final int lo = points / 4;
            final int hi = Math.max(lo + 1, points - points / 4);
            shiftAt[s] = shifted ? lo + rng.nextInt(hi - lo) : -1;
            streams[s] = rng.split();
        }
        final LocalDate[] xs = new LocalDate[points];
        final byte[][] xBytes = new byte[points][];
        for (int p = 0; p < points; p++) {
            xs[p] = x(p);
            xBytes[p] = xs[p].toString().getBytes(StandardCharsets.US_ASCII);
        }
        final byte[][] names = new byte[series][];
        for (int s = 0; s < series; s++) {
            names[s] = seriesName(s).getBytes(StandardCharsets.US_ASCII);
        }
        final Buffer out = new Buffer(feed);
        out.ascii("series,x,y\n");
        if (layout == Layout.SERIES) {
            for (int s = 0; s < series; s++) {
                for (int p = 0; p < points; p++) {
                    row(out, names[s], xBytes[p], value(streams[s], mean[s], sigma[s], shiftAt[s], p));
                }
            }
        } else {
            // values are drawn from each series' own stream in point order, so both layouts hold the same rows
            for (int p = 0; p < points; p++) {
                for (int s = 0; s < series; s++) {
                    row(out, names[s], xBytes[p], value(streams[s], mean[s], sigma[s], shiftAt[s], p));
                }
            }
        }
        out.flush();
        if (truth != null) {
            final Buffer t = new Buffer(truth);
            t.ascii("series,mean,sigma,shift_sigmas,first_shifted_point,first_shifted_x\n");
            for (int s = 0; s < series; s++) {
                t.ascii(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s\n", seriesName(s), mean[s], sigma[s],
                        shiftAt[s] < 0 ? "" : Double.toString(shiftSigmas),
                        shiftAt[s] < 0 ? "" : Integer.toString(shiftAt[s] + 1),
                        shiftAt[s] < 0 ? "" : xs[shiftAt[s]].toString()));
            }
            t.flush();
        }
    }

    private double value(SplittableRandom r, double mean, double sigma, int shiftAt, int p) {
        final double v = mean + sigma * gaussian(r);
        return shiftAt >= 0 && p >= shiftAt ? v + shiftSigmas * sigma : v;
    }

    /** A standard normal deviate by the Marsaglia polar method (SplittableRandom has no nextGaussian in 17). */
    private static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    private static void row(Buffer out, byte[] name, byte[] x, double y) throws IOException {
        out.bytes(name);
        out.put(',');
        out.bytes(x);
        out.put(',');
        out.hundredths(Math.round(y * 100));
        out.put('\n');
    }

    /** A small write buffer with a fixed-point number writer (String.format would dominate the run time). */
    private static final class Buffer {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Buffer(OutputStream out) {
            this.out = Objects.requireNonNull(out, "out");
        }

        void put(char c) throws IOException {
            if (pos == buf.length) {
                drain();
            }
            buf[pos++] = (byte) c;
        }

        void bytes(byte[] b) throws IOException {
            if (pos + b.length > buf.length) {
                drain();
                if (b.length > buf.length) {
                    out.write(b);
                    return;
                }
            }
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void ascii(String s) throws IOException {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        /** Writes v / 100 with exactly two decimals, e.g. 12345 as 123.45 and -5 as -0.05. */
        void hundredths(long v) throws IOException {
            if (v < 0) {
                put('-');
                v = -v;
            }
            final String whole = Long.toString(v / 100);
            ascii(whole);
            put('.');
            final int frac = (int) (v % 100);
            put((char) ('0' + frac / 10));
            put((char) ('0' + frac % 10));
        }

        void drain() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        void flush() throws IOException {
            drain();
            out.flush();
        }
    }
}
