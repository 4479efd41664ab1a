package org.shewhart.cli;

import java.util.Arrays;
import java.util.List;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.Phase;
import org.shewhart.engine.Series;
import org.shewhart.engine.Signal;
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

    /** The engine's {@link ChartSpec#compute}, one series at a time. */
    SeriesCharter ENGINE = b -> {
        for (int i = 0; i < b.count; i++) {
            if (b.error[i] != null) {
                b.notCharted(i);
                continue;
            }
            final int from = b.pointStart[i];
            final int to = b.pointStart[i + 1];
            final int m = to - from;
            final ChartSpec spec = b.spec[i];
            final double[] v = Arrays.copyOfRange(b.value, from, to);
            final Series series;
            if (spec.type().isSubgrouped()) {
                series = Series.ofSubgroups(v, Arrays.copyOfRange(b.sd, from, to),
                        Arrays.copyOfRange(b.range, from, to), Arrays.copyOfRange(b.size, from, to));
            } else {
                series = b.sizes[i] ? Series.of(v, Arrays.copyOfRange(b.size, from, to)) : Series.of(v);
            }
            final ChartResult r;
            try {
                r = spec.compute(series);
            } catch (SpcInputException e) {
                b.error[i] = e.getMessage();
                b.notCharted(i);
                continue;
            }
            final List<Phase> phases = r.phases();
            b.nPhases[i] = phases.size();
            final Phase last = phases.get(phases.size() - 1);
            b.cl[i] = last.centre();
            b.sigma[i] = last.sigma();
            b.lcl[i] = r.lowerLimitAt(m - 1);
            b.ucl[i] = r.upperLimitAt(m - 1);
            b.lastType[i] = r.typeAt(m - 1);
            b.variation[i] = r.variation();
            b.assurance[i] = r.assurance() == null ? null : r.assurance().id();
            int first = Integer.MAX_VALUE;
            int lastPoint = -1;
            for (Signal sig : r.signals()) {
                b.ruleCounts[i][sig.rule().ordinal()]++;
                first = Math.min(first, sig.first());
                lastPoint = Math.max(lastPoint, sig.last());
            }
            b.firstSignal[i] = lastPoint < 0 ? -1 : first;
            b.lastSignal[i] = lastPoint;
            if (b.pValue != null) {
                for (int p = 0; p < m; p++) {
                    b.pValue[from + p] = r.valueAt(p);
                    b.pCentre[from + p] = r.centreAt(p);
                    b.pLower[from + p] = r.lowerLimitAt(p);
                    b.pUpper[from + p] = r.upperLimitAt(p);
                    b.pRules[from + p] = r.rulesAt(p);
                    b.pType[from + p] = r.typeAt(p);
                    b.pPhase[from + p] = r.phaseAt(p);
                }
            }
        }
    };
}
