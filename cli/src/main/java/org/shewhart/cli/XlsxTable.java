package org.shewhart.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import org.shewhart.engine.SpcInputException;

/**
 * Reads one sheet of an Excel workbook (Apache POI) into a {@link CsvTable}: the first non-blank row is the header
 * (past title rows, as {@link CsvTable} finds it), blank rows are skipped, each row keeps the number Excel shows
 * for it. Cells become the text a CSV export would hold, so everything downstream reads them as it reads CSV:
 * numbers in their shortest decimal form (10000000, not 1.0E7; 12, not 12.0), date-formatted cells as ISO dates
 * (yyyy-mm-dd, with the time when there is one), formulas as their cached values, errors as Excel writes them
 * (#DIV/0!), booleans as TRUE or FALSE.
 */
final class XlsxTable {
    static {
        // POI logs through the Log4j API, which with no provider on the class path prints "Log4j API could not find
        // a logging provider" on standard error: that would break the one-line error contract. Quiet it, and POI's
        // fallback logger, unless the user configured them.
        quietUnlessSet("log4j2.StatusLogger.level");
        quietUnlessSet("org.apache.logging.log4j.simplelog.level");
    }

    /** A qualified Java class name, as exception messages quote their causes: {@code java.io.EOFException: }. */
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*:?\\s*");

    private XlsxTable() {
    }

    private static void quietUnlessSet(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "OFF");
        }
    }

    /** Whether the file is read as a workbook: by its extension, .xlsx, .xlsm or (Excel 97-2003) .xls. */
    static boolean isWorkbook(Path path) {
        final String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
    }

    /** The column letter Excel shows for a 0-based column index: A, B, ..., Z, AA. */
    static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /**
     * Reads the named sheet (or the first) of a workbook.
     *
     * @param sheetName the sheet, or null for the first; matched exactly, then ignoring case
     * @throws SpcInputException for a missing file, a file that is not a workbook, an unknown sheet (naming the
     *     sheets there are) or an empty sheet
     */
    static CsvTable read(Path path, String sheetName) {
        final String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: is a folder, not a file; name an Excel workbook", name));
        }
        if (!Files.isRegularFile(path)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        }
        try (Workbook wb = WorkbookFactory.create(path.toFile(), null, true)) {
            return read(name, sheet(name, wb, sheetName));
        } catch (EncryptedDocumentException e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the workbook is protected by a password; save an unprotected copy", name));
        } catch (IOException e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: cannot read the workbook (damaged, or not an Excel file): %s; save it from Excel as .xlsx "
                            + "(Excel Workbook) or as CSV UTF-8", name, words(CsvTable.reason(e))));
        } catch (SpcInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // POI's own exceptions for a zip that is not a workbook, a corrupt part and the like
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: not readable as an Excel workbook (%s); save it from Excel as .xlsx (Excel Workbook) or as "
                            + "CSV UTF-8", name, words(String.valueOf(e.getMessage()))));
        }
    }

    /**
     * POI's message fit for a user: without the class names of the exceptions it wraps
     * ({@code org.apache.poi.openxml4j.exceptions.InvalidFormatException: ...}), on one line, cut short.
     */
    static String words(String message) {
        final String plain = JAVA_CLASS.matcher(message).replaceAll("").strip();
        return CsvTable.show(plain.isEmpty() ? "unreadable content" : plain, 200);
    }

    private static Sheet sheet(String name, Workbook wb, String sheetName) {
        if (wb.getNumberOfSheets() == 0) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: the workbook has no sheets", name));
        }
        if (sheetName == null) {
            return wb.getSheetAt(0);
        }
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetName(i).equals(sheetName)) {
                return wb.getSheetAt(i);
            }
            names.add("'" + CsvTable.show(wb.getSheetName(i)) + "'");
        }
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetName(i).equalsIgnoreCase(sheetName)) {
                return wb.getSheetAt(i);
            }
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "%s: no sheet '%s' (--sheet); the sheets are: %s", name, CsvTable.show(sheetName),
                String.join(", ", names)));
    }

    /** Reads a sheet already open; {@code name} is the file as messages name it. */
    static CsvTable read(String name, Sheet sheet) {
        final List<String[]> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        for (Row row : sheet) {
            final int width = Math.max(row.getLastCellNum(), 0);
            final String[] cells = new String[width];
            boolean blank = true;
            for (int c = 0; c < width; c++) {
                cells[c] = text(row.getCell(c));
                blank &= cells[c].isBlank();
            }
            if (blank) {
                continue;
            }
            rows.add(cells);
            lines.add((long) row.getRowNum() + 1);
        }
        final CsvTable t = CsvTable.ofSheet(name, sheet.getSheetName(), rows, lines);
        if (t == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: sheet '%s' is empty; expected a header row and at least 2 data rows", name,
                    CsvTable.show(sheet.getSheetName())));
        }
        return t;
    }

    /** The text of a cell as a CSV export would hold it; empty for a missing or blank cell. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return date(cell.getLocalDateTimeCellValue());
                }
                return number(cell.getNumericCellValue());
            case STRING:
                checkSharedString(cell);
                return cell.getStringCellValue();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR:
                return error(cell.getErrorCellValue());
            case BLANK:
            default:
                return "";
        }
    }

    /**
     * Fails for a text cell of an .xlsx whose text is missing from the workbook's shared strings, as in a damaged
     * file: POI would log the fault and read the cell as empty, a silent loss of its value.
     */
    private static void checkSharedString(Cell cell) {
        if (!(cell instanceof XSSFCell)) {
            return;
        }
        final CTCell ct = ((XSSFCell) cell).getCTCell();
        if (ct.getT() != STCellType.S || !ct.isSetV()) {
            return;
        }
        final SharedStrings sst = ((XSSFCell) cell).getSheet().getWorkbook().getSharedStringSource();
        int index;
        try {
            index = Integer.parseInt(ct.getV().trim());
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (sst == null || index < 0 || index >= sst.getUniqueCount()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the text of cell %s (shared string %s) is missing from the workbook",
                    cell.getAddress().formatAsString(), CsvTable.show(String.valueOf(ct.getV()))));
        }
    }

    /** A date as yyyy-mm-dd, with the time (yyyy-mm-ddThh:mm[:ss]) only when it is not midnight. */
    static String date(LocalDateTime t) {
        return t.toLocalTime().toSecondOfDay() == 0 && t.getNano() == 0 ? t.toLocalDate().toString() : t.toString();
    }

    /** The shortest decimal text that reads back as the same double, without an exponent or a trailing ".0". */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String error(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR!";
        }
    }
}
