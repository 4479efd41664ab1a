package org.shewhart.cli;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Parsed rows in file order as primitive columns, in chunks of 2^10 to 2^20 rows: a series id ({@code int}), x and y
 * ({@code double}), and when the feed has them n ({@code double}) and a phase label id ({@code int}). Chunks are
 * appended as rows arrive and can be released from the front (the grouped fast path) or all at once (after a
 * spill), and are reused. {@link #group} sorts row indices by series for charting from memory.
 *
 * <p>Row indices are relative to the first held chunk. Not thread-safe while rows are added; once grouped, several
 * threads may {@link #gather} concurrently.
 */
final class RowStore {
    private final int bits;
    private final int chunk;
    private final int mask;

    private final boolean withN;
    private final boolean withPhase;
    private int[][] ids = new int[0][];
    private double[][] xs = new double[0][];
    private double[][] ys = new double[0][];
    private double[][] ns = new double[0][];
    private int[][] ps = new int[0][];
    /** File offset of the first row of each chunk, for re-reading a released prefix. */
    private long[] chunkOffset = new long[0];
    private int chunks;
    private int size;
    private final ArrayDeque<Object[]> free = new ArrayDeque<>();

    // the chunk being filled, cached for the append path
    private int[] cId;
    private double[] cX;
    private double[] cY;
    private double[] cN;
    private int[] cP;
    private int fill;

    // after group(): rows of series s are order[start[s] .. start[s + 1])
    private int[] start;
    private int[] order;

    /**
     * @param chunkBits log2 of the rows per chunk (10 to 20): small for small budgets, so that a chunk is a small
     *     part of the budget
     */
    RowStore(boolean withN, boolean withPhase, int chunkBits) {
        this.withN = withN;
        this.withPhase = withPhase;
        this.bits = chunkBits;
        this.chunk = 1 << chunkBits;
        this.mask = chunk - 1;
        this.fill = chunk;
    }

    /**
     * The chunk size for a budget of {@code rows} rows: about an eighth of it, 2^10 to 2^20 rows. Large chunks are
     * allocated straight into the old generation (G1 humongous objects) instead of being copied by young
     * collections.
     */
    static int chunkBits(long rows) {
        int b = 10;
        while (b < 20 && (1L << (b + 1)) * 8 <= rows) {
            b++;
        }
        return b;
    }

    /** @return rows per chunk */
    int chunk() {
        return chunk;
    }

    /** Bytes held per row: id, x, y, n, phase and the grouping index. */
    static int bytesPerRow(boolean withN, boolean withPhase) {
        return 4 + 8 + 8 + (withN ? 8 : 0) + (withPhase ? 4 : 0) + 4;
    }

    boolean hasN() {
        return withN;
    }

    boolean hasPhase() {
        return withPhase;
    }

    /** @return rows held */
    int size() {
        return size;
    }

    /** Appends a row; {@code offset} is its position in the file. */
    void add(int id, double x, double y, double n, int phase, long offset) {
        if (fill == chunk) {
            newChunk(offset);
        }
        final int f = fill++;
        cId[f] = id;
        cX[f] = x;
        cY[f] = y;
        if (withN) {
            cN[f] = n;
        }
        if (withPhase) {
            cP[f] = phase;
        }
        size++;
    }

    /**
     * Starts a new chunk if the current one is full (or there is none), its first row at file offset
     * {@code offset}: a reader calls this between rows, so that {@link #add} never has to.
     */
    void ensureRoom(long offset) {
        if (fill == chunk) {
            newChunk(offset);
        }
    }

    /** @return rows that fit in the current chunk */
    int room() {
        return chunk - fill;
    }

    private void newChunk(long offset) {
        if (chunks == ids.length) {
            final int cap = Math.max(4, chunks * 2);
            ids = Arrays.copyOf(ids, cap);
            xs = Arrays.copyOf(xs, cap);
            ys = Arrays.copyOf(ys, cap);
            ns = Arrays.copyOf(ns, cap);
            ps = Arrays.copyOf(ps, cap);
            chunkOffset = Arrays.copyOf(chunkOffset, cap);
        }
        final Object[] reuse = free.poll();
        cId = reuse == null ? new int[chunk] : (int[]) reuse[0];
        cX = reuse == null ? new double[chunk] : (double[]) reuse[1];
        cY = reuse == null ? new double[chunk] : (double[]) reuse[2];
        cN = !withN ? null : reuse == null ? new double[chunk] : (double[]) reuse[3];
        cP = !withPhase ? null : reuse == null ? new int[chunk] : (int[]) reuse[4];
        ids[chunks] = cId;
        xs[chunks] = cX;
        ys[chunks] = cY;
        ns[chunks] = cN;
        ps[chunks] = cP;
        chunkOffset[chunks] = offset;
        chunks++;
        fill = 0;
    }

    int id(int r) {
        return ids[r >>> bits][r & mask];
    }

    double x(int r) {
        return xs[r >>> bits][r & mask];
    }

    double y(int r) {
        return ys[r >>> bits][r & mask];
    }

    double n(int r) {
        return withN ? ns[r >>> bits][r & mask] : Double.NaN;
    }

    int phase(int r) {
        return withPhase ? ps[r >>> bits][r & mask] : 0;
    }

    /** @return the file offset of the first row of the chunk holding row {@code r} */
    long chunkOffsetOf(int r) {
        return chunkOffset[r >>> bits];
    }

    /**
     * Releases the whole chunks before row {@code r}; row indices shift down by the rows released. Every chunk
     * released is kept for reuse: the reader refills them within the same budget (the grouped fast path releases
     * most of the budget at a time, a spill all of it), and a chunk of 2^17 rows or more is a G1 humongous object,
     * each new one of which starts a concurrent marking cycle in a small heap.
     *
     * @return the number of rows released (a multiple of the chunk size)
     */
    int releaseBefore(int r) {
        final int k = Math.min(r >>> bits, fill == chunk ? chunks : chunks - 1);
        if (k <= 0) {
            return 0;
        }
        for (int c = 0; c < k; c++) {
            recycle(c);
        }
        System.arraycopy(ids, k, ids, 0, chunks - k);
        System.arraycopy(xs, k, xs, 0, chunks - k);
        System.arraycopy(ys, k, ys, 0, chunks - k);
        System.arraycopy(ns, k, ns, 0, chunks - k);
        System.arraycopy(ps, k, ps, 0, chunks - k);
        System.arraycopy(chunkOffset, k, chunkOffset, 0, chunks - k);
        chunks -= k;
        Arrays.fill(ids, chunks, chunks + k, null);
        Arrays.fill(xs, chunks, chunks + k, null);
        Arrays.fill(ys, chunks, chunks + k, null);
        Arrays.fill(ns, chunks, chunks + k, null);
        Arrays.fill(ps, chunks, chunks + k, null);
        size -= k << bits;
        return k << bits;
    }

    private void recycle(int c) {
        free.add(new Object[] {ids[c], xs[c], ys[c], ns[c], ps[c]});
    }

    /** @return the chunks kept for reuse; for tests */
    int spareChunks() {
        return free.size();
    }

    /** Drops the chunks kept for reuse, once no more rows will be added. */
    void dropSpares() {
        free.clear();
    }

    /** Drops every row (after a spill); the chunks are kept for the rows read next (see {@link #dropSpares}). */
    void clear() {
        for (int c = 0; c < chunks; c++) {
            recycle(c);
        }
        Arrays.fill(ids, null);
        Arrays.fill(xs, null);
        Arrays.fill(ys, null);
        Arrays.fill(ns, null);
        Arrays.fill(ps, null);
        chunks = 0;
        size = 0;
        fill = chunk;
        start = null;
        order = null;
    }

    /**
     * Counting sort of the held rows by series id, stable (each series' rows stay in file order): afterwards rows
     * of series s are {@link #order}{@code [start[s], start[s + 1])}. Uses {@code start} (at least
     * {@code series + 1} long) and {@code order} (at least {@link #size} long) if given.
     */
    void group(int series, int[] startBuf, int[] orderBuf) {
        group(series, startBuf, orderBuf, null);
    }

    /**
     * As {@link #group(int, int[], int[])}; with {@code counts} (when the store holds every row read, so that each
     * series' row count in the dictionary is its count here) the counting pass over the rows is skipped.
     */
    void group(int series, int[] startBuf, int[] orderBuf, SeriesKeys counts) {
        final int[] st = startBuf != null && startBuf.length > series ? startBuf : new int[series + 1];
        Arrays.fill(st, 0, series + 1, 0);
        if (counts != null) {
            for (int s = 0; s < series; s++) {
                st[s + 1] = counts.count(s);
            }
        } else {
            for (int r = 0; r < size; r++) {
                st[ids[r >>> bits][r & mask] + 1]++;
            }
        }
        for (int s = 0; s < series; s++) {
            st[s + 1] += st[s];
        }
        final int[] ord = orderBuf != null && orderBuf.length >= size ? orderBuf : new int[size];
        // place each row at next[id]++, using st shifted by one as the running positions
        for (int r = 0; r < size; r++) {
            final int id = ids[r >>> bits][r & mask];
            ord[st[id]++] = r;
        }
        // st[s] now holds the end of s: shift back to starts
        System.arraycopy(st, 0, st, 1, series);
        st[0] = 0;
        start = st;
        order = ord;
    }

    /** @return the first grouped row position of series s (after {@link #group}) */
    int start(int s) {
        return start[s];
    }

    /** @return the row at grouped position i (after {@link #group}) */
    int ordered(int i) {
        return order[i];
    }

    /** @return the number of held rows of series s (after {@link #group}) */
    int rowsOf(int s) {
        return start[s + 1] - start[s];
    }

    /**
     * Copies the rows of series s in file order (after {@link #group}) into the arrays from index {@code at}.
     *
     * @return the number of rows
     */
    int gather(int s, double[] x, double[] y, double[] n, int[] phase, int at) {
        final int from = start[s];
        final int to = start[s + 1];
        final int[] ord = order;
        for (int i = from; i < to; i++) {
            final int r = ord[i];
            final int c = r >>> bits;
            final int o = r & mask;
            final int k = at + i - from;
            x[k] = xs[c][o];
            y[k] = ys[c][o];
            if (withN && n != null) {
                n[k] = ns[c][o];
            }
            if (withPhase && phase != null) {
                phase[k] = ps[c][o];
            }
        }
        return to - from;
    }

    /**
     * Rows {@code [from, to)} as held, for another thread to copy: the chunks that hold them, captured now. The
     * rows stay valid while their chunks are not released ({@link #releaseBefore} and {@link #clear} recycle
     * them), so whoever releases must first wait for the views of those rows to be done with.
     */
    View view(int from, int to) {
        final int c0 = from >>> bits;
        final int c1 = to == from ? c0 : ((to - 1) >>> bits) + 1;
        return new View(bits, from & mask, Arrays.copyOfRange(xs, c0, c1), Arrays.copyOfRange(ys, c0, c1),
                withN ? Arrays.copyOfRange(ns, c0, c1) : null, withPhase ? Arrays.copyOfRange(ps, c0, c1) : null);
    }

    /** Rows in chunks, row 0 at {@code first} of the first chunk; see {@link #view}. */
    static final class View {
        private final int bits;
        private final int first;
        private final double[][] xs;
        private final double[][] ys;
        private final double[][] ns;
        private final int[][] ps;

        private View(int bits, int first, double[][] xs, double[][] ys, double[][] ns, int[][] ps) {
            this.bits = bits;
            this.first = first;
            this.xs = xs;
            this.ys = ys;
            this.ns = ns;
            this.ps = ps;
        }

        /** Copies rows {@code [from, to)} of the view into the arrays from 0 ({@code n}, {@code phase} may be null). */
        void copy(int from, int to, double[] x, double[] y, double[] n, int[] phase) {
            final int chunk = 1 << bits;
            int r = first + from;
            final int end = first + to;
            int k = 0;
            while (r < end) {
                final int c = r >>> bits;
                final int o = r & (chunk - 1);
                final int len = Math.min(end - r, chunk - o);
                System.arraycopy(xs[c], o, x, k, len);
                System.arraycopy(ys[c], o, y, k, len);
                if (ns != null && n != null) {
                    System.arraycopy(ns[c], o, n, k, len);
                }
                if (ps != null && phase != null) {
                    System.arraycopy(ps[c], o, phase, k, len);
                }
                r += len;
                k += len;
            }
        }
    }
}
