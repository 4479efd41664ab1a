package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.Rule;

/**
 * The summary of a scan, one row per series in series order: CSV (keys, points, phases, cl, sigma, lcl, ucl,
 * last_type, variation, assurance, a count per rule, first_signal_x, last_signal_x, error) or JSON (the settings,
 * then the same per series). Each block's rows are formatted on the worker that charted it ({@link #format}, which
 * touches nothing shared); the reading thread only writes the bytes in series order ({@link #write}). What depends
 * on the whole feed (the JSON's row count) is written at the end, as the {@link #prefix}.
 */
abstract class ScanOutput {
    private static final Rule[] RULES = Rule.values();

    /** Writes the start of the body. */
    abstract void start() throws IOException;

    /**
     * The summary rows of a charted block, as bytes, with x labels of the given kind; on the worker thread, so it
     * must not touch shared state.
     */
    abstract byte[] format(ScanBlock b, ChartInput.Kind kind) throws IOException;

    /** Writes a block's formatted rows (in series order, on the reading thread). */
    abstract void write(byte[] rows) throws IOException;

    /** @return bytes to put before the body, once the feed is read, or null */
    abstract byte[] prefix() throws IOException;

    /** @return bytes to put after the body, or null */
    abstract byte[] suffix() throws IOException;

    /** A CSV field, quoted if it needs to be (RFC 4180). */
    static String quote(String s) {
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    /** The header of the points file. */
    static byte[] pointsHeader(List<String> keyNames) {
        final StringBuilder sb = new StringBuilder();
        for (String k : keyNames) {
            sb.append(quote(k)).append(',');
        }
        return sb.append("x,y,n,phase,cl,lcl,ucl,signals,type\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One CSV row per series. */
    static final class Csv extends ScanOutput {
        private final OutputStream out;
        private final Feed feed;

        Csv(OutputStream out, Feed feed) {
            this.out = out;
            this.feed = feed;
        }

        @Override
        void start() throws IOException {
            final StringBuilder sb = new StringBuilder();
            for (String k : feed.keyNames()) {
                sb.append(quote(k)).append(',');
            }
            sb.append("points,phases,cl,sigma,lcl,ucl,last_type,variation,assurance");
            for (Rule r : RULES) {
                sb.append(',').append(r.id());
            }
            sb.append(",first_signal_x,last_signal_x,error\n");
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        byte[] format(ScanBlock b, ChartInput.Kind kind) {
            final ByteText t = new ByteText(160 * b.count);
            // the columns of one kind are written through one call each (a loop), not one call per column:
            // the method is compiled while the charting threads wait for it, and each inlined call adds to that
            final double[][] lines = {b.cl, b.sigma, b.lcl, b.ucl};
            final int[][] signal = {b.firstSignal, b.lastSignal};
            final double[][] signalX = {b.firstSignalX, b.lastSignalX};
            for (int i = 0; i < b.count; i++) {
                row(t, b, i, kind, lines, signal, signalX);
            }
            return t.toArray();
        }

        private static void row(ByteText t, ScanBlock b, int i, ChartInput.Kind kind, double[][] lines,
                int[][] signal, double[][] signalX) {
            t.bytes(b.keyText[i]).integer(b.nPoints[i]).ch(',').integer(b.nPhases[i]).ch(',');
            for (double[] line : lines) {
                t.number(line[i]).ch(',');
            }
            if (b.lastType[i] != null) {
                t.ascii(b.lastType[i].id());
            }
            t.ch(',');
            if (b.variation[i] != null) {
                t.ascii(b.variation[i].id());
            }
            t.ch(',');
            if (b.assurance[i] != null) {
                t.ascii(b.assurance[i]);
            }
            for (int c : b.ruleCounts[i]) {
                t.ch(',').integer(c);
            }
            for (int k = 0; k < signal.length; k++) {
                t.ch(',');
                if (signal[k][i] >= 0) {
                    t.label(kind, signalX[k][i]);
                }
            }
            t.ch(',');
            if (b.error[i] != null) {
                t.bytes(quote(Main.oneLine(b.error[i])).getBytes(StandardCharsets.UTF_8));
            }
            t.ch('\n');
        }

        @Override
        void write(byte[] rows) throws IOException {
            out.write(rows);
        }

        @Override
        byte[] prefix() {
            return null;
        }

        @Override
        byte[] suffix() {
            return null;
        }
    }

    /** A JSON object with the settings and an array of series summaries. */
    static final class Json extends ScanOutput {
        private final OutputStream out;
        private final Feed feed;
        private final ChartSpec spec;
        private final List<String> keyNames;
        private boolean first = true;

        Json(OutputStream out, Feed feed, ChartSpec spec) {
            this.out = out;
            this.feed = feed;
            this.spec = spec;
            this.keyNames = List.copyOf(feed.keyNames());
        }

        @Override
        void start() {
            first = true;
        }

        @Override
        byte[] format(ScanBlock b, ChartInput.Kind kind) throws IOException {
            // the series as root-level values separated by commas: part of the body of the "series" array
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream(400 * b.count);
            try (JsonGenerator g = ChartWriter.JSON.createGenerator(bytes)) {
                g.setRootValueSeparator(new SerializedString(","));
                for (int i = 0; i < b.count; i++) {
                    row(g, b, i, kind);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        void write(byte[] rows) throws IOException {
            if (rows.length == 0) {
                return;
            }
            if (!first) {
                out.write(',');
            }
            out.write(rows);
            first = false;
        }

        @Override
        byte[] prefix() throws IOException {
            final ByteArrayOutputStream b = new ByteArrayOutputStream();
            final JsonGenerator h = ChartWriter.JSON.createGenerator(b);
            h.writeStartObject();
            h.writeStringField("feed", feed.file());
            h.writeStringField("chart", spec.type().id());
            h.writeStringField("profile", spec.profile().id());
            h.writeStringField("improvement", spec.improvement().id());
            number(h, "target", spec.target());
            h.writeStringField("xType", feed.kind().name().toLowerCase(Locale.ROOT));
            h.writeNumberField("rows", feed.rows());
            h.writeArrayFieldStart("series");
            h.flush();
            return b.toByteArray();
        }

        @Override
        byte[] suffix() {
            return "]}\n".getBytes(StandardCharsets.US_ASCII);
        }

        private static void number(JsonGenerator g, String name, double v) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumberField(name, v);
            } else {
                g.writeNullField(name);
            }
        }

        private static void text(JsonGenerator g, String name, String v) throws IOException {
            if (v == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, v);
            }
        }

        private void row(JsonGenerator g, ScanBlock b, int i, ChartInput.Kind kind) throws IOException {
            final String[] key = b.keys[i];
            g.writeStartObject();
            g.writeObjectFieldStart("key");
            for (int k = 0; k < key.length; k++) {
                g.writeStringField(keyNames.get(k), key[k]);
            }
            g.writeEndObject();
            g.writeNumberField("points", b.nPoints[i]);
            g.writeNumberField("phases", b.nPhases[i]);
            number(g, "cl", b.cl[i]);
            number(g, "sigma", b.sigma[i]);
            number(g, "lcl", b.lcl[i]);
            number(g, "ucl", b.ucl[i]);
            text(g, "lastType", b.lastType[i] == null ? null : b.lastType[i].id());
            text(g, "variation", b.variation[i] == null ? null : b.variation[i].id());
            text(g, "assurance", b.assurance[i]);
            g.writeObjectFieldStart("signals");
            for (Rule r : RULES) {
                g.writeNumberField(r.id(), b.ruleCounts[i][r.ordinal()]);
            }
            g.writeEndObject();
            text(g, "firstSignalX", b.firstSignal[i] < 0 ? null : Feed.label(kind, b.firstSignalX[i]));
            text(g, "lastSignalX", b.lastSignal[i] < 0 ? null : Feed.label(kind, b.lastSignalX[i]));
            text(g, "error", b.error[i]);
            g.writeEndObject();
        }
    }
}
