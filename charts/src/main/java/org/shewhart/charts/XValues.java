package org.shewhart.charts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * The x of each point: dates (epoch days), numbers or categories, each with the label to show. Dates give a date
 * axis with weekly, monthly or yearly ticks; numbers a number axis; categories one tick per label.
 *
 * <p>This class is immutable and thread-safe: arrays are copied on the way in.
 */
public final class XValues {
    /** What the x values are. */
    enum Kind {
        DATE, NUMBER, CATEGORY
    }

    private final Kind kind;
    private final double[] values;
    private final String[] labels;

    private XValues(Kind kind, double[] values, String[] labels) {
        this.kind = kind;
        this.values = values;
        this.labels = labels;
    }

    /**
     * @param epochDays the date of each point as days since 1970-01-01
     * @param labels the label of each point (same length), e.g. ISO dates
     * @return dates
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static XValues dates(double[] epochDays, String[] labels) {
        return new XValues(Kind.DATE, finite(epochDays, labels), labels.clone());
    }

    /**
     * @param x the number of each point
     * @param labels the label of each point (same length)
     * @return numbers
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static XValues numbers(double[] x, String[] labels) {
        return new XValues(Kind.NUMBER, finite(x, labels), labels.clone());
    }

    /**
     * @param labels the label of each point, drawn in this order at 0, 1, 2, ...
     * @return categories
     */
    public static XValues categories(String[] labels) {
        final double[] x = new double[labels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new XValues(Kind.CATEGORY, x, labels.clone());
    }

    /**
     * Infers the kind: without values, categories; with values, dates when every label is an ISO date
     * ({@code 2024-04-01}) whose epoch day is the value, else numbers.
     *
     * @param labels the label of each point
     * @param values epoch days or numbers, or {@code null} for categories
     * @return the x values
     */
    public static XValues of(String[] labels, double[] values) {
        Objects.requireNonNull(labels, "labels");
        if (values == null) {
            return categories(labels);
        }
        return isDates(labels, values) ? dates(values, labels) : numbers(values, labels);
    }

    private static boolean isDates(String[] labels, double[] values) {
        if (labels.length != values.length || labels.length == 0) {
            return false;
        }
        for (int i = 0; i < labels.length; i++) {
            try {
                if (labels[i] == null || LocalDate.parse(labels[i]).toEpochDay() != values[i]) {
                    return false;
                }
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return true;
    }

    private static double[] finite(double[] x, String[] labels) {
        if (x.length != labels.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x values (%d) and labels (%d) must have the same length", x.length, labels.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "x value at index %d (%s) must be finite", i, x[i]));
            }
        }
        return x.clone();
    }

    Kind kind() {
        return kind;
    }

    /** @return the number of points */
    public int size() {
        return values.length;
    }

    double valueAt(int i) {
        return values[i];
    }

    /**
     * @param i a point index
     * @return the label of point {@code i}, as shown on the axis and in sentences
     */
    public String labelAt(int i) {
        return labels[i];
    }

    String[] labels() {
        return labels.clone();
    }
}
