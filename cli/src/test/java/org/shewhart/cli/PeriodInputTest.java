package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --period} and {@code --agg}: raw rows to one point per week, month or quarter, gaps kept. */
final class PeriodInputTest {
    /** One row per fall; no falls in February. */
    private static final String FALLS = "date,ward,minutes\n"
            + "03/01/2024,A,10\n"
            + "28/01/2024,B,20\n"
            + "01/03/2024,A,\n"
            + "15/03/2024,A,30\n"
            + "31/03/2024,C,60\n"
            + "15/04/2024,B,5\n";

    @TempDir
    Path tmp;

    @Test
    void countPerMonthKeepsTheEmptyMonthAsZero() throws IOException {
        final Chart c = chart(FALLS, "--chart", "c", "--x", "date", "--period", "month");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"), c.xs());
        assertEquals(List.of("2", "0", "3", "1"), c.ys());
    }

    @Test
    void sumPerMonthSkipsMissingValuesAndGivesTheEmptyMonthZero() throws IOException {
        final Chart c = chart(FALLS, "--chart", "run", "--x", "date", "--y", "minutes", "--period", "month",
                "--agg", "sum");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("30", "0", "90", "5"), c.ys());
    }

    @Test
    void meanPerMonthLeavesTheEmptyMonthMissing() throws IOException {
        final Chart c = chart(FALLS, "--chart", "xmr", "--x", "date", "--y", "minutes", "--period", "month",
                "--agg", "mean");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("15", "null", "45", "5"), c.ys());
    }

    @Test
    void weeksStartOnMonday() throws IOException {
        // Wed 3 and Sun 7 April are one week; Mon 8 April the next; the week of 15 April is empty
        final Chart c = chart("x\n2024-04-03\n2024-04-07\n2024-04-08\n2024-04-22\n", "--chart", "run",
                "--period", "week");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22"), c.xs());
        assertEquals(List.of("2", "1", "0", "1"), c.ys());
    }

    @Test
    void quartersStartInJanuaryAprilJulyOctober() throws IOException {
        final Chart c = chart("x,y\n2024-02-10,1\n2024-08-01,4\n2024-09-30,2\n", "--chart", "run", "--period",
                "QUARTER", "--agg", "sum");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-01-01", "2024-04-01", "2024-07-01"), c.xs());
        assertEquals(List.of("1", "0", "6"), c.ys());
    }

    @Test
    void eventTimesCountOnTheirDate() throws IOException {
        final Chart iso = chart("x\n2024-04-30 23:59\n2024-05-01T00:00:00\n2024-06-02 8:05:10.5\n", "--chart",
                "run", "--period", "month");
        assertEquals(0, iso.code, iso.err);
        assertEquals(List.of("2024-04-01", "2024-05-01", "2024-06-01"), iso.xs());
        assertEquals(List.of("1", "1", "1"), iso.ys());
        final Chart uk = chart("x\n30/04/2024 23:59\n01/05/2024 00:00\n02/05/2024 10:00\n", "--chart", "run",
                "--period", "month");
        assertEquals(0, uk.code, uk.err);
        assertEquals(List.of("1", "2"), uk.ys());
        final Chart us = chart("x\n04/30/2024 23:59\n05/01/2024 00:00\n", "--chart", "run", "--period", "month");
        assertEquals(2, us.code, us.err);
        assertTrue(us.err.contains("'04/30/2024 23:59' is not a date in day/month/year"), us.err);
        assertTrue(us.err.contains("--date-format 'MM/dd/yyyy H:mm'"), us.err);
        final Chart forced = chart("x\n04/30/2024 23:59\n05/01/2024 0:00\n", "--chart", "run", "--period", "month",
                "--date-format", "MM/dd/yyyy H:mm");
        assertEquals(0, forced.code, forced.err);
        assertEquals(List.of("2024-04-01", "2024-05-01"), forced.xs());
    }

    @Test
    void periodNeedsDates() throws IOException {
        final Chart c = chart("x\nWard A\nWard B\n", "--chart", "run", "--period", "month");
        assertEquals(2, c.code, c.err);
        assertEquals(1, c.err.lines().count(), c.err);
        assertTrue(c.err.contains("--period needs dates in column 'x'"), c.err);
    }

    @Test
    void badPeriodOptionsAreBadUsage() throws IOException {
        assertTrue(chart(FALLS, "--chart", "c", "--x", "date", "--agg", "sum").err
                .contains("--agg needs --period"));
        assertTrue(chart(FALLS, "--chart", "c", "--x", "date", "--period", "fortnight").err
                .contains("unknown --period 'fortnight'; valid: day, week, month, quarter"));
        assertTrue(chart(FALLS, "--chart", "c", "--x", "date", "--period", "month", "--agg", "median").err
                .contains("unknown --agg 'median'; valid: count, sum, mean"));
        assertTrue(chart(FALLS, "--chart", "xbar", "--x", "date", "--period", "month").err
                .contains("a xbar-s chart needs subgroups"));
    }

    private Chart chart(String csv, String... options) throws IOException {
        final Path in = Files.writeString(tmp.resolve("in.csv"), csv);
        final Path out = tmp.resolve("out.json");
        Files.deleteIfExists(out);
        final List<String> argv = new ArrayList<>(List.of("chart", in.toString()));
        argv.addAll(List.of(options));
        argv.addAll(List.of("-o", out.toString()));
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv.toArray(new String[0]), w);
        }
        final JsonNode json = Files.exists(out) ? new ObjectMapper().readTree(out.toFile()) : null;
        return new Chart(code, err.toString(), json);
    }

    /** Exit code, standard error and JSON of one run. */
    private record Chart(int code, String err, JsonNode json) {
        List<String> xs() {
            final List<String> xs = new ArrayList<>();
            json.get("points").forEach(p -> xs.add(p.get("x").asText()));
            return xs;
        }

        /** The values as text, whole numbers without ".0", null for missing. */
        List<String> ys() {
            final List<String> ys = new ArrayList<>();
            json.get("points").forEach(p -> ys.add(p.get("y").isNull() ? "null" : XlsxTable.number(
                    p.get("y").asDouble())));
            return ys;
        }
    }
}
