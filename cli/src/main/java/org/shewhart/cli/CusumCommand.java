package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.util.Locale;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.monitor.Cusum;
import org.shewhart.engine.monitor.CusumResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shewhart cusum}: the standardised tabular CUSUM of subgroup means, as qcc 3.0 {@code cusum()}. */
@Command(name = "cusum", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Tabular CUSUM of subgroup means (qcc 3.0 cusum()): detects small sustained shifts.")
final class CusumCommand extends MonitorCommand {
    @Mixin
    Calibration calibration = new Calibration();

    @Option(names = "--h", paramLabel = "NUM", defaultValue = "5",
            description = "decision interval h, in standard errors (default: 5).")
    double h;

    @Option(names = "--k", paramLabel = "NUM", defaultValue = "0.5",
            description = "reference value k, in standard errors: half the shift to detect (default: 0.5).")
    double k;

    @Option(names = "--head-start", paramLabel = "NUM", defaultValue = "0",
            description = "fast initial response: both sums start here, below h (default: 0).")
    double headStart;

    @Override
    Report compute() {
        Cusum spec = option("--h", () -> Cusum.withDefaults().withDecisionInterval(h));
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--k must be a finite number >= 0 (half the shift to detect, in standard errors), got %s", k));
        }
        final Cusum withK = spec.withShift(2 * k);
        spec = option("--head-start", () -> withK.withHeadStart(headStart));
        if (headStart >= h) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--head-start %s must be less than the decision interval --h %s", headStart, h));
        }
        final Cusum withStart = spec;
        spec = option("--cl", () -> withStart.withCentre(calibration.centre()));
        final Cusum withCl = spec;
        spec = option("--sigma", () -> withCl.withSigma(calibration.knownSigma())).with(
                estimator(calibration.sigmaMethod));
        final Cusum cusum = spec;
        final CsvTable table = table();
        final MonitorInput in = MonitorInput.measurements(table, x, y, dateFormat);
        final int phaseOne = phaseOne(table, calibration.baseline, in.size());
        final CusumResult r = onFile(table, () -> cusum.compute(in.data(), phaseOne));
        return new Report() {
            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartObject();
                g.writeStringField("chart", "cusum");
                g.writeArrayFieldStart("points");
                for (int i = 0; i < r.size(); i++) {
                    g.writeStartObject();
                    in.writeX(g, i);
                    g.writeNumberField("phase", r.phaseAt(i));
                    number(g, "statistic", r.statisticAt(i));
                    g.writeNumberField("size", r.subgroupSizeAt(i));
                    number(g, "z", r.zAt(i));
                    number(g, "cusumPos", r.upperAt(i));
                    number(g, "cusumNeg", r.lowerAt(i));
                    g.writeBooleanField("upperSignal", r.isUpperSignal(i));
                    g.writeBooleanField("lowerSignal", r.isLowerSignal(i));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("summary");
                number(g, "centre", r.centre());
                number(g, "sigma", r.sigma());
                estimator(g, r.sigmaMethod());
                number(g, "h", r.decisionInterval());
                number(g, "k", r.shift() / 2);
                number(g, "headStart", r.headStart());
                g.writeNumberField("baselinePoints", r.phaseOneSize());
                g.writeNumberField("upperSignals", r.upperSignals().length);
                g.writeNumberField("lowerSignals", r.lowerSignals().length);
                g.writeEndObject();
                g.writeEndObject();
            }

            @Override
            public void csv(CsvWriter csv) {
                csv.writeRecord("x", "phase", "statistic", "size", "z", "cusumPos", "cusumNeg", "upperSignal",
                        "lowerSignal");
                for (int i = 0; i < r.size(); i++) {
                    csv.writeRecord(in.label(i), Integer.toString(r.phaseAt(i)), text(r.statisticAt(i)),
                            Integer.toString(r.subgroupSizeAt(i)), text(r.zAt(i)), text(r.upperAt(i)),
                            text(r.lowerAt(i)), Boolean.toString(r.isUpperSignal(i)),
                            Boolean.toString(r.isLowerSignal(i)));
                }
            }
        };
    }
}
