package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the CSV input of {@code shewhart chart}: valid reference files are corrupted at random
 * (characters deleted, duplicated or inserted; cells replaced with junk; lines truncated, duplicated, dropped or
 * swapped; byte order marks, CRLF, stray quotes and invalid UTF-8 bytes inserted), one in four first rewritten
 * with semicolons and decimal commas, and run in-process. Every input
 * must end in exit code 0 or 2, never 1 and never an exception; on 2 standard error is one line; on 0 the output is
 * JSON with one point per distinct x, so no row was silently dropped.
 *
 * <p>The seed and count can be changed with {@code -Dshewhart.fuzz.seed=N -Dshewhart.fuzz.count=N}. A failing
 * input is printed in full; freeze it as a regression file in {@code bad/} with a test in {@code BadInputTest}.
 */
final class CsvFuzzTest {
    private static final long SEED = Long.getLong("shewhart.fuzz.seed", 20240611L);
    private static final int COUNT = Integer.getInteger("shewhart.fuzz.count", 2000);
    private static final int MAX_REPORTED = 5;

    /** A decimal number, as DESIGN.md section 5 types an x column (the same set of texts as the CLI accepts). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final String[] JUNK_CELLS = {"", " ", "NA", "na", "abc", "-1", "0", "-0", "1e400", "1e-400",
        "NaN", "Infinity", "-Infinity", "0x1F", "1,5", "\"1,5\"", "\"\"", " 12 ", "+3", ".5", "5.", "1e3",
        "99999999999999999999", "2024-02-30", "2024-13-01", "\"unterminated", "\u00e9", "\uFEFF7", "\t", "1 2",
        "\"a\"\"b\"", "NULL", "\u0000", "12\r", "=1+1"};

    private static final String JUNK_CHARS = ",\"\n\r;\t .-+eE0123456789NAx\u00e9\uFEFF\u0000";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid reference input (in the oracle folder) and the options it is charted with. */
    record Base(String file, String xColumn, List<String> options) {
        Base(String file, String xColumn, String... options) {
            this(file, xColumn, List.of(options));
        }
    }

    private static final List<Base> BASES = List.of(
            new Base("nhsr-xmr-ae_RJZ_breaches-decrease.csv", "x", "--chart", "xmr", "--profile", "mdc",
                    "--improvement", "decrease"),
            new Base("qicharts2-run-nhs_accidents.csv", "x", "--chart", "run", "--n", "n"),
            new Base("qcc-xbar.one-viscosity-phase2.csv", "index", "--chart", "i", "--x", "index", "--y", "value",
                    "--profile", "weco", "--baseline", "15"),
            new Base("qicharts2-run-cdi-part.csv", "x", "--chart", "run", "--phase-col", "period"),
            new Base("qicharts2-mr-cabg_los_monthly.csv", "x", "--chart", "mr", "--profile", "anhoej"));

    @TempDir
    Path tmp;

    @Test
    void corruptedInputsExitZeroOrTwoAndDropNothing() throws IOException {
        final List<String> texts = new ArrayList<>();
        for (Base b : BASES) {
            try (InputStream in = CsvFuzzTest.class.getResourceAsStream("oracle/" + b.file())) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        final SplittableRandom random = new SplittableRandom(SEED);
        final Path input = tmp.resolve("fuzz.csv");
        final Path output = tmp.resolve("fuzz.json");
        final List<String> failures = new ArrayList<>();
        int ok = 0;
        int bad = 0;
        for (int k = 0; k < COUNT && failures.size() < MAX_REPORTED; k++) {
            final int which = random.nextInt(BASES.size());
            final Base base = BASES.get(which);
            // one in four as Excel writes CSV in a decimal-comma language: ';' between cells, '3,5' in them
            final String text = random.nextInt(4) == 0 ? semicolons(texts.get(which)) : texts.get(which);
            final byte[] bytes = corrupt(text, random);
            Files.write(input, bytes);
            final List<String> argv = new ArrayList<>(List.of("chart", input.toString()));
            argv.addAll(base.options());
            argv.addAll(List.of("--format", "json", "-o", output.toString()));
            final String problem = check(argv, bytes, base, output);
            if (problem.isEmpty()) {
                ok++;
            } else if (problem.equals("2")) {
                bad++;
            } else {
                failures.add(String.format(Locale.ROOT, "input %d (seed %d, base %s, options %s): %s%n"
                        + "--- input (Java string escapes) ---%n%s%n---", k, SEED, base.file(), base.options(),
                        problem, escape(bytes)));
            }
        }
        if (!failures.isEmpty()) {
            fail("fuzzed inputs misbehaved (the run stops after " + MAX_REPORTED + "):\n"
                    + String.join("\n", failures));
        }
        // a fuzzer that never gets past the parser, or never trips it, tests little
        if (ok < COUNT / 20 || bad < COUNT / 20) {
            fail("unbalanced fuzzing: " + ok + " inputs charted, " + bad + " rejected of " + COUNT);
        }
    }

    /** Runs one input; returns "" for a good exit 0, "2" for a clean exit 2, otherwise what went wrong. */
    private static String check(List<String> argv, byte[] bytes, Base base, Path output) throws IOException {
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv.toArray(new String[0]), w);
        } catch (RuntimeException | Error e) {
            return "Main.run threw " + e;
        }
        final List<String> lines = err.toString().lines().toList();
        if (code == 2) {
            if (lines.size() != 1 || !lines.get(0).startsWith("shewhart: ") || lines.get(0).contains("Exception")) {
                return "exit 2 but standard error is not one message line: " + err;
            }
            return "2";
        }
        if (code != 0) {
            return "exit " + code + ": " + err;
        }
        if (!lines.isEmpty()) {
            return "exit 0 with standard error: " + err;
        }
        if (!Files.exists(output)) {
            return "exit 0 but no output file";
        }
        final JsonNode out;
        try {
            out = JSON.readTree(output.toFile());
        } catch (IOException e) {
            return "exit 0 but the output is not JSON: " + e.getMessage();
        } finally {
            // so that the next input's output cannot be mistaken for this one's
            Files.delete(output);
        }
        final JsonNode points = out == null ? null : out.get("points");
        if (points == null || !points.isArray()) {
            return "exit 0 but the output has no points array: " + out;
        }
        final Expected expected = expected(bytes, base.xColumn());
        if (expected.problem != null) {
            return "exit 0 but " + expected.problem;
        }
        if (points.size() != expected.points) {
            return String.format(Locale.ROOT, "exit 0 with %d points, but the file has %d distinct x values",
                    points.size(), expected.points);
        }
        return "";
    }

    /** What an exit 0 implies: the number of distinct x, or why the file should have been rejected. */
    private static final class Expected {
        int points;
        String problem;
    }

    /**
     * Reads the file independently of the command: UTF-8 with an optional byte order mark, RFC 4180 (FastCSV),
     * blank rows skipped, cells trimmed; x compared as dates if all are ISO dates, as numbers if all are numbers,
     * as text otherwise (DESIGN.md section 5).
     */
    private static Expected expected(byte[] bytes, String xColumn) {
        final Expected e = new Expected();
        int from = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        final String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException ex) {
            e.problem = "the file is not valid UTF-8";
            return e;
        }
        final List<String> xs = new ArrayList<>();
        final List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r : CsvReader.builder().fieldSeparator(separator(text)).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(text)) {
            if (!r.getFields().stream().allMatch(String::isBlank)) {
                records.add(r);
            }
        }
        // title rows: rows of one filled cell above the first row of two or more
        int header = 0;
        for (int i = 0; i < records.size() && i <= 10; i++) {
            final long filled = records.get(i).getFields().stream().filter(f -> !f.isBlank()).count();
            if (filled >= 2) {
                header = i;
                break;
            }
            if (filled != 1) {
                break;
            }
        }
        final int xc = records.isEmpty() ? -1 : column(records.get(header).getFields(), xColumn);
        if (xc < 0) {
            e.problem = "there is no x column '" + xColumn + "'";
            return e;
        }
        for (CsvRecord r : records.subList(Math.min(header + 1, records.size()), records.size())) {
            final String x = xc < r.getFieldCount() ? r.getField(xc).trim() : "";
            if (x.isEmpty()) {
                e.problem = "line " + r.getStartingLineNumber() + " has an empty x and was dropped";
                return e;
            }
            xs.add(x);
        }
        e.points = distinct(xs);
        return e;
    }

    /**
     * The separator as the command's documented rule picks it: from the first line with a comma, semicolon or tab
     * outside quotes, a semicolon (or tab) if it has no comma, else a comma.
     */
    private static char separator(String text) {
        boolean quoted = false;
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
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

    /** A reference file rewritten with ';' separators and decimal commas (quoted cells are kept as they are). */
    private static String semicolons(String text) {
        final StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            final List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                cells.add(NUMBER.matcher(cell).matches() ? cell.replace('.', ',') : cell);
            }
            sb.append(String.join(";", cells)).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int distinct(List<String> xs) {
        final Set<Object> keys = new HashSet<>();
        if (xs.stream().allMatch(CsvFuzzTest::isDate)) {
            xs.forEach(x -> keys.add(LocalDate.parse(x)));
        } else if (xs.stream().allMatch(x -> NUMBER.matcher(x).matches())) {
            // equal as doubles is equal as x (the CLI keys points by double value); 0.0 + -0.0 is 0.0
            xs.forEach(x -> keys.add(Double.parseDouble(x) + 0.0));
        } else {
            keys.addAll(xs);
        }
        return keys.size();
    }

    private static boolean isDate(String x) {
        if (x.length() != 10) {
            return false;
        }
        try {
            LocalDate.parse(x);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // ---- corruptions ----------------------------------------------------------------------------------------

    /** One to four random corruptions of a valid file, then, now and then, raw bytes that are not UTF-8. */
    private static byte[] corrupt(String text, SplittableRandom random) {
        String s = text;
        final int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            s = corruptOnce(s, random);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(25) == 0 && bytes.length > 0) {
            final ByteArrayOutputStream b = new ByteArrayOutputStream();
            final int at = random.nextInt(bytes.length);
            b.write(bytes, 0, at);
            b.write(random.nextBoolean() ? 0xE9 : 0xC3); // Latin-1 e-acute, or a cut two-byte sequence
            b.write(bytes, at, bytes.length - at);
            bytes = b.toByteArray();
        }
        return bytes;
    }

    private static String corruptOnce(String s, SplittableRandom random) {
        if (s.isEmpty()) {
            return random.nextBoolean() ? s : "x,y\n1,2\n";
        }
        final int at = random.nextInt(s.length());
        final List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        final int line = random.nextInt(lines.size());
        switch (random.nextInt(13)) {
            case 0: // delete a character
                return s.substring(0, at) + s.substring(at + 1);
            case 1: // duplicate a run of characters
                final int end = Math.min(s.length(), at + 1 + random.nextInt(6));
                return s.substring(0, end) + s.substring(at, end) + s.substring(end);
            case 2: // insert a character
                return s.substring(0, at) + JUNK_CHARS.charAt(random.nextInt(JUNK_CHARS.length()))
                        + s.substring(at);
            case 3: // replace a cell with junk
            case 4:
                final String[] cells = lines.get(line).split(",", -1);
                cells[random.nextInt(cells.length)] = JUNK_CELLS[random.nextInt(JUNK_CELLS.length)];
                lines.set(line, String.join(",", cells));
                return String.join("\n", lines);
            case 5: // truncate a line
                final String l = lines.get(line);
                lines.set(line, l.substring(0, l.isEmpty() ? 0 : random.nextInt(l.length())));
                return String.join("\n", lines);
            case 6: // truncate the file
                return s.substring(0, at);
            case 7: // byte order mark at the start, or somewhere else
                return random.nextBoolean() ? "\uFEFF" + s : s.substring(0, at) + "\uFEFF" + s.substring(at);
            case 8: // CRLF line ends, all or one, or a lone CR
                final int kind = random.nextInt(3);
                return kind == 0 ? s.replace("\n", "\r\n") : kind == 1 ? String.join("\n", lines.subList(0, line))
                        + "\r\n" + String.join("\n", lines.subList(line, lines.size()))
                        : s.substring(0, at) + "\r" + s.substring(at);
            case 9: // quotes: around a cell, or a stray one
                if (random.nextBoolean()) {
                    final String[] c = lines.get(line).split(",", -1);
                    final int i = random.nextInt(c.length);
                    c[i] = "\"" + c[i].replace("\"", "") + "\"";
                    lines.set(line, String.join(",", c));
                    return String.join("\n", lines);
                }
                return s.substring(0, at) + "\"" + s.substring(at);
            case 10: // duplicate a line
                lines.add(line, lines.get(line));
                return String.join("\n", lines);
            case 11: // drop a line
                lines.remove(line);
                return String.join("\n", lines);
            case 12: // swap two lines
            default:
                final int other = random.nextInt(lines.size());
                final String t = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, t);
                return String.join("\n", lines);
        }
    }

    /** The input as a Java string literal body, bytes that are not UTF-8 as \\xNN. */
    private static String escape(byte[] bytes) {
        final StringBuilder sb = new StringBuilder();
        final String s = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7F) {
                sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
