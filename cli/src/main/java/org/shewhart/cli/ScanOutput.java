package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonFactory;
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
 * then the same per series). Rows are written as blocks complete; what depends on the whole feed (the JSON's row
 * count) is written at the end, as the {@link #prefix}.
 */
abstract class ScanOutput {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Rule[] RULES = Rule.values();

    /** Writes the start of the body. */
    abstract void start() throws IOException;

    /** Writes the summary of series i of a charted block. */
    abstract void row(ScanBlock b, int i, String[] key) throws IOException;

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
        private final StringBuilder sb = new StringBuilder();

        Csv(OutputStream out, Feed feed) {
            this.out = out;
            this.feed = feed;
        }

        @Override
        void start() throws IOException {
            for (String k : feed.keyNames()) {
                sb.append(quote(k)).append(',');
            }
            sb.append("points,phases,cl,sigma,lcl,ucl,last_type,variation,assurance");
            for (Rule r : RULES) {
                sb.append(',').append(r.id());
            }
            sb.append(",first_signal_x,last_signal_x,error\n");
            flush();
        }

        @Override
        void row(ScanBlock b, int i, String[] key) throws IOException {
            for (String k : key) {
                sb.append(quote(k)).append(',');
            }
            sb.append(b.nPoints[i]).append(',').append(b.nPhases[i]).append(',')
                    .append(ChartWriter.text(b.cl[i])).append(',').append(ChartWriter.text(b.sigma[i])).append(',')
                    .append(ChartWriter.text(b.lcl[i])).append(',').append(ChartWriter.text(b.ucl[i])).append(',')
                    .append(b.lastType[i] == null ? "" : b.lastType[i].id()).append(',')
                    .append(b.variation[i] == null ? "" : b.variation[i].id()).append(',')
                    .append(b.assurance[i] == null ? "" : b.assurance[i]);
            for (int c : b.ruleCounts[i]) {
                sb.append(',').append(c);
            }
            sb.append(',').append(b.firstSignal[i] < 0 ? "" : feed.label(b.firstSignalX[i]))
                    .append(',').append(b.lastSignal[i] < 0 ? "" : feed.label(b.lastSignalX[i]))
                    .append(',').append(b.error[i] == null ? "" : quote(Main.oneLine(b.error[i]))).append('\n');
            if (sb.length() > 1 << 16) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }

        @Override
        byte[] prefix() {
            return null;
        }

        @Override
        byte[] suffix() throws IOException {
            flush();
            return null;
        }
    }

    /** A JSON object with the settings and an array of series summaries. */
    static final class Json extends ScanOutput {
        private final OutputStream out;
        private final Feed feed;
        private final ChartSpec spec;
        private JsonGenerator g;

        Json(OutputStream out, Feed feed, ChartSpec spec) {
            this.out = out;
            this.feed = feed;
            this.spec = spec;
        }

        @Override
        void start() throws IOException {
            // the series as root-level values separated by commas: the body of the "series" array
            g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(new SerializedString(","));
        }

        @Override
        byte[] prefix() throws IOException {
            final ByteArrayOutputStream b = new ByteArrayOutputStream();
            final JsonGenerator h = JSON.createGenerator(b);
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
        byte[] suffix() throws IOException {
            g.flush();
            return "]}\n".getBytes(StandardCharsets.US_ASCII);
        }

        private static void number(JsonGenerator g, String name, double v) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumberField(name, v);
            } else {
                g.writeNullField(name);
            }
        }

        private void text(String name, String v) throws IOException {
            if (v == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, v);
            }
        }

        @Override
        void row(ScanBlock b, int i, String[] key) throws IOException {
            g.writeStartObject();
            g.writeObjectFieldStart("key");
            for (int k = 0; k < key.length; k++) {
                g.writeStringField(feed.keyNames().get(k), key[k]);
            }
            g.writeEndObject();
            g.writeNumberField("points", b.nPoints[i]);
            g.writeNumberField("phases", b.nPhases[i]);
            number(g, "cl", b.cl[i]);
            number(g, "sigma", b.sigma[i]);
            number(g, "lcl", b.lcl[i]);
            number(g, "ucl", b.ucl[i]);
            text("lastType", b.lastType[i] == null ? null : b.lastType[i].id());
            text("variation", b.variation[i] == null ? null : b.variation[i].id());
            text("assurance", b.assurance[i]);
            g.writeObjectFieldStart("signals");
            for (Rule r : RULES) {
                g.writeNumberField(r.id(), b.ruleCounts[i][r.ordinal()]);
            }
            g.writeEndObject();
            text("firstSignalX", b.firstSignal[i] < 0 ? null : feed.label(b.firstSignalX[i]));
            text("lastSignalX", b.lastSignal[i] < 0 ? null : feed.label(b.lastSignalX[i]));
            text("error", b.error[i]);
            g.writeEndObject();
        }
    }
}
