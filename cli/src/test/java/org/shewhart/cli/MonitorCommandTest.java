package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shewhart.engine.monitor.BernoulliCusum;
import org.shewhart.engine.monitor.BernoulliCusumResult;

/**
 * {@code shewhart cusum}, {@code ewma}, {@code capability} and {@code bcusum} run in-process as a user runs them:
 * the qcc 3.0 reference cases through the command line, compared with qcc's numbers, and bad input.
 */
final class MonitorCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Exit code and standard error of one run. */
    private record Run(int code, String err) {
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MonitorCommandTest.class.getResource("monitor/" + name).toURI());
    }

    private static Run run(List<String> args) {
        final StringWriter err = new StringWriter();
        final int code = Main.run(args.toArray(new String[0]), new PrintWriter(err, true));
        return new Run(code, err.toString());
    }

    private static Run run(String... args) {
        return run(List.of(args));
    }

    private static void close(double expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": expected " + expected + ", got " + actual);
        final double a = actual.asDouble();
        assertTrue(Math.abs(a - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
                what + ": " + a + ", expected " + expected);
    }

    /** A number, or null for a missing, null or empty expected value. */
    private static void closeOrNull(JsonNode expected, JsonNode actual, String what) {
        if (expected == null || expected.isNull() || expected.isObject() && expected.isEmpty()) {
            assertTrue(actual != null && actual.isNull(), what + ": expected null, got " + actual);
        } else {
            close(expected.asDouble(), actual, what);
        }
    }

    /** The command line that reproduces a qcc case: columns, phase-1 size and the case's R arguments. */
    private static List<String> argv(JsonNode expected, Path out) throws URISyntaxException {
        final String function = expected.get("function").asText();
        final String name = expected.get("case").asText();
        final List<String> a = new ArrayList<>();
        a.add(function.equals("processCapability") ? "capability" : function);
        a.add(resource(name + ".csv").toString());
        a.add("--x");
        a.add(name.contains("pistonrings") ? "group" : "index");
        a.add("--y");
        a.add("value");
        final JsonNode args = expected.get("args");
        final JsonNode points = expected.get("points");
        if (points.has("phase")) {
            int phaseOne = 0;
            for (JsonNode p : points.get("phase")) {
                phaseOne += p.asInt() == 1 ? 1 : 0;
            }
            a.add("--baseline");
            a.add(Integer.toString(phaseOne));
        }
        if (args.has("center")) {
            a.addAll(List.of("--cl", args.get("center").asText(), "--sigma", args.get("std.dev").asText()));
        }
        switch (function) {
            case "cusum":
                a.addAll(List.of("--h", args.get("decision.interval").asText(),
                        "--k", Double.toString(args.get("se.shift").asDouble() / 2),
                        "--head-start", args.get("head.start").asText()));
                break;
            case "ewma":
                a.addAll(List.of("--lambda", args.get("lambda").asText(), "--sigmas", args.get("nsigmas").asText()));
                break;
            default:
                final JsonNode spec = args.get("spec.limits");
                if (!spec.get(0).isNull()) {
                    a.addAll(List.of("--lsl", spec.get(0).asText()));
                }
                if (!spec.get(1).isNull()) {
                    a.addAll(List.of("--usl", spec.get(1).asText()));
                }
                if (args.has("target")) {
                    a.addAll(List.of("--target", args.get("target").asText()));
                }
                a.addAll(List.of("--confidence", args.get("confidence.level").asText()));
                break;
        }
        a.addAll(List.of("-o", out.toString()));
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "qcc-cusum-pistonrings-phase2", "qcc-cusum-synthetic_shift-known", "qcc-cusum-viscosity-h4_k075_fir",
        "qcc-cusum-viscosity-phase2", "qcc-ewma-pistonrings-phase2", "qcc-ewma-pistonrings_varn",
        "qcc-ewma-synthetic_shift-known", "qcc-ewma-viscosity-l04_L27", "qcc-capability-pistonrings",
        "qcc-capability-pistonrings-no_target", "qcc-capability-pistonrings-usl_only", "qcc-capability-viscosity"})
    void reproducesQcc(String name) throws Exception {
        final JsonNode expected = JSON.readTree(resource(name + ".json").toFile());
        final Path out = dir.resolve("out.json");
        final List<String> argv = argv(expected, out);
        final Run r = run(argv);
        assertEquals(0, r.code(), r.err() + " (argv: " + argv + ")");
        final String text = Files.readString(out, StandardCharsets.UTF_8);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        final JsonNode actual = JSON.readTree(text);
        switch (expected.get("function").asText()) {
            case "cusum":
                checkCusum(expected, actual);
                break;
            case "ewma":
                checkEwma(expected, actual);
                break;
            default:
                checkCapability(expected, actual);
                break;
        }
    }

    private static void checkSeries(JsonNode expected, JsonNode actual, String... pairs) {
        final JsonNode p = expected.get("points");
        final JsonNode points = actual.get("points");
        assertEquals(expected.get("n_points").asInt(), points.size(), "points");
        for (int i = 0; i < points.size(); i++) {
            final JsonNode a = points.get(i);
            assertEquals(p.get("index").get(i).asLong(), a.get("x").asLong(), "x of point " + (i + 1));
            assertEquals(p.get("size").get(i).asInt(), a.get("size").asInt(), "size of point " + (i + 1));
            assertEquals(p.get("phase").get(i).asInt(), a.get("phase").asInt(), "phase of point " + (i + 1));
            for (int k = 0; k < pairs.length; k += 2) {
                close(p.get(pairs[k]).get(i).asDouble(), a.get(pairs[k + 1]), pairs[k + 1] + " of point " + (i + 1));
            }
        }
        close(expected.get("summary").get("center").asDouble(), actual.get("summary").get("centre"), "centre");
        close(expected.get("summary").get("std_dev").asDouble(), actual.get("summary").get("sigma"), "sigma");
    }

    private static void checkCusum(JsonNode expected, JsonNode actual) {
        assertEquals("cusum", actual.get("chart").asText());
        checkSeries(expected, actual, "statistic", "statistic", "z", "z", "cusum_pos", "cusumPos",
                "cusum_neg", "cusumNeg");
        final JsonNode s = expected.get("signals");
        final JsonNode points = actual.get("points");
        int upper = 0;
        for (int i = 0; i < points.size(); i++) {
            assertEquals(s.get("upper").get(i).asBoolean(), points.get(i).get("upperSignal").asBoolean(),
                    "upper signal at " + (i + 1));
            assertEquals(s.get("lower").get(i).asBoolean(), points.get(i).get("lowerSignal").asBoolean(),
                    "lower signal at " + (i + 1));
            upper += s.get("upper").get(i).asBoolean() ? 1 : 0;
        }
        final JsonNode summary = actual.get("summary");
        assertEquals(upper, summary.get("upperSignals").asInt());
        close(expected.get("summary").get("decision_interval").asDouble(), summary.get("h"), "h");
        close(expected.get("summary").get("se_shift").asDouble() / 2, summary.get("k"), "k");
        close(expected.get("summary").get("head_start").asDouble(), summary.get("headStart"), "head start");
    }

    private static void checkEwma(JsonNode expected, JsonNode actual) {
        assertEquals("ewma", actual.get("chart").asText());
        checkSeries(expected, actual, "statistic", "statistic", "ewma", "ewma", "sigma", "sigma", "lcl", "lcl",
                "ucl", "ucl");
        final JsonNode beyond = expected.get("signals").get("beyond_limits");
        final JsonNode points = actual.get("points");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(beyond.get(i).asBoolean(), points.get(i).get("signal").asBoolean(), "signal at " + (i + 1));
        }
        close(expected.get("summary").get("lambda").asDouble(), actual.get("summary").get("lambda"), "lambda");
        close(expected.get("summary").get("nsigmas").asDouble(), actual.get("summary").get("sigmas"), "sigmas");
    }

    private static void checkCapability(JsonNode expected, JsonNode actual) {
        assertEquals("capability", actual.get("chart").asText());
        final JsonNode c = expected.get("capability");
        assertEquals(c.get("n_obs").asInt(), actual.get("observations").asInt(), "observations");
        close(c.get("center").asDouble(), actual.get("centre"), "centre");
        close(c.get("std_dev").asDouble(), actual.get("sigma"), "sigma");
        close(c.get("overall_std_dev").asDouble(), actual.get("overallSigma"), "overall sigma");
        closeOrNull(c.get("LSL"), actual.get("lsl"), "LSL");
        closeOrNull(c.get("USL"), actual.get("usl"), "USL");
        closeOrNull(c.get("has_target").asBoolean() ? c.get("target") : null, actual.get("target"), "target");
        close(c.get("confidence_level").asDouble(), actual.get("confidence"), "confidence");
        final JsonNode indices = c.get("indices");
        final Set<String> names = new HashSet<>();
        indices.fieldNames().forEachRemaining(names::add);
        final Set<String> actualNames = new HashSet<>();
        actual.get("indices").fieldNames().forEachRemaining(actualNames::add);
        assertEquals(names, actualNames, "index names");
        for (String name : names) {
            final JsonNode e = indices.get(name);
            final JsonNode a = actual.get("indices").get(name);
            if (e.isEmpty() || e.get("value").isNull()) {
                assertTrue(a.isNull(), name + ": expected null (undefined), got " + a);
            } else {
                for (String part : List.of("value", "lower", "upper")) {
                    close(e.get(part).asDouble(), a.get(part), name + " " + part);
                }
            }
        }
        closeOrNull(c.get("expected_pct_below_LSL"), actual.get("expectedPercentBelow"), "expected % below");
        closeOrNull(c.get("expected_pct_above_USL"), actual.get("expectedPercentAbove"), "expected % above");
        closeOrNull(c.get("observed_pct_below_LSL"), actual.get("observedPercentBelow"), "observed % below");
        closeOrNull(c.get("observed_pct_above_USL"), actual.get("observedPercentAbove"), "observed % above");
    }

    @Test
    void cusumCsvHasOneRowPerSubgroup() throws Exception {
        final Path out = dir.resolve("cusum.csv");
        final Run r = run("cusum", resource("qcc-cusum-pistonrings-phase2.csv").toString(), "--x", "group", "--y",
                "value", "--baseline", "25", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        final List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("x,phase,statistic,size,z,cusumPos,cusumNeg,upperSignal,lowerSignal", lines.get(0));
        assertEquals(41, lines.size());
        assertTrue(lines.get(1).startsWith("1,1,74.0102,5,"), lines.get(1));
        assertTrue(lines.get(26).startsWith("26,2,"), lines.get(26));
    }

    @Test
    void capabilityCsvListsTheTenIndicesWithEmptyCellsWhereUndefined() throws Exception {
        final Path out = dir.resolve("capability.csv");
        final Run r = run("capability", resource("qcc-capability-pistonrings-usl_only.csv").toString(), "--x",
                "group", "--y", "value", "--usl", "74.03", "--target", "74", "--confidence", "0.9", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        final List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(List.of("index,value,lower,upper", "Cp,,,"), lines.subList(0, 2));
        assertEquals(11, lines.size());
        assertTrue(lines.get(3).startsWith("Cp_u,0.98190720562438"), lines.get(3));
    }

    @Test
    void bcusumMatchesTheEngineCaseByCase() throws Exception {
        final int[] outcome = new int[60];
        final StringBuilder csv = new StringBuilder("case,death\n");
        for (int i = 0; i < outcome.length; i++) {
            // 1 in 10 for 30 cases, then 1 in 3: the upper sum must signal
            outcome[i] = i < 30 ? (i % 10 == 3 ? 1 : 0) : (i % 3 == 0 ? 1 : 0);
            csv.append(i + 1).append(',').append(outcome[i]).append('\n');
        }
        final Path in = dir.resolve("cases.csv");
        Files.writeString(in, csv.toString(), StandardCharsets.UTF_8);
        final Path out = dir.resolve("bcusum.json");
        final Run r = run("bcusum", in.toString(), "--x", "case", "--y", "death", "--target-points", "30",
                "--odds-ratio", "3", "--limit", "2.5", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        final BernoulliCusumResult e = BernoulliCusum.withDefaults().withOddsRatio(3).withLimit(2.5)
                .withBaselineCases(30).compute(outcome);
        final JsonNode a = JSON.readTree(out.toFile());
        assertEquals(60, a.get("points").size());
        assertTrue(e.upperSignals().length > 0, "the planted deterioration signals");
        for (int i = 0; i < 60; i++) {
            final JsonNode p = a.get("points").get(i);
            assertEquals(i + 1, p.get("x").asInt());
            assertEquals(outcome[i], p.get("outcome").asInt());
            close(e.upperAt(i), p.get("upper"), "upper at " + (i + 1));
            close(e.lowerAt(i), p.get("lower"), "lower at " + (i + 1));
            assertEquals(e.isUpperSignal(i), p.get("upperSignal").asBoolean(), "upper signal at " + (i + 1));
            assertEquals(e.isLowerSignal(i), p.get("lowerSignal").asBoolean(), "lower signal at " + (i + 1));
        }
        close(0.1, a.get("summary").get("target"), "target p0 = 3 / 30");
        assertEquals(e.upperSignals().length, a.get("summary").get("upperSignals").asInt());
    }

    @Test
    void withoutAnXColumnEachRowIsOnePointAndRowsWithTheSameXFormASubgroup() throws Exception {
        final Path plain = write("plain.csv", "y\n10\n12\n11\n13\n");
        final Path out = dir.resolve("plain.json");
        assertEquals(0, run("ewma", plain.toString(), "-o", out.toString()).code());
        final JsonNode a = JSON.readTree(out.toFile());
        assertEquals(4, a.get("points").size());
        assertEquals(4, a.get("points").get(3).get("x").asInt());
        close(13, a.get("points").get(3).get("statistic"), "statistic of row 4");

        // x out of order and repeated: subgroups in x order, their means charted
        final Path grouped = write("grouped.csv", "x,y\n2,4\n1,1\n2,6\n1,3\n3,8\n3,9\n");
        assertEquals(0, run("cusum", grouped.toString(), "-o", out.toString()).code());
        final JsonNode g = JSON.readTree(out.toFile()).get("points");
        assertEquals(3, g.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, g.get(i).get("x").asInt());
            assertEquals(2, g.get(i).get("size").asInt());
            close(new double[] {2, 5, 8.5}[i], g.get(i).get("statistic"), "mean of subgroup " + (i + 1));
        }
    }

    /** Runs a command that must fail on bad input: exit 2, exactly one line on standard error. */
    private static String fails(String... args) {
        final Run r = run(args);
        assertEquals(2, r.code(), r.err());
        final List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("shewhart: "), lines.get(0));
        return lines.get(0);
    }

    private static void mentions(String line, String... parts) {
        for (String part : parts) {
            assertTrue(line.contains(part), "'" + part + "' not in: " + line);
        }
    }

    private Path write(String name, String text) throws Exception {
        final Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        final String f = resource("qcc-cusum-viscosity-phase2.csv").toString();
        mentions(fails("cusum", f, "--x", "index", "--y", "viscosity"), "no column 'viscosity'", "--y",
                "the columns are: index, value, phase");
    }

    @Test
    void nonNumberNamesFileRowColumnAndValue() throws Exception {
        final Path f = write("bad.csv", "x,y\n1,10.1\n2,ten\n3,9.8\n");
        mentions(fails("ewma", f.toString(), "-o", dir.resolve("o.json").toString()), "bad.csv", "row 3",
                "column 'y'", "'ten' is not a number");
    }

    @Test
    void nonPositiveDecisionIntervalIsRejected() throws Exception {
        final String f = resource("qcc-cusum-viscosity-phase2.csv").toString();
        mentions(fails("cusum", f, "--x", "index", "--y", "value", "--h", "0"), "--h", "must be a finite number > 0",
                "got 0.0");
    }

    @Test
    void headStartMustBeBelowH() throws Exception {
        final String f = resource("qcc-cusum-viscosity-phase2.csv").toString();
        mentions(fails("cusum", f, "--x", "index", "--y", "value", "--h", "4", "--head-start", "4"),
                "--head-start 4.0 must be less than the decision interval --h 4.0");
    }

    @Test
    void negativeReferenceValueIsRejected() throws Exception {
        final String f = resource("qcc-cusum-viscosity-phase2.csv").toString();
        mentions(fails("cusum", f, "--x", "index", "--y", "value", "--k", "-0.5"), "--k must be a finite number >= 0",
                "got -0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.5", "-0.2"})
    void lambdaOutsideZeroOneIsRejected(String lambda) throws Exception {
        final String f = resource("qcc-ewma-viscosity-l04_L27.csv").toString();
        mentions(fails("ewma", f, "--x", "index", "--y", "value", "--lambda", lambda), "--lambda",
                "lambda must be in (0, 1]");
    }

    @Test
    void lambdaOfOneIsAllowed() throws Exception {
        final String f = resource("qcc-ewma-viscosity-l04_L27.csv").toString();
        final Run r = run("ewma", f, "--x", "index", "--y", "value", "--lambda", "1", "-o",
                dir.resolve("o.json").toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void specificationLimitsMustBeOrdered() throws Exception {
        final String f = resource("qcc-capability-pistonrings.csv").toString();
        mentions(fails("capability", f, "--x", "group", "--y", "value", "--lsl", "74.05", "--usl", "73.95"),
                "--lsl 74.05 must be less than --usl 73.95");
        mentions(fails("capability", f, "--x", "group", "--y", "value", "--lsl", "74", "--usl", "74"),
                "--lsl 74.0 must be less than --usl 74.0");
    }

    @Test
    void capabilityNeedsASpecificationLimit() throws Exception {
        final String f = resource("qcc-capability-pistonrings.csv").toString();
        mentions(fails("capability", f, "--x", "group", "--y", "value"), "no specification limit",
                "--lsl, --usl or both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0.5", "yes", ""})
    void outcomeThatIsNotZeroOrOneIsRejected(String bad) throws Exception {
        final Path f = write("outcomes.csv", "x,y\n1,0\n2,1\n3," + bad + "\n4,0\n");
        mentions(fails("bcusum", f.toString()), "outcomes.csv", "row 4", "column 'y'", "'" + bad + "'",
                "is not 0 or 1");
    }

    @Test
    void pointWithoutAnyValueIsNamed() throws Exception {
        final Path f = write("gap.csv", "x,y\n1,10\n2,NA\n2,\n3,9\n");
        mentions(fails("cusum", f.toString()), "gap.csv", "row 3", "column 'y'", "x '2' has no value");
    }

    @Test
    void baselineOutOfRangeIsNamed() throws Exception {
        final String f = resource("qcc-cusum-viscosity-phase2.csv").toString();
        mentions(fails("cusum", f, "--x", "index", "--y", "value", "--baseline", "36"), "--baseline 36 is out of range",
                "35 points", "1 to 35");
    }

    @Test
    void unknownSigmaMethodListsTheValidOnes() throws Exception {
        final String f = resource("qcc-ewma-pistonrings-phase2.csv").toString();
        mentions(fails("ewma", f, "--x", "group", "--y", "value", "--sigma-method", "magic"), "--sigma-method",
                "'magic'", "uwave-r");
    }

    @Test
    void targetAndTargetPointsExcludeEachOther() throws Exception {
        final Path f = write("outcomes.csv", "x,y\n1,0\n2,1\n3,0\n");
        mentions(fails("bcusum", f.toString(), "--target", "0.1", "--target-points", "2"),
                "--target or --target-points, not both");
    }
}
