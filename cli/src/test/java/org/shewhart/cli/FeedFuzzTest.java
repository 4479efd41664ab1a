package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;

/**
 * Seeded fuzzing of the feed reader: random CSV files (columns in any order, one or two key columns, quotes with
 * commas, {@code ""} and line breaks inside, CRLF, lone CR, a byte order mark, blank lines, NA and empty cells,
 * spaces around cells, long numbers, exponents, extra columns, missing trailing cells) are read three ways: by the
 * reader with its fast path, by the reader's general path alone, and by a simple reference parser written here from
 * the rules in {@link Feed}'s Javadoc. The three must give the same records (key, x, y, n, phase) bit for bit.
 * Then the files are corrupted at random and the two reader paths must agree: the same records, or the same error
 * message. Read buffers are tiny and random, so rows straddle buffer ends.
 *
 * <p>The seed and count can be changed with {@code -Dshewhart.fuzz.seed=N -Dshewhart.fuzz.count=N}.
 */
final class FeedFuzzTest {
    private static final long SEED = Long.getLong("shewhart.fuzz.seed", 20240612L);
    private static final int COUNT = Integer.getInteger("shewhart.fuzz.count", 1500);
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    Path tmp;

    /** One record as read: key cells, x, y, n, phase label. */
    record Rec(List<String> key, long x, long y, long n, String phase) {
        static Rec of(List<String> key, double x, double y, double n, String phase) {
            return new Rec(key, Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y),
                    Double.doubleToRawLongBits(n), phase);
        }
    }

    /** A generated file: its bytes and the columns to read. */
    record Case(byte[] bytes, List<String> by, boolean withN, boolean withPhase) {
    }

    // ------------------------------------------------------------------------------------------- generator

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** A cell as written: maybe with spaces around, maybe quoted (with its quotes doubled). */
    private static String cell(SplittableRandom r, String text, boolean mayQuote) {
        String t = text;
        if (r.nextInt(12) == 0) {
            t = " " + t;
        }
        if (r.nextInt(12) == 0) {
            t = t + pick(r, " ", "\t");
        }
        final boolean needs = t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r");
        if (needs || mayQuote && r.nextInt(10) == 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }

    private static String number(SplittableRandom r, boolean positive) {
        switch (r.nextInt(14)) {
            case 0:
                return "NA";
            case 1:
                return "";
            case 2:
                return pick(r, "1e3", "2.5E-2", "7e+1");
            case 3:
                return "1234567890123456789";
            case 4:
                return "0.000000000000000012345";
            case 5:
                return pick(r, "5.", ".5", "+3", "0", "-0", "00012.50");
            default:
                final double v = (positive ? 1 : r.nextBoolean() ? 1 : -1) * r.nextInt(100000) / 100.0;
                return r.nextBoolean() ? String.format(Locale.ROOT, "%.2f", v) : Double.toString(v);
        }
    }

    private static final String[] KEYS = {"S1", "S2", "S3", "S0000004", "ward 5", "A, north", "said \"no\"",
        "two\nlines", "caf\u00e9", "S1 ", "x", "a-very-long-series-name-of-forty-bytes-ok"};

    static Case generate(SplittableRandom r) {
        final boolean twoKeys = r.nextInt(3) == 0;
        final boolean withN = r.nextBoolean();
        final boolean withPhase = r.nextInt(3) == 0;
        final boolean dates = r.nextInt(3) > 0;
        final List<String> cols = new ArrayList<>(List.of("k1", "x", "y"));
        if (twoKeys) {
            cols.add("k2");
        }
        if (withN) {
            cols.add("n");
        }
        if (withPhase) {
            cols.add("p");
        }
        for (int e = r.nextInt(3); e > 0; e--) {
            cols.add("e" + e);
        }
        java.util.Collections.shuffle(cols, new java.util.Random(r.nextLong()));
        final String[] eol = {"\n", "\r\n", "\r"};
        final int style = r.nextInt(4);
        final StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        if (r.nextInt(6) == 0) {
            sb.append("\n  \n");
        }
        sb.append(String.join(",", cols)).append(style < 3 ? eol[style] : "\n");
        final int rows = 1 + r.nextInt(40);
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(15) == 0) {
                sb.append(pick(r, "", "   ", ",,", " , ")).append(style < 3 ? eol[style] : eol[r.nextInt(3)]);
            }
            final List<String> cells = new ArrayList<>();
            for (String c : cols) {
                final String v;
                switch (c) {
                    case "k1":
                    case "k2":
                        v = cell(r, KEYS[r.nextInt(r.nextInt(4) == 0 ? KEYS.length : 4)], true);
                        break;
                    case "x":
                        v = cell(r, dates ? LocalDate.of(2019, 12, 30).plusDays(7L * r.nextInt(60)).toString()
                                : number(r, false).replaceAll("^(NA)?$", "3"), true);
                        break;
                    case "y":
                        v = cell(r, number(r, false), true);
                        break;
                    case "n":
                        v = cell(r, number(r, true).replace("-", ""), true);
                        break;
                    case "p":
                        v = cell(r, pick(r, "before", "after", "after", "", "a,b"), true);
                        break;
                    default:
                        v = cell(r, pick(r, "junk", "", "1,2", "q\"q", "z"), false);
                        break;
                }
                cells.add(v);
            }
            // a missing trailing cell reads as empty: drop trailing cells that may be empty
            int keep = cells.size();
            while (keep > 0 && r.nextInt(8) == 0 && !List.of("k1", "k2", "x").contains(cols.get(keep - 1))) {
                keep--;
            }
            sb.append(String.join(",", cells.subList(0, keep)));
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(style < 3 ? eol[style] : eol[r.nextInt(3)]);
            }
        }
        return new Case(sb.toString().getBytes(StandardCharsets.UTF_8), twoKeys ? List.of("k1", "k2") : List.of("k1"),
                withN, withPhase);
    }

    // ------------------------------------------------------------------------------------------- reference

    /** RFC 4180 records of a file: fields unescaped; {@code quoted[f]} says a field had {@code ""} inside. */
    static List<List<String[]>> records(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        final List<List<String[]>> out = new ArrayList<>();
        List<String[]> rec = new ArrayList<>();
        int i = 0;
        final int n = s.length();
        while (true) {
            final StringBuilder f = new StringBuilder();
            boolean escaped = false;
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalStateException("unclosed quote");
                    }
                    final char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            f.append('"');
                            escaped = true;
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    f.append(c);
                    i++;
                }
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
            } else {
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    f.append(s.charAt(i++));
                }
            }
            rec.add(new String[] {f.toString(), escaped ? "e" : ""});
            if (i >= n) {
                out.add(rec);
                return out;
            }
            final char c = s.charAt(i++);
            if (c == ',') {
                continue;
            }
            if (c == '\r' && i < n && s.charAt(i) == '\n') {
                i++;
            }
            out.add(rec);
            rec = new ArrayList<>();
            if (i >= n) {
                return out;
            }
        }
    }

    private static boolean blank(List<String[]> rec) {
        for (String[] f : rec) {
            if (!f[0].trim().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String at(List<String[]> rec, int c) {
        return c < rec.size() ? rec.get(c)[0].trim() : "";
    }

    private static double num(List<String[]> rec, int c) {
        final String t = at(rec, c);
        if (t.isEmpty() || t.equalsIgnoreCase("na")) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(t).matches() || c < rec.size() && !rec.get(c)[1].isEmpty()) {
            throw new IllegalStateException("not a number");
        }
        return Double.parseDouble(t);
    }

    /** The records a correct reader gives, by the rules in Feed's Javadoc. */
    static List<Rec> reference(Case k) {
        final List<List<String[]>> all = records(k.bytes());
        final List<Rec> out = new ArrayList<>();
        List<String> header = null;
        Boolean dates = null;
        for (List<String[]> rec : all) {
            if (blank(rec)) {
                continue;
            }
            if (header == null) {
                header = new ArrayList<>();
                for (String[] f : rec) {
                    header.add(f[0].trim());
                }
                continue;
            }
            final List<String> key = new ArrayList<>();
            for (String b : k.by()) {
                key.add(at(rec, header.indexOf(b)));
            }
            final String xs = at(rec, header.indexOf("x"));
            if (dates == null) {
                dates = DATE.matcher(xs).matches();
            }
            final double x = dates ? LocalDate.parse(xs).toEpochDay() : Double.parseDouble(xs) + 0.0;
            final double y = num(rec, header.indexOf("y"));
            final double n = k.withN() ? num(rec, header.indexOf("n")) : Double.NaN;
            final String p = k.withPhase() ? at(rec, header.indexOf("p")) : "";
            out.add(Rec.of(key, x, y, n, p));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- the reader

    /** Reads a file with the reader; the records, or the error message. */
    Object read(Case k, boolean general, int buffer) throws IOException {
        return read(k, general, buffer, 0, false);
    }

    /**
     * Reads a file with the reader, on worker threads in chunks of {@code chunk} bytes if {@code chunk > 0}; the
     * records, or the error message. With {@code exact}, also each record's series id, the series in the order of
     * their first row with their row counts, the row count, the line after the last row and the bytes consumed.
     */
    Object read(Case k, boolean general, int buffer, int chunk, boolean exact) throws IOException {
        final Path p = tmp.resolve("f.csv");
        Files.write(p, k.bytes());
        final Feed.Columns c = new Feed.Columns(k.by(), "x", "y", k.withN() ? "n" : null,
                k.withPhase() ? "p" : null, new ChartType[] {ChartType.XMR}, -1, null);
        try (Feed f = Feed.open(p, c, buffer)) {
            if (general) {
                f.generalPathOnly();
            }
            if (chunk > 0) {
                // a worker's dictionary is replaced after every chunk (limit 1 byte) or kept
                f.parallelChunks(2, chunk, chunk % 2 == 0 ? 1 : 1 << 16);
            }
            final RowStore store = new RowStore(f.hasSizes(), f.hasPhases(), 10);
            while (!f.finished()) {
                f.parse(store, 1 + buffer % 7);
            }
            final List<Object> out = new ArrayList<>();
            for (int r = 0; r < store.size(); r++) {
                out.add(Rec.of(Arrays.asList(f.keys().key(store.id(r))), store.x(r), store.y(r),
                        k.withN() ? store.n(r) : Double.NaN, k.withPhase() ? f.phaseLabel(store.phase(r)) : ""));
                if (exact) {
                    out.add(store.id(r));
                }
            }
            if (exact) {
                for (int s = 0; s < f.keys().size(); s++) {
                    out.add(Arrays.asList(f.keys().key(s)) + " x " + f.keys().count(s));
                }
                out.add(f.rows() + " rows, " + f.bytesRead() + " bytes, grouped " + f.grouped());
            }
            return out;
        } catch (SpcInputException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String show(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n\n");
    }

    @Test
    void fastPathGeneralPathAndReferenceAgreeOnValidFiles() throws IOException {
        final SplittableRandom r = new SplittableRandom(SEED);
        int compared = 0;
        for (int i = 0; i < COUNT; i++) {
            final Case k = generate(r);
            final List<Rec> expected;
            try {
                expected = reference(k);
            } catch (RuntimeException e) {
                continue; // the generator can make a first x that decides "number" and later dates: skip
            }
            if (expected.isEmpty()) {
                continue;
            }
            final int buffer = 16 + r.nextInt(200);
            final Object fast = read(k, false, buffer);
            final Object general = read(k, true, buffer);
            if (!expected.equals(fast) || !expected.equals(general)) {
                fail("case " + i + " (buffer " + buffer + "):\n" + show(k.bytes()) + "\nreference: " + expected
                        + "\nfast: " + fast + "\ngeneral: " + general);
            }
            compared++;
        }
        if (compared < COUNT / 2) {
            fail("only " + compared + " of " + COUNT + " generated files were valid");
        }
    }

    @Test
    void fastPathAndGeneralPathAgreeOnCorruptedFiles() throws IOException {
        final SplittableRandom r = new SplittableRandom(SEED + 1);
        final String junk = ",\"\n\r .-+eE019NAx\u00e9\t";
        for (int i = 0; i < COUNT; i++) {
            final Case k = generate(r);
            final ByteArrayOutputStream b = new ByteArrayOutputStream();
            final byte[] src = k.bytes();
            for (int j = 0; j < src.length; j++) {
                final int op = r.nextInt(60);
                if (op == 0) {
                    continue; // delete
                }
                if (op == 1) {
                    final byte[] ins = String.valueOf(junk.charAt(r.nextInt(junk.length())))
                            .getBytes(StandardCharsets.UTF_8);
                    b.write(ins, 0, ins.length);
                }
                if (op == 2) {
                    b.write(src[j]);
                }
                b.write(src[j]);
            }
            final Case bad = new Case(b.toByteArray(), k.by(), k.withN(), k.withPhase());
            final int buffer = 16 + r.nextInt(200);
            final Object fast = read(bad, false, buffer);
            final Object general = read(bad, true, buffer);
            if (!fast.equals(general)) {
                fail("case " + i + " (buffer " + buffer + "):\n" + show(bad.bytes()) + "\nfast: " + fast
                        + "\ngeneral: " + general);
            }
        }
    }

    /**
     * The parallel reader (two workers, chunks of 1 to 80 bytes, so that nearly every row is cut by a chunk
     * boundary, and some of 1-4 KB) gives the single-thread reader's records, series ids, first appearances, row
     * counts and position, or its error message (line numbers included), on valid and on corrupted files: quotes
     * with line breaks inside (the chunk start after such a line break is not a row start and must be dropped),
     * CRLF, lone CR, BOM, NA, blank lines.
     */
    @Test
    void parallelReaderGivesTheSingleThreadResult() throws IOException {
        final SplittableRandom r = new SplittableRandom(SEED + 2);
        final String junk = ",\"\n\r .-+eE019NAx\u00e9\t";
        int errors = 0;
        for (int i = 0; i < COUNT; i++) {
            Case k = generate(r);
            if (r.nextInt(3) == 0) {
                final ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (byte c : k.bytes()) {
                    if (r.nextInt(150) == 0) {
                        b.write(junk.charAt(r.nextInt(junk.length())) & 0x7F);
                    }
                    b.write(c);
                }
                k = new Case(b.toByteArray(), k.by(), k.withN(), k.withPhase());
            }
            final int buffer = 16 + r.nextInt(200);
            final int chunk = r.nextInt(4) == 0 ? 1024 + r.nextInt(3000) : 1 + r.nextInt(80);
            final Object single = read(k, false, buffer, 0, true);
            final Object parallel = read(k, false, buffer, chunk, true);
            if (!single.equals(parallel)) {
                fail("case " + i + " (buffer " + buffer + ", chunk " + chunk + "):\n" + show(k.bytes())
                        + "\nsingle: " + single + "\nparallel: " + parallel);
            }
            if (single instanceof String) {
                errors++;
            }
        }
        assertTrue(errors > COUNT / 20 && errors < COUNT / 2, errors + " of " + COUNT + " files had an error");
    }

    /**
     * Quoted fields whose line breaks are followed by text that reads as rows: a worker that starts after such a
     * line break parses those lines as rows; the reading thread never stands at that chunk start, so they are
     * dropped, and the records are the single-thread reader's.
     */
    @Test
    void rowsInsideAQuotedFieldAreNotTakenFromAChunk() throws IOException {
        final StringBuilder sb = new StringBuilder("series,x,y,note\n");
        for (int i = 0; i < 400; i++) {
            sb.append("S").append(i % 7).append(",2020-01-").append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
                    .append(',').append(i).append(".5,");
            if (i % 9 == 4) {
                sb.append("\"fake\nS9,2020-02-02,99\nS9,2020-02-03,98\nend\"");
            }
            sb.append('\n');
        }
        final Case k = new Case(sb.toString().getBytes(StandardCharsets.UTF_8), List.of("series"), false, false);
        final Object single = read(k, false, 1 << 16, 0, true);
        assertEquals(reference(k).size(), 400);
        for (int chunk = 7; chunk < 600; chunk += 13) {
            assertEquals(single, read(k, false, 1 << 16, chunk, true), "chunk " + chunk);
        }
        assertFalse(single.toString().contains("S9"));
    }

    /** The generated feed of {@code generate}, both layouts, read both ways with the default buffer. */
    @Test
    void generatedFeedsReadTheSameBothWays() throws IOException {
        for (String layout : List.of("time", "series")) {
            final Path feed = tmp.resolve(layout + ".csv");
            assertEquals(0, Main.run(new String[] {"generate", "--series", "300", "--points", "30", "--layout",
                layout, "-o", feed.toString()}, new java.io.PrintWriter(new java.io.StringWriter())));
            final Case k = new Case(Files.readAllBytes(feed), List.of("series"), false, false);
            final Object fast = read(k, false, 1 << 22);
            assertEquals(read(k, true, 1 << 22), fast);
            assertEquals(reference(k), fast);
            final Object single = read(k, false, 1 << 22, 0, true);
            for (int chunk : new int[] {97, 4096, 65536}) {
                assertEquals(single, read(k, false, 1 << 22, chunk, true), layout + ", chunk " + chunk);
            }
        }
    }
}
