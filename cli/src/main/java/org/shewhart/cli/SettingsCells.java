package org.shewhart.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.SpcInputException;

/**
 * The cells of a per-indicator settings file ({@code report --settings}, {@code scan --settings}): one reading for
 * both commands, so a settings file means the same to each. An absent column or an empty cell takes the fallback;
 * a cell that does not parse is an error naming file, row, column and value. Stateless.
 */
final class SettingsCells {
    private SettingsCells() {
    }

    /** A parser of one settings cell; throws {@link IllegalArgumentException} with the reason. */
    interface Parser<T> {
        T parse(String text);
    }

    static <T> T parse(CsvTable t, int r, String column, T fallback, Parser<T> parser) {
        if (!t.hasColumn(column)) {
            return fallback;
        }
        final int c = t.column(column, "--settings");
        final String text = t.cell(r, c);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "%s: value '%s': %s", t.where(r, c),
                    CsvTable.show(text), e.getMessage()));
        }
    }

    /** A finite number. */
    static Double number(String text) {
        final double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("must be a finite number");
        }
        return v;
    }

    /** x values separated by {@code ;}, blanks dropped. */
    static List<String> phases(String text) {
        final List<String> out = new ArrayList<>();
        for (String p : text.split(";")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }
}
