package org.shewhart.engine.live;

import java.util.Arrays;
import java.util.List;
import org.shewhart.engine.PointType;
import org.shewhart.engine.Rule;
import org.shewhart.engine.Signal;

/**
 * The signals of one point-level rule in one phase, kept up to date as points arrive: the maximal stretches of
 * consecutive points the rule flags, split where a directional rule's type changes (the engine's
 * classification). Points are scanned once, lazily, when signals are asked for.
 *
 * <p>A rule can flag or re-side points already scanned: a whole-pattern shift or trend flags the run behind it
 * when it reaches its length, two-of-three flags up to two points back, and a turning point between two trends
 * takes the side of the later one once that one is long enough. The state machine that does so {@link #mark}s
 * the first point it touched; the next scan rewinds to it (truncating or reopening the stretch that ran across
 * it) and rescans from there. Every rewind reaches back at most over the pattern that caused it, so the scans
 * cost O(1) amortised per point. Not thread-safe.
 */
final class Stretches {
    private final LiveChart chart;
    private final PhaseState phase;
    private final Rule rule;
    private final int bit;
    private final boolean directional;
    private final int lookBack;

    /** Closed stretches: first flagged point, last point and type ordinal, in point order. */
    private int[] firsts = new int[4];
    private int[] lasts = new int[4];
    private byte[] types = new byte[4];
    private int count;

    /** Points {@code [phase.from, scanned)} have been scanned. */
    private int scanned;
    /** First flagged point of the stretch ending at {@code scanned - 1}, or -1. */
    private int open = -1;
    /** The open stretch's type (directional rules: that of its first point). */
    private PointType openType;
    /** Earliest point changed since the last scan. */
    private int dirty = Integer.MAX_VALUE;

    Stretches(LiveChart chart, PhaseState phase, Rule rule, int lookBack) {
        this.chart = chart;
        this.phase = phase;
        this.rule = rule;
        this.bit = rule.bit();
        this.directional = rule.isDirectional();
        this.lookBack = lookBack;
        this.scanned = phase.from;
    }

    /** Notes that the rule's flag or side of point i (and maybe later ones) changed after it was scanned. */
    void mark(int i) {
        if (i < dirty) {
            dirty = i;
        }
    }

    /** Brings the stretches up to the end of the phase. */
    void sync() {
        if (dirty < scanned) {
            rewind(dirty);
        }
        dirty = Integer.MAX_VALUE;
        final int to = phase.end();
        final int[] mask = chart.mask;
        for (int i = scanned; i < to; i++) {
            final boolean flagged = (mask[i] & bit) != 0;
            if (open >= 0) {
                if (flagged && (!directional || typeOf(i) == openType)) {
                    continue;
                }
                close(i - 1);
            }
            if (flagged) {
                open = i;
                openType = directional ? typeOf(i) : null;
            }
        }
        scanned = to;
    }

    private void rewind(int d) {
        if (open >= d) {
            open = -1;
        }
        if (open < 0) {
            // a stretch that ended at d - 1 ended because of point d, which may have changed: reopen it; one that
            // ran past d is cut back to d - 1
            while (count > 0 && lasts[count - 1] >= d - 1) {
                count--;
                if (firsts[count] < d) {
                    open = firsts[count];
                    openType = directional ? PointType.values()[types[count]] : null;
                    break;
                }
            }
        }
        scanned = d;
    }

    private void close(int last) {
        if (count == firsts.length) {
            firsts = Arrays.copyOf(firsts, 2 * count);
            lasts = Arrays.copyOf(lasts, 2 * count);
            types = Arrays.copyOf(types, 2 * count);
        }
        firsts[count] = open;
        lasts[count] = last;
        types[count] = (byte) (directional ? openType : typeOf(last, false)).ordinal();
        count++;
        open = -1;
    }

    private PointType typeOf(int i) {
        return typeOf(i, true);
    }

    private PointType typeOf(int i, boolean asDirectional) {
        return chart.rules.type(chart.side(rule, phase, i), directional && asDirectional);
    }

    /** Appends the signals, in point order. Call {@link #sync()} first. */
    void signals(List<Signal> out) {
        for (int k = 0; k < count; k++) {
            out.add(new Signal(rule, Math.max(phase.from, firsts[k] - lookBack), lasts[k],
                    PointType.values()[types[k]]));
        }
        if (open >= 0) {
            out.add(openSignal());
        }
    }

    /** Appends the signal that ends at the phase's last point, if any. Call {@link #sync()} first. */
    void signalAtEnd(List<Signal> out) {
        if (open >= 0) {
            out.add(openSignal());
        }
    }

    private Signal openSignal() {
        final int last = scanned - 1;
        return new Signal(rule, Math.max(phase.from, open - lookBack), last,
                directional ? openType : typeOf(last, false));
    }
}
