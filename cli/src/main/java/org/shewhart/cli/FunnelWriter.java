package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.shewhart.engine.funnel.FunnelLimitsTable;
import org.shewhart.engine.funnel.FunnelResult;
import org.shewhart.engine.funnel.FunnelSpec;
import org.shewhart.engine.funnel.FunnelType;
import org.shewhart.engine.funnel.Trimming;

/**
 * Writes a funnel plot as JSON (units with their limits and outlier flags, a summary and the limits lookup table)
 * or as CSV (one row per unit; the lookup table as a separate CSV). A value the method cannot give is
 * {@code null} in JSON and an empty cell in CSV, never NaN.
 */
final class FunnelWriter {

    private FunnelWriter() {
    }

    static void json(FunnelResult r, String title, OutputStream out) throws IOException {
        final FunnelSpec spec = r.spec();
        final boolean shmi = spec.trimming() == Trimming.TRUNCATION;
        try (JsonGenerator g = ChartWriter.JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("chart", "funnel");
            g.writeStringField("type", spec.type().id());
            if (spec.type() == FunnelType.STANDARDISED_RATIO) {
                g.writeStringField("srMethod", spec.method().id());
            }
            if (title != null) {
                g.writeStringField("title", title);
            }
            g.writeStringField("overdispersion", spec.overdispersion().id());
            g.writeArrayFieldStart("limits");
            for (int l = 0; l < r.levelCount(); l++) {
                g.writeNumber(r.coverageAt(l));
            }
            g.writeEndArray();
            g.writeNumberField("outlierLimit", spec.outlierCoverage());
            g.writeNumberField("trim", spec.trim());
            g.writeStringField("trimming", r.trimming().id());
            if (shmi) {
                g.writeBooleanField("shmiRounding", spec.shmiRounding());
            }
            g.writeNumberField("multiply", spec.multiplier());
            summary(g, r);
            g.writeArrayFieldStart("units");
            for (int i = 0; i < r.size(); i++) {
                unit(g, r, i, shmi && spec.shmiRounding());
            }
            g.writeEndArray();
            table(g, r);
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void summary(JsonGenerator g, FunnelResult r) throws IOException {
        int low = 0;
        int high = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.sideAt(i) == FunnelResult.LOW) {
                low++;
            } else if (r.sideAt(i) == FunnelResult.HIGH) {
                high++;
            }
        }
        g.writeObjectFieldStart("summary");
        number(g, "target", r.target());
        number(g, "transformedTarget", r.transformedTarget());
        number(g, "phi", r.phi());
        number(g, "tau2", r.tau2());
        g.writeNumberField("units", r.size());
        g.writeNumberField("unitsUsedForOverdispersion", r.unitsUsed());
        g.writeStringField("limitsInEffect", r.isAdjusted() ? "adjusted" : "unadjusted");
        g.writeBooleanField("fallback", r.isFallback());
        g.writeNumberField("outliers", r.outlierCount());
        g.writeNumberField("outliersLow", low);
        g.writeNumberField("outliersHigh", high);
        g.writeEndObject();
    }

    private static void unit(JsonGenerator g, FunnelResult r, int i, boolean rounded) throws IOException {
        g.writeStartObject();
        g.writeStringField("unit", r.unitAt(i));
        number(g, "numerator", r.numeratorAt(i));
        number(g, "denominator", r.denominatorAt(i));
        if (rounded) {
            number(g, "denominatorUnrounded", r.unroundedDenominatorAt(i));
        }
        number(g, "ratio", r.ratioAt(i));
        number(g, "y", r.transformedAt(i));
        number(g, "se", r.standardErrorAt(i));
        number(g, "z", r.zAt(i));
        number(g, "zTrimmed", r.trimmedZAt(i));
        g.writeBooleanField("trimmed", r.isTrimmed(i));
        g.writeArrayFieldStart("limits");
        for (int l = 0; l < r.levelCount(); l++) {
            g.writeStartObject();
            g.writeNumberField("coverage", r.coverageAt(l));
            number(g, "lcl", r.lowerLimitAt(l, i));
            number(g, "ucl", r.upperLimitAt(l, i));
            number(g, "adjustedLcl", r.adjustedLowerLimitAt(l, i));
            number(g, "adjustedUcl", r.adjustedUpperLimitAt(l, i));
            side(g, r.sideAt(l, i));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("outlier", r.isOutlier(i));
        side(g, r.sideAt(i));
        g.writeEndObject();
    }

    private static void table(JsonGenerator g, FunnelResult r) throws IOException {
        final FunnelLimitsTable t = r.limitsTable();
        g.writeObjectFieldStart("limitsTable");
        array(g, "denominator", t.denominators());
        g.writeArrayFieldStart("levels");
        for (int l = 0; l < t.levelCount(); l++) {
            g.writeStartObject();
            g.writeNumberField("coverage", t.coverageAt(l));
            g.writeNumberField("z", r.criticalValueAt(l));
            array(g, "lcl", t.lowerLimits(l, false));
            array(g, "ucl", t.upperLimits(l, false));
            array(g, "adjustedLcl", t.lowerLimits(l, true));
            array(g, "adjustedUcl", t.upperLimits(l, true));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void array(JsonGenerator g, String name, double[] v) throws IOException {
        g.writeArrayFieldStart(name);
        for (double x : v) {
            if (Double.isFinite(x)) {
                g.writeNumber(x);
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }

    private static void side(JsonGenerator g, int side) throws IOException {
        if (side == FunnelResult.INSIDE) {
            g.writeNullField("side");
        } else {
            g.writeStringField("side", sideText(side));
        }
    }

    private static String sideText(int side) {
        return side == FunnelResult.LOW ? "low" : side == FunnelResult.HIGH ? "high" : "";
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /** A coverage level as a column suffix: 95, 99.8. */
    static String label(double coverage) {
        return ChartWriter.text(coverage);
    }

    static void csv(FunnelResult r, OutputStream out) throws IOException {
        final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
        final List<String> header = new ArrayList<>(List.of("unit", "numerator", "denominator", "ratio", "target",
                "y", "se", "z", "z_trimmed", "trimmed"));
        for (int l = 0; l < r.levelCount(); l++) {
            final String c = label(r.coverageAt(l));
            header.addAll(List.of("lcl_" + c, "ucl_" + c, "od_lcl_" + c, "od_ucl_" + c, "side_" + c));
        }
        header.addAll(List.of("outlier", "side"));
        csv.writeRecord(header);
        final List<String> row = new ArrayList<>(header.size());
        final String target = ChartWriter.text(r.target());
        for (int i = 0; i < r.size(); i++) {
            row.clear();
            row.add(r.unitAt(i));
            row.add(ChartWriter.text(r.numeratorAt(i)));
            row.add(ChartWriter.text(r.denominatorAt(i)));
            row.add(ChartWriter.text(r.ratioAt(i)));
            row.add(target);
            row.add(ChartWriter.text(r.transformedAt(i)));
            row.add(ChartWriter.text(r.standardErrorAt(i)));
            row.add(ChartWriter.text(r.zAt(i)));
            row.add(ChartWriter.text(r.trimmedZAt(i)));
            row.add(Boolean.toString(r.isTrimmed(i)));
            for (int l = 0; l < r.levelCount(); l++) {
                row.add(ChartWriter.text(r.lowerLimitAt(l, i)));
                row.add(ChartWriter.text(r.upperLimitAt(l, i)));
                row.add(ChartWriter.text(r.adjustedLowerLimitAt(l, i)));
                row.add(ChartWriter.text(r.adjustedUpperLimitAt(l, i)));
                row.add(sideText(r.sideAt(l, i)));
            }
            row.add(Boolean.toString(r.isOutlier(i)));
            row.add(sideText(r.sideAt(i)));
            csv.writeRecord(row);
        }
        csv.flush();
        w.flush();
    }

    static void limitsTableCsv(FunnelResult r, OutputStream out) throws IOException {
        final FunnelLimitsTable t = r.limitsTable();
        final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
        final List<String> header = new ArrayList<>(List.of("denominator", "target"));
        for (int l = 0; l < t.levelCount(); l++) {
            final String c = label(t.coverageAt(l));
            header.addAll(List.of("lcl_" + c, "ucl_" + c, "od_lcl_" + c, "od_ucl_" + c));
        }
        csv.writeRecord(header);
        final List<String> row = new ArrayList<>(header.size());
        final String target = ChartWriter.text(r.target());
        for (int k = 0; k < t.size(); k++) {
            row.clear();
            row.add(ChartWriter.text(t.denominatorAt(k)));
            row.add(target);
            for (int l = 0; l < t.levelCount(); l++) {
                row.add(ChartWriter.text(t.lowerLimitAt(l, k)));
                row.add(ChartWriter.text(t.upperLimitAt(l, k)));
                row.add(ChartWriter.text(t.adjustedLowerLimitAt(l, k)));
                row.add(ChartWriter.text(t.adjustedUpperLimitAt(l, k)));
            }
            csv.writeRecord(row);
        }
        csv.flush();
        w.flush();
    }
}
