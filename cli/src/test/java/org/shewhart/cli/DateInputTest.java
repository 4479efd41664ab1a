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

/**
 * x read as dates in the formats NHS teams write them: UK day/month/year, month names, ISO weeks, or a forced
 * {@code --date-format}; never a guess between day/month and month/day.
 */
final class DateInputTest {
    @TempDir
    Path tmp;

    @Test
    void ukSlashDatesAreDayMonthYearAndSorted() throws IOException {
        final Chart c = chart("x,y\n01/05/2024,3\n1/4/2024,5\n15/04/2024,4\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-04-01", "2024-04-15", "2024-05-01"), c.xs());
    }

    @Test
    void sameDayInTwoSpellingsIsOnePoint() throws IOException {
        final Chart c = chart("x,y\n01/04/2024,3\n1/4/2024,5\n02/04/2024,4\n03/04/2024,4\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-04-01", "2024-04-02", "2024-04-03"), c.xs());
        assertEquals(4.0, c.json.get("points").get(0).get("y").asDouble());
    }

    @Test
    void usMonthDayOrderIsAnErrorSuggestingDateFormat() throws IOException {
        final Chart c = chart("x,y\n04/24/2024,3\n04/25/2024,5\n04/26/2024,4\n", "--chart", "run");
        assertEquals(2, c.code, c.err);
        assertEquals(1, c.err.lines().count(), c.err);
        assertTrue(c.err.contains("row 2, column 'x': '04/24/2024' is not a date in day/month/year (dd/mm/yyyy)"),
                c.err);
        assertTrue(c.err.contains("give --date-format 'MM/dd/yyyy' if the whole column"), c.err);
    }

    @Test
    void dateFormatForcesUsOrder() throws IOException {
        final Chart c = chart("x,y\n04/24/2024,3\n04/02/2024,5\n04/26/2024,4\n04/10/2024,6\n", "--chart", "run",
                "--date-format", "MM/dd/yyyy", "--phase-at", "04/24/2024");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-04-02", "2024-04-10", "2024-04-24", "2024-04-26"), c.xs());
        assertEquals(1, c.json.get("points").get(1).get("phase").asInt());
        assertEquals(2, c.json.get("points").get(2).get("phase").asInt());
    }

    @Test
    void dateFormatNamesTheRowThatDoesNotMatch() throws IOException {
        final Chart c = chart("x,y\n04/24/2024,3\n2024-04-25,5\n", "--chart", "run", "--date-format", "MM/dd/yyyy");
        assertEquals(2, c.code, c.err);
        assertTrue(c.err.contains("row 3, column 'x': '2024-04-25' is not a date in the --date-format MM/dd/yyyy"),
                c.err);
    }

    @Test
    void badDatePatternIsBadUsage() throws IOException {
        final Chart c = chart("x,y\n1,3\n2,5\n", "--chart", "run", "--date-format", "dd/qq/bbbb");
        assertEquals(2, c.code, c.err);
        assertTrue(c.err.contains("--date-format 'dd/qq/bbbb' is not a valid date pattern"), c.err);
    }

    @Test
    void dateFormatWithoutDayReadsTheFirstOfTheMonth() throws IOException {
        final Chart c = chart("x,y\n2024.04,3\n2024.05,5\n", "--chart", "run", "--date-format", "yyyy.MM");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-04-01", "2024-05-01"), c.xs());
    }

    @Test
    void impossibleUkDateIsAnError() throws IOException {
        final Chart c = chart("x,y\n30/01/2024,3\n30/02/2024,5\n", "--chart", "run");
        assertEquals(2, c.code, c.err);
        assertTrue(c.err.contains("row 3, column 'x': '30/02/2024' is not a date in day/month/year"), c.err);
    }

    @Test
    void monthNamesAreTheFirstOfTheMonth() throws IOException {
        final Chart c = chart("x,y\nMar-2024,3\nApr-2024,5\nSept-2024,4\nmay-2024,2\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2024-03-01", "2024-04-01", "2024-05-01", "2024-09-01"), c.xs());
        final Chart full = chart("x,y\nApril 2024,3\nDecember 2023,5\n", "--chart", "run", "--exclude", "Apr-2024");
        assertEquals(0, full.code, full.err);
        assertEquals(List.of("2023-12-01", "2024-04-01"), full.xs());
        assertTrue(full.json.get("points").get(1).get("excluded").asBoolean());
    }

    @Test
    void wordsThatAreNotMonthsStayCategories() throws IOException {
        final Chart c = chart("x,y\nWard-2024,3\nApr-2024,5\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("Ward-2024", "Apr-2024"), c.xs());
    }

    @Test
    void isoWeeksAreTheirMonday() throws IOException {
        final Chart c = chart("x,y\n2024-W14,3\n2024-W01,5\n2020-W53,4\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2020-12-28", "2024-01-01", "2024-04-01"), c.xs());
        final Chart bad = chart("x,y\n2024-W14,3\n2024-W53,5\n", "--chart", "run");
        assertEquals(2, bad.code, bad.err);
        assertTrue(bad.err.contains("row 3, column 'x': '2024-W53' is not an ISO week"), bad.err);
    }

    @Test
    void yearMonthStaysText() throws IOException {
        final Chart c = chart("x,y\n2011-07,3\n2011-06,5\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("2011-07", "2011-06"), c.xs());
    }

    @Test
    void mixedFormatsStayText() throws IOException {
        final Chart c = chart("x,y\n01/04/2024,3\nMay-2024,5\n", "--chart", "run");
        assertEquals(0, c.code, c.err);
        assertEquals(List.of("01/04/2024", "May-2024"), c.xs());
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
    }
}
