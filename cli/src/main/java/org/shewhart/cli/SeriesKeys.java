package org.shewhart.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The series of a feed: each distinct key once, numbered in the order of its first row. A key is stored as
 * composite bytes, per key column a 2-byte length and the trimmed, unescaped UTF-8 bytes, in one arena; ids are
 * found by open addressing. Per series it also holds its number of rows, the series that followed it last
 * ({@link #successor}, the reader's guess for the next row) and the index of its settings.
 *
 * <p><b>Memory.</b> 30-40 bytes a series plus the key bytes (offsets, hashes, counts, successors, settings and a
 * table at most half full; arrays double as they grow, so briefly more). This is the one part of a scan that grows
 * with the number of series and is always held: 10^6 series of 8-byte keys take about 50 MB.
 * Not thread-safe while being added to; safe to read from several threads once no more keys are added.
 */
final class SeriesKeys {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final int columns;
    private byte[] arena = new byte[1 << 10];
    private int arenaLen;
    /** Offsets into the arena: key {@code id} is {@code arena[off[id], off[id + 1])}. */
    private int[] off = new int[65];
    private int[] hash = new int[64];
    private int[] count = new int[64];
    private int[] succ = new int[64];
    private int[] settings;
    private int size;
    private int[] table = new int[128];

    /**
     * @param columns the number of key columns
     * @param withSettings whether to hold a settings index per series
     */
    SeriesKeys(int columns, boolean withSettings) {
        this.columns = columns;
        this.settings = withSettings ? new int[64] : null;
    }

    /** @return the number of series */
    int size() {
        return size;
    }

    /** @return the number of key columns */
    int columns() {
        return columns;
    }

    /** @return the rows of a series read so far */
    int count(int id) {
        return count[id];
    }

    /** Counts one more row of a series. */
    void countRow(int id) {
        count[id]++;
    }

    /** @return the largest number of rows of any series */
    int maxCount() {
        int m = 0;
        for (int s = 0; s < size; s++) {
            m = Math.max(m, count[s]);
        }
        return m;
    }

    /** @return the series whose row followed a row of {@code id} last, or {@code id} itself at first */
    int successor(int id) {
        return succ[id];
    }

    /** Records that a row of {@code next} followed a row of {@code id}. */
    void follow(int id, int next) {
        if (succ[id] != next) {
            succ[id] = next;
        }
    }

    /** @return the settings index of a series (0 without settings) */
    int settings(int id) {
        return settings == null ? 0 : settings[id];
    }

    /** Sets the settings index of a series. */
    void settings(int id, int index) {
        settings[id] = index;
    }

    /**
     * Whether series {@code id} has a one-column key equal to {@code b[s, e)}: the reader's check of its guess.
     */
    boolean matches(int id, byte[] b, int s, int e) {
        final int o = off[id];
        final int n = e - s;
        if (off[id + 1] - o != n + 2 || arena[o] != (byte) (n >>> 8) || arena[o + 1] != (byte) n) {
            return false;
        }
        return equal(arena, o + 2, b, s, n);
    }

    /** Whether series {@code id} has the composite key {@code key[0, n)}. */
    boolean matches(int id, byte[] key, int n) {
        final int o = off[id];
        return off[id + 1] - o == n && equal(arena, o, key, 0, n);
    }

    /** Byte equality, a word at a time. */
    static boolean equal(byte[] a, int ai, byte[] b, int bi, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if ((long) LONG.get(a, ai + i) != (long) LONG.get(b, bi + i)) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (a[ai + i] != b[bi + i]) {
                return false;
            }
        }
        return true;
    }

    /** The hash of a composite key: words mixed, then MurmurHash3's finaliser (keys like S0000001 cluster). */
    static int hash(byte[] key, int n) {
        long h = n;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            h = (h ^ (long) LONG.get(key, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < n; i++) {
            h = (h ^ (key[i] & 0xFF)) * 0x100000001B3L;
        }
        int x = (int) (h ^ (h >>> 32));
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        x ^= x >>> 16;
        return x;
    }

    /** @return the id of the composite key {@code key[0, n)} with hash {@code h}, or -1 if it is new */
    int find(byte[] key, int n, int h) {
        final int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            final int id = table[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hash[id] == h && matches(id, key, n)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds a new composite key (not present); @return its id */
    int add(byte[] key, int n, int h) {
        final int id = size;
        if (id + 1 == off.length) {
            final int cap = id * 2;
            off = Arrays.copyOf(off, cap + 1);
            hash = Arrays.copyOf(hash, cap);
            count = Arrays.copyOf(count, cap);
            succ = Arrays.copyOf(succ, cap);
            if (settings != null) {
                settings = Arrays.copyOf(settings, cap);
            }
        }
        if (arenaLen + n > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(arena.length * 2L, (long) arenaLen + n)));
        }
        System.arraycopy(key, 0, arena, arenaLen, n);
        arenaLen += n;
        off[id + 1] = arenaLen;
        hash[id] = h;
        succ[id] = id;
        size++;
        final int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        final int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    /** @return the hash of series {@code id}'s composite key */
    int hashOf(int id) {
        return hash[id];
    }

    /** @return the length of series {@code id}'s composite key in bytes */
    int keyLength(int id) {
        return off[id + 1] - off[id];
    }

    /** Copies series {@code id}'s composite key into {@code dst} from index {@code at}. */
    void copyKey(int id, byte[] dst, int at) {
        System.arraycopy(arena, off[id], dst, at, off[id + 1] - off[id]);
    }

    /** @return the key of a series, one string per key column */
    String[] key(int id) {
        return key(arena, off[id], columns);
    }

    private static String[] key(byte[] arena, int at, int columns) {
        final String[] out = new String[columns];
        int p = at;
        for (int k = 0; k < columns; k++) {
            final int len = ((arena[p] & 0xFF) << 8) | (arena[p + 1] & 0xFF);
            out[k] = new String(arena, p + 2, len, StandardCharsets.UTF_8);
            p += 2 + len;
        }
        return out;
    }

    /**
     * The keys of series {@code [from, from + count)} as they are now, for another thread to decode while keys are
     * still added here: the key bytes are only ever appended (a grown arena is a copy, and the old one keeps its
     * bytes), so the arena and offsets captured here stay valid. Pass it to the other thread with a
     * happens-before edge (an executor's submit).
     */
    Snapshot snapshot(int from, int count) {
        return new Snapshot(arena, Arrays.copyOfRange(off, from, from + count), columns);
    }

    /** See {@link #snapshot}. */
    static final class Snapshot {
        private final byte[] arena;
        private final int[] at;
        private final int columns;

        private Snapshot(byte[] arena, int[] at, int columns) {
            this.arena = arena;
            this.at = at;
            this.columns = columns;
        }

        /** @return key {@code i} of the snapshot, one string per key column */
        String[] key(int i) {
            return SeriesKeys.key(arena, at[i], columns);
        }

        /**
         * Key {@code i} as the first fields of a CSV row, each followed by a comma: its UTF-8 bytes as they are,
         * unless a field needs quoting (a comma, quote or line break in it), which goes through
         * {@link ScanOutput#quote}.
         */
        byte[] csvFields(int i) {
            int p = at[i];
            int bytes = 0;
            for (int k = 0; k < columns; k++) {
                final int len = ((arena[p] & 0xFF) << 8) | (arena[p + 1] & 0xFF);
                for (int j = p + 2; j < p + 2 + len; j++) {
                    final byte c = arena[j];
                    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                        return quoted(i);
                    }
                }
                bytes += len + 1;
                p += 2 + len;
            }
            final byte[] out = new byte[bytes];
            p = at[i];
            int o = 0;
            for (int k = 0; k < columns; k++) {
                final int len = ((arena[p] & 0xFF) << 8) | (arena[p + 1] & 0xFF);
                System.arraycopy(arena, p + 2, out, o, len);
                o += len;
                out[o++] = ',';
                p += 2 + len;
            }
            return out;
        }

        private byte[] quoted(int i) {
            final StringBuilder sb = new StringBuilder();
            for (String k : key(i)) {
                sb.append(ScanOutput.quote(k)).append(',');
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** @return key column {@code k} of a series */
    String key(int id, int k) {
        int p = off[id];
        for (int j = 0; j < k; j++) {
            p += 2 + (((arena[p] & 0xFF) << 8) | (arena[p + 1] & 0xFF));
        }
        final int len = ((arena[p] & 0xFF) << 8) | (arena[p + 1] & 0xFF);
        return new String(arena, p + 2, len, StandardCharsets.UTF_8);
    }
}
