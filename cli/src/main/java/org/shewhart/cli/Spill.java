package org.shewhart.cli;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * A temporary file of sorted runs: each run holds the rows of one memory-load of the feed, sorted by series id
 * (stable, so each series' rows stay in file order), as segments {@code [id][count][x...][y...][n...][phase...]}
 * of raw little-endian numbers. Runs are listed in file order of their rows, so reading a series from every run
 * in list order gives its rows in file order: the rows, and so the charts, of the in-memory scan.
 *
 * <p>Runs are merged with one read buffer each; when there are more runs than {@link #fanIn}, groups of
 * consecutive runs are first merged into longer runs (appended to the file). The file is deleted on
 * {@link #close}. Not thread-safe.
 */
final class Spill implements Closeable {
    /** What the read buffers of a merge take together at most (each at least 16 KB, at most {@link #bufferBytes}). */
    private static final int MERGE_BUFFERS = 4 << 20;
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final Path file;
    private final FileChannel ch;
    private final boolean withN;
    private final boolean withPhase;
    private final int bufferBytes;
    private final int fanIn;
    /**
     * The write buffer, filled up to {@code outAt}, numbers put straight into the array (as the cursors read them): the
     * spill thread's CPU for the runs of 10^6 interleaved series was 0.79-0.89 s against 1.58-1.59 s through a
     * ByteBuffer in a 256 MB heap, 0.61-0.71 s against 0.78-0.97 s in the default one.
     */
    private final byte[] out;
    private int outAt;
    private long end;
    private final List<long[]> runs = new ArrayList<>();
    private long bytesWritten;

    /**
     * @param dir folder for the temporary file
     * @param budget the memory budget in bytes, which sizes buffers and the merge fan-in
     */
    Spill(Path dir, boolean withN, boolean withPhase, long budget) {
        this.withN = withN;
        this.withPhase = withPhase;
        this.bufferBytes = (int) Math.max(4 << 10, Math.min(1 << 20, budget / 64));
        this.fanIn = (int) Math.max(2, Math.min(128, budget / 2 / bufferBytes));
        try {
            this.file = Files.createTempFile(dir, "shewhart-scan-", ".spill");
            this.file.toFile().deleteOnExit();
            this.ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "cannot create a temporary file in %s for a feed larger than --memory: %s (set --temp-dir)",
                    dir, CsvTable.reason(e)));
        }
        this.out = new byte[bufferBytes];
    }

    /** @return the number of runs */
    int runs() {
        return runs.size();
    }

    /** @return the merge fan-in */
    int fanIn() {
        return fanIn;
    }

    /** @return the read buffer of one run in a merge, in bytes */
    int bufferBytes() {
        return bufferBytes;
    }

    /** @return bytes written to the file so far */
    long bytesWritten() {
        return bytesWritten;
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /**
     * Writes the rows held in {@code store} as one run, sorted by series id.
     *
     * @param series the number of series so far
     * @param start scratch of at least {@code series + 1} ints, or null
     * @param order scratch of at least {@code store.size()} ints, or null
     * @param at where the run goes in the list (file order of its rows)
     */
    void writeRun(RowStore store, int series, int[] start, int[] order, int at) throws IOException {
        store.group(series, start, order);
        final long from = end;
        for (int s = 0; s < series; s++) {
            final int count = store.rowsOf(s);
            if (count == 0) {
                continue;
            }
            putInt(s);
            putInt(count);
            final int first = store.start(s);
            for (int i = 0; i < count; i++) {
                putDouble(store.x(store.ordered(first + i)));
            }
            for (int i = 0; i < count; i++) {
                putDouble(store.y(store.ordered(first + i)));
            }
            if (withN) {
                for (int i = 0; i < count; i++) {
                    putDouble(store.n(store.ordered(first + i)));
                }
            }
            if (withPhase) {
                for (int i = 0; i < count; i++) {
                    putInt(store.phase(store.ordered(first + i)));
                }
            }
        }
        flush();
        runs.add(at, new long[] {from, end});
    }

    private void putInt(int v) throws IOException {
        if (out.length - outAt < 4) {
            flush();
        }
        INT.set(out, outAt, v);
        outAt += 4;
    }

    private void putDouble(double v) throws IOException {
        if (out.length - outAt < 8) {
            flush();
        }
        DOUBLE.set(out, outAt, v);
        outAt += 8;
    }

    private void flush() throws IOException {
        final ByteBuffer b = ByteBuffer.wrap(out, 0, outAt);
        try {
            while (b.hasRemaining()) {
                end += ch.write(b, end);
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        bytesWritten += outAt;
        outAt = 0;
    }

    /**
     * Merges runs until at most {@link #fanIn} remain (for a merge with one buffer per run), then opens the
     * final merge.
     *
     * @param series the number of series
     */
    Merge merge(int series) throws IOException {
        while (runs.size() > fanIn) {
            final List<long[]> next = new ArrayList<>();
            for (int i = 0; i < runs.size(); i += fanIn) {
                final List<long[]> group = runs.subList(i, Math.min(runs.size(), i + fanIn));
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                final Merge m = new Merge(group);
                final long from = end;
                double[] x = new double[16];
                double[] y = new double[16];
                double[] n = withN ? new double[16] : null;
                int[] p = withPhase ? new int[16] : null;
                for (int s = 0; s < series; s++) {
                    final int count = m.rowsOf(s);
                    if (count == 0) {
                        continue;
                    }
                    if (x.length < count) {
                        x = new double[count];
                        y = new double[count];
                        n = withN ? new double[count] : null;
                        p = withPhase ? new int[count] : null;
                    }
                    m.read(s, x, y, n, p, 0);
                    putInt(s);
                    putInt(count);
                    for (int i2 = 0; i2 < count; i2++) {
                        putDouble(x[i2]);
                    }
                    for (int i2 = 0; i2 < count; i2++) {
                        putDouble(y[i2]);
                    }
                    if (withN) {
                        for (int i2 = 0; i2 < count; i2++) {
                            putDouble(n[i2]);
                        }
                    }
                    if (withPhase) {
                        for (int i2 = 0; i2 < count; i2++) {
                            putInt(p[i2]);
                        }
                    }
                }
                flush();
                next.add(new long[] {from, end});
            }
            runs.clear();
            runs.addAll(next);
        }
        return new Merge(runs);
    }

    /**
     * A write to the temporary file failed: the disk is full or the file too large for it, most likely; a problem the
     * user can fix, not a bug, so it is said as one line (exit code 2) rather than as an internal error.
     */
    private CannotWrite cannotWrite(IOException e) {
        return new CannotWrite(String.format(Locale.ROOT,
                "cannot write the temporary file %s, where a feed larger than --memory is sorted (%s MB written): %s; "
                        + "free space there, set --temp-dir to a folder with room, or raise --memory",
                file, Progress.mb(bytesWritten), CsvTable.reason(e)), e);
    }

    @Override
    public void close() throws IOException {
        try {
            ch.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Reads series from a list of runs in id order, each run through its own buffer. */
    final class Merge {
        private final Cursor[] cursors;

        Merge(List<long[]> list) throws IOException {
            cursors = new Cursor[list.size()];
            // the buffers together within a cache's size: every series takes a few bytes from each of them in turn,
            // and buffers filled long before they are read come back from memory a line at a time (10^6 series in
            // 28 runs merged in 0.73-0.75 s with 128 KB each, 0.96-1.10 s with 1 MB each)
            final int size = Math.min(bufferBytes, Math.max(16 << 10, MERGE_BUFFERS / cursors.length));
            for (int i = 0; i < cursors.length; i++) {
                cursors[i] = new Cursor(list.get(i)[0], list.get(i)[1], size);
            }
        }

        /** @return the rows of series s in these runs (ids must be asked in increasing order) */
        int rowsOf(int s) {
            int rows = 0;
            for (Cursor c : cursors) {
                if (c.id == s) {
                    rows += c.count;
                }
            }
            return rows;
        }

        /** Reads the rows of series s, run by run, into the arrays from index {@code at}; @return rows read */
        int read(int s, double[] x, double[] y, double[] n, int[] phase, int at) throws IOException {
            int k = at;
            for (Cursor c : cursors) {
                if (c.id == s) {
                    final int count = c.count;
                    c.doubles(x, k, count);
                    c.doubles(y, k, count);
                    if (withN) {
                        c.doubles(n, k, count);
                    }
                    if (withPhase) {
                        c.ints(phase, k, count);
                    }
                    k += count;
                    c.next();
                }
            }
            return k - at;
        }
    }

    /**
     * Sequential reading of one run. When the budget is small next to the feed a run holds a segment of a few rows
     * for every series (an interleaved feed of 10^6 series makes 9 runs with the default budget, 29 in a 256 MB heap),
     * so a merge reads tens of millions of segments: their numbers are read in plain loops from the buffer's array,
     * not by bulk reads through buffer views, which call a copying stub for one or two doubles (merging 9 runs alone
     * took 0.45-0.47 s against 0.53-0.54 s).
     */
    private final class Cursor {
        private final byte[] buf;
        private final ByteBuffer io;
        /** The next byte to read in {@code buf}, and the end of what was read into it. */
        private int at;
        private int filled;
        private long pos;
        private final long limit;
        int id = -1;
        int count;

        Cursor(long from, long to, int size) throws IOException {
            buf = new byte[size];
            io = ByteBuffer.wrap(buf);
            pos = from;
            limit = to;
            next();
        }

        void next() throws IOException {
            if (!ensure(8)) {
                id = Integer.MAX_VALUE;
                count = 0;
                return;
            }
            id = (int) INT.get(buf, at);
            count = (int) INT.get(buf, at + 4);
            at += 8;
        }

        /** Makes at least {@code n} bytes available (n <= buffer); @return false at the end of the run */
        private boolean ensure(int n) throws IOException {
            if (filled - at >= n) {
                return true;
            }
            System.arraycopy(buf, at, buf, 0, filled - at);
            filled -= at;
            at = 0;
            while (filled < n && pos < limit) {
                io.limit((int) Math.min(buf.length, filled + limit - pos)).position(filled);
                final int r = ch.read(io, pos);
                if (r < 0) {
                    throw new IOException("spill file truncated");
                }
                pos += r;
                filled += r;
            }
            return filled >= n;
        }

        void doubles(double[] dst, int from, int n) throws IOException {
            int done = 0;
            while (done < n) {
                if (!ensure(8)) {
                    throw new IOException("spill file truncated");
                }
                final int k = Math.min(n - done, (filled - at) >>> 3);
                for (int i = 0; i < k; i++) {
                    dst[from + done + i] = (double) DOUBLE.get(buf, at + (i << 3));
                }
                at += k << 3;
                done += k;
            }
        }

        void ints(int[] dst, int from, int n) throws IOException {
            int done = 0;
            while (done < n) {
                if (!ensure(4)) {
                    throw new IOException("spill file truncated");
                }
                final int k = Math.min(n - done, (filled - at) >>> 2);
                for (int i = 0; i < k; i++) {
                    dst[from + done + i] = (int) INT.get(buf, at + (i << 2));
                }
                at += k << 2;
                done += k;
            }
        }
    }
}
