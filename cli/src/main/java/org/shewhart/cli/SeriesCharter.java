package org.shewhart.cli;

import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartWorkspace;
import org.shewhart.engine.SpcInputException;

/**
 * Charts the series of one {@link ScanBlock} from their points: the one seam between {@code scan} and the
 * engine. The input is primitive columns (each series' points {@code [pointStart[i], pointStart[i + 1])} of
 * {@code value}, {@code size}, {@code sd}, {@code range}, and its {@link ChartSpec}); the output is the summary
 * columns of the block and, when asked, the per-point columns. Everything else in a scan (reading, grouping,
 * aggregating rows into points, writing) stays the same whichever charter is used, so a batch engine that charts
 * many series at once can take over here. Implementations must be thread-safe: blocks are charted on several
 * threads at once.
 */
interface SeriesCharter {
    /**
     * Charts every series of the block that has no error yet, filling its summary (and point) columns; a series
     * the engine rejects gets the engine's message in {@code error}.
     */
    void chart(ScanBlock b);

    /**
     * The engine, one series at a time, through a {@link ChartWorkspace} per thread that is reused while
     * consecutive series share a spec (a scan with one spec allocates about 150 bytes per series and nothing per
     * point once the workspace has grown to the longest series). A workspace computes exactly what
     * {@link ChartSpec#compute} computes: the latter runs one.
     */
    SeriesCharter ENGINE = new SeriesCharter() {
        private final ThreadLocal<ChartWorkspace[]> cache = ThreadLocal.withInitial(() -> new ChartWorkspace[1]);

        @Override
        public void chart(ScanBlock b) {
            final ChartWorkspace[] held = cache.get();
            for (int i = 0; i < b.count; i++) {
                if (b.error[i] != null) {
                    b.notCharted(i);
                    continue;
                }
                final int from = b.pointStart[i];
                final int m = b.pointStart[i + 1] - from;
                final ChartSpec spec = b.spec[i];
                if (held[0] == null || held[0].spec() != spec) {
                    held[0] = new ChartWorkspace(spec);
                }
                final ChartWorkspace w = held[0];
                try {
                    if (spec.type().isSubgrouped()) {
                        w.computeSubgroups(b.value, b.sd, b.range, b.size, from, m);
                    } else {
                        w.compute(b.value, b.sizes[i] ? b.size : null, from, m);
                    }
                } catch (SpcInputException e) {
                    b.error[i] = e.getMessage();
                    b.notCharted(i);
                    continue;
                }
                final int lastPhase = w.phaseCount() - 1;
                b.nPhases[i] = w.phaseCount();
                b.cl[i] = w.phaseCentre(lastPhase);
                b.sigma[i] = w.phaseSigma(lastPhase);
                b.lcl[i] = w.lowerLimitAt(m - 1);
                b.ucl[i] = w.upperLimitAt(m - 1);
                b.lastType[i] = w.typeAt(m - 1);
                b.variation[i] = w.variation();
                b.assurance[i] = w.assurance() == null ? null : w.assurance().id();
                int first = Integer.MAX_VALUE;
                int lastPoint = -1;
                final int[] counts = b.ruleCounts[i];
                for (int k = 0; k < w.signalCount(); k++) {
                    counts[w.signalRule(k).ordinal()]++;
                    first = Math.min(first, w.signalFirst(k));
                    lastPoint = Math.max(lastPoint, w.signalLast(k));
                }
                b.firstSignal[i] = lastPoint < 0 ? -1 : first;
                b.lastSignal[i] = lastPoint;
                if (b.pValue != null) {
                    for (int p = 0; p < m; p++) {
                        b.pValue[from + p] = w.valueAt(p);
                        b.pCentre[from + p] = w.centreAt(p);
                        b.pLower[from + p] = w.lowerLimitAt(p);
                        b.pUpper[from + p] = w.upperLimitAt(p);
                        b.pRules[from + p] = w.rulesAt(p);
                        b.pType[from + p] = w.typeAt(p);
                        b.pPhase[from + p] = w.phaseAt(p);
                    }
                }
            }
        }
    };
}
