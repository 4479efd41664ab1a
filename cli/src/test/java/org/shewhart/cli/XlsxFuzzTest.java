package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the Excel input of {@code shewhart chart}: workbooks are generated in memory with Apache POI
 * from a model of a weekly series (dates in A, a count in B), with cells and structure corrupted at random: text,
 * blanks, error cells, formulas with cached numbers or errors, numbers stored as text (with thousands commas or
 * decimal commas), booleans, dates in the value column, dates as serial numbers or UK text in the x column, empty
 * x, merged cells, hidden rows, blank rows, title rows above the header, extra sheets and extra columns; and now
 * and then the bytes of the file itself are truncated or flipped.
 *
 * <p>The model says what each workbook must give: a chart with exactly as many points as the sheet has distinct x
 * in non-blank rows (nothing silently dropped), or exit code 2 with one line naming the file, the sheet, the row
 * and column letter of a bad cell and its value; for a damaged file, exit 2 naming the file. Never exit 1, never
 * an exception. {@code -Dshewhart.fuzz.seed=N -Dshewhart.fuzz.count=N} change the seed and count.
 */
final class XlsxFuzzTest {
    private static final long SEED = Long.getLong("shewhart.fuzz.seed", 20241123L);
    private static final int COUNT = Integer.getInteger("shewhart.fuzz.count", 2000);
    private static final int MAX_REPORTED = 5;
    private static final int ROWS = 16;
    /** Every so many workbooks go through a file and the whole command; the others are read in memory. */
    private static final int FILE_EVERY = 80;
    private static final String MEMORY = "fuzz.xlsx";
    private static final int DAMAGED = Integer.getInteger("shewhart.fuzz.damaged", 200);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UK = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    @TempDir
    Path tmp;

    /** How one cell is written. */
    private enum Kind { NUMBER, DATE, TEXT, BLANK, ERROR, FORMULA_NUMBER, FORMULA_ERROR, BOOLEAN }

    /** One cell of the model: how it is written, its value, and what it must read as (null: a bad cell). */
    private record CellModel(Kind kind, Object value, String reads) {
    }

    /** One data row of the model. */
    private static final class RowModel {
        CellModel x;
        CellModel y;
        boolean hidden;
        boolean blankBefore;
    }

    @Test
    void corruptedWorkbooksChartEveryRowOrNameTheBadCell() throws IOException {
        final SplittableRandom random = new SplittableRandom(SEED);
        final Path output = tmp.resolve("fuzz.json");
        final List<String> failures = new ArrayList<>();
        final int[] outcomes = new int[2]; // charted, rejected
        try (Workbook book = new XSSFWorkbook()) {
            final CellStyle dates = dateStyle(book);
            for (int k = 0; k < COUNT && failures.size() < MAX_REPORTED; k++) {
                final Case c = generate(random);
                final String problem;
                if (k % FILE_EVERY == 0) {
                    problem = throughTheFile(c, tmp.resolve("fuzz-" + k % 2 + ".xlsx"), output, outcomes);
                } else {
                    problem = inMemory(c, book, dates, outcomes);
                }
                if (!problem.isEmpty()) {
                    failures.add(report(k, c, problem));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail("fuzzed workbooks misbehaved (the run stops after " + MAX_REPORTED + "):\n"
                    + String.join("\n", failures));
        }
        if (outcomes[0] < COUNT / 10 || outcomes[1] < COUNT / 10) {
            fail("unbalanced fuzzing: " + outcomes[0] + " charted, " + outcomes[1] + " rejected of " + COUNT);
        }
    }

    /**
     * The bytes of a valid workbook truncated or flipped: each damaged file fails with exit 2 and one line naming
     * it, or, where the damage missed what is read, charts as the undamaged workbook does.
     */
    @Test
    void damagedWorkbookFilesFailNamingTheFile() throws IOException {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        final Case c = generate(random);
        final byte[] valid;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(wb, c, dateStyle(wb));
            wb.write(out);
            valid = out.toByteArray();
        }
        final Path input = tmp.resolve("damaged.xlsx");
        final Path output = tmp.resolve("damaged.json");
        final List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (int k = 0; k < DAMAGED && failures.size() < MAX_REPORTED; k++) {
            Files.write(input, damage(valid, random));
            Files.deleteIfExists(output);
            final StringWriter err = new StringWriter();
            final int code;
            try (PrintWriter w = new PrintWriter(err)) {
                code = Main.run(new String[] {"chart", input.toString(), "--sheet", c.sheetOption, "--chart", "xmr",
                    "--x", "week", "--y", "falls", "--format", "json", "-o", output.toString()}, w);
            } catch (RuntimeException | Error e) {
                failures.add("damaged file " + k + ": Main.run threw " + e);
                continue;
            }
            final int points = code == 0 && Files.exists(output)
                    ? JSON.readTree(output.toFile()).get("points").size() : -1;
            final String problem = checkDamaged(code, err.toString(), input.toString(), points, c);
            if (!problem.isEmpty()) {
                failures.add(report(k, c, problem));
            }
            rejected += code == 2 ? 1 : 0;
        }
        if (!failures.isEmpty()) {
            fail("damaged workbooks misbehaved:\n" + String.join("\n", failures));
        }
        if (rejected < DAMAGED / 2) {
            fail("only " + rejected + " of " + DAMAGED + " damaged files were rejected: the damage misses too often");
        }
    }

    /**
     * The reading path on a sheet in memory (POI's zip writing and parsing cost far more than the reading under
     * test): the sheet to a table as a workbook file gives it, the table to chart points, the points to a chart.
     * What {@code Main} would print on exit 2 is the message of the {@link SpcInputException}.
     */
    private static String inMemory(Case c, Workbook book, CellStyle dates, int[] outcomes) {
        final int before = book.getNumberOfSheets();
        final Sheet sheet = fill(book, c, dates);
        int code;
        String err;
        int points = -1;
        try {
            final CsvTable t = XlsxTable.read(MEMORY, sheet);
            final ChartInput in = ChartInput.read(t, "week", "falls", null, null, ChartType.XMR, null);
            ChartSpec.builder(ChartType.XMR).build().compute(in.series());
            code = 0;
            err = "";
            points = in.size();
        } catch (SpcInputException e) {
            code = 2;
            err = "shewhart: " + e.getMessage() + "\n";
        } catch (RuntimeException | Error e) {
            return "the reading path threw " + e;
        } finally {
            while (book.getNumberOfSheets() > before) {
                book.removeSheetAt(before);
            }
        }
        final String problem = check(code, err, MEMORY, points, c);
        if (problem.isEmpty()) {
            outcomes[code == 0 ? 0 : 1]++;
        }
        return problem;
    }

    /** The whole command on a workbook file: zip writing and parsing, --sheet, the JSON written. */
    private static String throughTheFile(Case c, Path input, Path output, int[] outcomes) throws IOException {
        final byte[] bytes;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(wb, c, dateStyle(wb));
            wb.write(out);
            bytes = out.toByteArray();
        }
        Files.write(input, bytes);
        Files.deleteIfExists(output);
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(new String[] {"chart", input.toString(), "--sheet", c.sheetOption, "--chart", "xmr",
                "--x", "week", "--y", "falls", "--format", "json", "-o", output.toString()}, w);
        } catch (RuntimeException | Error e) {
            return "Main.run threw " + e;
        }
        final int points = code == 0 && Files.exists(output) ? JSON.readTree(output.toFile()).get("points").size()
                : -1;
        final String problem = check(code, err.toString(), input.toString(), points, c);
        if (problem.isEmpty()) {
            outcomes[code == 0 ? 0 : 1]++;
        }
        return problem;
    }

    /** A generated workbook: its rows, the sheet option used, and what was done to it. */
    private static final class Case {
        final List<RowModel> rows = new ArrayList<>();
        final List<String> edits = new ArrayList<>();
        String sheetOption = "Data";
        int titleRows;
        boolean sheetsBefore;
        boolean extraColumn;
        int mergeAt = -1;
    }

    // ---- the model ------------------------------------------------------------------------------------------

    private static Case generate(SplittableRandom random) {
        final Case c = new Case();
        final LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            final RowModel r = new RowModel();
            final LocalDate d = start.plusWeeks(i);
            r.x = new CellModel(Kind.DATE, d, d.toString());
            final int v = 5 + random.nextInt(20);
            r.y = new CellModel(Kind.NUMBER, (double) v, Integer.toString(v));
            c.rows.add(r);
        }
        final int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            edit(c, random);
        }
        return c;
    }

    private static void edit(Case c, SplittableRandom random) {
        final int i = random.nextInt(ROWS);
        final RowModel r = c.rows.get(i);
        final LocalDate date = LocalDate.of(2024, 1, 1).plusWeeks(i);
        final int what = random.nextInt(24);
        c.edits.add("row model " + i + ": edit " + what);
        switch (what) {
            case 0:
                r.y = new CellModel(Kind.TEXT, "n/a", null);
                break;
            case 1:
                r.y = new CellModel(Kind.TEXT, "12 mg", null);
                break;
            case 2:
                r.y = new CellModel(Kind.BLANK, null, "");
                break;
            case 3:
                r.y = new CellModel(Kind.ERROR, FormulaError.DIV0, null);
                break;
            case 4:
                r.y = new CellModel(Kind.ERROR, FormulaError.NA, null);
                break;
            case 5:
                r.y = new CellModel(Kind.FORMULA_NUMBER, 7.0, "7");
                break;
            case 6:
                r.y = new CellModel(Kind.FORMULA_ERROR, FormulaError.VALUE, null);
                break;
            case 7:
                r.y = new CellModel(Kind.TEXT, " 12 ", "12");
                break;
            case 8:
                r.y = new CellModel(Kind.TEXT, "1,234", "1234");
                break;
            case 9:
                r.y = new CellModel(Kind.TEXT, "3,5", null);
                break;
            case 10:
                r.y = new CellModel(Kind.BOOLEAN, true, null);
                break;
            case 11:
                r.y = new CellModel(Kind.DATE, date, null);
                break;
            case 12:
                r.y = new CellModel(Kind.TEXT, "NA", "");
                break;
            case 13: // a date typed as UK text
                r.x = new CellModel(Kind.TEXT, String.format(Locale.ROOT, "%02d/%02d/%d", date.getDayOfMonth(),
                        date.getMonthValue(), date.getYear()), "uk");
                break;
            case 14: // a date as a bare serial number, not formatted as a date
                r.x = new CellModel(Kind.NUMBER, (double) (date.toEpochDay() + 25569), "serial");
                break;
            case 15: // no x; a row with no y either is blank and not data
                r.x = new CellModel(Kind.BLANK, null, "");
                break;
            case 16: // the same x as the row above: one subgroup
                if (i > 0) {
                    r.x = c.rows.get(i - 1).x;
                }
                break;
            case 17:
                r.hidden = true;
                break;
            case 18:
                r.blankBefore = true;
                break;
            case 19:
                c.titleRows = 1 + random.nextInt(2);
                break;
            case 20:
                c.sheetsBefore = true;
                c.sheetOption = random.nextBoolean() ? "Data" : "DATA";
                break;
            case 21:
                c.extraColumn = true;
                break;
            case 22: // y merged down over the next row: the next row's value is gone, as Excel clears it
                if (i + 1 < ROWS) {
                    c.mergeAt = i;
                    c.rows.get(i + 1).y = new CellModel(Kind.BLANK, null, "");
                }
                break;
            case 23:
            default:
                r.x = new CellModel(Kind.TEXT, "Week " + (i + 1), "text");
                break;
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------

    private static CellStyle dateStyle(Workbook wb) {
        final CellStyle dates = wb.createCellStyle();
        dates.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        return dates;
    }

    /** Adds the case's sheets to the workbook and returns the data sheet. */
    private static Sheet fill(Workbook wb, Case c, CellStyle dates) {
        if (c.sheetsBefore) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("not the data");
        }
        final Sheet s = wb.createSheet("Data");
        int row = 0;
        for (int t = 0; t < c.titleRows; t++) {
            s.createRow(row++).createCell(0).setCellValue("Falls report, title line " + (t + 1));
        }
        final Row h = s.createRow(row++);
        h.createCell(0).setCellValue("week");
        h.createCell(1).setCellValue("falls");
        if (c.extraColumn) {
            h.createCell(3).setCellValue("comment");
        }
        for (int i = 0; i < c.rows.size(); i++) {
            final RowModel m = c.rows.get(i);
            if (m.blankBefore) {
                row++;
            }
            final Row r = s.createRow(row);
            cell(r, 0, m.x, dates);
            cell(r, 1, m.y, dates);
            if (c.extraColumn && i % 3 == 0) {
                r.createCell(3).setCellValue("checked");
            }
            if (m.hidden) {
                r.setZeroHeight(true);
            }
            if (c.mergeAt == i) {
                s.addMergedRegion(new CellRangeAddress(row, row + 1 + (c.rows.get(i + 1).blankBefore ? 1 : 0),
                        1, 1));
            }
            row++;
        }
        wb.createSheet("Summary").createRow(0).createCell(0).setCellValue("total");
        return s;
    }

    private static void cell(Row r, int column, CellModel m, CellStyle dates) {
        if (m.kind == Kind.BLANK) {
            return;
        }
        final Cell cell = r.createCell(column);
        switch (m.kind) {
            case NUMBER:
                cell.setCellValue((Double) m.value);
                break;
            case DATE:
                cell.setCellValue((LocalDate) m.value);
                cell.setCellStyle(dates);
                break;
            case TEXT:
                cell.setCellValue((String) m.value);
                break;
            case ERROR:
                cell.setCellErrorValue(((FormulaError) m.value).getCode());
                break;
            case FORMULA_NUMBER:
                cell.setCellFormula("3+4");
                cell.setCellValue((Double) m.value); // the cached value Excel stores with the formula
                break;
            case FORMULA_ERROR:
                cell.setCellFormula("1+\"a\"");
                cell.setCellErrorValue(((FormulaError) m.value).getCode());
                break;
            case BOOLEAN:
            default:
                cell.setCellValue((Boolean) m.value);
                break;
        }
    }

    private static byte[] damage(byte[] bytes, SplittableRandom random) {
        if (random.nextBoolean()) {
            final byte[] cut = new byte[random.nextInt(bytes.length)];
            System.arraycopy(bytes, 0, cut, 0, cut.length);
            return cut;
        }
        final byte[] flipped = bytes.clone();
        final int flips = 1 + random.nextInt(8);
        for (int f = 0; f < flips; f++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return flipped;
    }

    // ---- the oracle -----------------------------------------------------------------------------------------

    /** What the model says the sheet must give: the number of points, or the bad cells (row, letter, value). */
    private static final class Expected {
        int points;
        final List<String> badCells = new ArrayList<>();
    }

    private static Expected expected(Case c) {
        final Expected e = new Expected();
        final List<String> xs = new ArrayList<>();
        int sheetRow = c.titleRows + 2; // Excel's 1-based number of the first data row
        for (RowModel m : c.rows) {
            if (m.blankBefore) {
                sheetRow++;
            }
            final boolean blankRow = m.x.kind == Kind.BLANK && m.y.kind == Kind.BLANK
                    && !(c.extraColumn && c.rows.indexOf(m) % 3 == 0);
            if (!blankRow) {
                if (m.x.kind == Kind.BLANK) {
                    e.badCells.add("row " + sheetRow + ", column A ('week'): empty x");
                } else {
                    xs.add(xText(m.x));
                }
                if (m.y.reads == null) {
                    e.badCells.add("row " + sheetRow + ", column B ('falls'): '" + yText(m.y) + "'");
                }
            }
            sheetRow++;
        }
        e.points = distinct(xs);
        return e;
    }

    /** The x as the sheet shows it to the reader. */
    private static String xText(CellModel x) {
        switch (x.kind) {
            case DATE:
                return x.value.toString();
            case NUMBER:
                return Long.toString((long) (double) (Double) x.value);
            default:
                return (String) x.value;
        }
    }

    private static String yText(CellModel y) {
        switch (y.kind) {
            case ERROR:
            case FORMULA_ERROR:
                return ((FormulaError) y.value).getString();
            case BOOLEAN:
                return "TRUE";
            case DATE:
                return y.value.toString();
            default:
                return y.value.toString();
        }
    }

    /** Distinct x as the command types the column: all ISO dates, all UK dates, all integers, or text. */
    private static int distinct(List<String> xs) {
        final Set<String> keys = new HashSet<>();
        final boolean iso = xs.stream().allMatch(x -> ISO.matcher(x).matches());
        final boolean uk = xs.stream().allMatch(x -> UK.matcher(x).matches());
        final boolean numbers = xs.stream().allMatch(x -> INTEGER.matcher(x).matches());
        for (String x : xs) {
            keys.add(iso || numbers ? x : uk ? x.substring(6) + x.substring(3, 5) + x.substring(0, 2) : x);
        }
        return keys.size();
    }

    private static String check(int code, String err, String input, int points, Case c) {
        final Expected e = expected(c);
        final List<String> lines = err.lines().toList();
        if (code == 2) {
            if (lines.size() != 1 || !lines.get(0).startsWith("shewhart: ") || lines.get(0).contains("Exception")) {
                return "exit 2 but standard error is not one message line: " + err;
            }
            if (e.badCells.isEmpty()) {
                // the model's clean sheets may still be too short for a chart once rows share an x
                return e.points < 2 && err.contains("at least 2") ? "" : "exit 2 for a sheet without bad cells: " + err;
            }
            final String prefix = input + ": sheet 'Data', ";
            for (String bad : e.badCells) {
                if (err.contains(prefix + bad)) {
                    return "";
                }
            }
            return "exit 2 without naming file, sheet, row, column and value of a bad cell " + e.badCells + ": "
                    + err;
        }
        if (code != 0) {
            return "exit " + code + ": " + err;
        }
        if (!e.badCells.isEmpty()) {
            return "exit 0 although the sheet has bad cells " + e.badCells;
        }
        if (!lines.isEmpty()) {
            return "exit 0 with standard error: " + err;
        }
        if (points != e.points) {
            return String.format(Locale.ROOT, "exit 0 with %d points, but the sheet has %d distinct x", points,
                    e.points);
        }
        return "";
    }

    private static String checkDamaged(int code, String err, String input, int points, Case c) {
        if (code == 2) {
            final List<String> lines = err.lines().toList();
            if (lines.size() != 1 || !lines.get(0).startsWith("shewhart: " + input + ": ")
                    || lines.get(0).contains("Exception")) {
                return "damaged file: exit 2 but not one line naming the file: " + err;
            }
            return "";
        }
        // a flip in an unused byte may leave the workbook readable: then it must read as the undamaged one
        return code == 0 ? check(code, err, input, points, c) : "damaged file: exit " + code + ": " + err;
    }

    private static String report(int k, Case c, String problem) {
        return String.format(Locale.ROOT, "workbook %d (seed %d; title rows %d, sheets before %b, extra column %b, "
                + "merge at %d; %s): %s", k, SEED, c.titleRows, c.sheetsBefore, c.extraColumn, c.mergeAt, c.edits,
                problem);
    }
}
