package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.shewhart.charts.ChartLabels;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.Note;
import org.shewhart.engine.Phase;
import org.shewhart.engine.Rule;
import org.shewhart.engine.RunsAnalysis;
import org.shewhart.engine.Signal;
import org.shewhart.engine.SignalText;

/**
 * Writes a computed chart as JSON (the contract of DESIGN.md section 5) or as CSV, one row per point. A value the
 * method cannot give is {@code null} in JSON and an empty cell in CSV, never NaN.
 */
final class ChartWriter {
    /**
     * Every JSON output of the CLI: numbers in the shortest form that reads back to the same double (Schubfach, as
     * {@link #text}), the same on every JDK and several times faster than JDK 17's {@code Double.toString}.
     */
    static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final String[] COLUMNS = {"x", "y", "n", "phase", "baseline", "excluded", "cl", "lcl", "ucl",
        "lcl1", "ucl1", "lcl2", "ucl2", "signals", "type"};

    private ChartWriter() {
    }

    static void json(ChartResult r, ChartInput in, String title, OutputStream out) throws IOException {
        json(r, in, title, ChartLabels.NONE, out);
    }

    /** One chart, with its phase labels ({@code --phase-col}) and annotations when there are any. */
    static void json(ChartResult r, ChartInput in, String title, ChartLabels labels, OutputStream out)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            object(g, r, in, title, null, labels);
        }
        out.write('\n');
        out.flush();
    }

    /**
     * Several series as one JSON object: {@code keys} (the names of the key parts) and {@code series}, one chart
     * object per series in the single-chart form with its {@code key} (an object of key name to value) first.
     */
    static void json(List<ChartCommand.Charted> charts, String title, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            if (title != null) {
                g.writeStringField("title", title);
            }
            g.writeArrayFieldStart("keys");
            for (String k : charts.get(0).series().keyNames()) {
                g.writeString(k);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            for (ChartCommand.Charted c : charts) {
                object(g, c.result(), c.series().input(), title, c.series(), c.labels());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void object(JsonGenerator g, ChartResult r, ChartInput in, String title, SeriesInputs.Keyed key,
            ChartLabels labels) throws IOException {
        final ChartSpec spec = r.spec();
        g.writeStartObject();
        if (key != null) {
            g.writeObjectFieldStart("key");
            for (int k = 0; k < key.keyNames().size(); k++) {
                g.writeStringField(key.keyNames().get(k), key.keyValues().get(k));
            }
            g.writeEndObject();
        }
        g.writeStringField("chart", spec.type().id());
        g.writeStringField("profile", spec.profile().id());
        g.writeStringField("improvement", spec.improvement().id());
        number(g, "target", spec.target());
        if (title != null) {
            g.writeStringField("title", title);
        }
        g.writeStringField("xType", in.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeNumberField("sigmas", spec.sigmas());
        g.writeNumberField("multiply", spec.multiply());
        g.writeBooleanField("screenedMovingRanges", spec.screensMovingRanges());
        g.writeArrayFieldStart("points");
        for (int i = 0; i < r.size(); i++) {
            g.writeStartObject();
            x(g, in, i);
            number(g, "y", r.valueAt(i));
            number(g, "n", in.sizeAt(i));
            g.writeNumberField("phase", r.phaseAt(i));
            g.writeBooleanField("baseline", r.isBaseline(i));
            g.writeBooleanField("excluded", r.isExcluded(i));
            number(g, "cl", r.centreAt(i));
            number(g, "lcl", r.lowerLimitAt(i));
            number(g, "ucl", r.upperLimitAt(i));
            number(g, "lcl1", r.lowerZoneAt(i, 1));
            number(g, "ucl1", r.upperZoneAt(i, 1));
            number(g, "lcl2", r.lowerZoneAt(i, 2));
            number(g, "ucl2", r.upperZoneAt(i, 2));
            g.writeArrayFieldStart("signals");
            for (Rule rule : r.rulesOf(i)) {
                g.writeString(rule.id());
            }
            g.writeEndArray();
            g.writeStringField("type", r.typeAt(i).id());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("phases");
        for (Phase p : r.phases()) {
            g.writeStartObject();
            if (labels.phaseNames().size() >= p.number() && labels.phaseNames().get(p.number() - 1) != null) {
                g.writeStringField("label", labels.phaseNames().get(p.number() - 1));
            }
            g.writeNumberField("phase", p.number());
            g.writeNumberField("first", p.first() + 1);
            g.writeNumberField("last", p.last() + 1);
            g.writeStringField("firstX", in.label(p.first()));
            g.writeStringField("lastX", in.label(p.last()));
            number(g, "cl", p.centre());
            number(g, "sigma", p.sigma());
            g.writeNumberField("baselinePoints", p.baselinePoints());
            runs(g, p.runs());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("signals");
        for (Signal s : r.signals()) {
            g.writeStartObject();
            g.writeStringField("rule", s.rule().id());
            g.writeNumberField("first", s.first() + 1);
            g.writeNumberField("last", s.last() + 1);
            g.writeStringField("firstX", in.label(s.first()));
            g.writeStringField("lastX", in.label(s.last()));
            g.writeStringField("type", s.type().id());
            g.writeStringField("text", SignalText.describe(r, s, in::label));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (Note note : r.notes()) {
            g.writeStartObject();
            g.writeNumberField("point", note.index() + 1);
            g.writeStringField("x", in.label(note.index()));
            g.writeStringField("text", note.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("variation", r.variation().id());
        final Assurance a = r.assurance();
        if (a == null) {
            g.writeNullField("assurance");
        } else {
            g.writeStringField("assurance", a.id());
        }
        if (!labels.annotations().isEmpty()) {
            g.writeArrayFieldStart("annotations");
            for (ChartLabels.Annotation note : labels.annotations()) {
                g.writeStartObject();
                annotationX(g, in, note.x());
                g.writeStringField("text", note.text());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** An annotation's x as the points write theirs: ISO date, number or category label. */
    private static void annotationX(JsonGenerator g, ChartInput in, double x) throws IOException {
        switch (in.kind()) {
            case DATE:
                g.writeStringField("x", java.time.LocalDate.ofEpochDay((long) x).toString());
                break;
            case NUMBER:
                if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                    g.writeNumberField("x", (long) x);
                } else {
                    g.writeNumberField("x", x);
                }
                break;
            case TEXT:
            default:
                g.writeStringField("x", in.label((int) x));
                break;
        }
    }

    private static void runs(JsonGenerator g, RunsAnalysis a) throws IOException {
        if (a == null) {
            g.writeNullField("runs");
            return;
        }
        g.writeObjectFieldStart("runs");
        g.writeNumberField("useful", a.useful());
        count(g, "longestRun", a.longestRun());
        count(g, "longestRunMax", a.longestRunMax());
        count(g, "crossings", a.crossings());
        count(g, "crossingsMin", a.crossingsMin());
        count(g, "runs", a.runs());
        count(g, "runsMin", a.runsMin());
        count(g, "runsMax", a.runsMax());
        g.writeBooleanField("signal", a.signal());
        g.writeEndObject();
    }

    private static void count(JsonGenerator g, String name, int v) throws IOException {
        if (v < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void x(JsonGenerator g, ChartInput in, int i) throws IOException {
        if (in.kind() == ChartInput.Kind.NUMBER) {
            final double k = in.key(i);
            if (k == Math.rint(k) && Math.abs(k) < 1e15) {
                g.writeNumberField("x", (long) k);
            } else {
                g.writeNumberField("x", k);
            }
        } else {
            g.writeStringField("x", in.label(i));
        }
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    static void csv(ChartResult r, ChartInput in, OutputStream out) throws IOException {
        final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
        csv.writeRecord(COLUMNS);
        rows(csv, r, in, List.of());
        csv.flush();
        w.flush();
    }

    /** Several series as one CSV table: the key columns, then the columns of a single chart, series after series. */
    static void csv(List<ChartCommand.Charted> charts, OutputStream out) throws IOException {
        final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
        final List<String> header = new ArrayList<>(charts.get(0).series().keyNames());
        header.addAll(List.of(COLUMNS));
        csv.writeRecord(header);
        for (ChartCommand.Charted c : charts) {
            rows(csv, c.result(), c.series().input(), c.series().keyValues());
        }
        csv.flush();
        w.flush();
    }

    private static void rows(CsvWriter csv, ChartResult r, ChartInput in, List<String> key) {
        final List<String> fields = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            final List<Rule> rules = r.rulesOf(i);
            final StringBuilder sb = new StringBuilder();
            for (Rule rule : rules) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(rule.id());
            }
            fields.clear();
            fields.addAll(key);
            fields.addAll(List.of(in.label(i), text(r.valueAt(i)), text(in.sizeAt(i)), Integer.toString(r.phaseAt(i)),
                    Boolean.toString(r.isBaseline(i)), Boolean.toString(r.isExcluded(i)), text(r.centreAt(i)),
                    text(r.lowerLimitAt(i)), text(r.upperLimitAt(i)), text(r.lowerZoneAt(i, 1)),
                    text(r.upperZoneAt(i, 1)), text(r.lowerZoneAt(i, 2)), text(r.upperZoneAt(i, 2)),
                    sb.toString(), r.typeAt(i).id()));
            csv.writeRecord(fields);
        }
    }

    /**
     * A number as text: empty when missing, an integer without a decimal point, otherwise the shortest form that
     * reads back to the same double, in {@code Double.toString}'s layout (Schubfach, by jackson-core: JDK 19 and
     * later print the same; JDK 17's {@code Double.toString} is slower and now and then a digit longer).
     */
    static String text(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return NumberOutput.toString(v, true);
    }
}
