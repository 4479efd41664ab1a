package org.shewhart.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector masks ({@link VectorMasks}) against the scalar masks of {@link BitRules}, and the whole bit-parallel
 * pass on either path, on thousands of seeded random series: ties with each other and with the lines, values exactly
 * on the lines, NaN values and lines, signed zeros and infinities, crossed lines, constant and per-point lines,
 * phases starting at any offset and of every length (so every tail length of a word and of a vector, and a step
 * compared across every word boundary). A failure prints the case seed.
 *
 * <p>Which path runs depends on the JVM. Under the build's JDK 17 the scalar masks must be the ones selected (and
 * the comparisons are not run, since the vector class cannot load there); the engine module's {@code simd-tests}
 * profile runs this class again under a JDK 21 or later with {@code --add-modules jdk.incubator.vector} and
 * {@code -Dshewhart.simd.expected=true}, where the vector masks must be selected and equal the scalar masks. The
 * scalar masks of finite constant lines ({@link BitRules#finiteMasks}) are checked against the general scalar masks on
 * every JVM, on the same series.
 */
final class VectorMasksTest {
    private static final int CASES = 5000;
    private static final int[] BITS = {1, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6, 1 << 7};
    private static final String[] MASK_NAMES = {"out", "above", "below", "up", "down", "above1", "below1", "above2",
        "below2", "within", "value"};

    /** Whether this JVM can run the vector masks: JDK 21 or later with the incubator module, not switched off. */
    private static boolean vectorPossible() {
        return !"false".equalsIgnoreCase(System.getProperty(BitRules.SIMD_PROPERTY, "true").trim())
                && Runtime.version().feature() >= 21
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Test
    void theVectorMasksAreSelectedExactlyWhereTheyCanRun() {
        assertEquals(vectorPossible(), BitRules.VECTOR_MASKS, "Java " + Runtime.version());
        if (Runtime.version().feature() < 21) {
            assertFalse(BitRules.VECTOR_MASKS, "JDK 17 runs the scalar masks");
        }
        if (Boolean.getBoolean("shewhart.simd.expected")) {
            assertTrue(BitRules.VECTOR_MASKS, "this run expects the vector masks: Java " + Runtime.version()
                    + ", module present: " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
            assertTrue(VectorMasks.lanes() >= 2, "lanes: " + VectorMasks.lanes());
        }
    }

    /** A series with values on the lines, signed zeros and infinities mixed in, and its lines. */
    private static final class Case {
        final long seed;
        final double[] v;
        final double[][] lines;
        final int from;
        final int to;
        final boolean constantLines;

        Case(long seed) {
            this.seed = seed;
            final SeriesGenerator g = SeriesGenerator.forSeed(seed);
            final SplittableRandom r = g.random();
            final int kind = r.nextInt(4);
            // short series for every tail length, long ones for runs over many words
            final int n = kind == 0 ? r.nextInt(20) : kind == 1 ? 20 + r.nextInt(180) : 60 + r.nextInt(640);
            v = g.series(n, true);
            lines = g.lines(v);
            final int linesKind = r.nextInt(5);
            if (linesKind <= 1 && n > 0) {
                for (double[] line : lines) {
                    Arrays.fill(line, line[r.nextInt(n)]);
                }
            } else if (linesKind == 2) {
                for (int row = 1; row < 7; row += 2) {
                    final double[] t = lines[row];
                    lines[row] = lines[row + 1];
                    lines[row + 1] = t;
                }
            }
            if (n > 0 && r.nextInt(3) == 0) {
                // values exactly on a line, signed zeros, infinities
                final int k = 1 + r.nextInt(Math.max(1, n / 4));
                for (int e = 0; e < k; e++) {
                    final int i = r.nextInt(n);
                    switch (r.nextInt(4)) {
                        case 0:
                            v[i] = lines[r.nextInt(7)][i];
                            break;
                        case 1:
                            v[i] = r.nextBoolean() ? 0.0 : -0.0;
                            break;
                        case 2:
                            v[i] = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                            break;
                        default:
                            v[i] = i > 0 ? v[i - 1] : v[i];
                            break;
                    }
                }
            }
            if (r.nextInt(3) == 0 && n > 0) {
                from = r.nextInt(Math.min(n, 70) + 1);
                to = n - r.nextInt(Math.min(n - from, 70) + 1);
            } else {
                from = 0;
                to = n;
            }
            boolean constant = true;
            for (int row = 0; row < 7; row++) {
                for (int i = from; i < to; i++) {
                    constant &= Double.doubleToRawLongBits(lines[row][i])
                            == Double.doubleToRawLongBits(lines[row][from]);
                }
            }
            constantLines = constant;
        }

        String describe() {
            final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "seed=%dL from=%d to=%d constantLines=%s%n  v = %s", seed, from, to, constantLines,
                    SeriesGenerator.java(v)));
            final String[] names = {"centre", "lower", "upper", "lower1", "upper1", "lower2", "upper2"};
            for (int row = 0; row < 7; row++) {
                sb.append(String.format(Locale.ROOT, "%n  %-6s = %s", names[row], SeriesGenerator.java(lines[row])));
            }
            return sb.toString();
        }
    }

    @Test
    void vectorMasksEqualTheScalarMasks() {
        if (!BitRules.VECTOR_MASKS) {
            assertFalse(vectorPossible(), "the vector masks can run here but are not selected");
            return;
        }
        final long[] expected = new long[BitRules.MASKS];
        final long[] actual = new long[BitRules.MASKS];
        long words = 0;
        final long[] setBits = new long[BitRules.MASKS];
        for (long seed : SeriesGenerator.caseSeeds("vector-masks", CASES)) {
            final Case c = new Case(seed);
            final SplittableRandom r = new SplittableRandom(seed);
            double previous = Double.NaN;
            for (int base = c.from; base < c.to; base += 64) {
                final int count = Math.min(64, c.to - base);
                for (int layout = 0; layout < 2; layout++) {
                    Arrays.fill(expected, r.nextLong());
                    System.arraycopy(expected, 0, actual, 0, expected.length);
                    if (layout == 0) {
                        // constant lines: those of any point of the range (the pass takes the first's)
                        final int at = c.from + r.nextInt(c.to - c.from);
                        final double[] l = new double[7];
                        for (int row = 0; row < 7; row++) {
                            l[row] = c.lines[row][at];
                        }
                        BitRules.masks(c.v, base, count, previous, l[0], l[1], l[2], l[3], l[4], l[5], l[6], expected);
                        VectorMasks.masks(c.v, base, count, previous, l[0], l[1], l[2], l[3], l[4], l[5], l[6],
                                actual);
                    } else {
                        BitRules.masks(c.v, c.lines, base, count, previous, expected);
                        VectorMasks.masks(c.v, c.lines, base, count, previous, actual);
                    }
                    for (int k = 0; k < BitRules.MASKS; k++) {
                        if (layout == 0 && k == BitRules.WITHIN) {
                            // left to the caller with constant lines: neither side writes it
                            continue;
                        }
                        if (expected[k] != actual[k]) {
                            fail(String.format(Locale.ROOT, "mask %s of the word at %d (count %d, %s lines): "
                                    + "scalar %s, vector %s%n%s", MASK_NAMES[k], base, count,
                                    layout == 0 ? "constant" : "per-point", Long.toBinaryString(expected[k]),
                                    Long.toBinaryString(actual[k]), c.describe()));
                        }
                        setBits[k] += Long.bitCount(expected[k]);
                    }
                }
                words++;
                previous = c.v[base + count - 1];
            }
        }
        assertTrue(words > 10_000, "only " + words + " words");
        for (int k = 0; k < BitRules.MASKS; k++) {
            assertTrue(setBits[k] > 20_000, "mask " + MASK_NAMES[k] + " set only " + setBits[k] + " bits");
        }
    }

    /**
     * The scalar masks of finite constant lines ({@link BitRules#finiteMasks}: signs of differences) against the
     * compares of the general scalar masks, on every JVM: the same series (signed zeros, infinities, values on the
     * lines, NaN of either sign), with lines that are sometimes +0.0 or -0.0 or a value of the series.
     */
    @Test
    void finiteLineMasksEqualTheComparisons() {
        final long[] expected = new long[BitRules.MASKS];
        final long[] actual = new long[BitRules.MASKS];
        long words = 0;
        final long[] setBits = new long[BitRules.MASKS];
        final double[] l = new double[7];
        for (long seed : SeriesGenerator.caseSeeds("finite-masks", CASES)) {
            final Case c = new Case(seed);
            if (c.to == c.from) {
                continue;
            }
            final SplittableRandom r = new SplittableRandom(seed);
            boolean finite = true;
            for (int row = 0; row < 7; row++) {
                final int at = c.from + r.nextInt(c.to - c.from);
                switch (r.nextInt(6)) {
                    case 0:
                        l[row] = r.nextBoolean() ? 0.0 : -0.0;
                        break;
                    case 1:
                        l[row] = c.v[at];
                        break;
                    default:
                        l[row] = c.lines[row][at];
                        break;
                }
                finite &= Math.abs(l[row]) <= Double.MAX_VALUE;
            }
            if (!finite) {
                continue;
            }
            // NaN of either sign and any payload: a difference with a NaN may come out negative
            final double[] v = c.v.clone();
            for (int i = 0; i < v.length; i++) {
                if (v[i] != v[i] && r.nextBoolean()) {
                    v[i] = Double.longBitsToDouble(0xfff0000000000001L | r.nextLong() >>> 12);
                }
            }
            double previous = Double.NaN;
            for (int base = c.from; base < c.to; base += 64) {
                final int count = Math.min(64, c.to - base);
                Arrays.fill(expected, r.nextLong());
                System.arraycopy(expected, 0, actual, 0, expected.length);
                BitRules.masks(v, base, count, previous, l[0], l[1], l[2], l[3], l[4], l[5], l[6], expected);
                BitRules.finiteMasks(v, base, count, previous, l[0], l[1], l[2], l[3], l[4], l[5], l[6], actual);
                for (int k = 0; k < BitRules.MASKS; k++) {
                    if (k != BitRules.WITHIN && expected[k] != actual[k]) {
                        fail(String.format(Locale.ROOT, "mask %s of the word at %d (count %d, lines %s): compares "
                                + "%s, signs %s%n%s", MASK_NAMES[k], base, count, Arrays.toString(l),
                                Long.toBinaryString(expected[k]), Long.toBinaryString(actual[k]), c.describe()));
                    }
                    setBits[k] += Long.bitCount(expected[k]);
                }
                words++;
                previous = v[base + count - 1];
            }
        }
        assertTrue(words > 5_000, "only " + words + " words");
        for (int k = 0; k < BitRules.MASKS; k++) {
            if (k != BitRules.WITHIN) {
                assertTrue(setBits[k] > 10_000, "mask " + MASK_NAMES[k] + " set only " + setBits[k] + " bits");
            }
        }
    }

    @Test
    void vectorRulesEqualTheScalarRules() {
        if (!BitRules.VECTOR_MASKS) {
            assertFalse(vectorPossible(), "the vector masks can run here but are not selected");
            return;
        }
        final int[] flaggedPerRule = new int[BITS.length];
        for (long seed : SeriesGenerator.caseSeeds("vector-rules", CASES)) {
            final Case c = new Case(seed);
            final SplittableRandom r = new SplittableRandom(~seed);
            final BitRules.Rules rules = new BitRules.Rules(r.nextInt(5) == 0 ? 0 : 2 + r.nextInt(12),
                    r.nextInt(5) == 0 ? 0 : 3 + r.nextInt(10), r.nextBoolean(), r.nextInt(4), r.nextBoolean(),
                    r.nextInt(4) == 0 ? 0 : 3 + r.nextInt(16), r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(16),
                    r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(10), BITS);
            final int words = (c.v.length + 63) >>> 6;
            final int[] expected = new int[c.v.length];
            final long[] expectedRising = new long[words];
            final int[] actual = new int[c.v.length];
            final long[] rising = new long[words];
            // bits already set (other rules' flags, inside and outside the range) must stay: the rules OR theirs in
            for (int i = 0; i < c.v.length; i++) {
                expected[i] = r.nextInt(4) == 0 ? r.nextInt() & ~0xff : 0;
                actual[i] = expected[i];
            }
            BitRules.apply(rules, c.v, c.lines, c.from, c.to, c.constantLines, expected, expectedRising, false);
            BitRules.apply(rules, c.v, c.lines, c.from, c.to, c.constantLines, actual, rising, true);
            for (int i = 0; i < c.v.length; i++) {
                if (expected[i] != actual[i] || (expectedRising[i >>> 6] >>> i & 1L) != (rising[i >>> 6] >>> i & 1L)) {
                    fail(String.format(Locale.ROOT, "point %d: scalar masks flag %s, vector masks %s%n%s%n  %s", i,
                            Integer.toBinaryString(expected[i]), Integer.toBinaryString(actual[i]), c.describe(),
                            rules));
                }
                for (int b = 0; b < BITS.length; b++) {
                    flaggedPerRule[b] += (actual[i] & BITS[b]) != 0 ? 1 : 0;
                }
            }
        }
        for (int b = 0; b < BITS.length; b++) {
            assertTrue(flaggedPerRule[b] > 1000, "rule " + b + " flagged only " + flaggedPerRule[b] + " points");
        }
    }
}
