package org.shewhart.cli;

import java.util.regex.Pattern;

/**
 * Reads a number as a person writes it in a CSV file or a spreadsheet export, with one rule per file: where a
 * mark could mean two things, the text is not a number and the message says why, never a guess.
 *
 * <ul>
 *   <li>A file separated by commas (or tabs) has a decimal point: {@code 12}, {@code -0.85}, {@code 1.5e3}.
 *       Thousands may be grouped by commas ({@code "1,234"}, {@code "12,345.6"}: quoted in the file) or by spaces
 *       ({@code 1 234}, also the no-break spaces spreadsheets write), in groups of exactly three digits after a
 *       first group of one to three that does not start with 0. {@code 3,5} is not a number there.</li>
 *   <li>A file separated by semicolons has a decimal comma: {@code 3,5}, {@code -0,85}. Thousands may be grouped
 *       by points or spaces when the number has a decimal comma ({@code 1.234,5}, {@code 1 234}); {@code 1.234}
 *       alone is an error, since it reads as 1234 or as 1.234 depending on who wrote it, and {@code 3.5} is an
 *       error naming the decimal comma expected.</li>
 * </ul>
 *
 * <p>Currency signs, percent signs and units are not numbers here: the message names the value. Stateless.
 */
final class Numbers {
    private static final Pattern POINT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA = Pattern.compile("[+-]?(\\d+(,\\d+)?|,\\d+)([eE][+-]?\\d+)?");
    private static final Pattern POINT_GROUPED = Pattern.compile(
            "[+-]?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?|[+-]?[1-9]\\d{0,2}([ \\u00A0\\u202F]\\d{3})+(\\.\\d+)?");
    private static final Pattern COMMA_GROUPED = Pattern.compile(
            "[+-]?[1-9]\\d{0,2}(\\.\\d{3})+,\\d+|[+-]?[1-9]\\d{0,2}([ \\u00A0\\u202F]\\d{3})+(,\\d+)?");
    /** A point-grouped number without a decimal comma: 1.234 reads two ways. */
    private static final Pattern AMBIGUOUS = Pattern.compile("[+-]?[1-9]\\d{0,2}(\\.\\d{3})+");
    private static final Pattern GROUP_MARKS = Pattern.compile("[ \\u00A0\\u202F]");

    private Numbers() {
    }

    /**
     * The number, or NaN if the text is not one in the file's convention (see {@link #why} for the reason).
     * Empty text is not a number either: callers read it as missing first.
     *
     * @param text trimmed cell text
     * @param decimalComma whether the file writes decimals with a comma
     */
    static double parse(String text, boolean decimalComma) {
        if (decimalComma) {
            if (COMMA.matcher(text).matches()) {
                return Double.parseDouble(text.replace(',', '.'));
            }
            if (COMMA_GROUPED.matcher(text).matches()) {
                return Double.parseDouble(GROUP_MARKS.matcher(text).replaceAll("").replace(".", "")
                        .replace(',', '.'));
            }
            return Double.NaN;
        }
        if (POINT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (POINT_GROUPED.matcher(text).matches()) {
            return Double.parseDouble(GROUP_MARKS.matcher(text).replaceAll("").replace(",", ""));
        }
        return Double.NaN;
    }

    /**
     * What would be valid, for a text that {@link #parse} did not read: a sentence to follow "is not a number".
     */
    static String why(String text, boolean decimalComma) {
        if (decimalComma) {
            if (AMBIGUOUS.matcher(text).matches()) {
                return "; the file is separated by ';', where 1.234 may mean 1234 or 1.234: write 1234, or a "
                        + "decimal comma (1,234)";
            }
            if (POINT.matcher(text).matches()) {
                return "; the file is separated by ';', so decimals are written with a comma (3,5), as Excel "
                        + "writes them in such files";
            }
            return "; write a number such as 12 or 0,85 (the file is separated by ';', so decimals take a comma), "
                    + "or leave the cell empty (or NA) for a missing value";
        }
        if (COMMA.matcher(text).matches()) {
            return "; a decimal comma (3,5) is read only in files separated by ';', and a thousands comma needs "
                    + "groups of three digits (1,234); write 3.5";
        }
        return "; write a decimal number such as 12 or 0.85, or leave the cell empty (or NA) for a missing value";
    }
}
