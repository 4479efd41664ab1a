package org.shewhart.engine;

import java.util.StringJoiner;
import java.util.function.Function;

/** Formats the list of valid identifiers for error messages. No instances. */
final class Ids {
    private Ids() {
    }

    static <T> String list(T[] values, Function<T, String> id) {
        StringJoiner j = new StringJoiner(", ");
        for (T v : values) {
            j.add(id.apply(v));
        }
        return j.toString();
    }
}
