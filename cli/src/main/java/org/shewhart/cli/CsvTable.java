package org.shewhart.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * A small CSV table held as text: a header and rows, each row remembering its line number in the file, so every
 * error can name file, row, column and value. UTF-8 with or without a byte order mark, CRLF or LF, RFC 4180
 * quoting; blank lines are skipped. Immutable once read.
 */
final class CsvTable {
    private final String file;
    private final List<String> header;
    private final List<String[]> rows;
    private final long[] lines;

    private CsvTable(String file, List<String> header, List<String[]> rows, long[] lines) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    static CsvTable read(Path path) {
        final String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        }
        final List<String[]> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        List<String> header = null;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(path, StandardCharsets.UTF_8)) {
            for (CsvRecord r : reader) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : r.getFields()) {
                        header.add(h.trim());
                    }
                    continue;
                }
                if (isBlank(r)) {
                    continue;
                }
                rows.add(r.getFields().toArray(new String[0]));
                lines.add(r.getStartingLineNumber());
            }
        } catch (NoSuchFileException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        } catch (CsvParseException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: not a readable CSV file: %s", name,
                    e.getMessage()));
        } catch (UncheckedIOException e) {
            throw unreadable(name, e.getCause());
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (header == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file is empty; expected a header row and at least 2 data rows", name));
        }
        final long[] lineArray = new long[lines.size()];
        for (int i = 0; i < lineArray.length; i++) {
            lineArray[i] = lines.get(i);
        }
        return new CsvTable(name, List.copyOf(header), rows, lineArray);
    }

    private static SpcInputException unreadable(String name, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new SpcInputException(String.format(Locale.ROOT,
                    "%s: not valid UTF-8 text; save the file as CSV UTF-8", name));
        }
        return new SpcInputException(String.format(Locale.ROOT, "%s: cannot read the file: %s", name,
                e.getMessage()));
    }

    private static boolean isBlank(CsvRecord r) {
        for (String f : r.getFields()) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    String file() {
        return file;
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
        throw new SpcInputException(String.format(Locale.ROOT,
                "%s: no column '%s' (%s); the columns are: %s", file, name, option, String.join(", ", header)));
    }

    boolean hasColumn(String name) {
        for (String h : header) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    String columnName(int column) {
        return header.get(column);
    }

    /** The trimmed text of a cell; a missing trailing field is empty. */
    String cell(int row, int column) {
        final String[] r = rows.get(row);
        return column < r.length ? r[column].trim() : "";
    }

    /** A message prefix naming the file, line and column of a cell. */
    String where(int row, int column) {
        return String.format(Locale.ROOT, "%s: row %d, column '%s'", file, lineOf(row), header.get(column));
    }
}
