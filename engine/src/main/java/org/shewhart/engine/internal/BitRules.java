package org.shewhart.engine.internal;

/**
 * Bit-parallel rule detectors: the rules of a profile whose runs are not compacted (no skipped points) over one
 * phase, 64 points per {@code long}. One scalar pass per 64 points builds the comparison masks (above or below the
 * centre, beyond the limits and the 1σ and 2σ lines, within 1σ, not missing, a step up or down); every rule is then
 * a few shifts and ANDs of whole words: a run of L is the AND of L shifted copies (by doubling; a shift on either
 * side is one run of L - 1 steps that stay on one side), a window count is a bit-sliced sum of shifted copies (for
 * qcc's all-but-one windows, a count of the clear bits up to two), and a pattern flagged whole is its run ends
 * smeared back over the run. The previous word carries in (no run here is longer than 64 points); where a pattern
 * is flagged whole, or with Making Data Count's two-of-three, the next word is looked at before a word is written
 * out, otherwise each word is written out as soon as it is done: point by point for each flag, or, on the vector
 * path, a whole word at once ({@link VectorMasks#orWord}). The pass streams with no scratch memory.
 *
 * <p>Each detector flags exactly the points its scalar counterpart in {@link RuleKernels} flags, with the same
 * strict and non-strict comparisons ({@code BitRulesPropertyTest} checks them on thousands of random series):
 * <ul>
 * <li>outside: {@code x > upper || x < lower};</li>
 * <li>shift ({@code skipCentre == false}): runs of {@code x > centre} or of {@code x < centre}; a point on the line
 * or missing breaks them;</li>
 * <li>trend ({@code skipTies == false}): runs of L - 1 steps {@code x[i] > x[i-1]} (or {@code <}); a tie or a
 * missing value breaks them; the side of every flagged point as {@link RuleKernels#trendSide};</li>
 * <li>two-of-three the Making Data Count way ({@link RuleKernels#twoOfThreeSameSide}) and qcc's window rules
 * ({@link RuleKernels#zoneWindow}: only with zone lines constant over the phase, since qcc compares a whole window
 * with the lines of its last point; the caller runs the scalar kernel otherwise);</li>
 * <li>alternating, stratification ({@code lower1 <= x <= upper1}) and mixture.</li>
 * </ul>
 * One array of eleven longs is allocated per call (the masks of the current word, filled by the mask builders);
 * nothing per word or per point, and no range checks are performed. No instances.
 */
public final class BitRules {
    /** No two-of-three rule. */
    public static final int TWO_OF_THREE_NONE = 0;
    /** Making Data Count: three on one side, two of them between the 2σ line and the limits; those flagged. */
    public static final int TWO_OF_THREE_SAME_SIDE = 1;
    /** Making Data Count, November 2023: as {@link #TWO_OF_THREE_SAME_SIDE}, points beyond the limits count too. */
    public static final int TWO_OF_THREE_SAME_SIDE_OUTSIDE = 2;
    /** qcc: two of three beyond the 2σ line on one side, the last among them; the last point flagged. */
    public static final int TWO_OF_THREE_WINDOW_END = 3;

    static final int OUT = 0;
    static final int ABOVE = 1;
    static final int BELOW = 2;
    static final int UP = 3;
    static final int DOWN = 4;
    static final int ABOVE1 = 5;
    static final int BELOW1 = 6;
    static final int ABOVE2 = 7;
    static final int BELOW2 = 8;
    static final int WITHIN = 9;
    static final int VALUE = 10;
    static final int MASKS = 11;

    /** Longest run or window length a word and its predecessor can hold. */
    public static final int MAX_LENGTH = 64;

    /** The system property that turns the vector masks off when set to {@code false}. */
    public static final String SIMD_PROPERTY = "shewhart.simd";

    /**
     * Whether the comparison masks are built with the Vector API ({@link VectorMasks}): on JDK 21 or later with
     * {@code jdk.incubator.vector} in the boot layer ({@code --add-modules jdk.incubator.vector}), unless the system
     * property {@value #SIMD_PROPERTY} is {@code false}. Otherwise the scalar masks, and {@link VectorMasks} is never
     * loaded. Both give the same bits.
     */
    public static final boolean VECTOR_MASKS = vectorMasksAvailable();

    private BitRules() {
    }

    private static boolean vectorMasksAvailable() {
        if ("false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true").trim())
                || Runtime.version().feature() < 21
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        // the module is there: load the vector class now, so that a release whose incubator API moved on falls back
        // to the scalar masks here rather than failing in the middle of a chart
        try {
            return VectorMasks.lanes() > 1;
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * The rules of one profile and their mask bits. A length of 0 leaves a rule out. Immutable.
     *
     * @param shift shift length (0 or 2..64)
     * @param trend trend length (0 or 3..64)
     * @param wholePattern flag every point of a shift or trend, otherwise from the point it reaches its length
     * @param twoOfThree one of the {@code TWO_OF_THREE_*} constants
     * @param fourOfFive whether qcc's four-of-five beyond 1σ applies
     * @param alternating alternating run length (0 or 3..66)
     * @param stratification run length within 1σ (0 or 1..64)
     * @param mixture run length beyond 1σ on both sides (0 or 1..64)
     * @param bits the mask bits, in the order outside, shift, trend, two-of-three, four-of-five, alternating,
     *     stratification, mixture
     */
    public record Rules(int shift, int trend, boolean wholePattern, int twoOfThree, boolean fourOfFive,
            int alternating, int stratification, int mixture, int[] bits) {
        /**
         * Checks the lengths.
         *
         * @throws IllegalArgumentException if a length does not fit in one word
         */
        public Rules {
            if (shift < 0 || shift > MAX_LENGTH || trend < 0 || trend > MAX_LENGTH || (trend > 0 && trend < 2)
                    || alternating < 0 || alternating > MAX_LENGTH + 2 || (alternating > 0 && alternating < 3)
                    || stratification < 0 || stratification > MAX_LENGTH || mixture < 0 || mixture > MAX_LENGTH
                    || twoOfThree < TWO_OF_THREE_NONE || twoOfThree > TWO_OF_THREE_WINDOW_END || bits.length != 8) {
                throw new IllegalArgumentException("rule lengths must fit in one 64-bit word");
            }
            bits = bits.clone();
        }

        /**
         * Whether runs of these lengths fit the bit-parallel kernel.
         *
         * @param shift shift length, 0 for none
         * @param trend trend length, 0 for none
         * @return whether both are at most {@link #MAX_LENGTH}
         */
        public static boolean fits(int shift, int trend) {
            return shift <= MAX_LENGTH && trend <= MAX_LENGTH;
        }
    }

    /**
     * Flags the points {@code [from, to)} of one phase: ORs each rule's bit into {@code mask[i]}, and for every
     * point the trend flags sets bit i of {@code rising} if its trend rises (it leaves the bit alone otherwise, so
     * the caller clears the bitset first). Lines are per point. With {@code constantLines} (every line the same at
     * every point of the range, as on XmR, c, g and t charts) the comparisons are with the first point's lines;
     * otherwise the window rules of qcc ({@link #TWO_OF_THREE_WINDOW_END}, four-of-five) are left to
     * {@link RuleKernels#zoneWindow}.
     *
     * @param rules the profile's rules
     * @param v values, NaN = missing
     * @param lines centre, lower, upper, lower1, upper1, lower2, upper2 per point
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param constantLines whether every line is the same (bit for bit) at every point of the range
     * @param mask receives the rule bits
     * @param rising receives the trend sides (a bitset over point indices)
     */
    public static void apply(Rules rules, double[] v, double[][] lines, int from, int to, boolean constantLines,
            int[] mask, long[] rising) {
        apply(rules, v, lines, from, to, constantLines, mask, rising, VECTOR_MASKS);
    }

    /**
     * As {@link #apply(Rules, double[], double[][], int, int, boolean, int[], long[])} with the mask path chosen,
     * for tests and benchmarks that compare the two: the vector masks only if asked for and {@link #VECTOR_MASKS}.
     *
     * @param rules the profile's rules
     * @param v values, NaN = missing
     * @param lines centre, lower, upper, lower1, upper1, lower2, upper2 per point
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param constantLines whether every line is the same (bit for bit) at every point of the range
     * @param mask receives the rule bits
     * @param rising receives the trend sides (a bitset over point indices)
     * @param simd whether to build the masks with the Vector API where it is available
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public static void apply(Rules rules, double[] v, double[][] lines, int from, int to, boolean constantLines,
            int[] mask, long[] rising, boolean simd) {
        final boolean vector = simd && VECTOR_MASKS;
        final int shiftLength = rules.shift();
        final int trendSteps = rules.trend() - 1;
        final boolean whole = rules.wholePattern();
        final int twoOfThree = rules.twoOfThree();
        final boolean windowRules = constantLines;
        // with constant lines, their values (read at the first point; unused otherwise)
        final boolean any = to > from;
        final double cCentre = any ? lines[0][from] : Double.NaN;
        final double cLower = any ? lines[1][from] : Double.NaN;
        final double cUpper = any ? lines[2][from] : Double.NaN;
        final double cLower1 = any ? lines[3][from] : Double.NaN;
        final double cUpper1 = any ? lines[4][from] : Double.NaN;
        final double cLower2 = any ? lines[5][from] : Double.NaN;
        final double cUpper2 = any ? lines[6][from] : Double.NaN;
        final boolean zone1 = cLower1 == cLower1 && cUpper1 == cUpper1;
        final boolean finiteLines = finite(cCentre) && finite(cLower) && finite(cUpper) && finite(cLower1)
                && finite(cUpper1) && finite(cLower2) && finite(cUpper2);
        final boolean sameSide = twoOfThree == TWO_OF_THREE_SAME_SIDE || twoOfThree == TWO_OF_THREE_SAME_SIDE_OUTSIDE;
        final boolean windowEnd = twoOfThree == TWO_OF_THREE_WINDOW_END && windowRules;
        final boolean fourOfFive = rules.fourOfFive() && windowRules;
        final int alternatingSteps = rules.alternating() - 2;
        final int stratification = rules.stratification();
        final int mixture = rules.mixture();
        final int[] bits = rules.bits();
        // patterns flagged whole and Making Data Count's two-of-three need the next word's run ends
        final boolean direct = !whole && !sameSide;

        // the previous word of every comparison mask: runs and windows carry in from it (zero before the phase)
        long pAbove = 0;
        long pBelow = 0;
        long pSame = 0;
        long pUp = 0;
        long pDown = 0;
        long pAbove1 = 0;
        long pBelow1 = 0;
        long pAbove2 = 0;
        long pBelow2 = 0;
        long pWithin = 0;
        long pValue = 0;
        long pAlternate = 0;
        long pClose = 0;
        // the previous word's rule words, written out once the current word shows what follows them
        long outWord = 0;
        long shiftEnds = 0;
        long upEnds = 0;
        long downEnds = 0;
        long upWord = 0;
        long closeWord = 0;
        long threeEnds = 0;
        long windowEndWord = 0;
        long fourOfFiveWord = 0;
        long alternatingWord = 0;
        long stratWord = 0;
        long mixtureWord = 0;
        double previous = Double.NaN;
        final long[] m = new long[MASKS];
        for (int base = from; base < to; base += 64) {
            final int count = Math.min(64, to - base);
            if (constantLines) {
                if (vector) {
                    VectorMasks.masks(v, base, count, previous, cCentre, cLower, cUpper, cLower1, cUpper1, cLower2,
                            cUpper2, m);
                } else if (finiteLines) {
                    finiteMasks(v, base, count, previous, cCentre, cLower, cUpper, cLower1, cUpper1, cLower2,
                            cUpper2, m);
                } else {
                    masks(v, base, count, previous, cCentre, cLower, cUpper, cLower1, cUpper1, cLower2, cUpper2, m);
                }
                m[WITHIN] = zone1 ? m[VALUE] & ~m[ABOVE1] & ~m[BELOW1] : 0;
            } else if (vector) {
                VectorMasks.masks(v, lines, base, count, previous, m);
            } else {
                masks(v, lines, base, count, previous, m);
            }
            previous = v[base + count - 1];
            final long out = m[OUT];
            final long above = m[ABOVE];
            final long below = m[BELOW];
            final long up = m[UP];
            final long down = m[DOWN];
            final long above1 = m[ABOVE1];
            final long below1 = m[BELOW1];
            final long above2 = m[ABOVE2];
            final long below2 = m[BELOW2];
            final long within = m[WITHIN];
            final long value = m[VALUE];

            // this word's rule words; a run of L on one side is a run of L - 1 steps that stay on it (a point is
            // never both above and below), one run for both sides
            final long same = (above & shift(above, pAbove, 1)) | (below & shift(below, pBelow, 1));
            final long newShiftEnds = shiftLength == 0 ? 0
                    : shiftLength == 1 ? above | below : run(same, pSame, shiftLength - 1);
            final long newUpEnds = trendSteps < 1 ? 0 : run(up, pUp, trendSteps);
            final long newDownEnds = trendSteps < 1 ? 0 : run(down, pDown, trendSteps);
            long close = 0;
            long newThreeEnds = 0;
            if (sameSide) {
                close = above2 | below2;
                if (twoOfThree == TWO_OF_THREE_SAME_SIDE) {
                    close &= ~out;
                }
                newThreeEnds = run(same, pSame, 2) & atLeast(close, pClose, 3, 2);
            }
            // qcc: the one-sided counts use x > up, else x < lo (the same point never counts on both sides)
            final long newWindowEnd = windowEnd ? zone(above2, below2, pAbove2, pBelow2, value, pValue, 3, 2) : 0;
            final long newFourOfFive = fourOfFive ? zone(above1, below1, pAbove1, pBelow1, value, pValue, 5, 4) : 0;
            long alternate = 0;
            long newAlternating = 0;
            if (alternatingSteps > 0) {
                // a step that reverses the previous one: up after down, or down after up
                alternate = (shift(up, pUp, 1) & down) | (shift(down, pDown, 1) & up);
                newAlternating = run(alternate, pAlternate, alternatingSteps);
            }
            final long newStrat = stratification == 0 ? 0 : run(within, pWithin, stratification);
            long newMixture = 0;
            if (mixture > 0) {
                final long onlyBelow1 = below1 & ~above1;
                final long pOnlyBelow1 = pBelow1 & ~pAbove1;
                // runs beyond 1σ are rare in most words: the two sides are looked for only behind one
                newMixture = run(above1 | below1, pAbove1 | pBelow1, mixture);
                if (newMixture != 0) {
                    newMixture &= any(above1, pAbove1, mixture) & any(onlyBelow1, pOnlyBelow1, mixture);
                }
            }

            if (direct) {
                // no rule here looks at the next word: this one is written out now, with nothing held over
                write(vector && count == 64, mask, base, bits, out, newShiftEnds, newUpEnds | newDownEnds,
                        newWindowEnd, newFourOfFive, newAlternating, newStrat, newMixture);
                sides(rising, base, newUpEnds);
            } else if (base > from) {
                // the word before this one is a whole word
                emit(vector, base - 64, whole, shiftLength, trendSteps, bits, mask, rising, outWord, shiftEnds,
                        newShiftEnds, upEnds, newUpEnds, downEnds, newDownEnds, upWord, up, closeWord, threeEnds,
                        newThreeEnds, windowEndWord, fourOfFiveWord, alternatingWord, stratWord, mixtureWord);
            }
            outWord = out;
            shiftEnds = newShiftEnds;
            upEnds = newUpEnds;
            downEnds = newDownEnds;
            upWord = up;
            closeWord = close;
            threeEnds = newThreeEnds;
            windowEndWord = newWindowEnd;
            fourOfFiveWord = newFourOfFive;
            alternatingWord = newAlternating;
            stratWord = newStrat;
            mixtureWord = newMixture;
            pAbove = above;
            pBelow = below;
            pSame = same;
            pUp = up;
            pDown = down;
            pAbove1 = above1;
            pBelow1 = below1;
            pAbove2 = above2;
            pBelow2 = below2;
            pWithin = within;
            pValue = value;
            pAlternate = alternate;
            pClose = close;
        }
        if (to > from && !direct) {
            final int last = from + ((to - from - 1) & ~63);
            emit(vector && to - last == 64, last, whole, shiftLength, trendSteps, bits, mask, rising, outWord,
                    shiftEnds, 0, upEnds, 0, downEnds, 0, upWord, 0, closeWord, threeEnds, 0, windowEndWord,
                    fourOfFiveWord, alternatingWord, stratWord, mixtureWord);
        }
    }

    /**
     * The comparison masks of points {@code base .. base + count - 1} (count at most 64) with lines that are the
     * same at every point: bit j of each mask for point base + j. Within 1σ is left to the caller.
     */
    static void masks(double[] v, int base, int count, double previous, double centre, double lower,
            double upper, double lower1, double upper1, double lower2, double upper2, long[] m) {
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
        double p = previous;
        for (int j = 0; j < count; j++) {
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
        m[OUT] = out;
        m[ABOVE] = above;
        m[BELOW] = below;
        m[UP] = up;
        m[DOWN] = down;
        m[ABOVE1] = above1;
        m[BELOW1] = below1;
        m[ABOVE2] = above2;
        m[BELOW2] = below2;
        m[VALUE] = value;
    }

    /**
     * As {@link #masks(double[], int, int, double, double, double, double, double, double, double, double, long[])}
     * with finite lines, the line comparisons without a compare: the sign of {@code line - x} says which side x is
     * on. The compares of the general masks compile to branches where a side is rare (beyond the limits, the 2σ
     * lines), and each mispredicts; a subtraction and a shift do not. Exact: with the line finite and +0.0 for a
     * zero (the {@code + 0.0} below turns -0.0 into +0.0), and x not NaN, {@code d = line - x} is zero only where
     * {@code x == line}, and then +0.0 (-0.0 would need -0.0 - +0.0); it is never a wrong side, since the difference
     * of two finite doubles rounds to zero only if they are equal and overflows to an infinity of its own sign, and
     * an infinite x gives the infinity of the other sign. So {@code x > line} exactly when d's bits are negative,
     * and {@code x < line} exactly when they are positive, that is when their negation is negative (d is never
     * -0.0, whose bits are their own negation). A NaN x gives a NaN d of either sign: its bits are cleared with the
     * not-missing mask. The steps up and down compare two values that may both be infinite or signed zeros, so they
     * keep the compares. The not-missing mask itself is all ones unless a sum of {@code x * 0.0} (0 for a finite x,
     * NaN for a NaN or an infinite one) comes out NaN, and only then compared point by point: missing values are
     * rare, and the sum costs an addition per point where the compare cost three instructions.
     */
    static void finiteMasks(double[] v, int base, int count, double previous, double centre, double lower,
            double upper, double lower1, double upper1, double lower2, double upper2, long[] m) {
        final double c = centre + 0.0;
        final double lo = lower + 0.0;
        final double hi = upper + 0.0;
        final double lo1 = lower1 + 0.0;
        final double hi1 = upper1 + 0.0;
        final double lo2 = lower2 + 0.0;
        final double hi2 = upper2 + 0.0;
        long out = 0;
        long above = 0;
        long below = 0;
        long up = 0;
        long down = 0;
        long above1 = 0;
        long below1 = 0;
        long above2 = 0;
        long below2 = 0;
        double p = previous;
        double nonFinite = 0;
        for (int j = 0; j < count; j++) {
            final double x = v[base + j];
            nonFinite += x * 0.0;
            final long dc = Double.doubleToRawLongBits(c - x);
            out |= ((Double.doubleToRawLongBits(hi - x) | -Double.doubleToRawLongBits(lo - x)) >>> 63) << j;
            above |= (dc >>> 63) << j;
            below |= (-dc >>> 63) << j;
            up |= (x > p ? 1L : 0L) << j;
            down |= (x < p ? 1L : 0L) << j;
            above1 |= (Double.doubleToRawLongBits(hi1 - x) >>> 63) << j;
            below1 |= (-Double.doubleToRawLongBits(lo1 - x) >>> 63) << j;
            above2 |= (Double.doubleToRawLongBits(hi2 - x) >>> 63) << j;
            below2 |= (-Double.doubleToRawLongBits(lo2 - x) >>> 63) << j;
            p = x;
        }
        long value = count == 64 ? -1L : (1L << count) - 1;
        if (nonFinite != nonFinite) {
            value = 0;
            for (int j = 0; j < count; j++) {
                final double x = v[base + j];
                value |= (x == x ? 1L : 0L) << j;
            }
        }
        m[OUT] = out & value;
        m[ABOVE] = above & value;
        m[BELOW] = below & value;
        m[UP] = up;
        m[DOWN] = down;
        m[ABOVE1] = above1 & value;
        m[BELOW1] = below1 & value;
        m[ABOVE2] = above2 & value;
        m[BELOW2] = below2 & value;
        m[VALUE] = value;
    }

    /** Whether x is neither infinite nor NaN. */
    private static boolean finite(double x) {
        return Math.abs(x) <= Double.MAX_VALUE;
    }

    /** The comparison masks with each point's own lines, within 1σ included. */
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
        double p = previous;
        for (int j = 0; j < count; j++) {
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
        m[OUT] = out;
        m[ABOVE] = above;
        m[BELOW] = below;
        m[UP] = up;
        m[DOWN] = down;
        m[ABOVE1] = above1;
        m[BELOW1] = below1;
        m[ABOVE2] = above2;
        m[BELOW2] = below2;
        m[WITHIN] = within;
        m[VALUE] = value;
    }

    /**
     * Writes out the word of points {@code base..base+63}, given the next word's run ends where a pattern flagged
     * whole needs them; {@code vector} if it is a whole word on the vector path.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void emit(boolean vector, int base, boolean whole, int shiftLength, int trendSteps, int[] bits,
            int[] mask, long[] rising, long out, long shiftEnds, long nextShiftEnds, long upEnds, long nextUpEnds,
            long downEnds, long nextDownEnds, long up, long nextUp, long close, long threeEnds, long nextThreeEnds,
            long windowEnd, long fourOfFive, long alternating, long strat, long mixture) {
        long shift = shiftEnds;
        long trend;
        long trendUp;
        if (whole) {
            // a run ending at i covers the L - 1 points before it too; the trend's first point is its L-th step back
            shift = smear(shiftEnds, nextShiftEnds, shiftLength - 1);
            final long rise = smear(upEnds, nextUpEnds, trendSteps);
            final long fall = smear(downEnds, nextDownEnds, trendSteps);
            trend = rise | fall;
            // a turning point in a rising and a falling trend takes the side of the step after it
            final long stepUpAfter = (up >>> 1) | (nextUp << 63);
            trendUp = rise & (~fall | stepUpAfter);
        } else {
            trend = upEnds | downEnds;
            trendUp = upEnds;
        }
        final long two = (threeEnds | nextThreeEnds) == 0 ? windowEnd : close & smear(threeEnds, nextThreeEnds, 2)
                | windowEnd;
        write(vector, mask, base, bits, out, shift, trend, two, fourOfFive, alternating, strat, mixture);
        sides(rising, base, trendUp & trend);
    }

    /**
     * ORs the rule words of the word of points {@code base..base+63} into the masks: with {@link VectorMasks} if
     * {@code vector} (a whole word on the vector path), otherwise point by point.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void write(boolean vector, int[] mask, int base, int[] bits, long out, long shift, long trend,
            long two, long fourOfFive, long alternating, long strat, long mixture) {
        if (vector) {
            VectorMasks.orWord(mask, base, bits, out, shift, trend, two, fourOfFive, alternating, strat, mixture);
            return;
        }
        scatter(mask, base, out, bits[0]);
        scatter(mask, base, shift, bits[1]);
        scatter(mask, base, trend, bits[2]);
        scatter(mask, base, two, bits[3]);
        scatter(mask, base, fourOfFive, bits[4]);
        scatter(mask, base, alternating, bits[5]);
        scatter(mask, base, strat, bits[6]);
        scatter(mask, base, mixture, bits[7]);
    }

    /** ORs the rising sides of the word of points {@code base..base+63} into the bitset. */
    private static void sides(long[] rising, int base, long sides) {
        if (sides != 0) {
            // the word's bits land in one or two words of the bitset, whatever the alignment of the phase
            final int at = base >>> 6;
            final int offset = base & 63;
            rising[at] |= sides << offset;
            if (offset != 0) {
                final long rest = sides >>> (64 - offset);
                if (rest != 0) {
                    rising[at + 1] |= rest;
                }
            }
        }
    }

    /** ORs {@code bit} into the mask of every point whose bit is set in w (cost in proportion to the flags). */
    private static void scatter(int[] mask, int base, long w, int bit) {
        for (long rest = w; rest != 0; rest &= rest - 1) {
            mask[base + Long.numberOfTrailingZeros(rest)] |= bit;
        }
    }

    /** The word shifted up by d (0 < d < 64) with the top d bits of the previous word carried in. */
    private static long shift(long w, long previous, int d) {
        return w << d | previous >>> (64 - d);
    }

    /**
     * Bit i set where bits i - length + 1 .. i are all set (the previous word carrying in; 1 <= length <= 64). By
     * doubling: runs of 2, 4, 8 ... over the 128 bits of the two words, then one overlapping step to the length,
     * so a run of 15 costs four steps and no branch on the data. The steps are written out rather than looped: a
     * loop's shift counts and exit test cost as much as a step (the length is the same for every word, so the
     * tests on it are always predicted).
     */
    static long run(long w, long previous, int length) {
        long lo = w;
        long hi = previous;
        if (length >= 2) {
            lo &= lo << 1 | hi >>> 63;
            hi &= hi << 1;
        }
        if (length >= 4) {
            lo &= lo << 2 | hi >>> 62;
            hi &= hi << 2;
        }
        if (length >= 8) {
            lo &= lo << 4 | hi >>> 60;
            hi &= hi << 4;
        }
        if (length >= 16) {
            lo &= lo << 8 | hi >>> 56;
            hi &= hi << 8;
        }
        if (length >= 32) {
            lo &= lo << 16 | hi >>> 48;
            hi &= hi << 16;
        }
        if (length >= 64) {
            lo &= lo << 32 | hi >>> 32;
        }
        final int s = length - Integer.highestOneBit(length);
        if (s > 0) {
            lo &= lo << s | hi >>> (64 - s);
        }
        return lo;
    }

    /** Bit i set where any of bits i - length + 1 .. i is set (1 <= length <= 64), by doubling as {@link #run}. */
    static long any(long w, long previous, int length) {
        long lo = w;
        long hi = previous;
        if (length >= 2) {
            lo |= lo << 1 | hi >>> 63;
            hi |= hi << 1;
        }
        if (length >= 4) {
            lo |= lo << 2 | hi >>> 62;
            hi |= hi << 2;
        }
        if (length >= 8) {
            lo |= lo << 4 | hi >>> 60;
            hi |= hi << 4;
        }
        if (length >= 16) {
            lo |= lo << 8 | hi >>> 56;
            hi |= hi << 8;
        }
        if (length >= 32) {
            lo |= lo << 16 | hi >>> 48;
            hi |= hi << 16;
        }
        if (length >= 64) {
            lo |= lo << 32 | hi >>> 32;
        }
        final int s = length - Integer.highestOneBit(length);
        if (s > 0) {
            lo |= lo << s | hi >>> (64 - s);
        }
        return lo;
    }

    /**
     * Bit i set where any of bits i .. i + d is set (the next word carrying in; 0 <= d <= 63): run ends smeared
     * back over their runs, by doubling as {@link #run}.
     */
    static long smear(long w, long next, int d) {
        final int length = d + 1;
        long lo = w;
        long hi = next;
        if (length >= 2) {
            lo |= lo >>> 1 | hi << 63;
            hi |= hi >>> 1;
        }
        if (length >= 4) {
            lo |= lo >>> 2 | hi << 62;
            hi |= hi >>> 2;
        }
        if (length >= 8) {
            lo |= lo >>> 4 | hi << 60;
            hi |= hi >>> 4;
        }
        if (length >= 16) {
            lo |= lo >>> 8 | hi << 56;
            hi |= hi >>> 8;
        }
        if (length >= 32) {
            lo |= lo >>> 16 | hi << 48;
            hi |= hi >>> 16;
        }
        if (length >= 64) {
            lo |= lo >>> 32 | hi << 32;
        }
        final int s = length - Integer.highestOneBit(length);
        if (s > 0) {
            lo |= lo >>> s | hi << (64 - s);
        }
        return lo;
    }

    /** Bit i set where at least {@code needed} of bits i - window + 1 .. i are set (window at most 15). */
    static long atLeast(long w, long previous, int window, int needed) {
        if (needed == window - 1) {
            // all but at most one (qcc's two of three and four of five): count the clear bits up to two, 2 steps
            // per bit instead of a 4-bit adder
            long one = ~w;
            long two = 0;
            for (int d = 1; d < window; d++) {
                final long clear = ~shift(w, previous, d);
                two |= one & clear;
                one |= clear;
            }
            return ~two;
        }
        // a 4-bit counter per bit position, bit-sliced over c0..c3
        long c0 = 0;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        for (int d = 0; d < window; d++) {
            final long s = d == 0 ? w : shift(w, previous, d);
            final long k0 = c0 & s;
            c0 ^= s;
            final long k1 = c1 & k0;
            c1 ^= k0;
            final long k2 = c2 & k1;
            c2 ^= k1;
            c3 |= k2;
        }
        // counter >= needed, compared from the top bit down
        long greater = 0;
        long equal = -1L;
        for (int b = 3; b >= 0; b--) {
            final long cb = b == 3 ? c3 : b == 2 ? c2 : b == 1 ? c1 : c0;
            if ((needed >>> b & 1) == 0) {
                greater |= equal & cb;
                equal &= ~cb;
            } else {
                equal &= cb;
            }
        }
        return greater | equal;
    }

    /**
     * qcc's window rule with constant zone lines: the window of {@code window} points ending at i holds no missing
     * value, and at least {@code needed} of its points lie above the upper zone line with i among them, or below the
     * lower one with i among them (a point above never counts below).
     */
    private static long zone(long above, long below, long pAbove, long pBelow, long value, long pValue, int window,
            int needed) {
        final long onlyBelow = below & ~above;
        final long pOnlyBelow = pBelow & ~pAbove;
        // no missing value in this word or the one before (the usual word): every window is complete
        final long complete = (value & pValue) == -1L ? -1L : run(value, pValue, window);
        return complete & (above & atLeast(above, pAbove, window, needed)
                | below & atLeast(onlyBelow, pOnlyBelow, window, needed));
    }
}
