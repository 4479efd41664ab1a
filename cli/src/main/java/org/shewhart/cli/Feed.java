package org.shewhart.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;

/**
 * A long feed (key columns, x, y and optionally n) read by a streaming byte-level CSV reader into primitive
 * columns, with rows grouped into series by key. Series may be interleaved in the file; series ids follow the
 * order of each key's first row.
 *
 * <p><b>What is held.</b> The raw text is never kept: the file is read through a 4 MiB buffer (grown only for a
 * single row longer than that). Per data row the feed holds a series id ({@code int}), x ({@code double}: epoch
 * day or number), y ({@code double}) and, with a denominator, n ({@code double}) in chunks of 2^20 rows, so
 * growing never copies; after reading, an {@code int} row index grouped by series replaces the id column. That is
 * 20 bytes a row without n and 28 with n (24 and 32 at the peak, while the grouping index is built; columns are
 * allocated 2^20 rows at a time), plus per series its key bytes and four ints. A 100,000 x 52 feed (5.2 M rows)
 * holds about 125 MB. A feed is limited to 2^31 - 1 rows and must fit in the heap at that rate; a two-pass or
 * spilling reader for larger feeds is not implemented.
 *
 * <p>CSV: UTF-8 with or without a byte order mark, LF or CRLF, RFC 4180 quotes ({@code ""} inside a quoted
 * field); blank lines are skipped; cells are trimmed; a missing trailing cell is empty. x must be ISO dates
 * ({@code yyyy-mm-dd}) in every row, or numbers in every row, as the first data row's x is. A bad row is an
 * {@link SpcInputException} naming file, line, column and value. Not thread-safe while reading; immutable after.
 */
final class Feed {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int BUFFER = 1 << 22;

    private final String file;
    private final ChartType type;
    private final List<String> header;
    private final List<String> keyNames;
    private final int[] keyCols;
    private final int xc;
    private final int yc;
    private final int nc;
    private final int maxCol;
    private ChartInput.Kind kind;

    // columns, chunked
    private int rows;
    private int[][] ids = new int[0][];
    private double[][] xs = new double[0][];
    private double[][] ys = new double[0][];
    private double[][] ns = new double[0][];

    // key dictionary: composite key bytes (length-prefixed fields) in an arena, open addressing on ids
    private byte[] arena = new byte[1 << 16];
    private int arenaLen;
    private int[] keyOff = new int[1024];
    private int[] keyLen = new int[1024];
    private int[] keyHash = new int[1024];
    private int[] count = new int[1024];
    private int series;
    private int[] table = new int[2048];

    // grouping, after reading: rows of series s are order[start[s] .. start[s + 1])
    private int[] start;
    private int[] order;

    // tokenizer state for one row
    private final int[] fStart;
    private final int[] fEnd;
    private final boolean[] fEscaped;
    private int fields;
    private long rowLine;
    private long line = 1;
    private byte[] scratch = new byte[256];

    private Feed(String file, ChartType type, List<String> header, List<String> keyNames, int[] keyCols, int xc,
            int yc, int nc) {
        this.file = file;
        this.type = type;
        this.header = header;
        this.keyNames = keyNames;
        this.keyCols = keyCols;
        this.xc = xc;
        this.yc = yc;
        this.nc = nc;
        int max = Math.max(xc, Math.max(yc, nc));
        for (int k : keyCols) {
            max = Math.max(max, k);
        }
        this.maxCol = max;
        this.fStart = new int[max + 1];
        this.fEnd = new int[max + 1];
        this.fEscaped = new boolean[max + 1];
    }

    /**
     * Reads a feed.
     *
     * @param path the CSV file
     * @param by key column names
     * @param x x column
     * @param y value column
     * @param n denominator column, or {@code null} for column {@code n} if the file has one (never for subgroup
     *     charts, as {@code chart} does)
     * @param type chart type, for the row checks {@code chart} makes (negative counts, numerator > denominator)
     */
    static Feed read(Path path, List<String> by, String x, String y, String n, ChartType type) {
        final String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: is a folder, not a file; name a CSV file",
                    name));
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new Reader(name, ch).read(by, x, y, n, type);
        } catch (NoSuchFileException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        } catch (IOException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: cannot read: %s", name,
                    CsvTable.reason(e)));
        }
    }

    /** The buffered channel and the header; builds the {@link Feed} once the columns are known. */
    private static final class Reader {
        private final String name;
        private final FileChannel ch;
        private byte[] buf = new byte[BUFFER];
        private int pos;
        private int len;
        private boolean eof;

        Reader(String name, FileChannel ch) {
            this.name = name;
            this.ch = ch;
        }

        Feed read(List<String> by, String x, String y, String n, ChartType type) throws IOException {
            fill();
            if (len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                pos = 3;
            }
            // the header: tokenised by a throw-away feed that keeps every field
            final List<String> header = new ArrayList<>();
            final Feed probe = new Feed(name, type, List.of(), List.of(), new int[0], 255, 0, -1);
            while (header.isEmpty()) {
                final int end = next(probe);
                if (end < 0) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: the file is empty; expected a header row and data rows", name));
                }
                if (!probe.blank(buf)) {
                    for (int f = 0; f < probe.fields; f++) {
                        header.add(probe.text(buf, f));
                    }
                }
                pos = end;
            }
            final int[] keyCols = new int[by.size()];
            for (int k = 0; k < keyCols.length; k++) {
                keyCols[k] = column(header, by.get(k), "--by");
            }
            final int xc = column(header, x, "--x");
            final int yc = column(header, y, "--y");
            String nName = n;
            if (nName == null && !type.isSubgrouped()) {
                for (String h : header) {
                    if (h.equalsIgnoreCase("n")) {
                        nName = "n";
                    }
                }
            }
            final int nc = nName == null || type.isSubgrouped() ? -1 : column(header, nName, "--n");
            final Feed feed = new Feed(name, type, List.copyOf(header), List.copyOf(by), keyCols, xc, yc, nc);
            feed.line = probe.line;
            while (true) {
                final int end = next(feed);
                if (end < 0) {
                    break;
                }
                if (!feed.blank(buf)) {
                    feed.row(buf);
                }
                pos = end;
            }
            if (feed.rows == 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: the file has a header but no data rows", name));
            }
            feed.group();
            return feed;
        }

        /** Tokenises the next row into the feed's field table; the index after it, or -1 at the end. */
        private int next(Feed f) throws IOException {
            while (true) {
                if (pos >= len && eof) {
                    return -1;
                }
                final int end = f.tokenize(buf, pos, len, eof);
                if (end >= 0) {
                    return end;
                }
                // the row runs past the buffer: keep its bytes, read more, tokenise it again
                if (pos == 0 && len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
                pos = 0;
                fill();
            }
        }

        private void fill() throws IOException {
            while (len < buf.length && !eof) {
                final int r = ch.read(ByteBuffer.wrap(buf, len, buf.length - len));
                if (r < 0) {
                    eof = true;
                } else {
                    len += r;
                }
            }
        }

        private int column(List<String> header, String col, String option) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals(col)) {
                    return i;
                }
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(col)) {
                    return i;
                }
            }
            final List<String> shown = new ArrayList<>();
            for (String h : header) {
                shown.add(CsvTable.show(h));
            }
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no column '%s' (%s); the columns are: %s",
                    name, CsvTable.show(col), option, String.join(", ", shown)));
        }
    }

    /**
     * Splits one row starting at {@code p} into fields (positions of the first {@code maxCol + 1} kept).
     *
     * @return the index after the row's line end, or -1 if the row is not complete in {@code b[p, len)}
     */
    private int tokenize(byte[] b, int p, int len, boolean eof) {
        long ln = line;
        rowLine = line;
        int f = 0;
        int i = p;
        while (true) {
            int s;
            int e;
            boolean escaped = false;
            if (i < len && b[i] == '"') {
                s = i + 1;
                int j = s;
                while (true) {
                    if (j >= len) {
                        if (eof) {
                            throw new SpcInputException(String.format(Locale.ROOT,
                                    "%s: row %d: a quoted field is never closed; close the quote (\") or remove it",
                                    file, rowLine));
                        }
                        return -1;
                    }
                    final byte c = b[j];
                    if (c == '"') {
                        if (j + 1 < len && b[j + 1] == '"') {
                            escaped = true;
                            j += 2;
                            continue;
                        }
                        if (j + 1 >= len && !eof) {
                            return -1;
                        }
                        break;
                    }
                    if (c == '\n') {
                        ln++;
                    }
                    j++;
                }
                e = j;
                i = j + 1;
                // only spaces may follow the closing quote
                while (i < len && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                if (i < len && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
                    final String col = f < header.size() ? "column '" + CsvTable.show(header.get(f)) + "'"
                            : "field " + (f + 1);
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: row %d, %s: text after the closing quote; quote the whole field", file, rowLine,
                            col));
                }
            } else {
                s = i;
                while (i < len) {
                    final byte c = b[i];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    i++;
                }
                e = i;
            }
            if (f <= maxCol) {
                fStart[f] = s;
                fEnd[f] = e;
                fEscaped[f] = escaped;
            }
            f++;
            if (i >= len) {
                if (!eof) {
                    return -1;
                }
                fields = Math.min(f, maxCol + 1);
                line = ln;
                return len;
            }
            if (b[i] == ',') {
                i++;
                continue;
            }
            // line end: LF, CRLF or a lone CR
            if (b[i] == '\r') {
                if (i + 1 >= len && !eof) {
                    return -1;
                }
                if (i + 1 < len && b[i + 1] == '\n') {
                    i++;
                }
            }
            fields = Math.min(f, maxCol + 1);
            line = ln + 1;
            return i + 1;
        }
    }

    private boolean blank(byte[] b) {
        for (int f = 0; f < fields; f++) {
            for (int i = fStart[f]; i < fEnd[f]; i++) {
                if ((b[i] & 0xFF) > ' ') {
                    return false;
                }
            }
        }
        return true;
    }

    /** A field as text (unescaped, trimmed, UTF-8), for the header and for messages. */
    private String text(byte[] b, int f) {
        if (f >= fields) {
            return "";
        }
        final int n = unescape(b, f);
        return new String(scratch, 0, n, StandardCharsets.UTF_8).trim();
    }

    /** Copies a field into {@link #scratch}, undoing {@code ""}; returns its length. */
    private int unescape(byte[] b, int f) {
        final int s = fStart[f];
        final int e = fEnd[f];
        if (scratch.length < e - s) {
            scratch = new byte[Math.max(e - s, scratch.length * 2)];
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            scratch[n++] = b[i];
            if (fEscaped[f] && b[i] == '"') {
                i++;
            }
        }
        return n;
    }

    private int trimStart(byte[] b, int f) {
        int s = fStart[f];
        final int e = fEnd[f];
        while (s < e && (b[s] & 0xFF) <= ' ') {
            s++;
        }
        return s;
    }

    private int trimEnd(byte[] b, int f, int s) {
        int e = fEnd[f];
        while (e > s && (b[e - 1] & 0xFF) <= ' ') {
            e--;
        }
        return e;
    }

    private String where(int col) {
        return String.format(Locale.ROOT, "%s: row %d, column '%s'", file, rowLine, CsvTable.show(header.get(col)));
    }

    private void row(byte[] b) {
        final int id = key(b);
        // x
        if (xc >= fields) {
            throw emptyX();
        }
        final int xs0 = trimStart(b, xc);
        final int xe0 = trimEnd(b, xc, xs0);
        if (xs0 == xe0) {
            throw emptyX();
        }
        if (kind == null) {
            kind = FastParse.date(b, xs0, xe0) != FastParse.NOT_A_DATE ? ChartInput.Kind.DATE
                    : !Double.isNaN(FastParse.number(b, xs0, xe0)) ? ChartInput.Kind.NUMBER
                    : null;
            if (kind == null) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is neither an ISO date (yyyy-mm-dd) nor a number; scan needs dates or numbers "
                                + "as x (use chart for text labels)", where(xc), CsvTable.show(text(b, xc))));
            }
        }
        double x;
        if (kind == ChartInput.Kind.DATE) {
            final long d = FastParse.date(b, xs0, xe0);
            if (d == FastParse.NOT_A_DATE) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is not an ISO date (yyyy-mm-dd); the first row's x is a date, so every x must be",
                        where(xc), CsvTable.show(text(b, xc))));
            }
            x = d;
        } else {
            x = FastParse.number(b, xs0, xe0);
            if (x != x || Double.isInfinite(x)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is not a number; the first row's x is a number, so every x must be",
                        where(xc), CsvTable.show(text(b, xc))));
            }
            x += 0.0; // -0 and 0 are one point, as chart groups them
        }
        final double y = number(b, yc);
        final double n = nc < 0 ? Double.NaN : number(b, nc);
        check(b, y, n);
        final int c = rows >>> CHUNK_BITS;
        if (c == ids.length) {
            ids = Arrays.copyOf(ids, c + 1);
            xs = Arrays.copyOf(xs, c + 1);
            ys = Arrays.copyOf(ys, c + 1);
            ids[c] = new int[CHUNK];
            xs[c] = new double[CHUNK];
            ys[c] = new double[CHUNK];
            if (nc >= 0) {
                ns = Arrays.copyOf(ns, c + 1);
                ns[c] = new double[CHUNK];
            }
        }
        final int r = rows & MASK;
        ids[c][r] = id;
        xs[c][r] = x;
        ys[c][r] = y;
        if (nc >= 0) {
            ns[c][r] = n;
        }
        count[id]++;
        rows++;
        if (rows < 0) {
            throw new SpcInputException(file + ": more than 2^31 - 1 data rows; split the feed");
        }
    }

    private SpcInputException emptyX() {
        return new SpcInputException(String.format(Locale.ROOT,
                "%s: empty x; every row needs an x value (a date or a number)", where(xc)));
    }

    /** A numeric cell as {@code chart} reads it: NaN for empty or NA, an error for other text. */
    private double number(byte[] b, int col) {
        if (col >= fields) {
            return Double.NaN;
        }
        final int s = trimStart(b, col);
        final int e = trimEnd(b, col, s);
        if (s == e || e - s == 2 && (b[s] | 0x20) == 'n' && (b[s + 1] | 0x20) == 'a') {
            return Double.NaN;
        }
        final double v = fEscaped[col] ? Double.NaN : FastParse.number(b, s, e);
        if (v != v) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: '%s' is not a number; write a decimal number such as 12 or 0.85, or leave the cell "
                            + "empty (or NA) for a missing value", where(col), CsvTable.show(text(b, col))));
        }
        if (Double.isInfinite(v)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' is too large to be a number",
                    where(col), CsvTable.show(text(b, col))));
        }
        return v;
    }

    /** The row checks of {@code ChartInput}, with the same messages. */
    private void check(byte[] b, double y, double n) {
        if (nc >= 0 && n < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: denominator '%s' is negative; it must be >= 0", where(nc), CsvTable.show(text(b, nc))));
        }
        final boolean counts = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
        if (counts && y < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: count '%s' is negative; a %s chart counts events, so values must be >= 0",
                    where(yc), text(b, yc), type.id()));
        }
        if (type == ChartType.T && y <= 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: time '%s' is not positive; a t chart needs times between events > 0 (add 0.5 to "
                            + "same-day events, or use a g chart)", where(yc), text(b, yc)));
        }
        final boolean binomial = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        if (binomial && nc >= 0 && y > n && n > 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: numerator '%s' is greater than denominator '%s' (column '%s'); a %s chart needs "
                            + "numerator <= denominator", where(yc), text(b, yc), text(b, nc), header.get(nc),
                    type.id()));
        }
    }

    /** The series id of the row's key, adding the key on first sight. */
    private int key(byte[] b) {
        // composite key: per key column a 2-byte length, then the trimmed, unescaped bytes
        int n = 0;
        for (int k = 0; k < keyCols.length; k++) {
            final int col = keyCols[k];
            int len = 0;
            int s = 0;
            byte[] src = b;
            if (col < fields) {
                if (fEscaped[col]) {
                    final int u = unescape(b, col);
                    src = Arrays.copyOf(scratch, u);
                    s = 0;
                    int e = u;
                    while (s < e && (src[s] & 0xFF) <= ' ') {
                        s++;
                    }
                    while (e > s && (src[e - 1] & 0xFF) <= ' ') {
                        e--;
                    }
                    len = e - s;
                } else {
                    s = trimStart(b, col);
                    len = trimEnd(b, col, s) - s;
                }
            }
            if (len > 0xFFFF) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: a key longer than 65535 bytes; keys are labels such as a ward or an indicator",
                        where(col)));
            }
            n = keyBytes(n, len, src, s);
        }
        int h = 1;
        for (int i = 0; i < n; i++) {
            h = 31 * h + keyScratch[i];
        }
        // MurmurHash3's fmix32 finaliser: keys such as S0000001, S0000002 ... otherwise cluster under linear probing
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        final int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            final int id = table[slot] - 1;
            if (id < 0) {
                break;
            }
            if (keyHash[id] == h && keyLen[id] == n
                    && Arrays.equals(arena, keyOff[id], keyOff[id] + n, keyScratch, 0, n)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        // a new series: keys must be text
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(keyScratch, 0, n));
        } catch (CharacterCodingException e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: a key is not valid UTF-8; save the file as CSV UTF-8", where(keyCols[0])));
        }
        final int id = series++;
        if (id == keyOff.length) {
            final int cap = id * 2;
            keyOff = Arrays.copyOf(keyOff, cap);
            keyLen = Arrays.copyOf(keyLen, cap);
            keyHash = Arrays.copyOf(keyHash, cap);
            count = Arrays.copyOf(count, cap);
        }
        if (arenaLen + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLen + n));
        }
        System.arraycopy(keyScratch, 0, arena, arenaLen, n);
        keyOff[id] = arenaLen;
        keyLen[id] = n;
        keyHash[id] = h;
        arenaLen += n;
        table[slot] = id + 1;
        if (series * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private byte[] keyScratch = new byte[256];

    private int keyBytes(int n, int len, byte[] src, int s) {
        if (keyScratch.length < n + 2 + len) {
            keyScratch = Arrays.copyOf(keyScratch, Math.max(keyScratch.length * 2, n + 2 + len));
        }
        keyScratch[n] = (byte) (len >>> 8);
        keyScratch[n + 1] = (byte) len;
        System.arraycopy(src, s, keyScratch, n + 2, len);
        return n + 2 + len;
    }

    private void rehash() {
        table = new int[table.length * 2];
        final int mask = table.length - 1;
        for (int id = 0; id < series; id++) {
            int slot = keyHash[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    /** Counting sort of row indices by series id, stable: each series' rows stay in file order. */
    private void group() {
        start = new int[series + 1];
        for (int s = 0; s < series; s++) {
            start[s + 1] = start[s] + count[s];
        }
        final int[] next = Arrays.copyOf(start, series);
        order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[next[ids[r >>> CHUNK_BITS][r & MASK]]++] = r;
        }
        ids = null;
        table = null;
    }

    /** @return the file name as given */
    String file() {
        return file;
    }

    /** @return the key column names */
    List<String> keyNames() {
        return keyNames;
    }

    /** @return how x was read: dates or numbers */
    ChartInput.Kind kind() {
        return kind;
    }

    /** @return whether rows carry a denominator */
    boolean hasSizes() {
        return nc >= 0;
    }

    /** @return the number of data rows */
    int rows() {
        return rows;
    }

    /** @return the number of series */
    int seriesCount() {
        return series;
    }

    /** @return the number of rows of a series */
    int rowsOf(int s) {
        return start[s + 1] - start[s];
    }

    /** @return the largest number of rows of any series */
    int maxRows() {
        int m = 0;
        for (int s = 0; s < series; s++) {
            m = Math.max(m, start[s + 1] - start[s]);
        }
        return m;
    }

    /**
     * Copies the rows of a series, in file order, into the given arrays (each at least {@link #rowsOf} long;
     * {@code n} may be null without a denominator).
     *
     * @return the number of rows
     */
    int gather(int s, double[] x, double[] y, double[] n) {
        final int from = start[s];
        final int to = start[s + 1];
        final int[] ord = order;
        final double[][] xc0 = xs;
        final double[][] yc0 = ys;
        final double[][] nc0 = ns;
        for (int i = from; i < to; i++) {
            final int r = ord[i];
            final int c = r >>> CHUNK_BITS;
            final int o = r & MASK;
            x[i - from] = xc0[c][o];
            y[i - from] = yc0[c][o];
            if (n != null) {
                n[i - from] = nc0[c][o];
            }
        }
        return to - from;
    }

    /** @return the key of a series, one string per key column */
    String[] key(int s) {
        final String[] out = new String[keyCols.length];
        int p = keyOff[s];
        for (int k = 0; k < out.length; k++) {
            final int len = ((arena[p] & 0xFF) << 8) | (arena[p + 1] & 0xFF);
            out[k] = new String(arena, p + 2, len, StandardCharsets.UTF_8);
            p += 2 + len;
        }
        return out;
    }

    /** @return an x as written in outputs: the ISO date, or the number as chart writes it */
    String label(double x) {
        if (kind == ChartInput.Kind.DATE) {
            return java.time.LocalDate.ofEpochDay((long) x).toString();
        }
        return ChartWriter.text(x);
    }
}
