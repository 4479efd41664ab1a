package org.shewhart.charts.pack;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.shewhart.engine.ChartResult;

/**
 * Numbers of one indicator as text, all with the same decimals, chosen from the spread of its values: three
 * significant figures of the spread, between 0 and 4 decimals. Missing values are "-". Not thread-safe.
 */
final class NumberText {
    private final DecimalFormat format;

    NumberText(ChartResult r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.size(); i++) {
            final double v = r.valueAt(i);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double spread = hi - lo;
        if (!(spread > 0)) {
            spread = Double.isFinite(hi) && hi != 0 ? Math.abs(hi) : 1;
        }
        final int decimals = (int) Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(spread))));
        format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    String format(double v) {
        return Double.isFinite(v) ? format.format(v) : "-";
    }
}
