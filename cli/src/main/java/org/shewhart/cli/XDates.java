package org.shewhart.cli;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shewhart.engine.SpcInputException;

/**
 * The ways an x column is read as dates besides ISO yyyy-mm-dd: UK day/month/year ({@code 01/04/2024},
 * {@code 1/4/2024}), month and year ({@code Apr-2024}, {@code April 2024}: the first of the month), ISO weeks
 * ({@code 2024-W14}: its Monday), or a java.time pattern given with {@code --date-format}.
 *
 * <p>A column is read in one of these only when every x has its shape, and never by a guess: slash dates are
 * day/month/year (the product is for NHS teams), and one whose second number cannot be a month (04/25/2024) is an
 * error suggesting {@code --date-format MM/dd/yyyy}. Year-month such as {@code 2011-07} is not a date here: it stays
 * a text category, as the reference cases expect.
 */
final class XDates {
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})[- ](\\d{4})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-[Ww](\\d{1,2})");
    /** A date and a time of day (hh:mm, hh:mm:ss, fractions of a second), as event logs and Excel write them. */
    private static final Pattern TIMED = Pattern.compile(
            "(\\S+)[T ]([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    /** ISO yyyy-mm-dd, as x has always been read. */
    static final Format ISO = new Format("yyyy-mm-dd", XDates::iso);
    /** UK day/month/year. */
    static final Format UK = new Format("dd/mm/yyyy", XDates::uk);
    /** Month name and year, as the first of the month. */
    static final Format MONTH = new Format("month year (Apr-2024)", XDates::monthYear);
    /** ISO week, as its Monday. */
    static final Format ISO_WEEK = new Format("ISO week (2024-W14)", XDates::isoWeek);

    private XDates() {
    }

    /** One way of reading text as a date. */
    static final class Format {
        private final String name;
        private final Function<String, LocalDate> parse;

        private Format(String name, Function<String, LocalDate> parse) {
            this.name = name;
            this.parse = parse;
        }

        /** The date, or null if the text is not one in this format. */
        LocalDate parse(String text) {
            return parse.apply(text);
        }

        /** The format in words, for messages. */
        String name() {
            return name;
        }
    }

    /**
     * The format every x of a text column has, or null if there is none (the column stays text).
     *
     * @throws SpcInputException for slash dates that are not day/month/year (naming the row and suggesting
     *     {@code --date-format MM/dd/yyyy}), or a date of the column's shape that does not exist (31/02/2024, W54)
     */
    static Format detect(CsvTable t, int xc) {
        if (all(t, xc, SLASH)) {
            for (int r = 0; r < t.rowCount(); r++) {
                checkUk(t, r, xc, t.cell(r, xc));
            }
            return UK;
        }
        if (all(t, xc, MONTH_YEAR)) {
            for (int r = 0; r < t.rowCount(); r++) {
                if (monthYear(t.cell(r, xc)) == null) {
                    return null; // words that are not months (Ward-2024): categories
                }
            }
            return MONTH;
        }
        if (all(t, xc, WEEK)) {
            for (int r = 0; r < t.rowCount(); r++) {
                final String x = t.cell(r, xc);
                if (isoWeek(x) == null) {
                    throw new SpcInputException(String.format(Locale.ROOT,
                            "%s: '%s' is not an ISO week; weeks run from W01 to W52 or W53", t.where(r, xc),
                            CsvTable.show(x)));
                }
            }
            return ISO_WEEK;
        }
        return null;
    }

    /**
     * For {@code --period}: the format of x that are all a date and a time of day ({@code 2024-04-01 08:30},
     * {@code 2024-04-01T08:30:00}, {@code 01/04/2024 08:30}), read as their date; null if they are not.
     *
     * @throws SpcInputException for slash dates that are not day/month/year, as {@link #detect}
     */
    static Format detectTimed(CsvTable t, int xc) {
        if (!all(t, xc, TIMED)) {
            return null;
        }
        boolean iso = true;
        for (int r = 0; r < t.rowCount() && iso; r++) {
            iso = iso(datePart(t.cell(r, xc))) != null;
        }
        if (iso) {
            return new Format("yyyy-mm-dd hh:mm", x -> iso(datePart(x)));
        }
        for (int r = 0; r < t.rowCount(); r++) {
            if (!SLASH.matcher(datePart(t.cell(r, xc))).matches()) {
                return null;
            }
        }
        for (int r = 0; r < t.rowCount(); r++) {
            checkUk(t, r, xc, datePart(t.cell(r, xc)));
        }
        return new Format("dd/mm/yyyy hh:mm", x -> uk(datePart(x)));
    }

    private static String datePart(String x) {
        final Matcher m = TIMED.matcher(x);
        return m.matches() ? m.group(1) : x;
    }

    /** Fails for slash date text that is not day/month/year, suggesting US order where it fits. */
    private static void checkUk(CsvTable t, int r, int xc, String date) {
        if (uk(date) != null) {
            return;
        }
        final Matcher m = SLASH.matcher(date);
        m.matches();
        final int first = Integer.parseInt(m.group(1));
        final int second = Integer.parseInt(m.group(2));
        final String cell = t.cell(r, xc);
        final String time = cell.equals(date) ? "" : cell.chars().filter(c -> c == ':').count() == 2 ? " H:mm:ss"
                : " H:mm";
        final String us = second > 12 && first <= 12
                ? "; it looks like US month/day/year: give --date-format 'MM/dd/yyyy" + time + "' if the whole "
                        + "column is written that way"
                : "";
        throw new SpcInputException(String.format(Locale.ROOT,
                "%s: '%s' is not a date in day/month/year (dd/mm/yyyy), the order slash dates are read in%s",
                t.where(r, xc), CsvTable.show(cell), us));
    }

    private static boolean all(CsvTable t, int xc, Pattern shape) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (!shape.matcher(t.cell(r, xc)).matches()) {
                return false;
            }
        }
        return t.rowCount() > 0;
    }

    /**
     * The format of {@code --date-format}: a java.time pattern (English month names, any case); a pattern
     * without a day reads the first of the month.
     *
     * @throws SpcInputException if the pattern is not valid
     */
    static Format pattern(String pattern) {
        final DateTimeFormatter f;
        try {
            final DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(strictYears(pattern));
            if (!hasLetter(pattern, "dDeEcwWFY")) {
                b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
            }
            f = b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--date-format '%s' is not a valid date pattern (%s); use java.time letters such as dd/MM/yyyy "
                            + "or MMM-yyyy", CsvTable.show(pattern), CsvTable.show(String.valueOf(e.getMessage()))));
        }
        return new Format("--date-format " + pattern, text -> {
            try {
                return LocalDate.from(f.parse(text));
            } catch (DateTimeException e) {
                return null;
            }
        });
    }

    /** Under the strict resolver, year-of-era (y) needs an era: read it as the proleptic year (u) unless G is used. */
    private static String strictYears(String pattern) {
        if (hasLetter(pattern, "G")) {
            return pattern;
        }
        final StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(!quoted && c == 'y' ? 'u' : c);
        }
        return sb.toString();
    }

    private static boolean hasLetter(String pattern, String letters) {
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && letters.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    static LocalDate iso(String x) {
        if (x.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(x);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static LocalDate uk(String x) {
        final Matcher m = SLASH.matcher(x);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static LocalDate monthYear(String x) {
        final Matcher m = MONTH_YEAR.matcher(x);
        if (!m.matches()) {
            return null;
        }
        final Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
        return month == null ? null : LocalDate.of(Integer.parseInt(m.group(2)), month, 1);
    }

    static LocalDate isoWeek(String x) {
        final Matcher m = WEEK.matcher(x);
        if (!m.matches()) {
            return null;
        }
        final int week = Integer.parseInt(m.group(2));
        // 4 January is always in week 1 of its week-based year
        final LocalDate jan4 = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4);
        if (week < 1 || week > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).getMaximum()) {
            return null;
        }
        return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }
}
