package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shewhart.datasets.Datasets;
import org.shewhart.engine.Rule;

/**
 * {@code scan --settings}, {@code --phase-col} and the error policy ({@code --strict}), on the bundled board feed
 * and the qicharts2 C. difficile series: every series' summary equals {@code chart} run on that series alone with
 * the options its settings row (or the phase column) stands for.
 */
final class ScanOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path bundled(String name) throws IOException {
        final Path p = tmp.resolve(name + ".csv");
        Files.write(p, Datasets.bytes(name));
        return p;
    }

    /** The rows of a CSV file with no quoted line breaks, as lists of cells (RFC 4180 quotes undone). */
    private static List<List<String>> csv(Path p) throws IOException {
        final List<List<String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            final List<String> cells = new ArrayList<>();
            final StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                final char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        sb.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(sb.toString());
                    sb.setLength(0);
                } else {
                    sb.append(c);
                }
            }
            cells.add(sb.toString());
            out.add(cells);
        }
        return out;
    }

    /** Summary rows by their first key. */
    private static Map<String, Map<String, String>> summary(Path p) throws IOException {
        final List<List<String>> rows = csv(p);
        final List<String> header = rows.get(0);
        final Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            final Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.put(r.get(0), m);
        }
        return out;
    }

    /** Runs chart on one series' rows with the options; returns the chart JSON. */
    private JsonNode chart(List<String> header, List<List<String>> rows, List<String> options) throws IOException {
        final StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> r : rows) {
            final List<String> q = new ArrayList<>();
            for (String c : r) {
                q.add(ScanOutput.quote(c));
            }
            sb.append(String.join(",", q)).append('\n');
        }
        final Path one = Files.writeString(tmp.resolve("one.csv"), sb.toString());
        final Path out = tmp.resolve("one.json");
        final List<String> args = new ArrayList<>(List.of("chart", one.toString(), "-o", out.toString()));
        args.addAll(options);
        final ScanCommandTest.Run r = ScanCommandTest.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(out.toFile());
    }

    private static void same(JsonNode expected, String actual, String what) {
        if (expected == null || expected.isNull()) {
            assertEquals("", actual, what);
        } else {
            assertEquals(expected.asDouble(), Double.parseDouble(actual), 0.0, what);
        }
    }

    /** The summary row equals the chart, field by field. */
    static void assertSummaryIsChart(JsonNode chart, Map<String, String> row, String key) {
        final JsonNode ps = chart.get("points");
        final JsonNode last = ps.get(ps.size() - 1);
        final JsonNode phases = chart.get("phases");
        assertEquals(ps.size(), Integer.parseInt(row.get("points")), key);
        assertEquals(phases.size(), Integer.parseInt(row.get("phases")), key);
        same(phases.get(phases.size() - 1).get("cl"), row.get("cl"), key + " cl");
        same(phases.get(phases.size() - 1).get("sigma"), row.get("sigma"), key + " sigma");
        same(last.get("lcl"), row.get("lcl"), key + " lcl");
        same(last.get("ucl"), row.get("ucl"), key + " ucl");
        assertEquals(last.get("type").asText(), row.get("last_type"), key);
        assertEquals(chart.get("variation").asText(), row.get("variation"), key);
        assertEquals(chart.get("assurance").isNull() ? "" : chart.get("assurance").asText(), row.get("assurance"),
                key);
        final Map<String, Integer> counts = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int lastSignal = -1;
        for (JsonNode sig : chart.get("signals")) {
            counts.merge(sig.get("rule").asText(), 1, Integer::sum);
            first = Math.min(first, sig.get("first").asInt());
            lastSignal = Math.max(lastSignal, sig.get("last").asInt());
        }
        for (Rule rule : Rule.values()) {
            assertEquals(counts.getOrDefault(rule.id(), 0), Integer.parseInt(row.get(rule.id())),
                    key + " " + rule.id());
        }
        assertEquals(lastSignal < 0 ? "" : ps.get(first - 1).get("x").asText(), row.get("first_signal_x"), key);
        assertEquals(lastSignal < 0 ? "" : ps.get(lastSignal - 1).get("x").asText(), row.get("last_signal_x"), key);
        assertEquals("", row.get("error"), key);
    }

    /**
     * The bundled board feed with its settings file (the one {@code report} reads): each indicator is charted with
     * its row's chart type (a c chart among them), improvement, target, multiplier and phase-at, exactly as
     * {@code chart} with those options charts it.
     */
    @Test
    void settingsChooseEachSeriesChart() throws IOException {
        final Path feed = bundled(Datasets.BOARD_FEED);
        final Path settings = bundled(Datasets.BOARD_SETTINGS);
        final Path out = tmp.resolve("s.csv");
        final ScanCommandTest.Run r = ScanCommandTest.run("scan", feed.toString(), "--by", "indicator", "--x",
                "period", "--y", "value", "--settings", settings.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        final Map<String, Map<String, String>> sum = summary(out);
        final List<List<String>> rows = csv(feed);
        final List<List<String>> set = csv(settings);
        final List<String> sh = set.get(0);
        assertEquals(set.size() - 1, sum.size());
        int phased = 0;
        for (List<String> s : set.subList(1, set.size())) {
            final String name = s.get(0);
            final List<String> opts = new ArrayList<>(List.of("--x", "period", "--y", "value"));
            opts.addAll(List.of("--chart", s.get(sh.indexOf("chart")).isEmpty() ? "xmr" : s.get(sh.indexOf("chart"))));
            for (String c : List.of("improvement", "target", "multiply", "profile")) {
                if (!s.get(sh.indexOf(c)).isEmpty()) {
                    opts.addAll(List.of("--" + c, s.get(sh.indexOf(c))));
                }
            }
            if (!s.get(sh.indexOf("phase-at")).isEmpty()) {
                opts.addAll(List.of("--phase-at", s.get(sh.indexOf("phase-at"))));
                phased++;
            }
            final List<List<String>> own = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.get(0).equals(name)) {
                    own.add(row.subList(1, row.size()));
                }
            }
            assertSummaryIsChart(chart(rows.get(0).subList(1, 3), own, opts), sum.get(name), name);
        }
        assertEquals(1, phased);
        assertEquals("2", sum.get("Inpatient falls (weekly)").get("phases"));
    }

    /** Settings keyed by the second of two key columns; empty cells take the command line's options. */
    @Test
    void settingsKeyedByOneOfSeveralKeyColumns() throws IOException {
        final StringBuilder sb = new StringBuilder("trust,indicator,month,value\n");
        for (String trust : List.of("A", "B")) {
            for (int m = 1; m <= 24; m++) {
                final String x = String.format("2022-%02d-01", (m - 1) % 12 + 1).replace("2022", m > 12 ? "2023"
                        : "2022");
                sb.append(trust).append(",falls,").append(x).append(',').append(10 + (m * 7 + trust.length()) % 5)
                        .append('\n');
                sb.append(trust).append(",waits,").append(x).append(',').append(30 + (m * 3) % 7).append('\n');
            }
        }
        final Path feed = Files.writeString(tmp.resolve("f.csv"), sb.toString());
        final Path settings = Files.writeString(tmp.resolve("set.csv"),
                "indicator,chart,improvement,target\nfalls,c,,\nwaits,,decrease,32\n");
        final Path out = tmp.resolve("s.json");
        final ScanCommandTest.Run r = ScanCommandTest.run("scan", feed.toString(), "--by", "trust,indicator",
                "--x", "month", "--y", "value", "--settings", settings.toString(), "--improvement", "increase",
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        final JsonNode series = JSON.readTree(out.toFile()).get("series");
        assertEquals(4, series.size());
        // falls: a c chart, improvement from the command line; waits: xmr, decrease, target 32
        assertTrue(series.get(0).get("assurance").isNull());
        assertTrue(!series.get(1).get("assurance").isNull(), series.get(1).toString());
        final Path one = Files.writeString(tmp.resolve("one.csv"), "month,value\n"
                + String.join("\n", Files.readAllLines(feed).stream().filter(l -> l.startsWith("A,falls,"))
                        .map(l -> l.substring("A,falls,".length())).toList()) + "\n");
        final Path cj = tmp.resolve("c.json");
        assertEquals(0, ScanCommandTest.run("chart", one.toString(), "--x", "month", "--y", "value", "--chart", "c",
                "-o", cj.toString()).code());
        final JsonNode c = JSON.readTree(cj.toFile());
        assertEquals(c.get("phases").get(0).get("cl").asDouble(), series.get(0).get("cl").asDouble(), 0.0);
        assertEquals(c.get("phases").get(0).get("sigma").asDouble(), series.get(0).get("sigma").asDouble(), 0.0);
    }

    @Test
    void badSettingsExitTwoNamingTheRow() throws IOException {
        final Path feed = bundled(Datasets.BOARD_FEED);
        final String[][] cases = {
            {"indicator,chart\nComplaints,pie\n", "row 2, column 'chart': value 'pie'"},
            {"indicator,target\nComplaints,lots\n", "row 2, column 'target': value 'lots': not a number"},
            {"indicator,chart\nComplaints,xmr\nNo such thing,xmr\n",
                "row 3, column 'indicator': 'No such thing' is not a series of"},
            {"indicator,phase-at\nComplaints,soon\n", "row 2, column 'phase-at': 'soon' is not an ISO date"},
            {"name,chart\nComplaints,xmr\n", "no column naming the series"},
        };
        for (String[] c : cases) {
            final Path settings = Files.writeString(tmp.resolve("set.csv"), c[0]);
            final Path out = tmp.resolve("s.csv");
            final ScanCommandTest.Run r = ScanCommandTest.run("scan", feed.toString(), "--by", "indicator", "--x",
                    "period", "--y", "value", "--settings", settings.toString(), "-o", out.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.lines().size(), r.err());
            assertTrue(r.err().contains(c[1]), () -> "expected '" + c[1] + "' in " + r.err());
            assertTrue(!Files.exists(out));
        }
    }

    /** A phase-at that is not an x of its series: that series gets the message; the others are charted. */
    @Test
    void phaseAtOutsideASeriesIsThatSeriesError() throws IOException {
        final Path feed = bundled(Datasets.BOARD_FEED);
        final Path settings = Files.writeString(tmp.resolve("set.csv"), "indicator,phase-at\nComplaints,2031-01-01\n");
        final Path out = tmp.resolve("s.csv");
        final ScanCommandTest.Run r = ScanCommandTest.run("scan", feed.toString(), "--by", "indicator", "--x",
                "period", "--y", "value", "--settings", settings.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("shewhart: 1 of 20 series could not be charted; first: Complaints: "
                + "phase-at 2031-01-01 (settings row 2) is not an x of this series"), r.err());
        assertEquals("phase-at 2031-01-01 (settings row 2) is not an x of this series",
                summary(out).get("Complaints").get("error"));
    }

    /**
     * {@code --phase-col} on the qicharts2 C. difficile series (phases "pre" and "post"), twice in one feed under
     * two keys, interleaved: each equals {@code chart --phase-col period} on its own rows.
     */
    @Test
    void phaseColumnStartsAPhaseWhereItChanges() throws IOException {
        final List<List<String>> src = csv(Path.of("src/test/resources/org/shewhart/cli/oracle/"
                + "qicharts2-run-cdi-part.csv"));
        final StringBuilder sb = new StringBuilder("ward,x,y,period\n");
        final Map<String, List<List<String>>> own = new LinkedHashMap<>();
        for (List<String> r : src.subList(1, src.size())) {
            for (String ward : List.of("A", "B")) {
                final String y = ward.equals("A") ? r.get(1) : String.valueOf(Integer.parseInt(r.get(1)) + 4);
                sb.append(ward).append(',').append(r.get(0)).append(',').append(y).append(',').append(r.get(2))
                        .append('\n');
                own.computeIfAbsent(ward, k -> new ArrayList<>()).add(List.of(r.get(0), y, r.get(2)));
            }
        }
        final Path feed = Files.writeString(tmp.resolve("cdi.csv"), sb.toString());
        for (String type : List.of("run", "xmr", "c")) {
            final Path out = tmp.resolve("s.csv");
            final ScanCommandTest.Run r = ScanCommandTest.run("scan", feed.toString(), "--by", "ward",
                    "--phase-col", "period", "--chart", type, "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            final Map<String, Map<String, String>> sum = summary(out);
            for (Map.Entry<String, List<List<String>>> e : own.entrySet()) {
                final JsonNode chart = chart(List.of("x", "y", "period"), e.getValue(),
                        List.of("--chart", type, "--phase-col", "period"));
                assertEquals(2, chart.get("phases").size());
                assertSummaryIsChart(chart, sum.get(e.getKey()), type + " " + e.getKey());
            }
        }
    }

    /** Rows of one x in two phases: that series' error, as chart's message; --strict exits 2. */
    @Test
    void rowsOfOnePointInTwoPhasesAreThatSeriesError() throws IOException {
        final Path feed = Files.writeString(tmp.resolve("f.csv"), "s,x,y,p\nA,1,5,a\nA,2,6,a\nA,3,5,b\nA,4,7,b\n"
                + "B,1,5,a\nB,2,6,a\nB,2,4,b\nB,3,5,b\n");
        final Path out = tmp.resolve("s.csv");
        final ScanCommandTest.Run r = ScanCommandTest.run("scan", feed.toString(), "--by", "s", "--phase-col", "p",
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        final String expected = "the rows at x 2 are in phases 'a' and 'b' (column 'p'); rows of one point must "
                + "share a phase";
        assertEquals(expected, summary(out).get("B").get("error"));
        assertEquals("", summary(out).get("A").get("error"));
        assertEquals("2", summary(out).get("A").get("phases"));
        final ScanCommandTest.Run strict = ScanCommandTest.run("scan", feed.toString(), "--by", "s",
                "--phase-col", "p", "-o", out.toString(), "--strict");
        assertEquals(2, strict.code(), strict.err());
        assertEquals(List.of("shewhart: 1 of 2 series could not be charted; first: B: " + expected), strict.lines());
    }

    /**
     * The error policy: a series the engine cannot chart keeps its row (error column), one line on standard error
     * counts them and names the first; exit 0, or 2 with --strict, the summary written either way.
     */
    @Test
    void seriesThatCannotBeChartedArePolicyNotAccident() throws IOException {
        final Path feed = Files.writeString(tmp.resolve("short.csv"),
                "trust,ward,x,y\nT,A,1,1\nT,A,2,3\nT,A,3,2\nT,B,1,5\nU,C,1,4\n");
        for (boolean strict : List.of(false, true)) {
            final Path out = tmp.resolve("summary-" + strict + ".csv");
            final List<String> args = new ArrayList<>(List.of("scan", feed.toString(), "--by", "trust,ward", "-o",
                    out.toString()));
            if (strict) {
                args.add("--strict");
            }
            final ScanCommandTest.Run r = ScanCommandTest.run(args.toArray(new String[0]));
            assertEquals(strict ? 2 : 0, r.code(), r.err());
            assertEquals(1, r.lines().size(), r.err());
            assertTrue(r.err().startsWith("shewhart: 2 of 3 series could not be charted; first: T/B: "), r.err());
            final List<List<String>> rows = csv(out);
            final int error = rows.get(0).indexOf("error");
            assertEquals(4, rows.size(), "every series keeps its row");
            assertEquals("", rows.get(1).get(error));
            assertTrue(rows.get(2).get(error).contains("at least 2 points"), rows.get(2).toString());
            assertTrue(rows.get(3).get(error).contains("at least 2 points"), rows.get(3).toString());
        }
    }
}
