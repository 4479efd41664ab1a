package org.shewhart.cli;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;

/**
 * The reader of a long feed (key columns, x, y, optionally n and a phase column): a streaming byte-level CSV
 * parser that turns each data row into a binary record (series id, x, y, n, phase label id) appended to a
 * {@link RowStore}, and each distinct key into a series of {@link SeriesKeys}. It keeps no text: the file is read
 * through a 4 MiB buffer (grown only for a single row longer than that), and {@link #parse} returns to the caller
 * every few thousand rows, so the caller decides what is held (see {@link ScanRun}).
 *
 * <p><b>Two paths, one result.</b> Each row is first tried on a fast path that handles the common shape: no quotes, no
 * surrounding spaces, fields where they are expected, numbers of at most 15 digits without exponent, ISO dates. It
 * finds delimiters a word (8 bytes) at a time, parses numbers and dates in place (a date's {@code yyyy-mm-} is compared
 * as one word with the previous row's month, then with the months seen before), and checks its key against the series
 * that followed the previous row's series last time, so that grouped feeds and feeds interleaved in a repeating order
 * both skip the hash lookup. Anything else (quotes, CRLF inside fields, NA, empty cells, spaces, exponents, long
 * numbers, too few fields, a row that fails a check) goes to the general path: the RFC 4180 tokenizer with trimming,
 * unescaping and every check and message. The fast path only accepts what the general path reads the same way, so the
 * records are identical (tested by fuzzing one against the other and against a reference parser).
 *
 * <p>CSV: UTF-8 with or without a byte order mark, LF, CRLF or CR line ends, RFC 4180 quotes ({@code ""} inside a
 * quoted field); blank lines are skipped; cells are trimmed; a missing trailing cell is empty. x must be ISO dates
 * ({@code yyyy-mm-dd}) in every row, or numbers in every row, as the first data row's x is. A bad row is an
 * {@link SpcInputException} naming file, line, column and value.
 *
 * <p><b>Worker threads</b> ({@link #parallel}, {@code scan --read-threads}): chunks cut at line feeds are parsed
 * ahead on the fast path with workers' own series ids, and taken only where the reading thread stands at a row
 * start exactly at a chunk's start; the result, errors and line numbers included, is the single-thread reader's
 * (see the comment of that section). Not thread-safe: one reading thread calls it.
 */
final class Feed implements Closeable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long COMMA = ONES * ',';
    private static final long LF = ONES * '\n';
    private static final long CR = ONES * '\r';
    private static final long QUOTE = ONES * '"';
    private static final long HIGH = ONES * 0x80;
    private static final long ZEROS = ONES * '0';
    private static final long SIX_AND_MORE = ONES * 0x76;
    private static final long LOW_NIBBLES = ONES * 0x0F;
    private static final long PAIRS = 0x000000FF000000FFL;
    private static final long PAIRS_BY_100 = 100 + (1_000_000L << 32);
    private static final long PAIRS_BY_1 = 1 + (10_000L << 32);
    /**
     * The read buffer: 256 KB, so that it and the JDK's temporary direct buffer the bytes pass through stay in a
     * core's L2 cache between the copy and the parse (4 MB buffers read 10 % slower in {@code FeedReadBenchmark}).
     */
    private static final int BUFFER = 1 << 18;
    /** Bytes the buffer holds ahead of a row on the fast path, but at the end of the file. */
    private static final int SLACK = 1 << 12;
    private static final double[] POW10 = new double[16];

    private static final byte SKIP = 0;
    private static final byte KEY = 1;
    private static final byte XCOL = 2;
    private static final byte YCOL = 3;
    private static final byte NCOL = 4;
    private static final byte PCOL = 5;

    static {
        double p = 1;
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = p;
            p *= 10;
        }
    }

    private final String file;
    private final FileChannel ch;
    private final long fileSize;
    private final List<String> header;
    private final List<String> keyNames;
    private final int[] keyCols;
    private final int xc;
    private final int yc;
    private final int nc;
    private final int pc;
    private final int maxCol;
    /** Whether the columns are exactly key, x, y (the commonest feed): its row is read without the field loop. */
    private final boolean keyXY;
    private final byte[] role;
    private final int[] keyIndex;
    private final boolean fastOk;
    private final ChartType[] types;
    private final ToIntFunction<String> settingsOf;
    private final int settingsKey;
    private final boolean checkNegativeN;
    private final boolean checkNegativeY;
    private final boolean checkPositiveY;
    private final boolean checkBinomial;
    private ChartInput.Kind kind;

    private SeriesKeys keys;
    private String[] phaseLabels = new String[8];
    private int phaseCount;
    /** The labels, published for the charting threads. */
    private volatile String[] phaseView = phaseLabels;
    private Map<String, Integer> phaseIds = new HashMap<>();
    private byte[] lastPhase = new byte[0];
    private int lastPhaseId = -1;

    // the buffer: buf[0, len) holds file bytes from offset base
    private byte[] buf;
    private int pos;
    private int len;
    private long base;
    private boolean eof;
    private boolean finished;
    private final long dataStart;

    // per row
    private final Tokens tok;
    private long rowLine;
    private long line = 1;
    private byte[] scratch = new byte[256];
    private byte[] keyScratch = new byte[256];
    private final int[] ks;
    private final int[] ke;
    private double num;
    private long monthWord = -1;
    private long monthBase;
    private int monthLength;
    /** Months seen, by their first 8 bytes ({@code yyyy-mm-}), direct-mapped: in a grouped feed every series goes
     * through the same months. */
    private final long[] monthWords = filled(new long[64], -1);
    private final long[] monthBases = new long[64];
    private final int[] monthLengths = new int[64];

    // what has been read
    private long rows;
    private int prev = -1;
    private boolean grouped = true;
    private boolean fast = true;

    /**
     * The columns and per-series chart types of a feed to read.
     *
     * @param by key column names
     * @param x x column
     * @param y value column
     * @param n denominator column, or {@code null} for column {@code n} if the file has one (never for subgroup
     *     charts, as {@code chart} does)
     * @param phase phase column, or null
     * @param types chart types by settings index (index 0: the default), for the row checks {@code chart} makes
     *     (negative counts, numerator > denominator) and whether n is read
     * @param settingsKey the key column (index into {@code by}) that selects settings, or -1
     * @param settingsOf the settings index of a value of that column (0 for the default)
     */
    record Columns(List<String> by, String x, String y, String n, String phase, ChartType[] types, int settingsKey,
            ToIntFunction<String> settingsOf) {
    }

    private Feed(String file, FileChannel ch, long fileSize, List<String> header, Columns c, int[] keyCols, int xc,
            int yc, int nc, int pc, long dataStart, long line) {
        this.file = file;
        this.ch = ch;
        this.fileSize = fileSize;
        this.header = header;
        this.keyNames = List.copyOf(c.by());
        this.keyCols = keyCols;
        this.xc = xc;
        this.yc = yc;
        this.nc = nc;
        this.pc = pc;
        this.types = c.types().clone();
        this.settingsKey = c.settingsKey();
        this.settingsOf = c.settingsOf();
        this.dataStart = dataStart;
        this.line = line;
        int max = Math.max(xc, Math.max(yc, Math.max(nc, pc)));
        for (int k : keyCols) {
            max = Math.max(max, k);
        }
        this.maxCol = max;
        this.tok = new Tokens(max + 1);
        this.role = new byte[max + 1];
        this.keyIndex = new int[max + 1];
        boolean ok = true;
        for (int k = 0; k < keyCols.length; k++) {
            ok &= role[keyCols[k]] == SKIP;
            role[keyCols[k]] = KEY;
            keyIndex[keyCols[k]] = k;
        }
        ok &= role[xc] == SKIP;
        role[xc] = XCOL;
        ok &= role[yc] == SKIP;
        role[yc] = YCOL;
        if (nc >= 0) {
            ok &= role[nc] == SKIP;
            role[nc] = NCOL;
        }
        if (pc >= 0) {
            ok &= role[pc] == SKIP;
            role[pc] = PCOL;
        }
        this.fastOk = ok;
        this.keyXY = max == 2 && role[0] == KEY && role[1] == XCOL && role[2] == YCOL;
        this.ks = new int[keyCols.length];
        this.ke = new int[keyCols.length];
        this.keys = new SeriesKeys(keyCols.length, types.length > 1);
        boolean counts = false;
        boolean t = false;
        boolean binomial = false;
        for (ChartType type : types) {
            counts |= type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                    || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
            t |= type == ChartType.T;
            binomial |= type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        }
        this.checkNegativeN = nc >= 0;
        this.checkNegativeY = counts;
        this.checkPositiveY = t;
        this.checkBinomial = binomial && nc >= 0;
    }

    /**
     * Opens a feed and reads its header.
     *
     * @throws SpcInputException for a missing file, an empty file or a missing column
     */
    static Feed open(Path path, Columns c) {
        return open(path, c, BUFFER);
    }

    /** As {@link #open(Path, Columns)} with a read buffer of {@code buffer} bytes (small ones for tests). */
    static Feed open(Path path, Columns c, int buffer) {
        final String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: is a folder, not a file; name a CSV file",
                    name));
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            final Feed f = header(name, ch, c, buffer);
            ch = null;
            return f;
        } catch (NoSuchFileException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: no such file", name));
        } catch (IOException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: cannot read: %s", name,
                    CsvTable.reason(e)));
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // already failing
                }
            }
        }
    }

    private static Feed header(String name, FileChannel ch, Columns c, int buffer) throws IOException {
        final long size = ch.size();
        // the header, read by a throw-away reader that keeps up to 2^14 fields
        final Feed probe = new Feed(name, ch, size, List.of(), new Columns(List.of(), "", "", null, null,
                new ChartType[] {ChartType.XMR}, -1, null), new int[0], (1 << 14) - 1, 0, -1, -1, 0, 1);
        probe.buf = new byte[Math.max(16, buffer)];
        probe.fill();
        if (probe.len >= 3 && (probe.buf[0] & 0xFF) == 0xEF && (probe.buf[1] & 0xFF) == 0xBB
                && (probe.buf[2] & 0xFF) == 0xBF) {
            probe.pos = 3;
        }
        final List<String> header = new ArrayList<>();
        while (header.isEmpty()) {
            final int end = probe.next();
            if (end < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: the file is empty; expected a header row and data rows", name));
            }
            if (!probe.tok.blank(probe.buf)) {
                for (int f = 0; f < probe.tok.fields; f++) {
                    header.add(probe.text(f));
                }
            }
            probe.pos = end;
        }
        final int[] keyCols = new int[c.by().size()];
        for (int k = 0; k < keyCols.length; k++) {
            keyCols[k] = column(name, header, c.by().get(k), "--by");
        }
        final int xc = column(name, header, c.x(), "--x");
        final int yc = column(name, header, c.y(), "--y");
        boolean anyN = false;
        for (ChartType t : c.types()) {
            anyN |= !t.isSubgrouped();
        }
        String nName = c.n();
        if (nName == null && anyN) {
            for (String h : header) {
                if (h.equalsIgnoreCase("n")) {
                    nName = "n";
                }
            }
        }
        final int nc = nName == null || !anyN ? -1 : column(name, header, nName, "--n");
        final int pc = c.phase() == null ? -1 : column(name, header, c.phase(), "--phase-col");
        final Feed f = new Feed(name, ch, size, List.copyOf(header), c, keyCols, xc, yc, nc, pc,
                probe.base + probe.pos, probe.line);
        // hand over the buffer
        f.buf = probe.buf;
        f.pos = probe.pos;
        f.len = probe.len;
        f.base = probe.base;
        f.eof = probe.eof;
        return f;
    }

    private static int column(String name, List<String> header, String col, String option) {
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

    /**
     * A reader of the same file from {@code from} to {@code to} (offsets of row starts), sharing this reader's
     * series and labels: it re-reads rows already read once, so that a released stretch of a grouped feed can be
     * recovered. It makes no new series.
     */
    Feed reread(long from, long to) throws IOException {
        final Columns c = new Columns(keyNames, "", "", null, null, types, settingsKey, settingsOf);
        final Feed f = new Feed(file, ch, to, header, c, keyCols, xc, yc, nc, pc, from, line);
        f.kind = kind;
        f.buf = new byte[buf.length];
        f.base = from;
        f.sharedKeys = this;
        f.keys = keys;
        f.phaseIds = phaseIds;
        return f;
    }

    /** Set on a {@link #reread} reader: the reader whose series and labels it uses. */
    private Feed sharedKeys;

    @Override
    public void close() throws IOException {
        if (workers != null) {
            // no interrupts: a FileChannel closes when a thread reading it is interrupted
            workers.shutdown();
        }
        if (sharedKeys == null) {
            ch.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads up to {@code maxRows} data rows into the store.
     *
     * @return the rows read: fewer than asked at the end of the file ({@link #finished}) and where a chunk of the
     *     store fills up (call again)
     */
    int parse(RowStore store, int maxRows) throws IOException {
        int done = 0;
        final boolean tryFast = fast && fastOk;
        // Two rare events are kept out of the row path, because the JIT compiles a branch it has never seen taken
        // as a trap that throws the compiled reader away when it is first taken (and each recompilation of the
        // inlined row path costs about half a second of a core): a new chunk of the store starts here, between
        // calls, and the reads stop at the end of this chunk; and the buffer is refilled before a row could reach
        // its end, so that the fast path meets the end of the buffer only at the end of the file.
        store.ensureRoom(base + pos);
        final int limit = Math.min(maxRows, store.room());
        while (done < limit) {
            if (chunkBytes > 0 && tryFast && kind != null) {
                final Chunk c = chunkAt(base + pos);
                if (c != null) {
                    done += merge(c, store, limit - done);
                    continue;
                }
            }
            if (tryFast && kind != null) {
                if (len - pos < SLACK && !eof) {
                    fill();
                }
                final int e = fastRow(store);
                if (e >= 0) {
                    pos = e;
                    done++;
                    continue;
                }
            }
            final int end = next();
            if (end < 0) {
                finished = true;
                break;
            }
            if (!tok.blank(buf)) {
                slowRow(store);
                done++;
            }
            pos = end;
        }
        if (finished && rows == 0 && sharedKeys == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file has a header but no data rows", file));
        }
        return done;
    }

    /** @return the number the fast path read last; for tests */
    double lastNumber() {
        return num;
    }

    /** Turns the fast path off (for tests: the general path alone). */
    void generalPathOnly() {
        fast = false;
    }

    /** Tokenises the next row into {@link #tok}; the index after it, or -1 at the end. */
    private int next() throws IOException {
        while (true) {
            if (pos >= len && eof) {
                return -1;
            }
            final int end = tokenize(tok, buf, pos, len, eof);
            if (end >= 0) {
                return end;
            }
            // the row runs past the buffer: keep its bytes, read more, tokenise it again
            if (pos == 0 && len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            fill();
        }
    }

    /** Moves the unread bytes to the front and reads more (up to the reader's end). */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            base += pos;
            pos = 0;
        }
        // with chunks parsed ahead, the reading thread reads only the rows between them: small reads
        final int limit = chunkBytes > 0 ? Math.min(buf.length, len + Math.max(1 << 16, chunkBytes)) : buf.length;
        while (len < limit && !eof) {
            final long at = base + len;
            final int want = (int) Math.min(limit - len, fileSize - at);
            if (want <= 0) {
                eof = true;
                break;
            }
            final int r = ch.read(ByteBuffer.wrap(buf, len, want), at);
            if (r < 0) {
                eof = true;
            } else {
                len += r;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- parallel

    /*
     * Reading on several threads. From the first data row on (once x is known to be dates or numbers) the rest
     * of the file is cut into chunks of chunkBytes at nominal offsets P0 + k * chunkBytes. Chunk k is parsed by a
     * worker: it starts after the first line feed at or after its nominal start minus one (chunk 0 at P0), reads
     * rows on the fast path while they start before its nominal end, and stops at the first row the fast path does
     * not take (quotes, blank line, NA, a failed check, an incomplete row at the end of what it read). Its records
     * carry chunk-local series and phase ids. Every fast row is exactly one line.
     *
     * The reading thread goes on as before, row by row, with one addition: whenever it stands at a row start that
     * is exactly the start of the next chunk, it takes that chunk's records instead of parsing them, mapping the
     * local ids to global ones in file order (so series ids, first appearances and the row counts are those of the
     * single-thread reader) and counting one line per record. A chunk start the reading thread passes over (the
     * line feed before it was inside a quoted field, or a row ran over it) is never at a row start of the reading
     * thread, so that chunk is dropped, whatever its worker made of the bytes. Rows the workers did not take are
     * read by the reading thread itself, with every check and message; so the result, errors included, is the
     * single-thread reader's. A file with quoted line breaks is read correctly either way; it just reads in
     * parallel only where the chunk starts happen to be real row starts.
     */

    /** Records parsed ahead by a worker: rows from {@link #start} (a line start) to {@link #stop}. */
    private static final class Chunk {
        long start = -1;
        long stop;
        int count;
        final int[] id;
        final double[] x;
        final double[] y;
        final double[] n;
        final int[] phase;
        /** Offset of each row from {@link #start}. */
        final int[] off;
        Feed local;
        /** The worker's series ids, and the keys it added while parsing this chunk: ids [keyFrom, keyTo). */
        Dict dict;
        int keyFrom;
        int keyTo;
        byte[] newKeys;
        int[] newKeyEnd;
        int[] newKeyHash;
        int[] phaseMap;
        int cursor;

        final byte[] buf;

        Chunk(int cap, boolean withN, boolean withPhase, int bytes) {
            buf = new byte[bytes];
            id = new int[cap];
            x = new double[cap];
            y = new double[cap];
            n = withN ? new double[cap] : null;
            phase = withPhase ? new int[cap] : null;
            off = new int[cap];
        }

        /** Makes a spare chunk new. */
        void reset() {
            start = -1;
            stop = 0;
            count = 0;
            cursor = 0;
            local = null;
            dict = null;
        }

        boolean full() {
            return count == id.length;
        }

        void add(int s, double xv, double yv, double nv, int p, int offset) {
            final int i = count++;
            id[i] = s;
            x[i] = xv;
            y[i] = yv;
            if (n != null) {
                n[i] = nv;
            }
            if (phase != null) {
                phase[i] = p;
            }
            off[i] = offset;
        }
    }

    /**
     * The series ids of one worker thread, kept from chunk to chunk (so that a worker finds a key it has seen
     * with its own lookup, and the reading thread maps its id with one array access): the worker's dictionary,
     * and on the reading thread's side a copy of each key (sent with the chunk that added it, whether that chunk
     * is taken or dropped) and the map to global ids. Replaced by a new one when it reaches its size limit.
     */
    private static final class Dict {
        // the worker's side
        final SeriesKeys keys;
        long bytes;
        // the reading thread's side
        int known;
        boolean broken;
        byte[] arena = new byte[256];
        int[] end = new int[17];
        int[] hash = new int[16];
        int[] map = new int[16];

        Dict(SeriesKeys keys) {
            this.keys = keys;
        }

        /** The reading thread takes the keys a chunk added (every chunk of this dictionary, in order). */
        void register(Chunk c) {
            if (broken || c.keyFrom != known) {
                // a chunk of this dictionary was lost (a worker failed): its later chunks cannot be mapped
                broken = true;
                return;
            }
            final int n = c.keyTo - c.keyFrom;
            if (known + n >= map.length) {
                final int cap = Math.max(map.length * 2, known + n + 1);
                end = Arrays.copyOf(end, cap + 1);
                hash = Arrays.copyOf(hash, cap);
                map = Arrays.copyOf(map, cap);
            }
            final int used = end[known];
            final int add = c.newKeyEnd[n];
            if (used + add > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + add));
            }
            System.arraycopy(c.newKeys, 0, arena, used, add);
            for (int i = 0; i < n; i++) {
                end[known + i + 1] = used + c.newKeyEnd[i + 1];
                hash[known + i] = c.newKeyHash[i];
                map[known + i] = -1;
            }
            known += n;
        }
    }

    /** Bytes held per chunk in flight, at most, per byte of chunk: bytes read, records and local keys. */
    private static final int HELD_PER_BYTE = 12;
    /** Rows per chunk at most: one per this many bytes (a worker stops there; the reading thread goes on). */
    private static final int BYTES_PER_ROW = 16;

    private int chunkBytes;
    private int chunkShown;
    private int inFlight;
    /** The bytes a worker's dictionary may hold (both sides) before it is replaced. */
    private long dictBytes;
    private final ThreadLocal<Dict> dicts = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicLong dictHeld = new java.util.concurrent.atomic.AtomicLong();
    private java.util.concurrent.ExecutorService workers;
    private final java.util.ArrayDeque<java.util.concurrent.Future<Chunk>> ahead = new java.util.ArrayDeque<>();
    private long chunkBase = -1;
    private long nextNominal;
    private Chunk current;
    /** Chunks done with, for reuse (at most as many as were ever in flight). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Chunk> spare =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long rowsAhead;
    /** Set on a worker's reader: where its records go. */
    private Chunk out;

    /**
     * Reads on {@code threads} worker threads besides the calling one, within a memory budget of {@code budget}
     * bytes: the chunks in flight hold about a thirty-second of it (at least a few hundred bytes each), and each
     * worker's dictionary may grow to a quarter of it divided among the workers before it is replaced (a
     * dictionary replaced sends every key again, so it must be able to hold the feed's keys: a million 8-byte keys
     * take about 130 MB). Does nothing for one thread.
     *
     * @return the bytes the chunks in flight may hold, to count against the budget (0 if not parallel); the
     *     dictionaries count as they grow ({@link #dictionaryBytes})
     */
    long parallel(int threads, long budget) {
        if (threads < 2) {
            return 0;
        }
        final int depth = threads + 2;
        final long chunk = Math.max(256, Math.min(8L << 20, budget / 32 / ((long) HELD_PER_BYTE * depth)));
        final long dict = Math.max(1 << 16, budget / 4 / threads);
        return parallelChunks(threads, (int) chunk, dict);
    }

    /** @return the bytes the workers' dictionaries hold now (both sides), to count against the budget */
    long dictionaryBytes() {
        return dictHeld.get();
    }

    /**
     * As {@link #parallel} with a given chunk size and limit of a worker's dictionary in bytes (tiny ones for
     * tests); @return the bytes reserved for the chunks in flight
     */
    long parallelChunks(int threads, int chunk, long dict) {
        if (threads < 2 || sharedKeys != null || !fastOk) {
            return 0;
        }
        chunkBytes = chunk;
        chunkShown = chunk;
        inFlight = threads + 1;
        dictBytes = dict;
        workers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "shewhart-read");
            t.setDaemon(true);
            return t;
        });
        // the chunks in flight and the one being taken
        return (long) HELD_PER_BYTE * chunk * (inFlight + 1);
    }

    /**
     * Reads on the calling thread alone from here on (the chunks in flight are left to finish and dropped): for a
     * grouped feed, whose series are charted while it is read, so that the charting threads have the cores.
     */
    void readOnOneThread() {
        chunkBytes = 0;
        current = null;
        ahead.clear();
        if (workers != null) {
            workers.shutdown();
        }
    }

    /**
     * The chunk whose records start at {@code at}, the reading thread's position (a row start); null to read the
     * next row here. Drops chunks the reading thread has passed or that found no row start.
     */
    private Chunk chunkAt(long at) throws IOException {
        if (current != null) {
            if (current.cursor < current.count) {
                return current;
            }
            spare.add(current);
            current = null;
        }
        if (chunkBase < 0) {
            chunkBase = at;
            nextNominal = at;
        }
        while (true) {
            while (ahead.size() < inFlight && nextNominal < fileSize) {
                final long from = nextNominal;
                final long to = Math.min(fileSize, from + chunkBytes);
                final boolean first = from == chunkBase;
                ahead.add(workers.submit(() -> parseChunk(from, to, first)));
                nextNominal = to;
            }
            if (ahead.isEmpty()) {
                return null;
            }
            final Chunk h = await(ahead.peek());
            if (h != null && h.start > at) {
                return null;
            }
            ahead.poll();
            if (h != null && h.dict != null) {
                h.dict.register(h);
                if (h.dict.broken) {
                    continue;
                }
            }
            if (h != null && h.start == at && h.count > 0) {
                current = h;
                return h;
            }
            if (h != null) {
                spare.add(h);
            }
        }
    }

    private static Chunk await(java.util.concurrent.Future<Chunk> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        } catch (java.util.concurrent.ExecutionException e) {
            // a worker that failed (an I/O error) parsed nothing usable: the reading thread reads those rows
            return null;
        }
    }

    /** A worker: the fast rows of the chunk with nominal range {@code [from, to)}. */
    private Chunk parseChunk(long from, long to, boolean first) throws IOException {
        final long readFrom = first ? from : from - 1;
        final long readTo = Math.min(fileSize, to + Math.min(chunkBytes, 1 << 16));
        Chunk c = spare.poll();
        if (c == null) {
            c = new Chunk(Math.max(1, chunkBytes / BYTES_PER_ROW), nc >= 0, pc >= 0,
                    chunkBytes + 1 + Math.min(chunkBytes, 1 << 16));
        }
        c.reset();
        final byte[] b = c.buf;
        final int want = (int) (readTo - readFrom);
        int got = 0;
        while (got < want) {
            final int r = ch.read(ByteBuffer.wrap(b, got, want - got), readFrom + got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        int s = 0;
        if (!first) {
            while (s < got && b[s] != '\n') {
                s++;
            }
            if (s == got) {
                return c;
            }
            s++;
        }
        c.start = readFrom + s;
        c.stop = c.start;
        final Columns cols = new Columns(keyNames, "", "", null, null, types, settingsKey, settingsOf);
        final Feed w = new Feed(file, ch, fileSize, header, cols, keyCols, xc, yc, nc, pc, c.start, 1);
        Dict d = dicts.get();
        if (d == null || d.bytes > dictBytes) {
            if (d != null) {
                dictHeld.addAndGet(-d.bytes);
            }
            d = new Dict(w.keys);
            dicts.set(d);
        }
        w.keys = d.keys;
        c.dict = d;
        c.keyFrom = d.keys.size();
        w.kind = kind;
        w.buf = b;
        w.base = readFrom;
        w.pos = s;
        w.len = got;
        w.eof = readFrom + got >= fileSize;
        w.out = c;
        c.local = w;
        try {
            while (w.base + w.pos < to && !c.full()) {
                final int e = w.fastRow(null);
                if (e < 0) {
                    break;
                }
                w.pos = e;
            }
        } catch (RuntimeException e) {
            // a key that is not UTF-8 (nothing added): the reading thread reads that row and says so
        }
        c.stop = w.base + w.pos;
        // the keys added, for the reading thread
        final SeriesKeys k = d.keys;
        c.keyTo = k.size();
        final int added = c.keyTo - c.keyFrom;
        c.newKeyEnd = new int[added + 1];
        c.newKeyHash = new int[added];
        int bytes = 0;
        for (int i = 0; i < added; i++) {
            bytes += k.keyLength(c.keyFrom + i);
            c.newKeyEnd[i + 1] = bytes;
            c.newKeyHash[i] = k.hashOf(c.keyFrom + i);
        }
        c.newKeys = new byte[bytes];
        for (int i = 0; i < added; i++) {
            k.copyKey(c.keyFrom + i, c.newKeys, c.newKeyEnd[i]);
        }
        // both sides: the worker's dictionary, the reading thread's copy and map
        d.bytes += 3L * bytes + 100L * added;
        dictHeld.addAndGet(3L * bytes + 100L * added);
        c.phaseMap = new int[w.phaseCount];
        Arrays.fill(c.phaseMap, -1);
        w.buf = null;
        return c;
    }

    /** Takes up to {@code max} records of a chunk as if read here; @return the records taken */
    private int merge(Chunk c, RowStore store, int max) {
        final int k = Math.min(max, c.count - c.cursor);
        final Dict d = c.dict;
        final int[] map = d.map;
        for (int i = 0; i < k; i++) {
            final int r = c.cursor + i;
            final int lid = c.id[r];
            int id = map[lid];
            boolean added = false;
            rowLine = line;
            if (id < 0) {
                final int ko = d.end[lid];
                final int kn = d.end[lid + 1] - ko;
                if (keyScratch.length < kn) {
                    keyScratch = new byte[Math.max(kn, keyScratch.length * 2)];
                }
                System.arraycopy(d.arena, ko, keyScratch, 0, kn);
                final int h = d.hash[lid];
                final int found = keys.find(keyScratch, kn, h);
                added = found < 0;
                id = added ? addKey(kn, h) : found;
                map[lid] = id;
            }
            int phase = 0;
            if (pc >= 0) {
                final int lp = c.phase[r];
                phase = c.phaseMap[lp];
                if (phase < 0) {
                    phase = phaseId(c.local.phaseLabels[lp]);
                    c.phaseMap[lp] = phase;
                }
            }
            commit(store, id, added, c.x[r], c.y[r], c.n == null ? Double.NaN : c.n[r], phase, c.start + c.off[r]);
            line++;
        }
        c.cursor += k;
        rowsAhead += k;
        moveTo(c.cursor < c.count ? c.start + c.off[c.cursor] : c.stop);
        return k;
    }

    /** Moves the reading position forward to {@code at} (a row start), within the buffer or past it. */
    private void moveTo(long at) {
        if (at <= base + len) {
            pos = (int) (at - base);
            return;
        }
        base = at;
        pos = 0;
        len = 0;
        eof = false;
    }

    // ---------------------------------------------------------------------------------------------- fast path

    /** Bytes {@code == c} in a word: the high bit of each such byte set, exactly (no false positives). */
    private static long bytesEqual(long w, long pattern) {
        final long x = w ^ pattern;
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** The next ',', LF, CR or quote at or after {@code p}; -1 if none before {@code len}. */
    private int delimiter(byte[] b, int p, int len) {
        int i = p;
        while (i + 8 <= len) {
            final long w = (long) LONG.get(b, i);
            final long m = bytesEqual(w, COMMA) | bytesEqual(w, LF) | bytesEqual(w, CR) | bytesEqual(w, QUOTE);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            i += 8;
        }
        while (i < len) {
            final byte c = b[i];
            if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The end of a plain field at {@code p}: the delimiter after it, or -1 if the field needs the general path. */
    private int plainField(byte[] b, int p, int len) {
        final int e = delimiter(b, p, len);
        if (e < 0 || b[e] == '"') {
            return -1;
        }
        // no trimming on the fast path: a field must not start or end with a space or control byte
        if (e > p && ((b[p] & 0xFF) <= ' ' || (b[e - 1] & 0xFF) <= ' ')) {
            return -1;
        }
        return e;
    }

    /** A plain decimal at {@code p} into {@link #num}: the delimiter after it, or -1 for the general path. */
    int plainNumber(byte[] b, int p, int len) {
        if (p + 8 <= len) {
            final int e = shortNumber((long) LONG.get(b, p));
            if (e >= 0) {
                return p + e;
            }
        }
        return numberByBytes(b, p, len);
    }

    /**
     * The common short number, a word at a time: {@code d+}, {@code d+.d*} or {@code .d+} (7 digits at most) and its
     * delimiter within the 8 bytes {@code w} (the first byte lowest). Sets {@link #num} and returns the delimiter's
     * index in the word, or -1 when the word is not of that shape (a sign, a longer number, anything else), which
     * {@link #numberByBytes} then reads or refuses as ever: the two agree wherever this one answers.
     */
    private int shortNumber(long w) {
        // bytes that are not digits, exactly (no carry crosses a byte): (c ^ '0') >= 10
        final long z = w ^ ZEROS;
        final long notDigit = (z | ((z & LOW7) + SIX_AND_MORE)) & HIGH;
        if (notDigit == 0) {
            return -1;
        }
        final int k1 = Long.numberOfTrailingZeros(notDigit) >>> 3;
        int end = k1;
        int frac = 0;
        long digits = w & ((1L << (k1 << 3)) - 1);
        if ((byte) (w >>> (k1 << 3)) == '.') {
            final long rest = notDigit & (notDigit - 1);
            if (rest == 0) {
                return -1;
            }
            end = Long.numberOfTrailingZeros(rest) >>> 3;
            frac = end - k1 - 1;
            digits |= ((w >>> ((k1 + 1) << 3)) & ((1L << (frac << 3)) - 1)) << (k1 << 3);
        }
        final byte c = (byte) (w >>> (end << 3));
        final int n = k1 + frac;
        if (n == 0 || c != ',' && c != '\n' && c != '\r') {
            return -1;
        }
        // the n digits, leading zero bytes ahead of them, to one integer (three multiplications for eight digits)
        long v = (digits & LOW_NIBBLES) << ((8 - n) << 3);
        v = v * 10 + (v >>> 8);
        v = ((v & PAIRS) * PAIRS_BY_100 + ((v >>> 16) & PAIRS) * PAIRS_BY_1) >>> 32;
        num = frac == 0 ? (double) v : v / POW10[frac];
        return end;
    }

    /** {@link #plainNumber} a byte at a time. */
    int numberByBytes(byte[] b, int p, int len) {
        int i = p;
        boolean negative = false;
        if (i < len && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int d;
        while (i < len && (d = b[i] - '0') >= 0 && d <= 9) {
            m = m * 10 + d;
            digits++;
            i++;
        }
        int frac = 0;
        if (i < len && b[i] == '.') {
            i++;
            final int s = i;
            while (i < len && (d = b[i] - '0') >= 0 && d <= 9) {
                m = m * 10 + d;
                i++;
            }
            frac = i - s;
            digits += frac;
        }
        if (digits == 0 || digits > 15 || i >= len) {
            return -1;
        }
        final byte c = b[i];
        if (c != ',' && c != '\n' && c != '\r') {
            return -1;
        }
        // Clinger's fast path, as FastParse: m < 10^15 < 2^53 and 10^frac are exact
        final double v = frac == 0 ? (double) m : m / POW10[frac];
        num = negative ? -v : v;
        return i;
    }

    /** An ISO date at {@code p} into {@link #num} (epoch day): the delimiter after it, or -1. */
    private int plainDate(byte[] b, int p, int len) {
        if (p + 10 >= len) {
            return -1;
        }
        final byte c = b[p + 10];
        if (c != ',' && c != '\n' && c != '\r') {
            return -1;
        }
        final long w = (long) LONG.get(b, p);
        if (w != monthWord) {
            final int slot = (int) ((w * 0x9E3779B97F4A7C15L) >>> 58);
            if (w != monthWords[slot]) {
                return newMonth(b, p, w, slot);
            }
            monthWord = w;
            monthBase = monthBases[slot];
            monthLength = monthLengths[slot];
        }
        final int d1 = b[p + 8] - '0';
        final int d2 = b[p + 9] - '0';
        final int day = d1 * 10 + d2;
        if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || day < 1 || day > monthLength) {
            return -1;
        }
        num = monthBase + day - 1;
        return p + 10;
    }

    /** {@link #plainDate} in a month not in the cache: the date parsed in full, and its month cached. */
    private int newMonth(byte[] b, int p, long w, int slot) {
        final long e = FastParse.date(b, p, p + 10);
        if (e == FastParse.NOT_A_DATE) {
            return -1;
        }
        final int day = (b[p + 8] - '0') * 10 + (b[p + 9] - '0');
        monthWord = w;
        monthBase = e - (day - 1);
        final int year = (b[p] - '0') * 1000 + (b[p + 1] - '0') * 100 + (b[p + 2] - '0') * 10 + (b[p + 3] - '0');
        final int month = (b[p + 5] - '0') * 10 + (b[p + 6] - '0');
        monthLength = FastParse.lengthOfMonth(year, month);
        monthWords[slot] = w;
        monthBases[slot] = monthBase;
        monthLengths[slot] = monthLength;
        num = e;
        return p + 10;
    }

    private static long[] filled(long[] a, long v) {
        Arrays.fill(a, v);
        return a;
    }

    /**
     * One row on the fast path.
     *
     * @return the index after the row, or -1 to read it on the general path (nothing has been recorded)
     */
    private int fastRow(RowStore store) {
        final byte[] b = buf;
        final int len = this.len;
        int p = pos;
        double x = 0;
        double y = 0;
        double n = Double.NaN;
        int ps = 0;
        int pe = 0;
        if (keyXY) {
            // the field loop below, unrolled for key, x, y: the same checks in the same order
            int e = plainField(b, p, len);
            if (e < 0 || e == p || e - p > 0xFFFF || b[e] != ',') {
                return -1;
            }
            ks[0] = p;
            ke[0] = e;
            p = e + 1;
            if (p >= len) {
                return -1;
            }
            e = kind == ChartInput.Kind.DATE ? plainDate(b, p, len) : plainNumber(b, p, len);
            if (e < 0 || b[e] != ',') {
                return -1;
            }
            x = num;
            p = e + 1;
            if (p >= len) {
                return -1;
            }
            e = plainNumber(b, p, len);
            if (e < 0) {
                return -1;
            }
            y = num;
            p = e;
        }
        for (int f = 0; !keyXY && f <= maxCol; f++) {
            if (p >= len) {
                return -1;
            }
            final int e;
            switch (role[f]) {
                case XCOL:
                    e = kind == ChartInput.Kind.DATE ? plainDate(b, p, len) : plainNumber(b, p, len);
                    x = num;
                    break;
                case YCOL:
                    e = plainNumber(b, p, len);
                    y = num;
                    break;
                case NCOL:
                    e = plainNumber(b, p, len);
                    n = num;
                    break;
                case KEY:
                    e = plainField(b, p, len);
                    if (e == p || e - p > 0xFFFF) {
                        return -1;
                    }
                    ks[keyIndex[f]] = p;
                    ke[keyIndex[f]] = e;
                    break;
                case PCOL:
                    e = plainField(b, p, len);
                    ps = p;
                    pe = e;
                    break;
                default:
                    if (b[p] == '"') {
                        return -1;
                    }
                    e = delimiter(b, p, len);
                    if (e >= 0 && b[e] == '"') {
                        return -1;
                    }
                    break;
            }
            if (e < 0) {
                return -1;
            }
            p = e;
            if (f < maxCol) {
                if (b[p] != ',') {
                    return -1;
                }
                p++;
            }
        }
        // the rest of the line: unquoted fields up to the line end
        while (b[p] == ',') {
            p = delimiter(b, p + 1, len);
            if (p < 0 || b[p] == '"') {
                return -1;
            }
        }
        final int end;
        if (b[p] == '\n') {
            end = p + 1;
        } else if (p + 1 < len && b[p + 1] == '\n') {
            end = p + 2;
        } else {
            return -1;
        }
        if (kind == ChartInput.Kind.NUMBER) {
            x += 0.0;
        }
        // conservative row checks: a row that may fail one is read again on the general path
        if (checkNegativeN && n < 0 || checkNegativeY && y < 0 || checkPositiveY && y <= 0
                || checkBinomial && y > n && n > 0) {
            return -1;
        }
        rowLine = line;
        final int id;
        final boolean added;
        if (keyCols.length == 1) {
            final int guess = prev < 0 ? -1 : keys.successor(prev);
            if (guess >= 0 && keys.matches(guess, b, ks[0], ke[0])) {
                id = guess;
                added = false;
            } else {
                final int kn = keyBytes(0, ke[0] - ks[0], b, ks[0]);
                final int h = SeriesKeys.hash(keyScratch, kn);
                final int found = keys.find(keyScratch, kn, h);
                added = found < 0;
                id = added ? addKey(kn, h) : found;
            }
        } else {
            int kn = 0;
            for (int k = 0; k < keyCols.length; k++) {
                kn = keyBytes(kn, ke[k] - ks[k], b, ks[k]);
            }
            final int guess = prev < 0 ? -1 : keys.successor(prev);
            if (guess >= 0 && keys.matches(guess, keyScratch, kn)) {
                id = guess;
                added = false;
            } else {
                final int h = SeriesKeys.hash(keyScratch, kn);
                final int found = keys.find(keyScratch, kn, h);
                added = found < 0;
                id = added ? addKey(kn, h) : found;
            }
        }
        final int phase = pc < 0 ? 0 : phaseId(b, ps, pe);
        commit(store, id, added, x, y, n, phase);
        line++;
        return end;
    }

    private int phaseId(byte[] b, int s, int e) {
        final int n = e - s;
        if (lastPhaseId >= 0 && lastPhase.length == n && SeriesKeys.equal(lastPhase, 0, b, s, n)) {
            return lastPhaseId;
        }
        lastPhaseId = phaseId(new String(b, s, n, StandardCharsets.UTF_8));
        lastPhase = Arrays.copyOfRange(b, s, e);
        return lastPhaseId;
    }

    private int phaseId(String label) {
        Integer id = phaseIds.get(label);
        if (id == null) {
            if (sharedKeys != null) {
                throw new IllegalStateException("a re-read found a phase not read before");
            }
            id = phaseCount;
            if (phaseCount == phaseLabels.length) {
                phaseLabels = Arrays.copyOf(phaseLabels, phaseCount * 2);
            }
            phaseLabels[phaseCount++] = label;
            phaseView = phaseLabels;
            phaseIds.put(label, id);
        }
        return id;
    }

    private void commit(RowStore store, int id, boolean added, double x, double y, double n, int phase) {
        if (out != null) {
            // a chunk parser: the record goes to the chunk, with its offset from the chunk's start
            out.add(id, x, y, n, phase, (int) (base + pos - out.start));
            if (prev >= 0) {
                keys.follow(prev, id);
            }
            prev = id;
            return;
        }
        commit(store, id, added, x, y, n, phase, base + pos);
    }

    private void commit(RowStore store, int id, boolean added, double x, double y, double n, int phase,
            long offset) {
        if (id != prev) {
            if (!added) {
                grouped = false;
            }
        }
        if (prev >= 0) {
            keys.follow(prev, id);
        }
        prev = id;
        if (sharedKeys == null) {
            keys.countRow(id);
        }
        store.add(id, x, y, n, phase, offset);
        rows++;
    }

    // ---------------------------------------------------------------------------------------------- general path

    /** The field positions of one row. */
    private static final class Tokens {
        final int[] start;
        final int[] end;
        final boolean[] escaped;
        int fields;

        Tokens(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            escaped = new boolean[capacity];
        }

        boolean blank(byte[] b) {
            for (int f = 0; f < fields; f++) {
                for (int i = start[f]; i < end[f]; i++) {
                    if ((b[i] & 0xFF) > ' ') {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * Splits one row starting at {@code p} into fields (positions of the first {@code tok.start.length} kept).
     *
     * @return the index after the row's line end, or -1 if the row is not complete in {@code b[p, len)}
     */
    private int tokenize(Tokens t, byte[] b, int p, int len, boolean eof) {
        final int cap = t.start.length;
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
            if (f < cap) {
                t.start[f] = s;
                t.end[f] = e;
                t.escaped[f] = escaped;
            }
            f++;
            if (i >= len) {
                if (!eof) {
                    return -1;
                }
                t.fields = Math.min(f, cap);
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
            t.fields = Math.min(f, cap);
            line = ln + 1;
            return i + 1;
        }
    }

    /** A field as text (unescaped, trimmed, UTF-8), for the header and for messages. */
    private String text(int f) {
        if (f >= tok.fields) {
            return "";
        }
        final int n = unescape(f);
        return new String(scratch, 0, n, StandardCharsets.UTF_8).trim();
    }

    /** Copies a field into {@link #scratch}, undoing {@code ""}; returns its length. */
    private int unescape(int f) {
        final byte[] b = buf;
        final int s = tok.start[f];
        final int e = tok.end[f];
        if (scratch.length < e - s) {
            scratch = new byte[Math.max(e - s, scratch.length * 2)];
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            scratch[n++] = b[i];
            if (tok.escaped[f] && b[i] == '"') {
                i++;
            }
        }
        return n;
    }

    private int trimStart(int f) {
        int s = tok.start[f];
        final int e = tok.end[f];
        while (s < e && (buf[s] & 0xFF) <= ' ') {
            s++;
        }
        return s;
    }

    private int trimEnd(int f, int s) {
        int e = tok.end[f];
        while (e > s && (buf[e - 1] & 0xFF) <= ' ') {
            e--;
        }
        return e;
    }

    private String where(int col) {
        return String.format(Locale.ROOT, "%s: row %d, column '%s'", file, rowLine, CsvTable.show(header.get(col)));
    }

    private void slowRow(RowStore store) {
        final int before = keys.size();
        final int id = slowKey();
        final boolean added = keys.size() > before;
        final ChartType type = types[keys.settings(id)];
        final boolean useN = nc >= 0 && !type.isSubgrouped();
        // x
        if (xc >= tok.fields) {
            throw emptyX();
        }
        final int xs0 = trimStart(xc);
        final int xe0 = trimEnd(xc, xs0);
        if (xs0 == xe0) {
            throw emptyX();
        }
        final byte[] b = buf;
        if (kind == null) {
            kind = FastParse.date(b, xs0, xe0) != FastParse.NOT_A_DATE ? ChartInput.Kind.DATE
                    : !Double.isNaN(FastParse.number(b, xs0, xe0)) ? ChartInput.Kind.NUMBER
                    : null;
            if (kind == null) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is neither an ISO date (yyyy-mm-dd) nor a number; scan needs dates or numbers "
                                + "as x (use chart for text labels)", where(xc), CsvTable.show(text(xc))));
            }
        }
        double x;
        if (kind == ChartInput.Kind.DATE) {
            final long d = FastParse.date(b, xs0, xe0);
            if (d == FastParse.NOT_A_DATE) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is not an ISO date (yyyy-mm-dd); the first row's x is a date, so every x must be",
                        where(xc), CsvTable.show(text(xc))));
            }
            x = d;
        } else {
            x = FastParse.number(b, xs0, xe0);
            if (x != x || Double.isInfinite(x)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: '%s' is not a number; the first row's x is a number, so every x must be",
                        where(xc), CsvTable.show(text(xc))));
            }
            x += 0.0; // -0 and 0 are one point, as chart groups them
        }
        final double y = number(yc);
        final double n = useN ? number(nc) : Double.NaN;
        check(type, useN, y, n);
        final int phase = pc < 0 ? 0 : phaseId(pc < tok.fields ? text(pc) : "");
        commit(store, id, added, x, y, n, phase);
    }

    private SpcInputException emptyX() {
        return new SpcInputException(String.format(Locale.ROOT,
                "%s: empty x; every row needs an x value (a date or a number)", where(xc)));
    }

    /** A numeric cell as {@code chart} reads it: NaN for empty or NA, an error for other text. */
    private double number(int col) {
        if (col >= tok.fields) {
            return Double.NaN;
        }
        final byte[] b = buf;
        final int s = trimStart(col);
        final int e = trimEnd(col, s);
        if (s == e || e - s == 2 && (b[s] | 0x20) == 'n' && (b[s + 1] | 0x20) == 'a') {
            return Double.NaN;
        }
        final double v = tok.escaped[col] ? Double.NaN : FastParse.number(b, s, e);
        if (v != v) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: '%s' is not a number; write a decimal number such as 12 or 0.85, or leave the cell "
                            + "empty (or NA) for a missing value", where(col), CsvTable.show(text(col))));
        }
        if (Double.isInfinite(v)) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: '%s' is too large to be a number",
                    where(col), CsvTable.show(text(col))));
        }
        return v;
    }

    /** The row checks of {@code ChartInput}, with the same messages. */
    private void check(ChartType type, boolean useN, double y, double n) {
        if (useN && n < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: denominator '%s' is negative; it must be >= 0", where(nc), CsvTable.show(text(nc))));
        }
        final boolean counts = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME
                || type == ChartType.C || type == ChartType.U || type == ChartType.U_PRIME || type == ChartType.G;
        if (counts && y < 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: count '%s' is negative; a %s chart counts events, so values must be >= 0",
                    where(yc), text(yc), type.id()));
        }
        if (type == ChartType.T && y <= 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: time '%s' is not positive; a t chart needs times between events > 0 (add 0.5 to "
                            + "same-day events, or use a g chart)", where(yc), text(yc)));
        }
        final boolean binomial = type == ChartType.P || type == ChartType.NP || type == ChartType.P_PRIME;
        if (binomial && useN && y > n && n > 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: numerator '%s' is greater than denominator '%s' (column '%s'); a %s chart needs "
                            + "numerator <= denominator", where(yc), text(yc), text(nc), header.get(nc),
                    type.id()));
        }
    }

    /** The series id of the tokenised row's key, adding the key on first sight. */
    private int slowKey() {
        final byte[] b = buf;
        int n = 0;
        for (int k = 0; k < keyCols.length; k++) {
            final int col = keyCols[k];
            int len = 0;
            int s = 0;
            byte[] src = b;
            if (col < tok.fields) {
                if (tok.escaped[col]) {
                    final int u = unescape(col);
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
                    s = trimStart(col);
                    len = trimEnd(col, s) - s;
                }
            }
            if (len > 0xFFFF) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: a key longer than 65535 bytes; keys are labels such as a ward or an indicator",
                        where(col)));
            }
            n = keyBytes(n, len, src, s);
        }
        final int h = SeriesKeys.hash(keyScratch, n);
        final int found = keys.find(keyScratch, n, h);
        return found >= 0 ? found : addKey(n, h);
    }

    /** Adds the key in {@link #keyScratch} as a new series: checked as text, settings chosen. */
    private int addKey(int n, int h) {
        if (sharedKeys != null) {
            throw new IllegalStateException("a re-read found a key not read before");
        }
        // each column's bytes, after its 2-byte length (which is not text: a length from 128 on is not UTF-8)
        for (int p = 0; p < n; ) {
            final int len = ((keyScratch[p] & 0xFF) << 8) | (keyScratch[p + 1] & 0xFF);
            if (!utf8(keyScratch, p + 2, len)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: a key is not valid UTF-8; save the file as CSV UTF-8", where(keyCols[0])));
            }
            p += 2 + len;
        }
        final int id = keys.add(keyScratch, n, h);
        if (types.length > 1 && settingsKey >= 0) {
            keys.settings(id, settingsOf.applyAsInt(keys.key(id, settingsKey)));
        }
        return id;
    }

    /** Whether {@code b[from, from + len)} is UTF-8: ASCII a word at a time, anything else by the JDK's decoder. */
    static boolean utf8(byte[] b, int from, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if (((long) LONG.get(b, from + i) & HIGH) != 0) {
                return decodes(b, from, len);
            }
        }
        for (; i < len; i++) {
            if (b[from + i] < 0) {
                return decodes(b, from, len);
            }
        }
        return true;
    }

    private static boolean decodes(byte[] b, int from, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private int keyBytes(int n, int len, byte[] src, int s) {
        if (keyScratch.length < n + 2 + len) {
            keyScratch = Arrays.copyOf(keyScratch, Math.max(keyScratch.length * 2, n + 2 + len));
        }
        keyScratch[n] = (byte) (len >>> 8);
        keyScratch[n + 1] = (byte) len;
        System.arraycopy(src, s, keyScratch, n + 2, len);
        return n + 2 + len;
    }

    // ---------------------------------------------------------------------------------------------- state

    /** @return the file name as given */
    String file() {
        return file;
    }

    /** @return the file's size in bytes */
    long fileSize() {
        return fileSize;
    }

    /** @return bytes of the file consumed so far */
    long bytesRead() {
        return base + pos;
    }

    /** @return the file offset of the first data row */
    long dataStart() {
        return dataStart;
    }

    /** @return whether the whole file has been read */
    boolean finished() {
        return finished;
    }

    /** @return whether every series' rows have been contiguous so far */
    boolean grouped() {
        return grouped;
    }

    /** @return the series of the last row read, or -1 */
    int lastSeries() {
        return prev;
    }

    /** @return the key column names */
    List<String> keyNames() {
        return keyNames;
    }

    /** @return the series read so far */
    SeriesKeys keys() {
        return keys;
    }

    /** @return the label of a phase id; safe from other threads for ids handed to them after they were read */
    String phaseLabel(int id) {
        return phaseView[id];
    }

    /** @return how x was read: dates or numbers (null before the first data row) */
    ChartInput.Kind kind() {
        return kind;
    }

    /** @return whether rows carry a denominator */
    boolean hasSizes() {
        return nc >= 0;
    }

    /** @return whether rows carry a phase label */
    boolean hasPhases() {
        return pc >= 0;
    }

    /** @return the name of the phase column */
    String phaseColumn() {
        return pc < 0 ? null : header.get(pc);
    }

    /** @return how the file was read, for timing: the threads and the share of rows parsed ahead by workers */
    String readMode() {
        if (workers == null) {
            return "read on 1 thread";
        }
        return String.format(Locale.ROOT, "read on %d threads besides this one (%.1f%% of rows parsed ahead, "
                + "chunks of %s KB)", inFlight - 1, rows == 0 ? 0.0 : 100.0 * rowsAhead / rows, chunkShown >> 10);
    }

    /** @return the number of data rows read */
    long rows() {
        return rows;
    }

    /** @return an x as written in outputs: the ISO date, or the number as chart writes it */
    String label(double x) {
        return label(kind, x);
    }

    /** @return an x as written in outputs for a kind */
    static String label(ChartInput.Kind kind, double x) {
        if (kind == ChartInput.Kind.DATE) {
            return java.time.LocalDate.ofEpochDay((long) x).toString();
        }
        return ChartWriter.text(x);
    }
}
