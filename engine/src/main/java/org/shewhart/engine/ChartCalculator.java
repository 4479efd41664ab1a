package org.shewhart.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link ChartResult} from a {@link ChartSpec} and a {@link Series}: a {@link ChartWorkspace} that
 * allocates the result's arrays does the work (per phase the centre and sigma, then limits and zone lines, the
 * profile's rules, point types, signals, variation and assurance), and the notes on missing values and limits are
 * added here. Stateless; no instances.
 */
final class ChartCalculator {
    private ChartCalculator() {
    }

    static ChartResult compute(ChartSpec spec, Series series) {
        final ChartWorkspace w = ChartWorkspace.single(spec);
        w.run(series.values(), series.sizes(), series.sds(), series.ranges(), series.size());
        return w.result(notes(spec, series, w));
    }

    /** States why a point has no value or no limits where the data, not the method, is the reason. */
    private static List<Note> notes(ChartSpec spec, Series series, ChartWorkspace r) {
        final List<Note> notes = new ArrayList<>();
        final ChartType type = spec.type();
        for (int i = 0; i < r.size(); i++) {
            final double size = series.sizeAt(i);
            if (type.isSubgrouped() && size < 2 && series.valueAt(i) == series.valueAt(i)
                    && (type == ChartType.S || type == ChartType.R || r.upperLimitAt(i) != r.upperLimitAt(i))) {
                notes.add(new Note(i, type == ChartType.S || type == ChartType.R
                        ? "a subgroup of one observation has no standard deviation or range: no value, no limits"
                        : "a subgroup of one observation: no limits (sigma / sqrt(n) needs c4(n), n >= 2)"));
            } else if (series.hasSizes() && !type.isSubgrouped() && size == 0) {
                notes.add(new Note(i, series.valueAt(i) == 0 || series.valueAt(i) != series.valueAt(i)
                        ? "zero denominator: no value, no limits"
                        : "zero denominator with a positive count: an infinite rate, shown without a value or "
                                + "limits"));
            } else if (series.valueAt(i) != series.valueAt(i)) {
                notes.add(new Note(i, "missing value: drawn as a gap, left out of every calculation"));
            }
        }
        return notes;
    }
}
