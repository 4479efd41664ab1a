package org.shewhart.cli;

import java.util.Arrays;
import java.util.Locale;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.SpcInputException;

/**
 * A run of consecutive series ({@code from .. from + count - 1}) charted as one unit of work: their rows (a view of a
 * grouped {@link RowStore}, or copies made by the reading thread), their points, and the results: summary columns
 * and, with {@code --points}, the points as CSV text. {@link #run} aggregates rows into points, chooses each
 * series' spec and phases, hands the block to the {@link SeriesCharter} and formats the points; it runs on a worker
 * thread and touches nothing shared but immutable context.
 */
final class ScanBlock {
    private static final Rule[] RULES = Rule.values();

    final int from;
    final int count;

    // rows: a grouped store, a view of held rows, or copies
    private final RowStore store;
    private final RowStore.View view;
    private final int[] rowStart;
    private final double[] rx;
    private final double[] ry;
    private final double[] rn;
    private final int[] rp;

    // per series, resolved by the reading thread
    final int[] settings;
    /** Each series' key, one string per key column: set for the JSON summary and for series that failed. */
    final String[][] keys;
    /** Each series' key as the first CSV fields, quoted where needed, each followed by a comma. */
    final byte[][] keyText;

    // points
    int[] pointStart;
    double[] key;
    double[] value;
    double[] size;
    double[] sd;
    double[] range;
    boolean[] sizes;
    ChartSpec[] spec;

    // summary
    final int[] nPoints;
    final int[] nPhases;
    final double[] cl;
    final double[] sigma;
    final double[] lcl;
    final double[] ucl;
    final PointType[] lastType;
    final PointType[] variation;
    final String[] assurance;
    final int[][] ruleCounts;
    final int[] firstSignal;
    final int[] lastSignal;
    final String[] error;

    // per point, with --points
    double[] pValue;
    double[] pCentre;
    double[] pLower;
    double[] pUpper;
    int[] pRules;
    PointType[] pType;
    int[] pPhase;
    byte[] pointsText;
    /** The summary rows, formatted on the worker. */
    byte[] summaryText;

    private ScanBlock(int from, int count, RowStore store, RowStore.View view, int[] rowStart, double[] x,
            double[] y, double[] n, int[] p) {
        this.from = from;
        this.count = count;
        this.store = store;
        this.view = view;
        this.rowStart = rowStart;
        this.rx = x;
        this.ry = y;
        this.rn = n;
        this.rp = p;
        settings = new int[count];
        keys = new String[count][];
        keyText = new byte[count][];
        nPoints = new int[count];
        nPhases = new int[count];
        cl = new double[count];
        sigma = new double[count];
        lcl = new double[count];
        ucl = new double[count];
        lastType = new PointType[count];
        variation = new PointType[count];
        assurance = new String[count];
        ruleCounts = new int[count][RULES.length];
        firstSignal = new int[count];
        lastSignal = new int[count];
        error = new String[count];
    }

    /** A block reading its rows from a grouped store, on the worker. */
    static ScanBlock ofStore(int from, int count, RowStore store) {
        return new ScanBlock(from, count, store, null, null, null, null, null, null);
    }

    /**
     * A block whose rows are a view of rows held in file order (series {@code i}'s rows are
     * {@code [rowStart[i], rowStart[i + 1])} of it), copied on the worker: the reading thread neither allocates nor
     * copies them.
     */
    static ScanBlock ofView(int from, int count, int[] rowStart, RowStore.View view) {
        return new ScanBlock(from, count, null, view, rowStart, null, null, null, null);
    }

    /**
     * A block with its own rows: series {@code i}'s rows are {@code [rowStart[i], rowStart[i + 1])} of the arrays
     * ({@code n}, {@code p} may be null).
     */
    static ScanBlock ofRows(int from, int count, int[] rowStart, double[] x, double[] y, double[] n, int[] p) {
        return new ScanBlock(from, count, null, null, rowStart, x, y, n, p);
    }

    /** Marks series i as not charted: NaN lines, no types. */
    void notCharted(int i) {
        cl[i] = Double.NaN;
        sigma[i] = Double.NaN;
        lcl[i] = Double.NaN;
        ucl[i] = Double.NaN;
        firstSignal[i] = -1;
        lastSignal[i] = -1;
    }

    private int rows(int i) {
        return store != null ? store.rowsOf(from + i) : rowStart[i + 1] - rowStart[i];
    }

    /** Aggregates, charts and formats; on a worker thread. */
    void run(ScanRun.Context ctx, ScanRun.Scratch sc0) {
        ScanRun.Scratch sc = sc0;
        pointStart = new int[count + 1];
        sizes = new boolean[count];
        spec = new ChartSpec[count];
        // a series has at most as many points as rows: size the point columns once for the whole block
        long allRows = 0;
        for (int i = 0; i < count; i++) {
            allRows += rows(i);
        }
        // the point columns are the thread's own, reused from block to block
        key = sc.pointKey;
        value = sc.pointValue;
        size = sc.pointSize;
        sd = sc.pointSd;
        range = sc.pointRange;
        if (allRows > key.length && allRows <= Integer.MAX_VALUE - 8) {
            grow((int) allRows);
        }
        int total = 0;
        for (int i = 0; i < count; i++) {
            final int rows = rows(i);
            sc = sc.ensure(rows);
            if (store != null) {
                store.gather(from + i, sc.x, sc.y, sc.n, sc.phase, 0);
            } else if (view != null) {
                view.copy(rowStart[i], rowStart[i + 1], sc.x, sc.y, ctx.hasSizes ? sc.n : null,
                        ctx.hasPhases ? sc.phase : null);
            } else {
                final int r0 = rowStart[i];
                System.arraycopy(rx, r0, sc.x, 0, rows);
                System.arraycopy(ry, r0, sc.y, 0, rows);
                if (rn != null) {
                    System.arraycopy(rn, r0, sc.n, 0, rows);
                }
                if (rp != null) {
                    System.arraycopy(rp, r0, sc.phase, 0, rows);
                }
            }
            final ChartSpec base = ctx.specs[settings[i]];
            final ChartType type = base.type();
            sizes[i] = ctx.hasSizes && !type.isSubgrouped();
            final int m = SeriesPoints.aggregate(rows, sc, sizes[i], type, ctx.hasPhases);
            nPoints[i] = m;
            if (total + m > key.length) {
                grow((int) Math.min(Integer.MAX_VALUE - 8, Math.max(total + m, key.length * 2L)));
            }
            System.arraycopy(sc.key, 0, key, total, m);
            System.arraycopy(sc.value, 0, value, total, m);
            System.arraycopy(sc.size, 0, size, total, m);
            if (type.isSubgrouped()) {
                System.arraycopy(sc.sd, 0, sd, total, m);
                System.arraycopy(sc.range, 0, range, total, m);
            }
            total += m;
            pointStart[i + 1] = total;
            spec[i] = phases(ctx, sc, m, i, base);
        }
        if (ctx.withPoints) {
            pValue = new double[total];
            pCentre = new double[total];
            pLower = new double[total];
            pUpper = new double[total];
            pRules = new int[total];
            pType = new PointType[total];
            pPhase = new int[total];
        }
        ctx.charter.chart(this);
        if (ctx.withPoints) {
            pointsText = points(ctx);
            pValue = null;
            pCentre = null;
            pLower = null;
            pUpper = null;
            pRules = null;
            pType = null;
            pPhase = null;
        }
        // the summary keeps only the x of the first and last signal: drop the points
        final double[] firstX = new double[count];
        final double[] lastX = new double[count];
        for (int i = 0; i < count; i++) {
            firstX[i] = firstSignal[i] < 0 ? Double.NaN : key[pointStart[i] + firstSignal[i]];
            lastX[i] = lastSignal[i] < 0 ? Double.NaN : key[pointStart[i] + lastSignal[i]];
        }
        firstSignalX = firstX;
        lastSignalX = lastX;
        sc.pointKey = key;
        sc.pointValue = value;
        sc.pointSize = size;
        sc.pointSd = sd;
        sc.pointRange = range;
        key = null;
        value = null;
        size = null;
        sd = null;
        range = null;
    }

    /** The x of each series' first and last signal point, NaN for none (after {@link #run}). */
    double[] firstSignalX;
    double[] lastSignalX;

    private void grow(int cap) {
        key = Arrays.copyOf(key, cap);
        value = Arrays.copyOf(value, cap);
        size = Arrays.copyOf(size, cap);
        sd = Arrays.copyOf(sd, cap);
        range = Arrays.copyOf(range, cap);
    }

    /** The spec of series i with its phases: where the phase column changes, and its settings' phase-at. */
    private ChartSpec phases(ScanRun.Context ctx, ScanRun.Scratch sc, int m, int i, ChartSpec base) {
        if (sc.conflict >= 0) {
            error[i] = String.format(Locale.ROOT,
                    "the rows at x %s are in phases '%s' and '%s' (column '%s'); rows of one point must share a "
                            + "phase", Feed.label(ctx.kind, sc.key[sc.conflict]),
                    CsvTable.show(ctx.phaseLabel(sc.conflictA)), CsvTable.show(ctx.phaseLabel(sc.conflictB)),
                    CsvTable.show(ctx.phaseColumn));
            return base;
        }
        int[] starts = new int[0];
        int n = 0;
        if (ctx.hasPhases) {
            for (int k = 1; k < m; k++) {
                if (sc.pointPhase[k] != sc.pointPhase[k - 1]) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, Math.max(4, n * 2));
                    }
                    starts[n++] = k;
                }
            }
        }
        final double[] at = ctx.phaseAt[settings[i]];
        for (int j = 0; at != null && j < at.length; j++) {
            final int k = Arrays.binarySearch(sc.key, 0, m, at[j]);
            final String x = Feed.label(ctx.kind, at[j]);
            if (k < 0) {
                error[i] = String.format(Locale.ROOT, "phase-at %s (settings row %d) is not an x of this series",
                        x, ctx.settingsLine[settings[i]]);
                return base;
            }
            if (k == 0) {
                error[i] = String.format(Locale.ROOT,
                        "phase-at %s (settings row %d) is the first point; a new phase must start after it", x,
                        ctx.settingsLine[settings[i]]);
                return base;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, Math.max(4, n * 2));
            }
            starts[n++] = k;
        }
        if (n == 0) {
            return base;
        }
        try {
            return base.toBuilder().phaseStarts(Arrays.copyOf(starts, n)).build();
        } catch (SpcInputException e) {
            error[i] = e.getMessage();
            return base;
        }
    }

    /** The points of every charted series as CSV rows: keys, x, y, n, phase, cl, lcl, ucl, signals, type. */
    private byte[] points(ScanRun.Context ctx) {
        final ByteText t = new ByteText(96 * Math.max(1, pointStart[count]));
        for (int i = 0; i < count; i++) {
            if (error[i] != null) {
                continue;
            }
            final boolean showSize = sizes[i] || spec[i].type().isSubgrouped();
            for (int p = pointStart[i]; p < pointStart[i + 1]; p++) {
                t.bytes(keyText[i]).label(ctx.kind, key[p]).ch(',').number(pValue[p]).ch(',');
                if (showSize) {
                    t.number(size[p]);
                }
                t.ch(',').integer(pPhase[p]).ch(',').number(pCentre[p]).ch(',').number(pLower[p]).ch(',')
                        .number(pUpper[p]).ch(',');
                final int mask = pRules[p];
                boolean any = false;
                for (Rule rule : RULES) {
                    if ((mask & rule.bit()) != 0) {
                        if (any) {
                            t.ch(';');
                        }
                        t.ascii(rule.id());
                        any = true;
                    }
                }
                t.ch(',').ascii(pType[p].id()).ch('\n');
            }
        }
        return t.toArray();
    }
}
