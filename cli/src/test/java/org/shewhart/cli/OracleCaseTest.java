package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Golden reference tests: every {@code *.json} case in the {@code oracle} resource folder (next to this class)
 * is run through {@code shewhart chart} in-process and compared with what the R package returned.
 *
 * <p>This is a faithful Java port of the project's Python checker {@code oracle/check.py} (shared reference
 * folder; see {@code oracle/README.md} in the resources for provenance): the same option mapping per package
 * (qicharts2, NHSRplotthedots, qcc with the {@code weco} and {@code nelson} profiles), the same tolerance
 * {@code |a - e| <= 1e-9 * max(1, |e|)} and the same exact checks of signal flags, point types, variation,
 * assurance and runs statistics. It differs from check.py in one way only: a case check.py would skip (qcc
 * cusum, ewma, capability; FunnelPlotR) or an unknown package or chart type fails here, so that a case copied
 * into the folder is never silently ignored.
 */
final class OracleCaseTest {
    /** Relative tolerance of check.py ({@code TOL}). */
    private static final double TOL = 1e-9;

    /** The reference cases this project passes today; a guard against the folder going missing or empty. */
    private static final int MIN_CASES = 45;

    /** check.py {@code QCC_RULES}: per profile, the qcc rule flag and the Shewhart rule id, in check order. */
    private static final Map<String, Map<String, String>> QCC_RULES = new LinkedHashMap<>();

    /** check.py {@code NHSR_RULES}: NHSRplotthedots rule flag to Shewhart rule id. */
    private static final Map<String, String> NHSR_RULES = orderedMap(
            "outside_limits", "outside-limits", "seven_point_trend", "trend",
            "two_in_three", "two-of-three", "seven_point_one_side", "shift");

    /** check.py {@code QCC_CHART}: qcc chart type to {@code --chart}. */
    private static final Map<String, String> QCC_CHART = orderedMap(
            "xbar", "xbar", "R", "r", "S", "s", "xbar.one", "i", "p", "p", "np", "np",
            "c", "c", "u", "u", "g", "g");

    /** The qicharts2 chart types check.py covers (its header); anything else is an unknown chart type. */
    private static final Set<String> QICHARTS2_CHARTS =
            Set.of("run", "i", "mr", "xbar", "s", "p", "pp", "c", "u", "up", "g", "t", "ip");

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        QCC_RULES.put("weco", orderedMap("we1", "outside-limits", "we2", "two-of-three", "we3", "four-of-five",
                "we4", "shift"));
        QCC_RULES.put("nelson", orderedMap("nelson1", "outside-limits", "nelson2", "shift", "nelson3", "trend",
                "nelson4", "alternating", "nelson5", "two-of-three", "nelson6", "four-of-five",
                "nelson7", "stratification", "nelson8", "mixture"));
    }

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> referenceCases() throws IOException, URISyntaxException {
        final URL folder = OracleCaseTest.class.getResource("oracle");
        assertTrue(folder != null, "resource folder org/shewhart/cli/oracle is missing");
        final List<Path> cases;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .collect(Collectors.toList());
        }
        assertTrue(cases.size() >= MIN_CASES, "expected at least " + MIN_CASES + " cases, found " + cases.size());
        return cases.stream().map(json -> {
            final String name = json.getFileName().toString().replaceFirst("\\.json$", "");
            return dynamicTest(name, json.toUri(), () -> check(name, json));
        });
    }

    private void check(String name, Path jsonFile) throws IOException {
        final JsonNode c = JSON.readTree(jsonFile.toFile());
        final String declared = req(c, "case").asText();
        if (!declared.equals(name)) {
            throw mismatch("case = %s, but the file is %s.json", declared, name);
        }
        final Path csv = jsonFile.resolveSibling(req(c, "input_csv").asText());
        final String pkg = req(c, "package").asText();
        switch (pkg) {
            case "qicharts2":
                checkQicharts2(c, csv);
                break;
            case "NHSRplotthedots":
                checkNhsr(c, csv);
                break;
            case "qcc":
                if (!req(c, "function").asText().equals("qcc") || !QCC_CHART.containsKey(req(c, "chart").asText())) {
                    throw mismatch("qcc function %s, chart %s is not covered by check.py or this port; test it in "
                            + "its own test", c.get("function"), c.get("chart"));
                }
                checkQcc(c, csv);
                break;
            default:
                throw mismatch("unknown package %s: no option mapping for it (check.py skips it)", pkg);
        }
    }

    // ---- per package, as check.py check_qicharts2 / check_nhsr / check_qcc --------------------------------

    private void checkQicharts2(JsonNode c, Path csv) throws IOException {
        final JsonNode a = req(c, "args");
        final String chart = req(a, "chart").asText();
        if (!QICHARTS2_CHARTS.contains(chart)) {
            throw mismatch("unknown qicharts2 chart type %s; covered: %s", chart, QICHARTS2_CHARTS);
        }
        final List<String> opts = new ArrayList<>(List.of("--chart", chart, "--profile", "anhoej", "--x", "x",
                "--y", "y"));
        if (csvHeader(csv).contains("n")) {
            opts.addAll(List.of("--n", "n"));
        }
        final JsonNode part = get(a, "part");
        if (part != null && part.isTextual() && part.asText().startsWith("column:")) {
            opts.addAll(List.of("--phase-col", part.asText().split(":", 2)[1]));
        } else if (part != null && part.isArray()) {
            for (JsonNode p : part) {
                opts.addAll(List.of("--phase-at", xAt(c, p.asInt() + 1)));
            }
        }
        if (get(a, "freeze") != null && part == null) {
            opts.addAll(List.of("--baseline", numStr(a.get("freeze"))));
        }
        for (JsonNode e : list(get(a, "exclude"))) {
            opts.addAll(List.of("--exclude", xAt(c, e.asInt())));
        }
        if (get(a, "multiply") != null) {
            opts.addAll(List.of("--multiply", numStr(a.get("multiply"))));
        }
        if (get(a, "cl") != null) {
            opts.addAll(List.of("--cl", numStr(a.get("cl"))));
        }
        if (a.has("qic.screenedmr")) {
            opts.add(truthy(a.get("qic.screenedmr")) ? "--screen-mr" : "--no-screen-mr");
        }
        final JsonNode out = runCli(csv, opts);
        final JsonNode points = req(c, "points");
        final JsonNode signals = req(c, "signals");
        final JsonNode pts = pointsOf(out, req(c, "n_points").asInt());
        for (String k : List.of("cl", "lcl", "ucl")) {
            cmpSeries(pts, k, req(points, k), "qicharts2 " + k);
        }
        cmpFlags(pts, "outside-limits", req(signals, "sigma"), "qicharts2 sigma.signal");
        final JsonNode phases = get(out, "phases");
        final int phaseCount = phases == null ? 0 : phases.size();
        for (JsonNode partInfo : list(get(c, "parts"))) {
            final int idx = req(partInfo, "part").asInt() - 1;
            if (idx >= phaseCount) {
                throw mismatch("expected phase %d, output has %d phases", idx + 1, phaseCount);
            }
            final JsonNode runs = get(phases.get(idx), "runs");
            final String[][] keys = {{"longest_run", "longestRun"}, {"longest_run_max", "longestRunMax"},
                {"n_crossings", "crossings"}, {"n_crossings_min", "crossingsMin"}, {"n_useful", "useful"}};
            for (String[] k : keys) {
                final JsonNode e = get(partInfo, k[0]);
                if (e == null || chart.equals("mr")) {
                    continue;
                }
                final JsonNode actual = get(runs, k[1]);
                if (!pyEquals(actual, e)) {
                    throw mismatch("phase %d: runs.%s = %s, expected %s", idx + 1, k[1], repr(actual), repr(e));
                }
            }
            final JsonNode expectedSignal = get(partInfo, "runs_signal");
            if (!chart.equals("mr") && expectedSignal != null) {
                final JsonNode actual = get(runs, "signal");
                if (truthy(actual) != truthy(expectedSignal)) {
                    throw mismatch("phase %d: runs.signal = %s, expected %s", idx + 1, repr(actual),
                            repr(expectedSignal));
                }
            }
        }
    }

    private void checkNhsr(JsonNode c, Path csv) throws IOException {
        final String chart = req(c, "chart").asText();
        if (!chart.equals("xmr")) {
            throw mismatch("unknown NHSRplotthedots chart type %s; covered: xmr", chart);
        }
        final JsonNode a = req(c, "args");
        final JsonNode direction = get(a, "improvement_direction");
        final List<String> opts = new ArrayList<>(List.of("--chart", "xmr", "--profile", "mdc", "--x", "x",
                "--y", "y", "--improvement", direction == null ? "increase" : direction.asText()));
        if (get(a, "target") != null) {
            opts.addAll(List.of("--target", numStr(a.get("target"))));
        }
        for (JsonNode d : list(get(a, "rebase"))) {
            opts.addAll(List.of("--phase-at", d.asText()));
        }
        if (get(a, "fix_after_n_points") != null) {
            opts.addAll(List.of("--baseline", numStr(a.get("fix_after_n_points"))));
        }
        if (a.has("screen_outliers")) {
            opts.add(truthy(a.get("screen_outliers")) ? "--screen-mr" : "--no-screen-mr");
        }
        final JsonNode out = runCli(csv, opts);
        final JsonNode points = req(c, "points");
        final JsonNode signals = req(c, "signals");
        final JsonNode pts = pointsOf(out, req(c, "n_points").asInt());
        final String[][] lines = {{"mean", "cl"}, {"lpl", "lcl"}, {"upl", "ucl"}};
        for (String[] k : lines) {
            cmpSeries(pts, k[1], req(points, k[0]), "NHSRplotthedots " + k[0]);
        }
        for (Map.Entry<String, String> r : NHSR_RULES.entrySet()) {
            cmpFlags(pts, r.getValue(), req(signals, r.getKey()), "NHSRplotthedots " + r.getKey());
        }
        final JsonNode types = req(points, "point_type");
        for (int i = 0; i < types.size(); i++) {
            final JsonNode e = types.get(i);
            if (e.isNull()) {
                continue;
            }
            final JsonNode actual = get(point(pts, i), "type");
            if (actual == null || !actual.isTextual() || !actual.asText().equals(kebab(e.asText()))) {
                throw mismatch("point %d: type = %s, expected %s", i + 1, repr(actual), repr(e));
            }
        }
        final List<JsonNode> groups = list(get(c, "groups"));
        if (!groups.isEmpty()) {
            final JsonNode last = groups.get(groups.size() - 1);
            final String variation = kebab(req(last, "variation_type").asText());
            final JsonNode actualVariation = get(out, "variation");
            if (actualVariation == null || !actualVariation.isTextual()
                    || !actualVariation.asText().equals(variation)) {
                throw mismatch("variation = %s, expected %s", repr(actualVariation), repr(last.get("variation_type")));
            }
            final JsonNode assurance = get(last, "assurance_type");
            final String expected = truthy(assurance) ? kebab(assurance.asText()) : null;
            final JsonNode actual = get(out, "assurance");
            final boolean same = expected == null ? actual == null
                    : actual != null && actual.isTextual() && actual.asText().equals(expected);
            if (!same) {
                throw mismatch("assurance = %s, expected %s", repr(actual), expected == null ? "None" : expected);
            }
        }
    }

    private void checkQcc(JsonNode c, Path csv) throws IOException {
        final JsonNode a = req(c, "args");
        final String chart = QCC_CHART.get(req(c, "chart").asText());
        final List<String> header = csvHeader(csv);
        final List<String> opts = new ArrayList<>(List.of("--chart", chart));
        if (header.contains("count")) {
            opts.addAll(List.of("--x", "group", "--y", "count"));
            if (header.contains("size")) {
                opts.addAll(List.of("--n", "size"));
            }
        } else if (header.contains("group")) {
            opts.addAll(List.of("--x", "group", "--y", "value"));
        } else {
            opts.addAll(List.of("--x", "index", "--y", "value"));
        }
        final JsonNode sd = get(a, "std.dev");
        if (sd != null && sd.isTextual()) {
            opts.addAll(List.of("--sigma-method", sd.asText().toLowerCase(Locale.ROOT)));
        } else if (sd != null) {
            opts.addAll(List.of("--sigma", numStr(sd)));
        }
        if (get(a, "nsigmas") != null) {
            opts.addAll(List.of("--sigmas", numStr(a.get("nsigmas"))));
        }
        if (get(a, "center") != null) {
            opts.addAll(List.of("--cl", numStr(a.get("center"))));
        }
        final int n = req(c, "n_points").asInt();
        final JsonNode n1 = get(get(c, "summary"), "n_phase1");
        if (truthy(n1) && n1.asDouble() < n) {
            opts.addAll(List.of("--baseline", pyStr(n1)));
        }
        final JsonNode points = req(c, "points");
        final JsonNode signals = req(c, "signals");
        int profilesChecked = 0;
        for (Map.Entry<String, Map<String, String>> profile : QCC_RULES.entrySet()) {
            final Map<String, String> rules = profile.getValue();
            if (rules.keySet().stream().noneMatch(signals::has)) {
                continue;
            }
            profilesChecked++;
            final List<String> withProfile = new ArrayList<>(opts);
            withProfile.addAll(List.of("--profile", profile.getKey()));
            final JsonNode pts = pointsOf(runCli(csv, withProfile), n);
            final String[][] lines = {{"center", "cl"}, {"lcl", "lcl"}, {"ucl", "ucl"}};
            for (String[] k : lines) {
                cmpSeries(pts, k[1], req(points, k[0]), "qcc " + k[0]);
            }
            for (Map.Entry<String, String> r : rules.entrySet()) {
                if (signals.has(r.getKey())) {
                    cmpFlags(pts, r.getValue(), signals.get(r.getKey()),
                            "qcc " + r.getKey() + " (" + profile.getKey() + ")");
                }
            }
        }
        // check.py would pass such a case without comparing anything; here that is a failure, not a silent pass
        if (profilesChecked == 0) {
            throw mismatch("no we1..we4 or nelson1..nelson8 flags in signals: nothing to compare");
        }
    }

    // ---- running the command ------------------------------------------------------------------------------

    /** check.py {@code run_cli}: {@code shewhart chart CSV OPTS --format json -o OUT}, in-process. */
    private JsonNode runCli(Path csv, List<String> opts) throws IOException {
        final Path out = Files.createTempFile(tmp, "chart", ".json");
        final List<String> argv = new ArrayList<>(List.of("chart", csv.toString()));
        argv.addAll(opts);
        argv.addAll(List.of("--format", "json", "-o", out.toString()));
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv.toArray(new String[0]), w);
        }
        if (code != 0) {
            throw mismatch("exit %d: %s (argv: %s)", code, head(err.toString().strip(), 300), argv);
        }
        final String text = Files.readString(out, StandardCharsets.UTF_8);
        final JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw mismatch("output is not JSON (%s): %s", e.getOriginalMessage(), head(text, 200));
        }
        if (node == null || !node.isObject()) {
            throw mismatch("output is not a JSON object: %s", head(text, 200));
        }
        return node;
    }

    // ---- comparisons, as check.py close / points_of / cmp_series / cmp_flags -------------------------------

    /** check.py {@code close}: null only for null; otherwise a number within the relative tolerance. */
    static boolean close(JsonNode a, JsonNode e) {
        if (e == null || e.isNull()) {
            return a == null || a.isNull();
        }
        if (a == null || !a.isNumber()) {
            return false;
        }
        final double av = a.asDouble();
        final double ev = e.asDouble();
        if (Double.isNaN(av)) {
            return false;
        }
        return Math.abs(av - ev) <= TOL * Math.max(1.0, Math.abs(ev));
    }

    private static JsonNode pointsOf(JsonNode out, int n) {
        final JsonNode pts = get(out, "points");
        if (pts == null || !pts.isArray() || pts.size() != n) {
            throw mismatch("expected %d points, got %s", n,
                    pts != null && pts.isArray() ? String.valueOf(pts.size()) : repr(pts));
        }
        return pts;
    }

    private static void cmpSeries(JsonNode pts, String key, JsonNode expected, String label) {
        for (int i = 0; i < expected.size(); i++) {
            final JsonNode e = expected.get(i);
            final JsonNode a = get(point(pts, i), key);
            if (!close(a, e)) {
                throw mismatch("point %d: %s = %s, expected %s (%s)", i + 1, key, repr(a), repr(e), label);
            }
        }
    }

    private static void cmpFlags(JsonNode pts, String rule, JsonNode expected, String label) {
        for (int i = 0; i < expected.size(); i++) {
            final JsonNode e = expected.get(i);
            if (e.isNull()) {
                continue;
            }
            boolean a = false;
            for (JsonNode s : list(get(point(pts, i), "signals"))) {
                a |= s.isTextual() && s.asText().equals(rule);
            }
            if (a != truthy(e)) {
                throw mismatch("point %d: signal %s is %s, expected %s (%s)", i + 1, rule, py(a), py(truthy(e)),
                        label);
            }
        }
    }

    private static JsonNode point(JsonNode pts, int i) {
        if (i >= pts.size()) {
            throw mismatch("point %d: the expected series is longer than the %d points", i + 1, pts.size());
        }
        return pts.get(i);
    }

    // ---- small Python equivalents -------------------------------------------------------------------------

    /** A field as Python's {@code dict.get}: {@code null} when absent or JSON null. */
    private static JsonNode get(JsonNode o, String key) {
        if (o == null || !o.isObject()) {
            return null;
        }
        final JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** A required field, as Python's {@code d[key]} (a KeyError fails the case in check.py too). */
    private static JsonNode req(JsonNode o, String key) {
        if (o == null || !o.has(key)) {
            throw mismatch("missing field '%s' in %s", key, o == null ? "None" : head(o.toString(), 120));
        }
        return o.get(key);
    }

    /** Python's {@code x or []} over a JSON array. */
    private static List<JsonNode> list(JsonNode v) {
        final List<JsonNode> l = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(l::add);
        }
        return l;
    }

    /** Python truthiness of a JSON value. */
    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0.0;
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        return v.size() > 0;
    }

    /** Python {@code ==} between two JSON scalars: numbers by value, anything else as JSON. */
    private static boolean pyEquals(JsonNode a, JsonNode e) {
        if (a == null || e == null) {
            return a == e;
        }
        if (a.isNumber() && e.isNumber()) {
            return a.decimalValue().compareTo(e.decimalValue()) == 0;
        }
        return a.equals(e);
    }

    /** check.py {@code num_str}: an integral float without ".0", any other number in its shortest form. */
    static String numStr(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            final double d = v.asDouble();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return new BigDecimal(d).toBigInteger().toString();
            }
            return Double.toString(d);
        }
        return v.asText();
    }

    /** Python {@code str()} of a JSON scalar. */
    private static String pyStr(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return Double.toString(v.asDouble());
        }
        return v.toString();
    }

    /** check.py {@code x_at}: the x of the 1-based point, as text for {@code --phase-at} / {@code --exclude}. */
    private static String xAt(JsonNode c, int index1) {
        final JsonNode xs = req(req(c, "points"), "x");
        if (index1 < 1 || index1 > xs.size()) {
            throw mismatch("point %d has no x (%d points)", index1, xs.size());
        }
        return pyStr(xs.get(index1 - 1));
    }

    /** check.py {@code csv_header}: the first line split on commas, stripped of blanks and double quotes. */
    static List<String> csvHeader(Path csv) throws IOException {
        final String line;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            line = r.readLine();
        }
        final List<String> names = new ArrayList<>();
        for (String h : (line == null ? "" : line).split(",", -1)) {
            names.add(stripQuotes(h.strip()));
        }
        return names;
    }

    private static String stripQuotes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '"') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '"') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String kebab(String id) {
        return id.replace('_', '-');
    }

    private static String repr(JsonNode v) {
        return v == null || v.isNull() ? "None" : v.toString();
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static AssertionFailedError mismatch(String format, Object... args) {
        return new AssertionFailedError(String.format(Locale.ROOT, format, args));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        final Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
