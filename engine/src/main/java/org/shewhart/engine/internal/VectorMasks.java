package org.shewhart.engine.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The comparison masks of {@link BitRules} built with the Vector API ({@code jdk.incubator.vector}): each compare of
 * a whole vector of points gives its lanes' bits at once, ORed into place in the 64-point word (in a full word, as
 * each lane's bit of a vector of words, the lanes ORed together once per word; elsewhere by
 * {@code VectorMask.toLong} and a shift). The bits are exactly those of the scalar masks in {@link BitRules}: the
 * same strict and non-strict comparisons, NaN comparing false, the step up or down of a point against the point
 * before it (the previous word's last point, none at the start of the phase), and the points past a vector multiple
 * of a short last word compared one by one as the scalar code does. {@code VectorMasksTest} checks this on
 * thousands of random series.
 *
 * <p>Only {@link BitRules} refers to this class, and only once it has found the incubator module in the boot layer
 * on JDK 21 or later ({@link BitRules#VECTOR_MASKS}); on JDK 17, or without {@code --add-modules
 * jdk.incubator.vector}, it is never loaded. No instances; no range checks.
 */
final class VectorMasks {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int INT_LANES = INTS.length();
    private static final VectorSpecies<Long> LONGS = SPECIES.withLanes(long.class);
    /** Bit k set in element k: lane l of the vector from element j holds the bit of point j + l in a word. */
    private static final long[] BIT = new long[64];

    static {
        for (int k = 0; k < 64; k++) {
            BIT[k] = 1L << k;
        }
    }

    private VectorMasks() {
    }

    /**
     * The number of lanes of the preferred species: loads this class, so a missing module shows here.
     *
     * @return doubles per vector
     */
    static int lanes() {
        return LANES;
    }

    /**
     * As the scalar masks with lines that are the same at every point: bit j of each mask for point base + j, within
     * 1σ left to the caller. {@code previous} is the point before {@code base} in the phase, NaN at its start.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    static void masks(double[] v, int base, int count, double previous, double centre, double lower, double upper,
            double lower1, double upper1, double lower2, double upper2, long[] m) {
        if (count == 64 && previous == previous) {
            fullWord(v, base, centre, lower, upper, lower1, upper1, lower2, upper2, m);
            return;
        }
        final DoubleVector vCentre = DoubleVector.broadcast(SPECIES, centre);
        final DoubleVector vLower = DoubleVector.broadcast(SPECIES, lower);
        final DoubleVector vUpper = DoubleVector.broadcast(SPECIES, upper);
        final DoubleVector vLower1 = DoubleVector.broadcast(SPECIES, lower1);
        final DoubleVector vUpper1 = DoubleVector.broadcast(SPECIES, upper1);
        final DoubleVector vLower2 = DoubleVector.broadcast(SPECIES, lower2);
        final DoubleVector vUpper2 = DoubleVector.broadcast(SPECIES, upper2);
        long out = 0;
        long above = 0;
        long below = 0;
        long up = 0;
        long down = 0;
        long above1 = 0;
        long below1 = 0;
        long above2 = 0;
        long below2 = 0;
        long value = 0;
        final int whole = count - count % LANES;
        int j = 0;
        if (whole > 0 && !(previous == previous)) {
            // the first vector of a phase, or after a missing point: v[base - 1] may lie outside the phase or the
            // array, and a step from NaN is neither up nor down, so the first lane's steps come out 0 either way
            final DoubleVector x = DoubleVector.fromArray(SPECIES, v, base);
            out |= x.compare(VectorOperators.GT, vUpper).or(x.compare(VectorOperators.LT, vLower)).toLong();
            above |= x.compare(VectorOperators.GT, vCentre).toLong();
            below |= x.compare(VectorOperators.LT, vCentre).toLong();
            above1 |= x.compare(VectorOperators.GT, vUpper1).toLong();
            below1 |= x.compare(VectorOperators.LT, vLower1).toLong();
            above2 |= x.compare(VectorOperators.GT, vUpper2).toLong();
            below2 |= x.compare(VectorOperators.LT, vLower2).toLong();
            value |= x.compare(VectorOperators.EQ, x).toLong();
            double p = previous;
            for (int k = 0; k < LANES; k++) {
                final double y = v[base + k];
                up |= (y > p ? 1L : 0L) << k;
                down |= (y < p ? 1L : 0L) << k;
                p = y;
            }
            j = LANES;
        }
        for (; j < whole; j += LANES) {
            final int i = base + j;
            final DoubleVector x = DoubleVector.fromArray(SPECIES, v, i);
            // v[i - 1] is the previous point: in this word, or the previous word's last (previous is not NaN)
            final DoubleVector p = DoubleVector.fromArray(SPECIES, v, i - 1);
            out |= x.compare(VectorOperators.GT, vUpper).or(x.compare(VectorOperators.LT, vLower)).toLong() << j;
            above |= x.compare(VectorOperators.GT, vCentre).toLong() << j;
            below |= x.compare(VectorOperators.LT, vCentre).toLong() << j;
            up |= x.compare(VectorOperators.GT, p).toLong() << j;
            down |= x.compare(VectorOperators.LT, p).toLong() << j;
            above1 |= x.compare(VectorOperators.GT, vUpper1).toLong() << j;
            below1 |= x.compare(VectorOperators.LT, vLower1).toLong() << j;
            above2 |= x.compare(VectorOperators.GT, vUpper2).toLong() << j;
            below2 |= x.compare(VectorOperators.LT, vLower2).toLong() << j;
            value |= x.compare(VectorOperators.EQ, x).toLong() << j;
        }
        // the tail of a short last word, one point at a time as in the scalar masks
        double p = j == 0 ? previous : v[base + j - 1];
        for (; j < count; j++) {
            final double x = v[base + j];
            out |= ((x > upper ? 1L : 0L) | (x < lower ? 1L : 0L)) << j;
            above |= (x > centre ? 1L : 0L) << j;
            below |= (x < centre ? 1L : 0L) << j;
            up |= (x > p ? 1L : 0L) << j;
            down |= (x < p ? 1L : 0L) << j;
            above1 |= (x > upper1 ? 1L : 0L) << j;
            below1 |= (x < lower1 ? 1L : 0L) << j;
            above2 |= (x > upper2 ? 1L : 0L) << j;
            below2 |= (x < lower2 ? 1L : 0L) << j;
            value |= (x == x ? 1L : 0L) << j;
            p = x;
        }
        m[BitRules.OUT] = out;
        m[BitRules.ABOVE] = above;
        m[BitRules.BELOW] = below;
        m[BitRules.UP] = up;
        m[BitRules.DOWN] = down;
        m[BitRules.ABOVE1] = above1;
        m[BitRules.BELOW1] = below1;
        m[BitRules.ABOVE2] = above2;
        m[BitRules.BELOW2] = below2;
        m[BitRules.VALUE] = value;
    }

    /**
     * The usual word: 64 points, the point before them a value (so {@code v[base - 1]} is that point). The loop has
     * a constant count, so it is unrolled whole. Each compare's lanes are not moved out of the mask register: a
     * masked OR sets lane l's bit j + l (from {@link #BIT}) in a vector of words per mask, and the lanes of each are
     * ORed together once the word is done. A move out of the mask register, a shift and an OR per compare had been
     * the bottleneck (the moves share one port); this is about a fifth faster for the whole rule pass. The
     * not-missing mask is all ones unless a lane's sum of the values is not finite (a NaN
     * or an infinity among them, or an overflow), and only then compared point by point: an addition per vector
     * where the compare cost a compare, a move out of the mask register, a shift and an OR.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void fullWord(double[] v, int base, double centre, double lower, double upper, double lower1,
            double upper1, double lower2, double upper2, long[] m) {
        // the lines come in as doubles: vectors passed to a call that is not inlined would be boxed
        final DoubleVector vCentre = DoubleVector.broadcast(SPECIES, centre);
        final DoubleVector vLower = DoubleVector.broadcast(SPECIES, lower);
        final DoubleVector vUpper = DoubleVector.broadcast(SPECIES, upper);
        final DoubleVector vLower1 = DoubleVector.broadcast(SPECIES, lower1);
        final DoubleVector vUpper1 = DoubleVector.broadcast(SPECIES, upper1);
        final DoubleVector vLower2 = DoubleVector.broadcast(SPECIES, lower2);
        final DoubleVector vUpper2 = DoubleVector.broadcast(SPECIES, upper2);
        final LongVector none = LongVector.zero(LONGS);
        LongVector out = none;
        LongVector above = none;
        LongVector below = none;
        LongVector up = none;
        LongVector down = none;
        LongVector above1 = none;
        LongVector below1 = none;
        LongVector above2 = none;
        LongVector below2 = none;
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int j = 0; j < 64; j += LANES) {
            final int i = base + j;
            final DoubleVector x = DoubleVector.fromArray(SPECIES, v, i);
            final DoubleVector p = DoubleVector.fromArray(SPECIES, v, i - 1);
            final LongVector bit = LongVector.fromArray(LONGS, BIT, j);
            sum = sum.add(x);
            out = out.lanewise(VectorOperators.OR, bit,
                    x.compare(VectorOperators.GT, vUpper).or(x.compare(VectorOperators.LT, vLower)).cast(LONGS));
            above = above.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.GT, vCentre).cast(LONGS));
            below = below.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.LT, vCentre).cast(LONGS));
            up = up.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.GT, p).cast(LONGS));
            down = down.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.LT, p).cast(LONGS));
            above1 = above1.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.GT, vUpper1).cast(LONGS));
            below1 = below1.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.LT, vLower1).cast(LONGS));
            above2 = above2.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.GT, vUpper2).cast(LONGS));
            below2 = below2.lanewise(VectorOperators.OR, bit, x.compare(VectorOperators.LT, vLower2).cast(LONGS));
        }
        // a lane's sum is finite only if none of its values is NaN (or infinite): then every point is a value, and
        // only otherwise are they compared (a sum that overflows is compared too, which costs time, not exactness)
        final DoubleVector zero = sum.sub(sum);
        long value = -1L;
        if (!zero.compare(VectorOperators.EQ, zero).allTrue()) {
            value = 0;
            for (int j = 0; j < 64; j += LANES) {
                final DoubleVector x = DoubleVector.fromArray(SPECIES, v, base + j);
                value |= x.compare(VectorOperators.EQ, x).toLong() << j;
            }
        }
        m[BitRules.OUT] = out.reduceLanes(VectorOperators.OR);
        m[BitRules.ABOVE] = above.reduceLanes(VectorOperators.OR);
        m[BitRules.BELOW] = below.reduceLanes(VectorOperators.OR);
        m[BitRules.UP] = up.reduceLanes(VectorOperators.OR);
        m[BitRules.DOWN] = down.reduceLanes(VectorOperators.OR);
        m[BitRules.ABOVE1] = above1.reduceLanes(VectorOperators.OR);
        m[BitRules.BELOW1] = below1.reduceLanes(VectorOperators.OR);
        m[BitRules.ABOVE2] = above2.reduceLanes(VectorOperators.OR);
        m[BitRules.BELOW2] = below2.reduceLanes(VectorOperators.OR);
        m[BitRules.VALUE] = value;
    }

    /** As the scalar masks with each point's own lines, within 1σ included. */
    static void masks(double[] v, double[][] lines, int base, int count, double previous, long[] m) {
        final double[] centre = lines[0];
        final double[] lower = lines[1];
        final double[] upper = lines[2];
        final double[] lower1 = lines[3];
        final double[] upper1 = lines[4];
        final double[] lower2 = lines[5];
        final double[] upper2 = lines[6];
        long out = 0;
        long above = 0;
        long below = 0;
        long up = 0;
        long down = 0;
        long above1 = 0;
        long below1 = 0;
        long above2 = 0;
        long below2 = 0;
        long within = 0;
        long value = 0;
        final int whole = count - count % LANES;
        for (int j = 0; j < whole; j += LANES) {
            final int i = base + j;
            final DoubleVector x = DoubleVector.fromArray(SPECIES, v, i);
            final DoubleVector c = DoubleVector.fromArray(SPECIES, centre, i);
            final DoubleVector l1 = DoubleVector.fromArray(SPECIES, lower1, i);
            final DoubleVector u1 = DoubleVector.fromArray(SPECIES, upper1, i);
            out |= x.compare(VectorOperators.GT, DoubleVector.fromArray(SPECIES, upper, i))
                    .or(x.compare(VectorOperators.LT, DoubleVector.fromArray(SPECIES, lower, i))).toLong() << j;
            above |= x.compare(VectorOperators.GT, c).toLong() << j;
            below |= x.compare(VectorOperators.LT, c).toLong() << j;
            above1 |= x.compare(VectorOperators.GT, u1).toLong() << j;
            below1 |= x.compare(VectorOperators.LT, l1).toLong() << j;
            above2 |= x.compare(VectorOperators.GT, DoubleVector.fromArray(SPECIES, upper2, i)).toLong() << j;
            below2 |= x.compare(VectorOperators.LT, DoubleVector.fromArray(SPECIES, lower2, i)).toLong() << j;
            within |= x.compare(VectorOperators.GE, l1).and(x.compare(VectorOperators.LE, u1)).toLong() << j;
            value |= x.compare(VectorOperators.EQ, x).toLong() << j;
            if (j == 0 && !(previous == previous)) {
                // see the constant-line masks: no load before the phase, the first lane's steps from NaN are 0
                double p = previous;
                for (int k = 0; k < LANES; k++) {
                    final double y = v[i + k];
                    up |= (y > p ? 1L : 0L) << k;
                    down |= (y < p ? 1L : 0L) << k;
                    p = y;
                }
            } else {
                final DoubleVector p = DoubleVector.fromArray(SPECIES, v, i - 1);
                up |= x.compare(VectorOperators.GT, p).toLong() << j;
                down |= x.compare(VectorOperators.LT, p).toLong() << j;
            }
        }
        double p = whole == 0 ? previous : v[base + whole - 1];
        for (int j = whole; j < count; j++) {
            final int i = base + j;
            final double x = v[i];
            final double l1 = lower1[i];
            final double u1 = upper1[i];
            out |= ((x > upper[i] ? 1L : 0L) | (x < lower[i] ? 1L : 0L)) << j;
            above |= (x > centre[i] ? 1L : 0L) << j;
            below |= (x < centre[i] ? 1L : 0L) << j;
            up |= (x > p ? 1L : 0L) << j;
            down |= (x < p ? 1L : 0L) << j;
            above1 |= (x > u1 ? 1L : 0L) << j;
            below1 |= (x < l1 ? 1L : 0L) << j;
            above2 |= (x > upper2[i] ? 1L : 0L) << j;
            below2 |= (x < lower2[i] ? 1L : 0L) << j;
            within |= ((x >= l1 ? 1L : 0L) & (x <= u1 ? 1L : 0L)) << j;
            value |= (x == x ? 1L : 0L) << j;
            p = x;
        }
        m[BitRules.OUT] = out;
        m[BitRules.ABOVE] = above;
        m[BitRules.BELOW] = below;
        m[BitRules.UP] = up;
        m[BitRules.DOWN] = down;
        m[BitRules.ABOVE1] = above1;
        m[BitRules.BELOW1] = below1;
        m[BitRules.ABOVE2] = above2;
        m[BitRules.BELOW2] = below2;
        m[BitRules.WITHIN] = within;
        m[BitRules.VALUE] = value;
    }

    /**
     * ORs the rule words of the 64 points {@code base .. base + 63} into their masks: bit j of word k sets
     * {@code bits[k]} in {@code mask[base + j]}. A vector of masks at a time, each rule word's bits for its lanes
     * turned into a lane mask ({@code VectorMask.fromLong}) that selects where its bit is ORed in: a fixed cost per
     * word with no branch on the data, where the scalar scatter pays a store and a loop step per flag and a
     * mispredicted loop exit per rule word.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    static void orWord(int[] mask, int base, int[] bits, long w0, long w1, long w2, long w3, long w4, long w5, long w6,
            long w7) {
        final IntVector b0 = IntVector.broadcast(INTS, bits[0]);
        final IntVector b1 = IntVector.broadcast(INTS, bits[1]);
        final IntVector b2 = IntVector.broadcast(INTS, bits[2]);
        final IntVector b3 = IntVector.broadcast(INTS, bits[3]);
        final IntVector b4 = IntVector.broadcast(INTS, bits[4]);
        final IntVector b5 = IntVector.broadcast(INTS, bits[5]);
        final IntVector b6 = IntVector.broadcast(INTS, bits[6]);
        final IntVector b7 = IntVector.broadcast(INTS, bits[7]);
        for (int j = 0; j < 64; j += INT_LANES) {
            final int i = base + j;
            IntVector m = IntVector.fromArray(INTS, mask, i);
            m = m.lanewise(VectorOperators.OR, b0, VectorMask.fromLong(INTS, w0 >>> j));
            m = m.lanewise(VectorOperators.OR, b1, VectorMask.fromLong(INTS, w1 >>> j));
            m = m.lanewise(VectorOperators.OR, b2, VectorMask.fromLong(INTS, w2 >>> j));
            m = m.lanewise(VectorOperators.OR, b3, VectorMask.fromLong(INTS, w3 >>> j));
            m = m.lanewise(VectorOperators.OR, b4, VectorMask.fromLong(INTS, w4 >>> j));
            m = m.lanewise(VectorOperators.OR, b5, VectorMask.fromLong(INTS, w5 >>> j));
            m = m.lanewise(VectorOperators.OR, b6, VectorMask.fromLong(INTS, w6 >>> j));
            m = m.lanewise(VectorOperators.OR, b7, VectorMask.fromLong(INTS, w7 >>> j));
            m.intoArray(mask, i);
        }
    }
}
