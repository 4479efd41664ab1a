package org.shewhart.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Words drawn on a chart that come from the user rather than from the engine: a name for each phase ("Before",
 * "PDSA 1") and annotations, the dated notes of improvement work ("New falls bundle"), each drawn as a vertical
 * marker at its x with its text at the top of the plot. Kept apart from {@link ChartStyle}, which says how a chart
 * looks, because these belong to one chart's data:
 *
 * <pre>{@code
 * ChartLabels labels = ChartLabels.NONE.withPhaseNames(List.of("Before", "PDSA 1"))
 *         .withAnnotations(List.of(new ChartLabels.Annotation(LocalDate.of(2024, 3, 4).toEpochDay(), "Bundle")));
 * JFreeChart chart = ChartRenderer.render(result, x, style, labels);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChartLabels {
    /** No phase names (phases are "Phase 1", "Phase 2", ...) and no annotations. */
    public static final ChartLabels NONE = new ChartLabels(List.of(), List.of());

    private final List<String> phaseNames;
    private final List<Annotation> annotations;

    /**
     * One annotation: a vertical marker at x with a short text.
     *
     * @param x where, in the units of the chart's {@link XValues}: epoch days for dates, the number for numbers,
     *     the index (0, 1, 2, ...) of the category for text categories
     * @param text what happened; drawn on one line, cut with "..." if long
     */
    public record Annotation(double x, String text) {
        /**
         * Checks the parts.
         *
         * @throws IllegalArgumentException if x is not finite
         * @throws NullPointerException if text is null
         */
        public Annotation {
            Objects.requireNonNull(text, "text");
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "annotation x (%s) must be finite", x));
            }
        }
    }

    private ChartLabels(List<String> phaseNames, List<Annotation> annotations) {
        this.phaseNames = phaseNames;
        this.annotations = annotations;
    }

    /**
     * @param names the name of each phase in order; a null or blank name, or a phase past the end of the list, is
     *     labelled "Phase n"
     * @return a copy with these phase names
     */
    public ChartLabels withPhaseNames(List<String> names) {
        final List<String> copy = new ArrayList<>(names.size());
        for (String s : names) {
            copy.add(s == null || s.isBlank() ? null : s);
        }
        return new ChartLabels(java.util.Collections.unmodifiableList(copy), annotations);
    }

    /**
     * @param values the annotations, drawn in x order whatever their order here
     * @return a copy with these annotations
     */
    public ChartLabels withAnnotations(List<Annotation> values) {
        return new ChartLabels(phaseNames, List.copyOf(values));
    }

    /**
     * The label of a phase: its name, or "Phase n".
     *
     * @param index the phase's index, 0 for the first
     * @return the label
     */
    public String phaseLabel(int index) {
        final String name = index < phaseNames.size() ? phaseNames.get(index) : null;
        return name == null ? "Phase " + (index + 1) : name;
    }

    /** @return the phase names as given (null where none), unmodifiable */
    public List<String> phaseNames() {
        return phaseNames;
    }

    /** @return the annotations, unmodifiable */
    public List<Annotation> annotations() {
        return annotations;
    }
}
