package org.shewhart.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every qcc 3.0 cusum / ewma / processCapability reference case in this package's test resources (see
 * the README there for provenance): every number, flag and summary field a case provides is asserted, with the
 * oracle's tolerance |a - e| &lt;= 1e-9 max(1, |e|); a field the test does not know fails the case, so nothing is
 * skipped silently.
 */
final class QccReferenceCasesTest {
    private static final double TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cases, listed so that a missing file fails instead of shrinking the test. */
    private static final String[] CASES = {
        "qcc-capability-pistonrings",
        "qcc-capability-pistonrings-no_target",
        "qcc-capability-pistonrings-usl_only",
        "qcc-capability-viscosity",
        "qcc-cusum-pistonrings-phase2",
        "qcc-cusum-synthetic_shift-known",
        "qcc-cusum-viscosity-h4_k075_fir",
        "qcc-cusum-viscosity-phase2",
        "qcc-ewma-pistonrings-phase2",
        "qcc-ewma-pistonrings_varn",
        "qcc-ewma-synthetic_shift-known",
        "qcc-ewma-viscosity-l04_L27",
    };

    static Stream<String> cases() {
        return Arrays.stream(CASES);
    }

    @Test
    void everyCaseInTheResourcesIsListed() throws IOException, URISyntaxException {
        final URL dir = QccReferenceCasesTest.class.getResource(".");
        assertNotNull(dir, "test resource directory");
        final TreeSet<String> found;
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            found = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(Arrays.asList(CASES)), found);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesQcc(String name) throws IOException {
        final JsonNode expected = JSON.readTree(resource(name + ".json"));
        assertEquals(name, expected.get("case").asText());
        assertEquals(name + ".csv", expected.get("input_csv").asText());
        assertEquals("qcc", expected.get("package").asText());
        final Input input = Input.read(resource(name + ".csv"));
        final Checker check = new Checker(name);
        final String function = expected.get("function").asText();
        switch (function) {
            case "cusum":
                checkCusum(expected, input, check);
                break;
            case "ewma":
                checkEwma(expected, input, check);
                break;
            case "processCapability":
                checkCapability(expected, input, check);
                break;
            default:
                fail(name + ": unknown function " + function);
        }
        check.done();
    }

    private static void checkCusum(JsonNode expected, Input input, Checker check) {
        Cusum cusum = Cusum.withDefaults();
        for (Map.Entry<String, JsonNode> arg : fields(expected.get("args"))) {
            final double v = arg.getValue().asDouble();
            switch (arg.getKey()) {
                case "decision.interval":
                    cusum = cusum.withDecisionInterval(v);
                    break;
                case "se.shift":
                    cusum = cusum.withShift(v);
                    break;
                case "head.start":
                    cusum = cusum.withHeadStart(v);
                    break;
                case "center":
                    cusum = cusum.withCentre(v);
                    break;
                case "std.dev":
                    cusum = cusum.withSigma(v);
                    break;
                default:
                    fail("unhandled cusum argument " + arg.getKey());
            }
        }
        final CusumResult r = cusum.compute(input.data, input.phaseOne);
        assertEquals(expected.get("n_points").asInt(), r.size(), "n_points");
        final JsonNode points = expected.get("points");
        for (Map.Entry<String, JsonNode> f : fields(points)) {
            final IntToDoubleFunction actual;
            switch (f.getKey()) {
                case "index":
                    actual = i -> i + 1;
                    break;
                case "phase":
                    actual = r::phaseAt;
                    break;
                case "size":
                    actual = r::subgroupSizeAt;
                    break;
                case "statistic":
                    actual = r::statisticAt;
                    break;
                case "z":
                    actual = r::zAt;
                    break;
                case "cusum_pos":
                    actual = r::upperAt;
                    break;
                case "cusum_neg":
                    actual = r::lowerAt;
                    break;
                default:
                    fail("unhandled cusum point field " + f.getKey());
                    return;
            }
            check.series("points." + f.getKey(), f.getValue(), r.size(), actual);
        }
        for (Map.Entry<String, JsonNode> f : fields(expected.get("signals"))) {
            switch (f.getKey()) {
                case "upper":
                    check.flags("signals.upper", f.getValue(), r.size(), r::isUpperSignal);
                    break;
                case "lower":
                    check.flags("signals.lower", f.getValue(), r.size(), r::isLowerSignal);
                    break;
                default:
                    fail("unhandled cusum signal " + f.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> f : fields(expected.get("summary"))) {
            final double actual;
            switch (f.getKey()) {
                case "center":
                    actual = r.centre();
                    break;
                case "std_dev":
                    actual = r.sigma();
                    break;
                case "decision_interval":
                    actual = r.decisionInterval();
                    break;
                case "se_shift":
                    actual = r.shift();
                    break;
                case "head_start":
                    actual = r.headStart();
                    break;
                default:
                    fail("unhandled cusum summary field " + f.getKey());
                    return;
            }
            check.number("summary." + f.getKey(), f.getValue(), actual);
        }
    }

    private static void checkEwma(JsonNode expected, Input input, Checker check) {
        Ewma ewma = Ewma.withDefaults();
        for (Map.Entry<String, JsonNode> arg : fields(expected.get("args"))) {
            final double v = arg.getValue().asDouble();
            switch (arg.getKey()) {
                case "lambda":
                    ewma = ewma.withLambda(v);
                    break;
                case "nsigmas":
                    ewma = ewma.withSigmas(v);
                    break;
                case "center":
                    ewma = ewma.withCentre(v);
                    break;
                case "std.dev":
                    ewma = ewma.withSigma(v);
                    break;
                default:
                    fail("unhandled ewma argument " + arg.getKey());
            }
        }
        final EwmaResult r = ewma.compute(input.data, input.phaseOne);
        assertEquals(expected.get("n_points").asInt(), r.size(), "n_points");
        for (Map.Entry<String, JsonNode> f : fields(expected.get("points"))) {
            final IntToDoubleFunction actual;
            switch (f.getKey()) {
                case "index":
                    actual = i -> i + 1;
                    break;
                case "phase":
                    actual = r::phaseAt;
                    break;
                case "size":
                    actual = r::subgroupSizeAt;
                    break;
                case "statistic":
                    actual = r::statisticAt;
                    break;
                case "ewma":
                    actual = r::ewmaAt;
                    break;
                case "sigma":
                    actual = r::sigmaAt;
                    break;
                case "lcl":
                    actual = r::lowerLimitAt;
                    break;
                case "ucl":
                    actual = r::upperLimitAt;
                    break;
                default:
                    fail("unhandled ewma point field " + f.getKey());
                    return;
            }
            check.series("points." + f.getKey(), f.getValue(), r.size(), actual);
        }
        for (Map.Entry<String, JsonNode> f : fields(expected.get("signals"))) {
            if (!f.getKey().equals("beyond_limits")) {
                fail("unhandled ewma signal " + f.getKey());
            }
            check.flags("signals.beyond_limits", f.getValue(), r.size(), r::isSignal);
        }
        for (Map.Entry<String, JsonNode> f : fields(expected.get("summary"))) {
            final double actual;
            switch (f.getKey()) {
                case "center":
                    actual = r.centre();
                    break;
                case "std_dev":
                    actual = r.sigma();
                    break;
                case "lambda":
                    actual = r.lambda();
                    break;
                case "nsigmas":
                    actual = r.sigmas();
                    break;
                default:
                    fail("unhandled ewma summary field " + f.getKey());
                    return;
            }
            check.number("summary." + f.getKey(), f.getValue(), actual);
        }
    }

    private static void checkCapability(JsonNode expected, Input input, Checker check) {
        Capability capability = Capability.withDefaults();
        for (Map.Entry<String, JsonNode> arg : fields(expected.get("args"))) {
            final JsonNode v = arg.getValue();
            switch (arg.getKey()) {
                case "spec.limits":
                    capability = capability.withSpecificationLimits(orNaN(v.get(0)), orNaN(v.get(1)));
                    break;
                case "target":
                    capability = capability.withTarget(v.asDouble());
                    break;
                case "confidence.level":
                    capability = capability.withConfidenceLevel(v.asDouble());
                    break;
                default:
                    fail("unhandled capability argument " + arg.getKey());
            }
        }
        final CapabilityResult r = capability.compute(input.data, input.phaseOne);
        assertEquals(expected.get("n_points").asInt(), r.size(), "n_points");
        for (Map.Entry<String, JsonNode> f : fields(expected.get("points"))) {
            final IntToDoubleFunction actual;
            switch (f.getKey()) {
                case "index":
                    actual = i -> i + 1;
                    break;
                case "size":
                    actual = r::subgroupSizeAt;
                    break;
                case "statistic":
                    actual = r::statisticAt;
                    break;
                case "center":
                    actual = i -> r.centre();
                    break;
                case "lcl":
                    actual = r::lowerLimitAt;
                    break;
                case "ucl":
                    actual = r::upperLimitAt;
                    break;
                default:
                    fail("unhandled capability point field " + f.getKey());
                    return;
            }
            check.series("points." + f.getKey(), f.getValue(), r.size(), actual);
        }
        final JsonNode cap = expected.get("capability");
        // fields that qcc leaves out when they are NA (one-sided specification): then ours must be NaN
        final String[] optional = {"LSL", "USL", "expected_pct_below_LSL", "expected_pct_above_USL",
            "observed_pct_below_LSL", "observed_pct_above_USL"};
        for (String key : optional) {
            if (!cap.has(key)) {
                check.number("capability." + key + " (absent)", null, capabilityNumber(r, key));
            }
        }
        for (Map.Entry<String, JsonNode> f : fields(cap)) {
            final String key = f.getKey();
            final JsonNode v = f.getValue();
            switch (key) {
                case "chart_type":
                    check.text("capability.chart_type", v.asText(), input.data.isIndividuals() ? "xbar.one" : "xbar");
                    break;
                case "has_target":
                    check.text("capability.has_target", v.asText(), Boolean.toString(r.hasTarget()));
                    break;
                case "indices":
                    for (CapabilityIndex.Kind kind : CapabilityIndex.Kind.values()) {
                        assertTrue(v.has(kind.label()), "index " + kind.label() + " in the case");
                    }
                    for (Map.Entry<String, JsonNode> idx : fields(v)) {
                        checkIndex(check, idx.getKey(), idx.getValue(), r);
                    }
                    break;
                default:
                    check.number("capability." + key, v, capabilityNumber(r, key));
            }
        }
    }

    private static double capabilityNumber(CapabilityResult r, String key) {
        switch (key) {
            case "n_obs":
                return r.observations();
            case "center":
                return r.centre();
            case "std_dev":
                return r.sigma();
            case "overall_std_dev":
                return r.overallSigma();
            case "target":
                return r.target();
            case "LSL":
                return r.lowerSpecification();
            case "USL":
                return r.upperSpecification();
            case "confidence_level":
                return r.confidenceLevel();
            case "expected_pct_below_LSL":
                return r.expectedPercentBelow();
            case "expected_pct_above_USL":
                return r.expectedPercentAbove();
            case "observed_pct_below_LSL":
                return r.observedPercentBelow();
            case "observed_pct_above_USL":
                return r.observedPercentAbove();
            default:
                fail("unhandled capability field " + key);
                return Double.NaN;
        }
    }

    private static void checkIndex(Checker check, String label, JsonNode expected, CapabilityResult r) {
        CapabilityIndex.Kind kind = null;
        for (CapabilityIndex.Kind k : CapabilityIndex.Kind.values()) {
            if (k.label().equals(label)) {
                kind = k;
            }
        }
        assertNotNull(kind, "unknown capability index " + label);
        final CapabilityIndex actual = r.index(kind);
        final String where = "capability.indices." + label;
        if (expected.isEmpty()) {
            check.isTrue(where + " undefined (null)", actual == null);
            return;
        }
        if (actual == null) {
            check.isTrue(where + " defined", false);
            return;
        }
        for (Map.Entry<String, JsonNode> f : fields(expected)) {
            switch (f.getKey()) {
                case "value":
                    check.number(where + ".value", f.getValue(), actual.value());
                    break;
                case "lower":
                    check.number(where + ".lower", f.getValue(), actual.lower());
                    break;
                case "upper":
                    check.number(where + ".upper", f.getValue(), actual.upper());
                    break;
                default:
                    fail("unhandled index field " + f.getKey());
            }
        }
    }

    private static double orNaN(JsonNode v) {
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        final List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                out.add(it.next());
            }
        }
        return out;
    }

    private static InputStream resource(String file) {
        final InputStream in = QccReferenceCasesTest.class.getResourceAsStream(file);
        assertNotNull(in, "resource " + file);
        return in;
    }

    /** The CSV input: grouped ({@code group,value,phase}) or individual ({@code index,value,phase}) data. */
    private static final class Input {
        final Subgroups data;
        final int phaseOne;

        private Input(Subgroups data, int phaseOne) {
            this.data = data;
            this.phaseOne = phaseOne;
        }

        static Input read(InputStream in) throws IOException {
            final List<String[]> rows = new ArrayList<>();
            String[] header;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                header = unquote(reader.readLine().split(","));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        rows.add(unquote(line.split(",", -1)));
                    }
                }
            }
            final int n = rows.size();
            final double[] value = new double[n];
            final int[] key = new int[n];
            final int[] phase = new int[n];
            final List<String> columns = Arrays.asList(header);
            final int valueColumn = columns.indexOf("value");
            final int phaseColumn = columns.indexOf("phase");
            final boolean grouped = columns.contains("group");
            final int keyColumn = columns.indexOf(grouped ? "group" : "index");
            assertTrue(valueColumn >= 0 && phaseColumn >= 0 && keyColumn >= 0, "columns " + columns);
            for (int r = 0; r < n; r++) {
                final String[] row = rows.get(r);
                value[r] = row[valueColumn].isEmpty() ? Double.NaN : Double.parseDouble(row[valueColumn]);
                key[r] = Integer.parseInt(row[keyColumn]);
                phase[r] = Integer.parseInt(row[phaseColumn]);
                assertTrue(phase[r] == 1 || phase[r] == 2, "phase " + phase[r]);
                assertTrue(r == 0 || phase[r] >= phase[r - 1], "phase-1 rows come first");
            }
            final Subgroups data = grouped ? Subgroups.ofObservations(value, key) : Subgroups.ofIndividuals(value);
            // phase-1 points: distinct subgroup keys among the phase-1 rows (keys are 1..k in chart order)
            int phaseOne = 0;
            for (int r = 0; r < n; r++) {
                if (phase[r] == 1 && (r == 0 || key[r] != key[r - 1])) {
                    phaseOne++;
                }
            }
            return new Input(data, phaseOne);
        }

        private static String[] unquote(String[] cells) {
            final String[] out = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                final String c = cells[i].trim();
                out[i] = c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1)
                        : c;
            }
            return out;
        }
    }

    /** Collects every mismatch of a case, then fails once with all of them. */
    private static final class Checker {
        private final String name;
        private final List<String> errors = new ArrayList<>();
        private int checked;

        Checker(String name) {
            this.name = name;
        }

        void number(String where, JsonNode expected, double actual) {
            checked++;
            if (expected == null || expected.isNull()) {
                if (actual == actual) {
                    errors.add(String.format(Locale.ROOT, "%s: expected null, got %s", where, actual));
                }
                return;
            }
            final double e = expected.asDouble();
            if (!(Math.abs(actual - e) <= TOLERANCE * Math.max(1, Math.abs(e)))) {
                errors.add(String.format(Locale.ROOT, "%s: expected %s, got %s (diff %.3g)", where,
                        expected.asText(), actual, actual - e));
            }
        }

        void series(String where, JsonNode expected, int n, IntToDoubleFunction actual) {
            assertEquals(n, expected.size(), where + " length");
            for (int i = 0; i < n; i++) {
                number(where + "[" + (i + 1) + "]", expected.get(i), actual.applyAsDouble(i));
            }
        }

        void flags(String where, JsonNode expected, int n, IntPredicate actual) {
            assertEquals(n, expected.size(), where + " length");
            for (int i = 0; i < n; i++) {
                checked++;
                final JsonNode e = expected.get(i);
                if (!e.isBoolean() || e.asBoolean() != actual.test(i)) {
                    errors.add(where + "[" + (i + 1) + "]: expected " + e + ", got " + actual.test(i));
                }
            }
        }

        void text(String where, String expected, String actual) {
            checked++;
            if (!expected.equals(actual)) {
                errors.add(where + ": expected " + expected + ", got " + actual);
            }
        }

        void isTrue(String what, boolean ok) {
            checked++;
            if (!ok) {
                errors.add(what + ": failed");
            }
        }

        void done() {
            assertTrue(checked > 0, name + ": nothing checked");
            if (!errors.isEmpty()) {
                fail(name + ": " + errors.size() + " of " + checked + " values differ:\n  "
                        + String.join("\n  ", errors));
            }
        }
    }
}
