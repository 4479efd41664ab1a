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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code shewhart funnel} run in-process on FunnelPlotR reference cases, as a user runs it. */
final class FunnelCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FunnelCommandTest.class.getResource(name).toURI());
    }

    /** Runs the command; returns the exit code and what went to standard error. */
    private static Object[] run(String... args) {
        final StringWriter err = new StringWriter();
        final int code = Main.run(args, new PrintWriter(err, true));
        return new Object[] {code, err.toString()};
    }

    private static void close(double expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": missing, got " + actual);
        final double a = actual.asDouble();
        assertTrue(Math.abs(a - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
                what + ": " + a + ", expected " + expected);
    }

    @ParameterizedTest
    @CsvSource({
        "funnelplotr-RC-hospital_infections, ratio, 10000",
        "funnelplotr-SR-medpar-SHMI-adjusted99, standardised-ratio, 1"})
    void jsonReproducesFunnelPlotR(String name, String type, String multiply) throws Exception {
        final Path out = dir.resolve("out.json");
        final Object[] r = run("funnel", resource(name + ".csv").toString(), "--unit", "group", "--type", type,
                "--multiply", multiply, "--limits", "95,99.8", "-o", out.toString());
        assertEquals(0, r[0], (String) r[1]);
        final JsonNode expected = JSON.readTree(resource(name + ".json").toFile());
        final JsonNode actual = JSON.readTree(out.toFile());
        assertEquals("funnel", actual.get("chart").asText());
        assertEquals(expected.get("summary").get("trimming").asText(), actual.get("trimming").asText());

        final Map<String, JsonNode> units = new HashMap<>();
        for (JsonNode u : actual.get("units")) {
            units.put(u.get("unit").asText(), u);
        }
        final JsonNode p = expected.get("points");
        assertEquals(expected.get("n_points").asInt(), units.size());
        for (int k = 0; k < units.size(); k++) {
            final String group = p.get("group").get(k).asText();
            final JsonNode u = units.get(group);
            close(p.get("denominator").get(k).asDouble(), u.get("denominator"), group + " denominator");
            close(p.get("ratio").get(k).asDouble(), u.get("ratio"), group + " ratio");
            close(p.get("y_transformed").get(k).asDouble(), u.get("y"), group + " y");
            close(p.get("z_unadjusted").get(k).asDouble(), u.get("z"), group + " z");
            if (p.get("z_winsorised").get(k).isNull()) {
                assertTrue(u.get("zTrimmed").isNull(), group + " truncated");
            } else {
                close(p.get("z_winsorised").get(k).asDouble(), u.get("zTrimmed"), group + " zTrimmed");
            }
            final JsonNode l95 = u.get("limits").get(0);
            final JsonNode l99 = u.get("limits").get(1);
            assertEquals(95, l95.get("coverage").asDouble());
            assertEquals(99.8, l99.get("coverage").asDouble());
            close(p.get("lcl95").get(k).asDouble(), l95.get("lcl"), group + " lcl95");
            close(p.get("ucl95").get(k).asDouble(), l95.get("ucl"), group + " ucl95");
            close(p.get("lcl99").get(k).asDouble(), l99.get("lcl"), group + " lcl99");
            close(p.get("ucl99").get(k).asDouble(), l99.get("ucl"), group + " ucl99");
            close(p.get("od_lcl95").get(k).asDouble(), l95.get("adjustedLcl"), group + " od_lcl95");
            close(p.get("od_ucl95").get(k).asDouble(), l95.get("adjustedUcl"), group + " od_ucl95");
            close(p.get("od_lcl99").get(k).asDouble(), l99.get("adjustedLcl"), group + " od_lcl99");
            close(p.get("od_ucl99").get(k).asDouble(), l99.get("adjustedUcl"), group + " od_ucl99");
            assertEquals(expected.get("signals").get("outlier").get(k).asBoolean(), u.get("outlier").asBoolean(),
                    group + " outlier");
        }
        final JsonNode s = expected.get("summary");
        final JsonNode a = actual.get("summary");
        close(s.get("target").asDouble(), a.get("target"), "target");
        close(s.get("phi").asDouble(), a.get("phi"), "phi");
        close(s.get("tau2").asDouble(), a.get("tau2"), "tau2");
        assertEquals(s.get("n_used_for_overdispersion").asInt(), a.get("unitsUsedForOverdispersion").asInt());
        assertEquals(s.get("n_outliers").asInt(), a.get("outliers").asInt());
        assertEquals(s.get("draw_adjusted_effective").asBoolean() ? "adjusted" : "unadjusted",
                a.get("limitsInEffect").asText());

        // the lookup table: ascending denominators, every unit's among them, one column per level
        final JsonNode t = actual.get("limitsTable");
        final JsonNode den = t.get("denominator");
        assertTrue(den.size() >= 1000);
        for (int k = 1; k < den.size(); k++) {
            assertTrue(den.get(k).asDouble() > den.get(k - 1).asDouble());
        }
        assertEquals(2, t.get("levels").size());
        assertEquals(3.090232, t.get("levels").get(1).get("z").asDouble());
        assertEquals(den.size(), t.get("levels").get(1).get("adjustedUcl").size());
    }

    @Test
    void csvRowsAndLimitsTable() throws Exception {
        final Path out = dir.resolve("units.csv");
        final Path table = dir.resolve("limits.csv");
        final Object[] r = run("funnel", resource("funnelplotr-RC-hospital_infections.csv").toString(),
                "--type", "RC", "--multiply", "10000", "-o", out.toString(), "--limits-table", table.toString());
        assertEquals(0, r[0], (String) r[1]);
        final List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(7, rows.size());
        assertEquals("unit,numerator,denominator,ratio,target,y,se,z,z_trimmed,trimmed,"
                + "lcl_95,ucl_95,od_lcl_95,od_ucl_95,side_95,"
                + "lcl_99.8,ucl_99.8,od_lcl_99.8,od_ucl_99.8,side_99.8,outlier,side", rows.get(0));
        final String[] bfh = rows.get(2).split(",", -1);
        assertEquals("BFH-CDI", bfh[0]);
        assertEquals(9.70349805805653, Double.parseDouble(bfh[3]), 1e-12);
        assertEquals("high", bfh[bfh.length - 1]);
        assertEquals("true", bfh[bfh.length - 2]);
        final List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        assertEquals("denominator,target,lcl_95,ucl_95,od_lcl_95,od_ucl_95,lcl_99.8,ucl_99.8,od_lcl_99.8,"
                + "od_ucl_99.8", lines.get(0));
        assertEquals(1000 + 6 + 1, lines.size(), "1000 grid denominators, 6 unit denominators, header");
        final List<Double> x = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            x.add(Double.parseDouble(line.split(",")[0]));
        }
        assertEquals(3.0, x.get(0));
        assertEquals(640292.0, x.get(x.size() - 1), "ceiling of the largest denominator");
    }

    @Test
    void badRowIsOneLineNamingFileRowColumnAndValue() throws Exception {
        final Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "unit,numerator,denominator\na,3,40\nb,-4,50\nc,5,60\n");
        final Object[] r = run("funnel", bad.toString(), "--type", "proportion");
        assertEquals(2, r[0]);
        final String err = ((String) r[1]).strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains(bad.toString()) && err.contains("row 3") && err.contains("column 'numerator'")
                && err.contains("'-4'") && err.contains(">= 0"), err);

        Files.writeString(bad, "unit,numerator,denominator\na,3,40\nb,51,50\n");
        final Object[] p = run("funnel", bad.toString(), "--type", "proportion");
        assertEquals(2, p[0]);
        assertTrue(((String) p[1]).contains("row 3, column 'numerator': numerator '51' is greater than the "
                + "denominator '50'"), (String) p[1]);

        Files.writeString(bad, "unit,numerator,denominator\na,3,0\n");
        final Object[] z = run("funnel", bad.toString(), "--type", "ratio");
        assertEquals(2, z[0]);
        assertTrue(((String) z[1]).contains("row 2, column 'denominator': denominator '0' is not positive"),
                (String) z[1]);
    }

    @Test
    void badOptionsExitTwo() throws Exception {
        final String file = resource("funnelplotr-RC-hospital_infections.csv").toString();
        final Object[] type = run("funnel", file, "--type", "rate");
        assertEquals(2, type[0]);
        assertTrue(((String) type[1]).contains("unknown funnel type 'rate'"), (String) type[1]);
        final Object[] od = run("funnel", file, "--type", "ratio", "--overdispersion", "phi");
        assertEquals(2, od[0]);
        final Object[] column = run("funnel", file, "--type", "ratio", "--numerator", "events");
        assertEquals(2, column[0]);
        assertTrue(((String) column[1]).contains("no column 'events'"), (String) column[1]);
        final Object[] outlier = run("funnel", file, "--type", "ratio", "--limits", "90", "--outlier-limit", "95");
        assertEquals(2, outlier[0]);
    }
}
