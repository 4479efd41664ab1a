package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring commands and {@code funnel} read their input through the reader {@code chart} uses: the same
 * reference file as CSV, as an .xlsx and an .xls sheet (behind a title row, on the second sheet, picked with
 * {@code --sheet}), and as a semicolon file with decimal commas, a byte order mark and CRLF, gives the same output
 * to the last digit; UK dates in x are dates; and a bad cell is named with file, sheet, row, column and value.
 */
final class SameInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @TempDir
    Path tmp;

    /** Command, reference file and options of each case. */
    private static List<String> argv(String id) throws URISyntaxException {
        switch (id) {
            case "cusum":
                return List.of("cusum", resource("monitor/qcc-cusum-viscosity-phase2.csv"), "--x", "index", "--y",
                        "value", "--baseline", "15");
            case "ewma":
                return List.of("ewma", resource("monitor/qcc-ewma-pistonrings-phase2.csv"), "--x", "group", "--y",
                        "value", "--baseline", "25");
            case "capability":
                return List.of("capability", resource("monitor/qcc-capability-viscosity.csv"), "--x", "index",
                        "--y", "value", "--lsl", "30", "--usl", "38");
            case "bcusum":
                return List.of("bcusum", resource("monitor/qcc-cusum-viscosity-phase2.csv"), "--x", "index", "--y",
                        "phase", "--target-points", "10");
            case "funnel":
            default:
                return List.of("funnel", resource("funnelplotr-RC-hospital_infections.csv"), "--unit", "group",
                        "--type", "ratio", "--multiply", "10000");
        }
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(SameInputTest.class.getResource(name).toURI()).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cusum", "ewma", "capability", "bcusum", "funnel"})
    void workbooksAndSemicolonFilesGiveTheSameOutputAsCsv(String id) throws Exception {
        final List<String> base = new ArrayList<>(argv(id));
        final List<List<String>> rows = rows(Path.of(base.get(1)), id.equals("bcusum"));
        if (id.equals("bcusum")) {
            // outcomes 0 and 1 from the reference file's values, written as the CSV to compare with
            final StringBuilder sb = new StringBuilder();
            for (List<String> row : rows) {
                sb.append(String.join(",", row)).append('\n');
            }
            base.set(1, Files.writeString(tmp.resolve("cases.csv"), sb).toString());
        }
        final Path csv = Path.of(base.get(1));
        final JsonNode expected = output(base, csv, List.of());
        assertEquals(expected, output(base, xlsx(rows, new XSSFWorkbook(), "in.xlsx"), List.of("--sheet", "Data")),
                "xlsx");
        assertEquals(expected, output(base, xlsx(rows, new HSSFWorkbook(), "in.xls"), List.of("--sheet", "data")),
                "xls");
        assertEquals(expected, output(base, semicolons(rows), List.of()), "semicolons");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cusum", "ewma", "capability"})
    void ukDatesInXAreDates(String id) throws Exception {
        final List<String> base = argv(id);
        final Path csv = Path.of(base.get(1));
        final JsonNode expected = output(base, csv, List.of());
        // x 1, 2, 3 ... become 01/01/2024, 02/01/2024, ...: day/month/year, sorted as dates, not as text
        final List<List<String>> rows = rows(csv, false);
        final StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            final List<String> row = new ArrayList<>(rows.get(r));
            if (r > 0) {
                final LocalDate d = LocalDate.of(2024, 1, 1).plusDays(Long.parseLong(row.get(0)) - 1);
                row.set(0, String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()));
            }
            sb.append(String.join(",", row)).append('\n');
        }
        final JsonNode dated = output(base, Files.writeString(tmp.resolve("dated.csv"), sb), List.of());
        if (!expected.has("points")) {
            assertEquals(expected, dated); // capability: subgroups by x, whatever x is
            return;
        }
        assertEquals(dated.get("points").size(), expected.get("points").size());
        for (int i = 0; i < expected.get("points").size(); i++) {
            final ObjectNode e = expected.get("points").get(i).deepCopy();
            final ObjectNode a = dated.get("points").get(i).deepCopy();
            final long day = e.get("x").asLong();
            assertEquals(LocalDate.of(2024, 1, 1).plusDays(day - 1).toString(), a.get("x").asText());
            e.remove("x");
            a.remove("x");
            assertEquals(e, a, "point " + i);
        }
    }

    @Test
    void badCellsInWorkbooksNameSheetRowColumnAndValue() throws Exception {
        for (String id : List.of("cusum", "ewma", "capability", "funnel")) {
            final List<String> base = argv(id);
            final List<List<String>> rows = rows(Path.of(base.get(1)), false);
            rows.get(3).set(1, "12 mg"); // the third data row: spreadsheet row 5 (a title row, then the header)
            final Path file = xlsx(rows, new XSSFWorkbook(), "bad-" + id + ".xlsx");
            final Run r = run(base, file, List.of("--sheet", "Data"), tmp.resolve("bad.json"));
            assertEquals(2, r.code, id + ": " + r.err);
            assertEquals(1, r.err.lines().count(), r.err);
            final String column = rows.get(0).get(1);
            assertTrue(r.err.contains("bad-" + id + ".xlsx: sheet 'Data', row 5, column B ('" + column
                    + "'): '12 mg' is not a number"), id + ": " + r.err);
            assertFalse(Files.exists(tmp.resolve("bad.json")));
        }
    }

    @Test
    void sheetOnACsvFileAndAnUnknownSheetAreBadUsage() throws Exception {
        final List<String> base = argv("cusum");
        final Run csv = run(base, Path.of(base.get(1)), List.of("--sheet", "Data"), tmp.resolve("x.json"));
        assertEquals(2, csv.code, csv.err);
        assertTrue(csv.err.contains("--sheet Data applies to Excel workbooks"), csv.err);
        final Path book = xlsx(rows(Path.of(base.get(1)), false), new XSSFWorkbook(), "in.xlsx");
        final Run unknown = run(base, book, List.of("--sheet", "Summary"), tmp.resolve("x.json"));
        assertEquals(2, unknown.code, unknown.err);
        assertTrue(unknown.err.contains("no sheet 'Summary' (--sheet); the sheets are: 'Notes', 'Data'"),
                unknown.err);
    }

    /** The cells of a CSV file as read, header first; for bcusum, outcomes 0/1 (value above 34) in the phase column. */
    private static List<List<String>> rows(Path csv, boolean outcomes) {
        final CsvTable t = CsvTable.read(csv);
        final List<List<String>> rows = new ArrayList<>();
        final List<String> header = new ArrayList<>();
        final int width = t.columnCount();
        for (int c = 0; c < width; c++) {
            header.add(t.columnName(c));
        }
        rows.add(header);
        for (int r = 0; r < t.rowCount(); r++) {
            final List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                final String cell = t.cell(r, c);
                row.add(outcomes && header.get(c).equals("phase")
                        ? Double.parseDouble(t.cell(r, 1)) > 34 ? "1" : "0" : cell);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A workbook: a "Notes" sheet, then "Data" with a title row above the header; numbers as number cells. */
    private Path xlsx(List<List<String>> rows, Workbook wb, String name) throws IOException {
        final Path file = tmp.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("exported for the test");
            final Sheet s = wb.createSheet("Data");
            s.createRow(0).createCell(0).setCellValue("Reference data");
            for (int r = 0; r < rows.size(); r++) {
                final Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    final String v = rows.get(r).get(c);
                    if (r > 0 && PLAIN_NUMBER.matcher(v).matches()) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    /** The same cells separated by semicolons, decimals with a comma, with a byte order mark and CRLF. */
    private Path semicolons(List<List<String>> rows) throws IOException {
        final StringBuilder sb = new StringBuilder("\uFEFF");
        for (int r = 0; r < rows.size(); r++) {
            final List<String> out = new ArrayList<>();
            for (String v : rows.get(r)) {
                out.add(r > 0 && PLAIN_NUMBER.matcher(v).matches() ? v.replace('.', ',') : v);
            }
            sb.append(String.join(";", out)).append("\r\n");
        }
        return Files.writeString(tmp.resolve("in-semicolons.csv"), sb, StandardCharsets.UTF_8);
    }

    private JsonNode output(List<String> base, Path file, List<String> extra) throws IOException {
        final Path out = tmp.resolve("out.json");
        Files.deleteIfExists(out);
        final Run r = run(base, file, extra, out);
        assertEquals(0, r.code, file.getFileName() + ": " + r.err);
        return JSON.readTree(out.toFile());
    }

    private static Run run(List<String> base, Path file, List<String> extra, Path out) {
        final List<String> argv = new ArrayList<>(base);
        argv.set(1, file.toString());
        argv.addAll(extra);
        argv.addAll(List.of("-o", out.toString()));
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv.toArray(new String[0]), w);
        }
        return new Run(code, err.toString());
    }

    /** Exit code and standard error of one run. */
    private record Run(int code, String err) {
    }
}
