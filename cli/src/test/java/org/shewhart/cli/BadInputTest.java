package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad usage and bad input (DESIGN.md section 7): {@code shewhart chart} exits with code 2 and writes exactly one
 * line to standard error, starting {@code shewhart: }, naming the file and, where there is one, the row, column and
 * value, with no stack trace. Only picocli's own parameter errors (unknown option, bad option value, missing
 * option) add a second line, the usage hint {@code Run 'shewhart chart --help' for the options.}
 *
 * <p>The input files are in the {@code bad} resource folder next to this class; rows are counted as lines of the
 * file, the header being row 1.
 */
final class BadInputTest {
    private static final String HINT = "Run 'shewhart chart --help' for the options.";

    @TempDir
    Path tmp;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("missing column", List.of("no-x-column.csv", "--chart", "run"),
                        List.of("no-x-column.csv", "no column 'x'", "the columns are: date, value")),
                arguments("missing column named by an option", List.of("good.csv", "--chart", "xmr", "--y", "rate"),
                        List.of("good.csv", "no column 'rate' (--y)", "the columns are: x, y")),
                arguments("unparseable number", List.of("unparseable-number.csv", "--chart", "xmr"),
                        List.of("unparseable-number.csv: row 4, column 'y': '1O2' is not a number")),
                arguments("empty file", List.of("empty.csv", "--chart", "xmr"),
                        List.of("empty.csv", "the file is empty")),
                arguments("header only", List.of("header-only.csv", "--chart", "xmr"),
                        List.of("header-only.csv", "no data rows")),
                arguments("one point", List.of("one-point.csv", "--chart", "xmr"),
                        List.of("one-point.csv", "at least 2 points", "got 1")),
                arguments("one point, run chart", List.of("one-point.csv", "--chart", "run"),
                        List.of("one-point.csv", "at least 2 points", "got 1")),
                arguments("unknown chart type", List.of("good.csv", "--chart", "pie"),
                        List.of("unknown chart type 'pie'", "valid: run, xmr, mr")),
                arguments("unknown profile", List.of("good.csv", "--chart", "xmr", "--profile", "westinghouse"),
                        List.of("unknown profile 'westinghouse'", "valid: mdc")),
                arguments("unknown improvement direction",
                        List.of("good.csv", "--chart", "xmr", "--improvement", "up"),
                        List.of("unknown improvement direction 'up'", "valid: increase, decrease, neutral")),
                arguments("--phase-at naming no point",
                        List.of("good.csv", "--chart", "xmr", "--phase-at", "2030-01-01"),
                        List.of("--phase-at 2030-01-01 names no point", "2024-01-01 to 2024-06-01")),
                arguments("--phase-at at the first point",
                        List.of("good.csv", "--chart", "xmr", "--phase-at", "2024-01-01"),
                        List.of("--phase-at 2024-01-01 is the first point")),
                arguments("--exclude naming no point", List.of("good.csv", "--chart", "xmr", "--exclude", "March"),
                        List.of("--exclude March names no point", "x read as date")),
                arguments("--baseline 0", List.of("good.csv", "--chart", "xmr", "--baseline", "0"),
                        List.of("--baseline", ">= 1", "got 0")),
                arguments("--baseline negative", List.of("good.csv", "--chart", "xmr", "--baseline", "-3"),
                        List.of("--baseline", ">= 1", "got -3")),
                arguments("negative denominator", List.of("negative-denominator.csv", "--chart", "run"),
                        List.of("negative-denominator.csv: row 4, column 'n': denominator '-40' is negative")),
                arguments("not UTF-8", List.of("latin-1.csv", "--chart", "run"),
                        List.of("latin-1.csv: row 3", "byte 0xE9", "not valid UTF-8", "save the file as CSV UTF-8")),
                arguments("line break in a cell", List.of("line-break-in-cell.csv", "--chart", "run"),
                        List.of("line-break-in-cell.csv: row 3, column 'y': '13\\n3,14' is not a number")),
                arguments("unclosed quote", List.of("unclosed-quote.csv", "--chart", "run"),
                        List.of("unclosed-quote.csv: row 3: not readable as CSV", "unclosed quoted field",
                                "closing quote")),
                arguments("text after a closing quote", List.of("text-after-quote.csv", "--chart", "run"),
                        List.of("text-after-quote.csv: row 3: not readable as CSV",
                                "unexpected character after closing quote: '4'")),
                arguments("byte order mark inside a cell", List.of("stray-bom.csv", "--chart", "run"),
                        List.of("stray-bom.csv: row 3, column 'y': '\\uFEFF13' is not a number")),
                arguments("missing file", List.of("no-such-file.csv", "--chart", "run"),
                        List.of("no-such-file.csv: no such file")),
                arguments("unknown output format", List.of("good.csv", "--chart", "run", "--format", "xml"),
                        List.of("output format 'xml' is not available", "valid: json, csv")),
                arguments("unknown sigma method", List.of("good.csv", "--chart", "xmr", "--sigma-method", "range"),
                        List.of("unknown sigma method 'range'")),
                arguments("non-positive sigma", List.of("good.csv", "--chart", "xmr", "--sigma", "0"),
                        List.of("sigma must be a positive number")),
                arguments("shift too short", List.of("good.csv", "--chart", "xmr", "--shift", "1"),
                        List.of("shift", ">= 2", "got 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLine(String name, List<String> args, List<String> fragments) {
        final Run r = chart(args);
        assertEquals(2, r.code, () -> name + ": exit code; stderr: " + r.err);
        assertEquals(1, r.lines().size(), () -> name + ": expected one line on stderr, got: " + r.err);
        assertSingleMessage(r, fragments);
        assertFalse(Files.exists(tmp.resolve("out.json")), () -> name + ": a failed run left an output file");
    }

    @Test
    void outputIntoAFolderIsBadUsage() throws IOException {
        final Path folder = Files.createDirectory(tmp.resolve("charts"));
        final Run r = run("chart", bad("good.csv"), "--chart", "run", "--format", "json", "-o", folder.toString());
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.lines().size(), r.err);
        assertSingleMessage(r, List.of("cannot write", "charts", "is a folder"));
    }

    @Test
    void outputIntoAMissingFolderIsBadUsage() {
        final String out = tmp.resolve("nowhere").resolve("chart.json").toString();
        final Run r = run("chart", bad("good.csv"), "--chart", "run", "-o", out);
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.lines().size(), r.err);
        assertSingleMessage(r, List.of("cannot write", "nowhere", "does not exist"));
    }

    @Test
    void inputThatIsAFolderIsBadInput() throws IOException {
        final Path folder = Files.createDirectory(tmp.resolve("data.csv"));
        final Run r = run("chart", folder.toString(), "--chart", "run", "-o", tmp.resolve("o.json").toString());
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.lines().size(), r.err);
        assertSingleMessage(r, List.of("data.csv", "is a folder"));
    }

    @Test
    void unknownOptionGivesPicocliMessageAndUsageHint() {
        final Run r = chart(List.of("good.csv", "--chart", "run", "--colour", "red"));
        assertEquals(2, r.code, r.err);
        assertEquals(List.of("shewhart: Unknown options: '--colour', 'red'", HINT), r.lines());
    }

    @Test
    void badOptionValueGivesPicocliMessageAndUsageHint() {
        final Run r = chart(List.of("good.csv", "--chart", "run", "--baseline", "twelve"));
        assertEquals(2, r.code, r.err);
        assertEquals(List.of("shewhart: Invalid value for option '--baseline': 'twelve' is not an int", HINT),
                r.lines());
    }

    @Test
    void missingChartOptionGivesPicocliMessageAndUsageHint() {
        final Run r = chart(List.of("good.csv"));
        assertEquals(2, r.code, r.err);
        assertEquals(List.of("shewhart: Missing required option: '--chart=TYPE'", HINT), r.lines());
    }

    @Test
    void goodFileWorks() throws IOException {
        final Run r = chart(List.of("good.csv", "--chart", "xmr"));
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        assertTrue(Files.readString(tmp.resolve("out.json")).contains("\"points\""));
    }

    private static void assertSingleMessage(Run r, List<String> fragments) {
        final String line = r.lines().get(0);
        assertTrue(line.startsWith("shewhart: "), line);
        assertFalse(line.contains("Exception"), () -> "exception class leaked: " + line);
        assertFalse(line.contains("internal error"), line);
        assertFalse(r.err.contains("\tat "), () -> "stack trace: " + r.err);
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "message lacks \"" + f + "\": " + line);
        }
    }

    /** {@code shewhart chart <bad/FILE> ARGS... -o <tmp>/out.json}: the first argument is a file in bad/. */
    private Run chart(List<String> args) {
        final List<String> argv = new ArrayList<>();
        argv.add("chart");
        argv.add(bad(args.get(0)));
        argv.addAll(args.subList(1, args.size()));
        argv.add("-o");
        argv.add(tmp.resolve("out.json").toString());
        return run(argv.toArray(new String[0]));
    }

    private static Run run(String... argv) {
        final StringWriter err = new StringWriter();
        final int code;
        try (PrintWriter w = new PrintWriter(err)) {
            code = Main.run(argv, w);
        }
        return new Run(code, err.toString());
    }

    /** The path of a file in the bad resource folder (which need not exist). */
    private static String bad(String file) {
        final URL folder = BadInputTest.class.getResource("bad");
        try {
            return Path.of(folder.toURI()).resolve(file).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exit code and standard error of one run. */
    record Run(int code, String err) {
        /** Standard error as lines, without the final line break. */
        List<String> lines() {
            return err.lines().collect(Collectors.toList());
        }
    }
}
