package org.shewhart.engine.internal;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Runs tests on the signs of (value - centre) over the useful points of a phase: points a mask selects that are
 * neither missing nor on the centre line. No range checks are performed. No instances.
 */
public final class RunsTests {
    /** Index of the number of useful points in the statistics array. */
    public static final int USEFUL = 0;
    /** Index of the longest run. */
    public static final int LONGEST_RUN = 1;
    /** Index of the number of runs. */
    public static final int RUNS = 2;

    private RunsTests() {
    }

    /**
     * Counts useful points, the longest run and the number of runs.
     *
     * @param v values
     * @param centre centre line per point
     * @param use selection mask (included points)
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param out receives {@code [useful, longestRun, runs]}
     */
    public static void count(double[] v, double[] centre, boolean[] use, int from, int to, int[] out) {
        // 64 points at a time: the sides as two bit masks, then whole words of useful points by popcounts and
        // run scans, words with skipped points (missing, on the line, not selected) point by point
        int useful = 0;
        int runs = 0;
        int longest = 0;
        int current = 0;
        int side = 0;
        for (int base = from; base < to; base += 64) {
            final int count = Math.min(64, to - base);
            long above = 0;
            long below = 0;
            for (int j = 0; j < count; j++) {
                final int i = base + j;
                final double d = v[i] - centre[i];
                final long selected = use[i] ? 1L : 0L;
                above |= ((d > 0 ? 1L : 0L) & selected) << j;
                below |= ((d < 0 ? 1L : 0L) & selected) << j;
            }
            if (count == 64 && (above | below) == -1L) {
                useful += 64;
                final int first = (int) (above & 1L) != 0 ? 1 : -1;
                final long firstSide = first > 0 ? above : below;
                final int lead = Long.numberOfTrailingZeros(~firstSide);
                if (first == side) {
                    current += lead;
                } else {
                    runs++;
                    current = lead;
                }
                if (current > longest) {
                    longest = current;
                }
                if (lead < 64) {
                    // every change of side inside the word starts a run; the longest inside the word by scans
                    runs += Long.bitCount((above ^ above << 1) & ~1L);
                    longest = Math.max(longest, Math.max(longestRun(above), longestRun(below)));
                    side = above < 0 ? 1 : -1;
                    current = Long.numberOfLeadingZeros(~(side > 0 ? above : below));
                } else {
                    side = first;
                }
                continue;
            }
            for (long rest = above | below; rest != 0; rest &= rest - 1) {
                final int j = Long.numberOfTrailingZeros(rest);
                final int s = (above >>> j & 1L) != 0 ? 1 : -1;
                useful++;
                if (s == side) {
                    current++;
                } else {
                    side = s;
                    current = 1;
                    runs++;
                }
                if (current > longest) {
                    longest = current;
                }
            }
        }
        out[USEFUL] = useful;
        out[LONGEST_RUN] = longest;
        out[RUNS] = runs;
    }

    /** The longest run of set bits in a word: one AND per unit of length. */
    private static int longestRun(long w) {
        int length = 0;
        for (long x = w; x != 0; x &= x << 1) {
            length++;
        }
        return length;
    }

    /**
     * Flags the useful points of every run longer than {@code maxRun}.
     */
    public static void flagLongRuns(double[] v, double[] centre, boolean[] use, int from, int to, int maxRun,
            int[] mask, int bit) {
        int side = 0;
        int current = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (!use[i]) {
                continue;
            }
            final double d = v[i] - centre[i];
            final int s = d > 0 ? 1 : d < 0 ? -1 : 0;
            if (s == 0) {
                continue;
            }
            if (s == side) {
                current++;
            } else {
                side = s;
                current = 1;
                start = i;
            }
            if (current > maxRun) {
                if (current == maxRun + 1) {
                    for (int j = start; j < i; j++) {
                        final double dj = v[j] - centre[j];
                        if (use[j] && (side > 0 ? dj > 0 : dj < 0)) {
                            mask[j] |= bit;
                        }
                    }
                }
                mask[i] |= bit;
            }
        }
    }

    /**
     * Flags every useful point of the range (a phase-level signal such as too few crossings).
     */
    public static void flagUseful(double[] v, double[] centre, boolean[] use, int from, int to, int[] mask,
            int bit) {
        for (int i = from; i < to; i++) {
            final double d = v[i] - centre[i];
            if (use[i] && (d > 0 || d < 0)) {
                mask[i] |= bit;
            }
        }
    }

    /**
     * Anhøj's limit for the longest run: round(log2 n) + 3 (Schilling 2012; qicharts2 {@code runs.analysis}).
     * log2 of an integer is never exactly x.5, so the rounding convention does not matter.
     *
     * @param useful number of useful points, at least 1
     * @return the largest run length that is not a signal
     */
    public static int longestRunMax(int useful) {
        return (int) Math.round(Math.log(useful) / Math.log(2)) + 3;
    }

    /**
     * Anhøj's minimum number of crossings: the 5 % quantile of Binomial(n - 1, 1/2), i.e. the smallest c with
     * P(X &lt;= c) &gt;= 0.05 (Chen 2010; R {@code qbinom(0.05, n - 1, 0.5)}). Exact: tabled once for
     * n &lt;= {@value #TABLED} by summing the probability mass function in log space; beyond, the normal
     * approximation gives a start that one to three exact CDF evaluations correct.
     *
     * @param useful number of useful points, at least 1
     * @return the fewest crossings that are not a signal
     */
    public static int crossingsMin(int useful) {
        if (useful <= TABLED) {
            return CrossingsTable.get(useful);
        }
        final int trials = useful - 1;
        final BinomialDistribution b = BinomialDistribution.of(trials, 0.5);
        int c = (int) Math.floor(trials / 2.0 - 1.6448536269514722 * Math.sqrt(trials) / 2);
        while (b.cumulativeProbability(c) < 0.05) {
            c++;
        }
        while (c > 0 && b.cumulativeProbability(c - 1) >= 0.05) {
            c--;
        }
        return c;
    }

    /** Largest number of useful points whose minimum crossings are tabled. */
    static final int TABLED = 4096;

    /**
     * qbinom(0.05, n - 1, 0.5) for n = 0..TABLED, computed on first need up to the next power of two above the
     * largest n asked for (a chart of 50 points builds 64 entries, not 4,097: the whole table costs tens of
     * milliseconds, which a single command should not pay). Thread-safe: the table only grows, under a lock, and is
     * published through a volatile field.
     */
    private static final class CrossingsTable {
        private static volatile int[] min = new int[1];

        private CrossingsTable() {
        }

        static int get(int n) {
            final int[] t = min;
            return n < t.length ? t[n] : grow(n)[n];
        }

        private static synchronized int[] grow(int n) {
            final int[] old = min;
            if (n < old.length) {
                return old;
            }
            final int size = Math.min(TABLED + 1, Integer.highestOneBit(n) << 1);
            final int[] t = Arrays.copyOf(old, Math.max(size, n + 1));
            for (int k = old.length; k < t.length; k++) {
                final int trials = k - 1;
                // log P(X = 0) = -trials ln 2; P(X = j + 1) = P(X = j) (trials - j) / (j + 1)
                double logPmf = -trials * Math.log(2);
                double cumulative = Math.exp(logPmf);
                int c = 0;
                while (cumulative < 0.05) {
                    logPmf += Math.log((double) (trials - c) / (c + 1));
                    c++;
                    cumulative += Math.exp(logPmf);
                }
                t[k] = c;
            }
            min = t;
            return t;
        }
    }

    /**
     * The IHI run chart's range of expected runs for {@code useful} points: too few runs if fewer than the
     * returned lower bound, too many if more than the upper bound. Computed from the exact distribution of the
     * number of runs (Swed and Eisenhart 1943) with the points split as evenly as possible above and below the
     * median, {@code n1 = floor(n / 2)}, {@code n2 = ceil(n / 2)}, at 5 % in each tail: the lower bound is the
     * largest r with P(R &lt;= r) &lt;= 0.05 and the upper the smallest r with P(R &gt;= r) &lt;= 0.05. This is
     * the construction behind the runs table of Perla, Provost and Murray (2011).
     *
     * @param useful number of useful points
     * @param out receives {@code [lower, upper]}; both -1 below 2 points
     */
    public static void expectedRuns(int useful, int[] out) {
        if (useful < 2) {
            out[0] = -1;
            out[1] = -1;
            return;
        }
        final int n1 = useful / 2;
        final int n2 = useful - n1;
        final double logTotal = logChoose(useful, n1);
        // lower tail: P(R = r) from r = 2 upwards until the tail passes 5 %; O(lower bound) log-gamma calls
        double cumulative = 0;
        int lower = 1;
        for (int r = 2; r <= useful; r++) {
            cumulative += probabilityOfRuns(r, n1, n2, logTotal);
            if (cumulative <= 0.05) {
                lower = r;
            } else {
                break;
            }
        }
        // upper tail, from the largest possible number of runs downwards
        cumulative = 0;
        int upper = useful + 1;
        for (int r = 2 * Math.min(n1, n2) + (n1 == n2 ? 0 : 1); r >= 2; r--) {
            cumulative += probabilityOfRuns(r, n1, n2, logTotal);
            if (cumulative <= 0.05) {
                upper = r;
            } else {
                break;
            }
        }
        out[0] = lower;
        out[1] = upper;
    }

    /** P(R = r) for n1 and n2 points of each kind, Swed and Eisenhart (1943). */
    private static double probabilityOfRuns(int r, int n1, int n2, double logTotal) {
        if ((r & 1) == 0) {
            final int k = r / 2;
            return 2 * Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k - 1) - logTotal);
        }
        final int k = (r - 1) / 2;
        return Math.exp(logChoose(n1 - 1, k) + logChoose(n2 - 1, k - 1) - logTotal)
                + Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k) - logTotal);
    }

    /** log C(n, k); negative infinity when the coefficient is zero. */
    private static double logChoose(int n, int k) {
        if (k < 0 || k > n || n < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
    }
}
