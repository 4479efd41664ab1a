package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Excel input: real .xlsx files written with POI into a temporary folder, read by {@code shewhart chart} as it
 * reads CSV, and bad cells reported with file, sheet, row (as Excel numbers it), column letter, header and value.
 */
final class XlsxInputTest {
    @TempDir
    Path tmp;

    /**
     * Sheet "Notes" first (to test --sheet), then "Data": a blank row 1, the header in row 2, weekly dates in A,
     * falls in B (numbers, one formula), bed days in C, and a blank row 6 between data rows.
     */
    private Path workbook(String name, Object fallsInRow5) throws IOException {
        final Path file = tmp.resolve(name);
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("read me");
            final Sheet s = wb.createSheet("Data");
            final CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            final Row h = s.createRow(1);
            h.createCell(0).setCellValue("week");
            h.createCell(1).setCellValue("falls");
            h.createCell(2).setCellValue("bed_days");
            final Object[] falls = {12.0, 7.0, fallsInRow5, "=B3+B4", 9.5, 10000000.0};
            int r = 2;
            for (int i = 0; i < falls.length; i++) {
                if (r == 5) {
                    r++; // row 6 stays blank
                }
                final Row row = s.createRow(r);
                row.createCell(0).setCellValue(LocalDate.of(2024, 4, 1).plusWeeks(i));
                row.getCell(0).setCellStyle(dateStyle);
                final Object f = falls[i];
                if (f instanceof Double) {
                    row.createCell(1).setCellValue((Double) f);
                } else if (((String) f).startsWith("=")) {
                    row.createCell(1).setCellFormula(((String) f).substring(1));
                } else {
                    row.createCell(1).setCellValue((String) f);
                }
                row.createCell(2).setCellValue(1000 + i);
                r++;
            }
            // Excel stores a formula's last value with it; POI does so once the formulas are evaluated
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }

    @Test
    void readsNumbersDatesFormulasAndSkipsBlankRows() throws IOException {
        final CsvTable t = CsvTable.open(workbook("falls.xlsx", 3.0), "Data");
        assertEquals(6, t.rowCount());
        assertEquals("week", t.columnName(0));
        assertEquals(List.of(3L, 4L, 5L, 7L, 8L, 9L),
                List.of(t.lineOf(0), t.lineOf(1), t.lineOf(2), t.lineOf(3), t.lineOf(4), t.lineOf(5)));
        final List<String> weeks = new ArrayList<>();
        final List<String> falls = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            weeks.add(t.cell(r, 0));
            falls.add(t.cell(r, 1));
        }
        assertEquals(List.of("2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22", "2024-04-29", "2024-05-06"),
                weeks);
        assertEquals(List.of("12", "7", "3", "19", "9.5", "10000000"), falls);
        assertEquals("1003", t.cell(3, 2));
    }

    @Test
    void chartsASheetAsItChartsCsv() throws IOException {
        final Path out = tmp.resolve("out.json");
        final Run r = run("chart", workbook("falls.xlsx", 3.0).toString(), "--sheet", "data", "--chart", "xmr",
                "--x", "week", "--y", "falls", "-o", out.toString());
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        final JsonNode points = new ObjectMapper().readTree(out.toFile()).get("points");
        assertEquals(6, points.size());
        assertEquals("2024-04-01", points.get(0).get("x").asText());
        assertEquals(19.0, points.get(3).get("y").asDouble());
        assertEquals(1.0e7, points.get(5).get("y").asDouble());
    }

    @Test
    void textInANumberColumnNamesSheetRowColumnAndValue() throws IOException {
        final Run r = run("chart", workbook("falls.xlsx", "n/a").toString(), "--sheet", "Data", "--chart", "xmr",
                "--x", "week", "--y", "falls", "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.startsWith("shewhart: "), r.err);
        assertTrue(r.err.contains("falls.xlsx: sheet 'Data', row 5, column B ('falls'): 'n/a' is not a number"),
                r.err);
        assertFalse(Files.exists(tmp.resolve("out.json")));
    }

    @Test
    void aFormulaErrorIsReportedAsExcelShowsIt() throws IOException {
        final Run r = run("chart", workbook("falls.xlsx", "=1/0").toString(), "--sheet", "Data", "--chart", "xmr",
                "--x", "week", "--y", "falls", "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("sheet 'Data', row 5, column B ('falls'): '#DIV/0!' is not a number"), r.err);
    }

    @Test
    void readsOldExcelWorkbooks() throws IOException {
        final Path file = tmp.resolve("old.xls");
        try (Workbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            final Sheet s = wb.createSheet("Sheet1");
            s.createRow(0).createCell(0).setCellValue("x");
            s.getRow(0).createCell(1).setCellValue("y");
            for (int i = 1; i <= 3; i++) {
                s.createRow(i).createCell(0).setCellValue(i);
                s.getRow(i).createCell(1).setCellValue(i * 1.5);
            }
            wb.write(out);
        }
        final CsvTable t = CsvTable.open(file, null);
        assertEquals(3, t.rowCount());
        assertEquals("4.5", t.cell(2, 1));
        assertTrue(t.file().endsWith("old.xls: sheet 'Sheet1'"), t.file());
    }

    @Test
    void unknownSheetListsTheSheets() throws IOException {
        final Run r = run("chart", workbook("falls.xlsx", 3.0).toString(), "--sheet", "Summary", "--chart", "xmr",
                "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.contains("no sheet 'Summary' (--sheet); the sheets are: 'Notes', 'Data'"), r.err);
    }

    @Test
    void firstSheetByDefault() throws IOException {
        final Run r = run("chart", workbook("falls.xlsx", 3.0).toString(), "--chart", "xmr", "--x", "week",
                "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("falls.xlsx: sheet 'Notes': no column 'week' (--x); the columns are: read me"),
                r.err);
    }

    @Test
    void aFileThatIsNotAWorkbookIsBadInput() throws IOException {
        final Path file = Files.writeString(tmp.resolve("fake.xlsx"), "x,y\n1,2\n2,3\n");
        final Run r = run("chart", file.toString(), "--chart", "xmr", "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.contains("fake.xlsx: "), r.err);
        assertFalse(r.err.contains("internal error"), r.err);
    }

    @Test
    void textLostFromADamagedWorkbookIsAnErrorNotEmptyCells() throws IOException {
        // the shared strings part renamed: POI skips it and would read every text cell as empty
        final Path good = workbook("falls.xlsx", "n/a");
        final Path damaged = tmp.resolve("damaged.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName().replace("sharedStrings", "sharedStrinXs")));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        final Run r = run("chart", damaged.toString(), "--sheet", "Data", "--chart", "xmr", "--x", "week", "--y",
                "falls", "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.contains("damaged.xlsx: not readable as an Excel workbook (the text of cell A2 (shared "
                + "string 1) is missing from the workbook)"), r.err);
    }

    @Test
    void sheetOnACsvFileIsBadUsage() throws IOException {
        final Path file = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n2,3\n");
        final Run r = run("chart", file.toString(), "--sheet", "Data", "--chart", "xmr",
                "-o", tmp.resolve("out.json").toString());
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("--sheet Data applies to Excel workbooks"), r.err);
    }

    @Test
    void numbersAreShortestDecimalsWithoutExponent() {
        assertEquals("10000000", XlsxTable.number(1.0e7));
        assertEquals("12", XlsxTable.number(12.0));
        assertEquals("0", XlsxTable.number(-0.0));
        assertEquals("0.1", XlsxTable.number(0.1));
        assertEquals("-2.5", XlsxTable.number(-2.5));
        assertEquals("0.00000015", XlsxTable.number(1.5e-7));
        assertEquals("123456789012345680000", XlsxTable.number(1.2345678901234568e20));
    }

    private static Run run(String... argv) {
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv, w);
        }
        return new Run(code, err.toString());
    }

    /** Exit code and standard error of one run. */
    private record Run(int code, String err) {
    }
}
