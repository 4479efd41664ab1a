package org.shewhart.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shewhart.engine.SpcInputException;

/**
 * A small CSV table held as text: a header and rows, each row remembering its line number in the file, so every
 * error can name file, row, column and value. The same structure comes from the sheet of a workbook
 * ({@link #open(Path, String)}, read by {@link XlsxTable}): then rows are numbered as the spreadsheet shows them
 * and messages also name the sheet and the column letter. UTF-8 with or without a byte order mark (UTF-16 with
 * one), CRLF or LF, RFC 4180 quoting; blank lines are skipped. Bytes that are not valid text are an error naming
 * the row and the byte, never silently replaced. Immutable once read.
 *
 * <p>The separator is a comma, or a semicolon when the first line that has either holds semicolons and no comma
 * (the CSV of Excel set to a decimal-comma language; there numbers are read with a decimal comma, see
 * {@link Numbers}), or a tab in the same way. Title rows above the header, as spreadsheet exports carry them (one
 * filled cell each, such as "Falls by month"), are skipped: the header is the first row with two or more filled
 * cells when every row above it has exactly one.
 */
final class CsvTable {
    /** Where FastCSV's parse errors say the record starts, e.g. "(record starting at line 12)". */
    private static final Pattern RECORD_LINE = Pattern.compile("\\(?\\b(?:in )?record starting at line (\\d+)\\)?");

    /** How many characters of a file's start are looked at for its separator. */
    private static final int SNIFF = 1 << 16;
    /** How many title rows above the header are skipped at most. */
    private static final int MAX_TITLE_ROWS = 10;

    private final String file;
    private final String sheet;
    private final List<String> header;
    private final List<String[]> rows;
    private final long[] lines;
    private final boolean decimalComma;

    private CsvTable(String file, String sheet, List<String> header, List<String[]> rows, long[] lines,
            boolean decimalComma) {
        this.file = file;
        this.sheet = sheet;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
        this.decimalComma = decimalComma;
    }

    /**
     * A table of all the non-blank rows of a sheet, title rows and header included; {@code lines} are the
     * spreadsheet's 1-based row numbers.
     *
     * @return the table, or null if there are no rows
     */
    static CsvTable ofSheet(String file, String sheet, List<String[]> all, List<Long> lines) {
        return ofRows(file, sheet, all, lines, false);
    }

    /** The table of non-blank rows: the header found past any title rows, the data rows after it. */
    private static CsvTable ofRows(String file, String sheet, List<String[]> all, List<Long> lines,
            boolean decimalComma) {
        if (all.isEmpty()) {
            return null;
        }
        final int h = headerRow(all);
        final List<String> header = new ArrayList<>();
        for (String name : all.get(h)) {
            header.add(name.trim());
        }
        final long[] lineArray = new long[all.size() - h - 1];
        for (int i = 0; i < lineArray.length; i++) {
            lineArray[i] = lines.get(h + 1 + i);
        }
        return new CsvTable(file, sheet, List.copyOf(header), new ArrayList<>(all.subList(h + 1, all.size())),
                lineArray, decimalComma);
    }

    /** The index of the header: the first row, or the first with two filled cells below one-cell title rows. */
    static int headerRow(List<String[]> all) {
        for (int i = 0; i < all.size() && i <= MAX_TITLE_ROWS; i++) {
            final int filled = filled(all.get(i));
            if (filled >= 2) {
                return i;
            }
            if (filled != 1) {
                return 0;
            }
        }
        return 0;
    }

    private static int filled(String[] row) {
        int n = 0;
        for (String f : row) {
            if (!f.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Reads a CSV file, or an Excel workbook (.xlsx, .xlsm, .xls) by its extension: its first sheet, or the sheet
     * named.
     *
     * @param sheet the sheet of a workbook, or null for the first; an error for a CSV file
     */
    static CsvTable open(Path path, String sheet) {
        if (XlsxTable.isWorkbook(path)) {
            return XlsxTable.read(path, sheet);
        }
        if (sheet != null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: --sheet %s applies to Excel workbooks (.xlsx, .xlsm, .xls), not to a CSV file", path,
                    show(sheet)));
        }
        return read(path);
    }

    static CsvTable read(Path path) {
        final String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: is a folder, not a file; name a CSV file", name));
        }
        if (!Files.isRegularFile(path)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        }
        final List<String[]> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        char separator = ',';
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            // the byte order mark, if any, says the encoding; without one the file must be UTF-8
            in.mark(3);
            final byte[] head = in.readNBytes(3);
            in.reset();
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                bom = 3;
            } else if (startsWith(head, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                bom = 2;
            } else if (startsWith(head, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                bom = 2;
            }
            in.skipNBytes(bom);
            // a strict decoder: bytes that are not text in the charset are an error, never a silent U+FFFD
            final Reader text = new BufferedReader(new InputStreamReader(in, strict(charset)), SNIFF);
            separator = separator(text);
            // an unclosed quote would swallow the rest of the file into one cell: an error naming its row
            try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                    .allowMissingFields(true).allowExtraFields(true).allowUnclosedQuote(false).ofCsvRecord(text)) {
                for (CsvRecord r : reader) {
                    if (isBlank(r)) {
                        continue;
                    }
                    rows.add(r.getFields().toArray(new String[0]));
                    lines.add(r.getStartingLineNumber());
                }
            }
        } catch (NoSuchFileException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        } catch (CsvParseException e) {
            throw notCsv(name, e);
        } catch (UncheckedIOException e) {
            throw unreadable(name, path, charset, bom, e.getCause());
        } catch (IOException e) {
            throw unreadable(name, path, charset, bom, e);
        }
        final CsvTable t = ofRows(name, null, rows, lines, separator == ';');
        if (t == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file is empty; expected a header row and at least 2 data rows", name));
        }
        return t;
    }

    /**
     * The separator of the text: from the first line that holds a comma, semicolon or tab outside quotes, a
     * semicolon (or tab) if that line has one and no comma, else a comma. The reader is left where it was.
     */
    private static char separator(Reader text) throws IOException {
        text.mark(SNIFF);
        final char[] buf = new char[SNIFF];
        int len = 0;
        for (int k = 0; len < SNIFF && (k = text.read(buf, len, SNIFF - len)) > 0; len += k) {
            // fill the buffer or reach the end
        }
        text.reset();
        boolean quoted = false;
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        for (int i = 0; i < len; i++) {
            final char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons + tabs > 0) {
                    break;
                }
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return commas > 0 ? ',' : semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
    }

    /**
     * The message for text that is not CSV, in our words around the parser's: FastCSV ends its messages with
     * "(record starting at line N)" (or says "in record starting at line N"), which becomes the row.
     */
    private static SpcInputException notCsv(String name, CsvParseException e) {
        final String parser = String.valueOf(e.getMessage());
        final Matcher m = RECORD_LINE.matcher(parser);
        final String where = m.find() ? String.format(Locale.ROOT, "%s: row %s", name, m.group(1)) : name;
        String what = RECORD_LINE.matcher(parser).replaceAll("").replaceAll("\\s+", " ").strip();
        what = what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
        final String hint = what.contains("quote")
                ? "; a quoted cell must end with a closing quote followed by a comma or the end of the line, and a"
                        + " quote inside it is written twice (\"\")"
                : "";
        return new SpcInputException(String.format(Locale.ROOT, "%s: not readable as CSV: %s%s", where,
                show(what, 200), hint));
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static SpcInputException unreadable(String name, Path path, Charset charset, int bom, IOException e) {
        if (e instanceof CharacterCodingException) {
            return notText(name, path, charset, bom);
        }
        return new SpcInputException(String.format(Locale.ROOT, "%s: cannot read the file: %s", name, reason(e)));
    }

    /**
     * The message for a file that is not text in its charset, naming the row (line) and the first bad byte. Only on
     * this error path is the file read a second time, whole, to find them.
     */
    private static SpcInputException notText(String name, Path path, Charset charset, int bom) {
        final String fix = "save the file as CSV UTF-8";
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException | OutOfMemoryError e) {
            return new SpcInputException(String.format(Locale.ROOT, "%s: not valid %s text; %s", name,
                    charset.name(), fix));
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
        final CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        final CoderResult result = strict(charset).decode(in, out, true);
        if (!result.isError()) {
            return new SpcInputException(String.format(Locale.ROOT, "%s: not valid %s text; %s", name,
                    charset.name(), fix));
        }
        // count line breaks as the CSV reader does (LF, CRLF or a lone CR) in the text before the bad byte
        long line = 1;
        out.flip();
        for (int i = 0; i < out.limit(); i++) {
            final char c = out.get(i);
            if (c == '\n' || c == '\r' && (i + 1 == out.limit() || out.get(i + 1) != '\n')) {
                line++;
            }
        }
        return new SpcInputException(String.format(Locale.ROOT,
                "%s: row %d: byte 0x%02X (at byte %d of the file) is not valid %s; %s (it may be Latin-1 or "
                        + "Windows-1252)", name, line, bytes[in.position()] & 0xFF, in.position() + 1,
                charset.name(), fix));
    }

    /** The reason of an I/O error in words, without the exception class. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * A cell value or other user text fit to quote in a one-line message: line breaks, tabs, other control and
     * invisible format characters (such as a stray byte order mark) written as escapes, and long text cut short.
     */
    static String show(String value) {
        return show(value, 60);
    }

    /** As {@link #show(String)}, cutting at {@code max} characters. */
    static String show(String value, int max) {
        final StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (sb.length() >= max) {
                return sb.append("...").toString();
            }
            final int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    private static boolean isBlank(CsvRecord r) {
        for (String f : r.getFields()) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The file as messages name it; for a workbook, the file and the sheet. */
    String file() {
        return sheet == null ? file : String.format(Locale.ROOT, "%s: sheet '%s'", file, show(sheet));
    }

    /**
     * The same file narrowed to some of its rows (e.g. one series of a long feed); each row keeps its line number,
     * so messages still name the row in the file.
     *
     * @param rowIndices data row indices, in the order wanted
     */
    CsvTable subset(int[] rowIndices) {
        final List<String[]> sub = new ArrayList<>(rowIndices.length);
        final long[] subLines = new long[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            sub.add(rows.get(rowIndices[i]));
            subLines[i] = lines[rowIndices[i]];
        }
        return new CsvTable(file, sheet, header, sub, subLines, decimalComma);
    }

    /** Whether numbers are written with a decimal comma (3,5), as in a file separated by semicolons. */
    boolean decimalComma() {
        return decimalComma;
    }

    int rowCount() {
        return rows.size();
    }

    /** The 1-based line number of a data row in the file. */
    long lineOf(int row) {
        return lines[row];
    }

    /**
     * The index of a column by name (exact, then case-insensitive).
     *
     * @throws SpcInputException naming the columns that exist
     */
    int column(String name, String option) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        final List<String> shown = new ArrayList<>();
        for (String h : header) {
            shown.add(show(h));
        }
        throw new SpcInputException(String.format(Locale.ROOT,
                "%s: no column '%s' (%s); the columns are: %s", file(), show(name), option, String.join(", ", shown)));
    }

    boolean hasColumn(String name) {
        for (String h : header) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    int columnCount() {
        return header.size();
    }

    String columnName(int column) {
        return header.get(column);
    }

    /** The trimmed text of a cell; a missing trailing field is empty. */
    String cell(int row, int column) {
        final String[] r = rows.get(row);
        return column < r.length ? r[column].trim() : "";
    }

    /** A message prefix naming the file, line and column of a cell (for a workbook: sheet, row, letter, header). */
    String where(int row, int column) {
        if (sheet != null) {
            return String.format(Locale.ROOT, "%s: sheet '%s', row %d, column %s ('%s')", file, show(sheet),
                    lineOf(row), XlsxTable.letter(column), show(header.get(column)));
        }
        return String.format(Locale.ROOT, "%s: row %d, column '%s'", file, lineOf(row), show(header.get(column)));
    }
}
