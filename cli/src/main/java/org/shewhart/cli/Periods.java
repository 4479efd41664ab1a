package org.shewhart.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.SpcInputException;

/**
 * Raw rows to one point per calendar period ({@code --period day|week|month|quarter --agg count|sum|mean}): one row
 * per event (a fall, an admission) becomes a count per week, month or quarter. Every period from the first to the
 * last is a point: one without rows counts 0 (count, sum), or is missing (mean), never dropped, since a quiet week
 * is data. Weeks start on Monday; points are labelled with the first day of their period. x may carry a time of
 * day ({@code 2024-04-01 08:30}, {@code 01/04/2024 08:30}): only the date counts.
 */
final class Periods {
    /** Calendar periods. */
    enum Period {
        /** A calendar day: several rows on one day make one point, days without rows are kept. */
        DAY,
        /** Monday to Sunday. */
        WEEK,
        /** Calendar month. */
        MONTH,
        /** Calendar quarter: January, April, July, October. */
        QUARTER;

        static Period of(String id) {
            for (Period p : values()) {
                if (p.name().equalsIgnoreCase(id)) {
                    return p;
                }
            }
            throw new SpcInputException(String.format(Locale.ROOT,
                    "unknown --period '%s'; valid: day, week, month, quarter", CsvTable.show(id)));
        }

        LocalDate start(LocalDate d) {
            switch (this) {
                case DAY:
                    return d;
                case WEEK:
                    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH:
                    return d.withDayOfMonth(1);
                case QUARTER:
                default:
                    return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            }
        }

        LocalDate next(LocalDate start) {
            return this == DAY ? start.plusDays(1) : this == WEEK ? start.plusWeeks(1)
                    : start.plusMonths(this == MONTH ? 1 : 3);
        }
    }

    /** How the rows of a period make its value. */
    enum Agg {
        /** The number of rows. */
        COUNT,
        /** The sum of y. */
        SUM,
        /** The mean of y. */
        MEAN;

        static Agg of(String id) {
            for (Agg a : values()) {
                if (a.name().equalsIgnoreCase(id)) {
                    return a;
                }
            }
            throw new SpcInputException(String.format(Locale.ROOT,
                    "unknown --agg '%s'; valid: count, sum, mean", CsvTable.show(id)));
        }
    }

    /** More points than any chart is read for; a guard against a stray year 1900 making millions of weeks. */
    private static final int MAX_PERIODS = 100_000;

    private Periods() {
    }

    /**
     * Reads the rows and aggregates them into one point per period.
     *
     * @param yName the value column; not read for {@code count}
     * @param dateFormat the {@code --date-format}, or null to decide from x
     * @throws SpcInputException if x are not dates, a y is not a number, or the periods are too many
     */
    static ChartInput read(CsvTable t, String xName, String yName, String dateFormat, Period period, Agg agg,
            ChartType type) {
        final int xc = t.column(xName, "--x");
        final int yc = agg == Agg.COUNT ? -1 : t.column(yName, "--y");
        if (t.rowCount() == 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file has a header but no data rows; expected at least 2", t.file()));
        }
        XDates.Format dates = ChartInput.datesOf(t, xc, dateFormat);
        if (dates == null) {
            dates = XDates.detectTimed(t, xc); // event logs carry a time of day; the period needs only the date
        }
        if (dates == null) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: --period needs dates in column '%s', but its values are not all dates in one format (the "
                            + "first is '%s'); give --date-format PATTERN if they are dates", t.file(),
                    CsvTable.show(t.columnName(xc)), CsvTable.show(t.cell(0, xc))));
        }
        final Map<LocalDate, double[]> byStart = new HashMap<>(); // count, sum of y, number of y
        LocalDate first = null;
        LocalDate last = null;
        for (int r = 0; r < t.rowCount(); r++) {
            final LocalDate start = period.start(dates.parse(t.cell(r, xc)));
            final double[] acc = byStart.computeIfAbsent(start, k -> new double[3]);
            acc[0]++;
            if (yc >= 0) {
                final double y = ChartInput.number(t, r, yc);
                ChartInput.check(t, r, yc, -1, y, type);
                if (y == y) {
                    acc[1] += y;
                    acc[2]++;
                }
            }
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || start.isAfter(last) ? start : last;
        }
        final List<String> labels = new ArrayList<>();
        final List<double[]> points = new ArrayList<>();
        for (LocalDate p = first; !p.isAfter(last); p = period.next(p)) {
            if (labels.size() == MAX_PERIODS) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: x runs from %s to %s, more than %d %ss; check for a mistyped year in column '%s'",
                        t.file(), first, last, MAX_PERIODS, period.name().toLowerCase(Locale.ROOT),
                        CsvTable.show(t.columnName(xc))));
            }
            labels.add(p.toString());
            points.add(new double[] {p.toEpochDay(), value(byStart.get(p), agg)});
        }
        final double[] keys = new double[labels.size()];
        final double[] values = new double[labels.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = points.get(i)[0];
            values[i] = points.get(i)[1];
        }
        return ChartInput.periods(dates, labels.toArray(new String[0]), keys, values);
    }

    private static double value(double[] acc, Agg agg) {
        switch (agg) {
            case COUNT:
                return acc == null ? 0 : acc[0];
            case SUM:
                // a period without rows had nothing to add up; one whose values are all missing is missing
                return acc == null ? 0 : acc[2] == 0 ? Double.NaN : acc[1];
            case MEAN:
            default:
                return acc == null || acc[2] == 0 ? Double.NaN : acc[1] / acc[2];
        }
    }
}
