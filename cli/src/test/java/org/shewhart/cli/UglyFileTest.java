package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files as front-line teams export them, in the {@code ugly} resource folder (see its README): byte order
 * marks, CRLF, quoted commas, semicolons with decimal commas, thousands separators, blank lines, trailing
 * separators, title rows, missing months, wide and long tables and a ward's workbook. Each either reads to the
 * values a person sees in it, or fails with exit code 2 and one line naming file, row, column and value.
 */
final class UglyFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(UglyFileTest.class.getResource("ugly/" + name).toURI());
    }

    @Test
    void bomCrlfAndQuotedCommas() throws Exception {
        final Run r = chart("bom-crlf-quoted.csv", "--chart", "c", "--x", "month", "--y", "falls");
        assertEquals(0, r.code, r.err);
        assertEquals(12, r.xs().size());
        assertEquals("2024-01-01", r.xs().get(0));
        assertEquals(List.of(12.0, 9.0, 14.0), r.ys().subList(0, 3));
        final CsvTable t = CsvTable.read(resource("bom-crlf-quoted.csv"));
        assertEquals("month", t.columnName(0)); // no byte order mark in the first name
        assertEquals("Ward 7, North", t.cell(0, 1));
    }

    @Test
    void semicolonsWithDecimalCommasAndUkDates() throws Exception {
        final Run r = chart("semicolon-decimal-comma.csv", "--chart", "xmr", "--x", "month", "--y",
                "rate_per_1000_bed_days");
        assertEquals(0, r.code, r.err);
        assertEquals("2024-01-01", r.xs().get(0));
        assertEquals("2024-12-01", r.xs().get(11));
        assertEquals(List.of(3.5, 2.75, 4.1, 3.0), r.ys().subList(0, 4));
    }

    @Test
    void semicolonsWithPointOrSpaceThousandsAndADecimalComma() throws Exception {
        final Run r = chart("semicolon-thousands.csv", "--chart", "xmr", "--x", "month", "--y", "attendances");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of(1234.5, 1198.0, 1310.25, 1276.0), r.ys());
    }

    @Test
    void aPointGroupWithoutADecimalCommaIsAmbiguous() throws Exception {
        final Run r = chart("semicolon-ambiguous-thousands.csv", "--chart", "xmr", "--x", "month", "--y",
                "attendances");
        r.failsWith("semicolon-ambiguous-thousands.csv: row 3, column 'attendances': '1.198' is not a number",
                "may mean 1234 or 1.234");
    }

    @Test
    void aDecimalPointInASemicolonFileNamesTheCommaExpected() throws Exception {
        chart("semicolon-decimal-point.csv", "--chart", "xmr", "--x", "month", "--y", "rate")
                .failsWith("row 3, column 'rate': '3.5' is not a number; the file is separated by ';', so decimals "
                        + "are written with a comma (3,5)");
    }

    @Test
    void commaAndSpaceThousandsInACommaFile() throws Exception {
        final Run r = chart("quoted-thousands.csv", "--chart", "xmr", "--x", "month", "--y", "attendances");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of(1234.0, 12345.5, 987.0, 1002003.0, 1234.0, 2345.0), r.ys());
    }

    @Test
    void aDecimalCommaInACommaFileIsAnError() throws Exception {
        chart("decimal-comma-in-comma-file.csv", "--chart", "xmr", "--x", "month", "--y", "rate")
                .failsWith("decimal-comma-in-comma-file.csv: row 3, column 'rate': '3,5' is not a number",
                        "a decimal comma (3,5) is read only in files separated by ';'");
    }

    @Test
    void thousandsGroupsMustHaveThreeDigits() throws Exception {
        chart("bad-thousands-group.csv", "--chart", "xmr", "--x", "month", "--y", "attendances")
                .failsWith("bad-thousands-group.csv: row 3, column 'attendances': '12,34' is not a number");
    }

    @Test
    void tabsSeparateWhenTheFirstLineHasNoCommaOrSemicolon() throws Exception {
        final Run r = chart("tab-separated.tsv", "--chart", "c", "--x", "month", "--y", "falls");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of(12.0, 9.0, 1234.0), r.ys());
    }

    @Test
    void excelsSepLineIsSkippedAndNamesTheSeparator() throws Exception {
        final Run r = chart("sep-line.csv", "--chart", "xmr", "--x", "month", "--y", "rate");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of(3.5, 2.25, 4.0), r.ys());
    }

    @Test
    void percentAndCurrencySignsAreNotNumbers() throws Exception {
        chart("percent-and-currency.csv", "--chart", "xmr", "--x", "month", "--y", "screening")
                .failsWith("percent-and-currency.csv: row 3, column 'screening': '95%' is not a number");
        chart("percent-and-currency.csv", "--chart", "xmr", "--x", "month", "--y", "cost")
                .failsWith("percent-and-currency.csv: row 4, column 'cost': '£1300' is not a number");
    }

    @Test
    void blankLinesAreSkippedAndRowsKeepTheirLineNumbers() throws Exception {
        final Run r = chart("blank-lines.csv", "--chart", "xmr", "--x", "month", "--y", "falls");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of(12.0, 9.0, 14.0, 11.0), r.ys());
        final CsvTable t = CsvTable.read(resource("blank-lines.csv"));
        assertEquals(List.of(3L, 5L, 8L, 10L), List.of(t.lineOf(0), t.lineOf(1), t.lineOf(2), t.lineOf(3)));
    }

    @Test
    void trailingSeparatorsMakeAnEmptyColumnThatIsNotRead() throws Exception {
        final Run r = chart("trailing-separators.csv", "--chart", "c", "--x", "month", "--y", "falls");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of(12.0, 9.0, 14.0, 11.0, 10.0), r.ys());
    }

    @Test
    void titleRowsAboveTheHeaderAreSkipped() throws Exception {
        final CsvTable t = CsvTable.read(resource("title-rows.csv"));
        assertEquals("month", t.columnName(0));
        assertEquals(12, t.rowCount());
        assertEquals(5L, t.lineOf(0));
        final Run r = chart("title-rows.csv", "--chart", "u", "--x", "month", "--y", "falls", "--n", "bed_days");
        assertEquals(0, r.code, r.err);
        assertEquals(12, r.ys().size());
        assertEquals(12.0 / 900, r.ys().get(0), 1e-12);
    }

    @Test
    void missingMonthsAreNotInventedButPeriodsMakeThemGaps() throws Exception {
        // x is taken as given (qicharts2, NHSRplotthedots): 10 rows, 10 points, March and August absent
        final Run given = chart("missing-months.csv", "--chart", "xmr", "--x", "month", "--y", "falls");
        assertEquals(0, given.code, given.err);
        assertEquals(10, given.xs().size());
        assertFalse(given.xs().contains("2024-03-01"));
        // --period month --agg mean: every month is a point, a month without rows has no value
        final Run gaps = chart("missing-months.csv", "--chart", "xmr", "--x", "month", "--y", "falls", "--period",
                "month", "--agg", "mean");
        assertEquals(0, gaps.code, gaps.err);
        assertEquals(12, gaps.xs().size());
        assertEquals("2024-03-01", gaps.xs().get(2));
        assertTrue(Double.isNaN(gaps.ys().get(2)));
        assertTrue(Double.isNaN(gaps.ys().get(7)));
        assertEquals(10, gaps.ys().stream().filter(y -> !Double.isNaN(y)).count());
    }

    @Test
    void yearMonthIsTextUnlessADateFormatIsGiven() throws Exception {
        // qicharts2 charts a character x such as 2011-07 as categories (a reference case relies on it), so it
        // stays text; --date-format yyyy-MM reads it as months, sorted as dates
        final Path file = Files.writeString(tmp.resolve("ym.csv"), "month;falls\n2024-02;9\n2024-01;12\n"
                + "2024-03;14\n");
        final Run text = run("chart", file.toString(), "--chart", "xmr", "--x", "month", "--y", "falls", "-o",
                tmp.resolve("ym.json").toString());
        assertEquals(0, text.code, text.err);
        assertEquals(List.of("2024-02", "2024-01", "2024-03"), text.xs());
        final Run months = run("chart", file.toString(), "--chart", "xmr", "--x", "month", "--y", "falls",
                "--date-format", "yyyy-MM", "-o", tmp.resolve("ym.json").toString());
        assertEquals(0, months.code, months.err);
        assertEquals(List.of("2024-01-01", "2024-02-01", "2024-03-01"), months.xs());
        assertEquals(List.of(12.0, 9.0, 14.0), months.ys());
    }

    @Test
    void periodDayCountsEventsPerDayKeepingTheQuietDay() throws Exception {
        final Run r = chart("falls-events.csv", "--chart", "c", "--x", "time", "--period", "day");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of("2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04", "2024-04-05", "2024-04-06",
                "2024-04-07"), r.xs());
        assertEquals(List.of(2.0, 1.0, 0.0, 3.0, 1.0, 1.0, 1.0), r.ys());
    }

    @Test
    void wideTableChartsEachMeasureAsItsOwnSeries() throws Exception {
        final Run all = chart("wide.csv", "--chart", "xmr", "--x", "month", "--y",
                "falls,pressure_ulcers,sepsis_screening");
        assertEquals(0, all.code, all.err);
        assertEquals(List.of("measure"), texts(all.json.get("keys")));
        final JsonNode series = all.json.get("series");
        assertEquals(3, series.size());
        final String[] measures = {"falls", "pressure_ulcers", "sepsis_screening"};
        for (int i = 0; i < measures.length; i++) {
            assertEquals(measures[i], series.get(i).get("key").get("measure").asText());
            // each series is exactly the chart of that column alone
            final Run one = chart("wide.csv", "--chart", "xmr", "--x", "month", "--y", measures[i]);
            assertEquals(0, one.code, one.err);
            final ObjectNode withoutKey = series.get(i).deepCopy();
            withoutKey.remove("key");
            assertEquals(one.json, withoutKey, measures[i]);
        }
        // the empty May screening value is a point without a value, not a dropped row
        assertEquals(12, series.get(2).get("points").size());
        assertTrue(series.get(2).get("points").get(4).get("y").isNull());
    }

    @Test
    void wideTableAsCsvHasTheMeasureFirst() throws Exception {
        final Path out = tmp.resolve("wide-out.csv");
        final Run r = run("chart", resource("wide.csv").toString(), "--chart", "xmr", "--x", "month", "--y",
                "falls,pressure_ulcers", "-o", out.toString());
        assertEquals(0, r.code, r.err);
        final List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("measure,x,y,n,phase,"), lines.get(0));
        assertEquals(1 + 24, lines.size());
        assertTrue(lines.get(1).startsWith("falls,2024-01-01,12,"), lines.get(1));
        assertTrue(lines.get(13).startsWith("pressure_ulcers,2024-01-01,3,"), lines.get(13));
    }

    @Test
    void longTableByKeyEqualsEachKeysRowsAlone() throws Exception {
        final Run all = chart("long.csv", "--chart", "xmr", "--x", "month", "--y", "falls", "--by", "ward");
        assertEquals(0, all.code, all.err);
        assertEquals(List.of("ward"), texts(all.json.get("keys")));
        final JsonNode series = all.json.get("series");
        assertEquals(2, series.size());
        final List<String> lines = Files.readAllLines(resource("long.csv"));
        for (int i = 0; i < 2; i++) {
            final String ward = series.get(i).get("key").get("ward").asText();
            assertEquals(i == 0 ? "Ward 7" : "Ward 9", ward);
            final StringBuilder alone = new StringBuilder(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                if (line.split(",")[1].equals(ward)) {
                    alone.append(line).append('\n');
                }
            }
            final Path one = Files.writeString(tmp.resolve("long.csv"), alone);
            final Run single = run("chart", one.toString(), "--chart", "xmr", "--x", "month", "--y", "falls", "-o",
                    tmp.resolve("single.json").toString());
            assertEquals(0, single.code, single.err);
            final ObjectNode withoutKey = series.get(i).deepCopy();
            withoutKey.remove("key");
            assertEquals(JSON.readTree(tmp.resolve("single.json").toFile()), withoutKey, ward);
            assertEquals("2024-01-01", withoutKey.get("points").get(0).get("x").asText()); // Jan-2024 read as a date
        }
    }

    @Test
    void longAndWideTogetherKeyByBoth() throws Exception {
        final Run r = chart("long.csv", "--chart", "c", "--x", "month", "--y", "falls,pressure_ulcers", "--by",
                "ward");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of("ward", "measure"), texts(r.json.get("keys")));
        final List<String> keys = new ArrayList<>();
        r.json.get("series").forEach(s -> keys.add(s.get("key").get("ward").asText() + "/"
                + s.get("key").get("measure").asText()));
        assertEquals(List.of("Ward 7/falls", "Ward 7/pressure_ulcers", "Ward 9/falls", "Ward 9/pressure_ulcers"),
                keys);
        assertEquals(17.0, r.json.get("series").get(2).get("points").get(0).get("y").asDouble());
    }

    @Test
    void severalSeriesErrorsNameTheKeyOrTheRow() throws Exception {
        chart("long.csv", "--chart", "xmr", "--x", "month", "--y", "falls", "--by", "unit")
                .failsWith("long.csv: no column 'unit' (--by); the columns are: month, ward, falls, pressure_ulcers");
        chart("long.csv", "--chart", "xmr", "--x", "month", "--y", "falls,beds")
                .failsWith("long.csv: no column 'beds' (--y)");
        chart("long.csv", "--chart", "xmr", "--x", "month", "--y", "falls,falls")
                .failsWith("--y names column 'falls' twice");
        final Path gap = Files.writeString(tmp.resolve("gap.csv"), "month,ward,falls\n2024-01-01,A,3\n"
                + "2024-02-01,,4\n2024-03-01,A,5\n2024-01-01,B,1\n2024-02-01,B,2\n");
        run("chart", gap.toString(), "--chart", "xmr", "--x", "month", "--y", "falls", "--by", "ward")
                .failsWith("gap.csv: row 3, column 'ward': empty key; every row needs a value in each --by column");
        final Path one = Files.writeString(tmp.resolve("one.csv"), "month,ward,falls\n2024-01-01,A,3\n"
                + "2024-02-01,A,4\n2024-01-01,B,1\n");
        run("chart", one.toString(), "--chart", "xmr", "--x", "month", "--y", "falls", "--by", "ward")
                .failsWith("one.csv: ward 'B': ", "at least 2 points");
        final Path bad = Files.writeString(tmp.resolve("bad.csv"), "month,ward,falls\n2024-01-01,A,3\n"
                + "2024-02-01,A,4\n2024-01-01,B,x\n2024-02-01,B,2\n");
        run("chart", bad.toString(), "--chart", "xmr", "--x", "month", "--y", "falls", "--by", "ward")
                .failsWith("bad.csv: row 4, column 'falls': 'x' is not a number");
        // several series as a picture are small multiples (ChartFacetsTest); a bad panel option is bad usage
        chart("long.csv", "--chart", "xmr", "--x", "month", "--y", "falls", "--by", "ward", "--format", "png",
                "--facet-scales", "loose").failsWith("--facet-scales: scales 'loose' is not one of shared, free");
    }

    @Test
    void aWardWorkbookWithTitleRowsHiddenRowsFormulasAndThousandsFormats() throws Exception {
        final Run r = chart("ward-measures.xlsx", "--sheet", "Measures", "--chart", "xmr", "--x", "Month", "--y",
                "Falls,Pressure ulcers,Sepsis screening %,Bed days");
        assertEquals(0, r.code, r.err);
        final JsonNode series = r.json.get("series");
        assertEquals(4, series.size());
        for (JsonNode s : series) {
            assertEquals(12, s.get("points").size(), s.get("key").toString()); // the hidden July row is data
            assertEquals("2024-01-01", s.get("points").get(0).get("x").asText());
        }
        assertEquals(8.0, series.get(0).get("points").get(6).get("y").asDouble());
        assertEquals(5.0, series.get(1).get("points").get(3).get("y").asDouble()); // a formula's value
        assertTrue(series.get(2).get("points").get(4).get("y").isNull()); // an empty cell
        assertEquals(2900.0 + 17 * 11, series.get(3).get("points").get(11).get("y").asDouble()); // #,##0 format
        chart("ward-measures.xlsx", "--chart", "xmr", "--x", "Month", "--y", "Falls")
                .failsWith("ward-measures.xlsx: sheet 'Read me': no column 'Month' (--x)");
    }

    private static List<String> texts(JsonNode array) {
        final List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Run chart(String resource, String... options) throws Exception {
        final List<String> argv = new ArrayList<>(List.of("chart", resource(resource).toString()));
        argv.addAll(List.of(options));
        final Path out = tmp.resolve("out.json");
        Files.deleteIfExists(out);
        argv.addAll(List.of("-o", out.toString()));
        return run(argv.toArray(new String[0]));
    }

    private Run run(String... argv) throws IOException {
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv, w);
        }
        String out = null;
        for (int i = 0; i + 1 < argv.length; i++) {
            if (argv[i].equals("-o")) {
                out = argv[i + 1];
            }
        }
        final Path o = out == null ? null : Path.of(out);
        final JsonNode json = o != null && out.endsWith(".json") && Files.exists(o) ? JSON.readTree(o.toFile()) : null;
        return new Run(code, err.toString(), json);
    }

    /** Exit code, standard error and JSON of one run. */
    private record Run(int code, String err, JsonNode json) {
        List<String> xs() {
            final List<String> xs = new ArrayList<>();
            json.get("points").forEach(p -> xs.add(p.get("x").asText()));
            return xs;
        }

        List<Double> ys() {
            final List<Double> ys = new ArrayList<>();
            json.get("points").forEach(p -> ys.add(p.get("y").isNull() ? Double.NaN : p.get("y").asDouble()));
            return ys;
        }

        void failsWith(String... parts) {
            assertEquals(2, code, err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("shewhart: "), err);
            for (String p : parts) {
                assertTrue(err.contains(p), () -> "expected '" + p + "' in: " + err);
            }
            assertFalse(err.contains("Exception"), err);
        }
    }
}
