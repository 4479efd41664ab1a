package org.shewhart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shewhart.engine.internal.NaiveRules;
import org.shewhart.engine.internal.RuleKernels;
import org.shewhart.engine.internal.RunsTests;

/**
 * Replays the failures the property tests found, frozen under {@code regressions/} and listed in
 * {@code regressions/index.txt}. Each file is a {@code .properties} file whose header says what went wrong, which
 * test found it (with its seed) and which commit fixed it. Two kinds:
 *
 * <ul>
 * <li>{@code kind = kernel}: one call of a kernel of {@link RuleKernels} or {@link RunsTests} on the frozen arrays
 * ({@code v}, {@code centre}, {@code lower}, {@code upper}, {@code lower1}, {@code upper1}, {@code lower2},
 * {@code upper2}, {@code use}; lines default to missing, {@code use} to all true), optionally after multiplying
 * values and lines by {@code scale}; {@code expect} lists the flagged indices, which must also be what
 * {@link NaiveRules} flags;</li>
 * <li>{@code kind = chart}: {@code values} charted with {@code chart}, {@code profile}, {@code improvement} and the
 * optional {@code trend}, {@code shift}, {@code phaseStarts}; {@code expect.rule.<rule-id>} lists the points a
 * rule flags and {@code expect.type.<index>} a point's type.</li>
 * </ul>
 */
final class RegressionFilesTest {
    static Stream<String> files() {
        final List<String> names = new ArrayList<>();
        try (InputStream in = RegressionFilesTest.class.getResourceAsStream("regressions/index.txt")) {
            assertNotNull(in, "regressions/index.txt is missing");
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                final String name = line.trim();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(names.isEmpty(), "no regression files listed");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void regressionStaysFixed(String name) throws IOException {
        final Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("regressions/" + name)) {
            assertNotNull(in, "regressions/" + name + " is listed but missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        final String kind = p.getProperty("kind");
        if ("kernel".equals(kind)) {
            replayKernel(name, p);
        } else if ("chart".equals(kind)) {
            replayChart(name, p);
        } else {
            throw new IllegalArgumentException(name + ": unknown kind " + kind);
        }
    }

    private static void replayKernel(String name, Properties p) {
        final double scale = Double.parseDouble(p.getProperty("scale", "1"));
        final double[] v = scaled(doubles(p.getProperty("v")), scale);
        final int n = v.length;
        final double[][] lines = new double[7][];
        final String[] keys = {"centre", "lower", "upper", "lower1", "upper1", "lower2", "upper2"};
        for (int k = 0; k < 7; k++) {
            lines[k] = p.getProperty(keys[k]) == null ? nans(n) : scaled(doubles(p.getProperty(keys[k])), scale);
        }
        final boolean[] use = new boolean[n];
        Arrays.fill(use, true);
        if (p.getProperty("use") != null) {
            final String[] parts = p.getProperty("use").split(",");
            for (int i = 0; i < n; i++) {
                use[i] = Boolean.parseBoolean(parts[i].trim());
            }
        }
        final int from = Integer.parseInt(p.getProperty("from", "0"));
        final int to = Integer.parseInt(p.getProperty("to", Integer.toString(n)));
        final int length = Integer.parseInt(p.getProperty("length", "0"));
        final boolean skip = Boolean.parseBoolean(p.getProperty("skip", "false"));
        final boolean whole = Boolean.parseBoolean(p.getProperty("wholePattern", "false"));
        final int[] mask = new int[n];
        final boolean[] naive;
        final String kernel = p.getProperty("kernel");
        switch (kernel) {
            case "shift":
                RuleKernels.shift(v, lines[0], from, to, length, skip, whole, mask, 1);
                naive = NaiveRules.shift(v, lines[0], from, to, length, skip, whole);
                break;
            case "trend":
                RuleKernels.trend(v, from, to, length, skip, whole, mask, 1);
                naive = NaiveRules.trend(v, from, to, length, skip, whole);
                break;
            case "alternating":
                RuleKernels.alternating(v, from, to, length, mask, 1);
                naive = NaiveRules.alternating(v, from, to, length);
                break;
            case "stratification":
                RuleKernels.stratification(v, lines[3], lines[4], from, to, length, mask, 1);
                naive = NaiveRules.stratification(v, lines[3], lines[4], from, to, length);
                break;
            case "mixture":
                RuleKernels.mixture(v, lines[3], lines[4], from, to, length, mask, 1);
                naive = NaiveRules.mixture(v, lines[3], lines[4], from, to, length);
                break;
            case "long-runs":
                RunsTests.flagLongRuns(v, lines[0], use, from, to, length, mask, 1);
                naive = NaiveRules.longRuns(v, lines[0], use, from, to, length);
                break;
            default:
                throw new IllegalArgumentException(name + ": unknown kernel " + kernel);
        }
        final TreeSet<Integer> expected = indices(p.getProperty("expect"));
        final TreeSet<Integer> actual = new TreeSet<>();
        final TreeSet<Integer> reference = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (mask[i] != 0) {
                actual.add(i);
            }
            if (naive[i]) {
                reference.add(i);
            }
        }
        assertEquals(expected, reference, name + ": the naive reference disagrees with the frozen expectation");
        assertEquals(expected, actual, name + ": points flagged by " + kernel);
    }

    private static void replayChart(String name, Properties p) {
        final ChartSpec.Builder b = ChartSpec.builder(ChartType.of(p.getProperty("chart")))
                .profile(RuleProfile.of(p.getProperty("profile")))
                .improvement(Improvement.of(p.getProperty("improvement", "increase")));
        if (p.getProperty("trend") != null) {
            b.trendLength(Integer.parseInt(p.getProperty("trend")));
        }
        if (p.getProperty("shift") != null) {
            b.shiftLength(Integer.parseInt(p.getProperty("shift")));
        }
        if (p.getProperty("phaseStarts") != null) {
            b.phaseStarts(indices(p.getProperty("phaseStarts")).stream().mapToInt(Integer::intValue).toArray());
        }
        final ChartResult r = b.build().compute(doubles(p.getProperty("values")));
        int checked = 0;
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith("expect.rule.")) {
                final Rule rule = Rule.of(key.substring("expect.rule.".length()));
                final TreeSet<Integer> actual = new TreeSet<>();
                for (int i = 0; i < r.size(); i++) {
                    if (r.isFlagged(i, rule)) {
                        actual.add(i);
                    }
                }
                assertEquals(indices(p.getProperty(key)), actual, name + ": points flagged by " + rule.id());
                checked++;
            } else if (key.startsWith("expect.type.")) {
                final int i = Integer.parseInt(key.substring("expect.type.".length()));
                assertEquals(p.getProperty(key).trim(), r.typeAt(i).id(), name + ": type of point " + i);
                checked++;
            }
        }
        assertFalse(checked == 0, name + " has no expect.* entry");
    }

    private static double[] doubles(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] scaled(double[] x, double scale) {
        final double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * scale;
        }
        return y;
    }

    private static double[] nans(int n) {
        final double[] x = new double[n];
        Arrays.fill(x, Double.NaN);
        return x;
    }

    private static TreeSet<Integer> indices(String text) {
        final TreeSet<Integer> out = new TreeSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(Integer.parseInt(part.trim()));
                }
            }
        }
        return out;
    }
}
