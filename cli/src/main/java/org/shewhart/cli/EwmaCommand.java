package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import org.shewhart.engine.monitor.Ewma;
import org.shewhart.engine.monitor.EwmaResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shewhart ewma}: the EWMA chart of subgroup means with time-varying limits, as qcc 3.0 {@code ewma()}. */
@Command(name = "ewma", mixinStandardHelpOptions = true, sortOptions = false,
        description = "EWMA chart of subgroup means (qcc 3.0 ewma()): detects small sustained shifts.")
final class EwmaCommand extends MonitorCommand {
    @Mixin
    Calibration calibration = new Calibration();

    @Option(names = "--lambda", paramLabel = "NUM", defaultValue = "0.2",
            description = "smoothing weight of the newest point, in (0, 1] (default: 0.2).")
    double lambda;

    @Option(names = "--sigmas", paramLabel = "L", defaultValue = "3",
            description = "limits at L sigma of the EWMA (default: 3).")
    double sigmas;

    @Override
    Report compute() {
        final Ewma a = option("--lambda", () -> Ewma.withDefaults().withLambda(lambda));
        final Ewma b = option("--sigmas", () -> a.withSigmas(sigmas));
        final Ewma c = option("--cl", () -> b.withCentre(calibration.centre()));
        final Ewma ewma = option("--sigma", () -> c.withSigma(calibration.knownSigma()))
                .with(estimator(calibration.sigmaMethod));
        final CsvTable table = table();
        final MonitorInput in = MonitorInput.measurements(table, x, y, dateFormat);
        final int phaseOne = phaseOne(table, calibration.baseline, in.size());
        final EwmaResult r = onFile(table, () -> ewma.compute(in.data(), phaseOne));
        return new Report() {
            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartObject();
                g.writeStringField("chart", "ewma");
                g.writeArrayFieldStart("points");
                for (int i = 0; i < r.size(); i++) {
                    g.writeStartObject();
                    in.writeX(g, i);
                    g.writeNumberField("phase", r.phaseAt(i));
                    number(g, "statistic", r.statisticAt(i));
                    g.writeNumberField("size", r.subgroupSizeAt(i));
                    number(g, "ewma", r.ewmaAt(i));
                    number(g, "sigma", r.sigmaAt(i));
                    number(g, "lcl", r.lowerLimitAt(i));
                    number(g, "ucl", r.upperLimitAt(i));
                    g.writeBooleanField("signal", r.isSignal(i));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("summary");
                number(g, "centre", r.centre());
                number(g, "sigma", r.sigma());
                estimator(g, r.sigmaMethod());
                number(g, "lambda", r.lambda());
                number(g, "sigmas", r.sigmas());
                g.writeNumberField("baselinePoints", r.phaseOneSize());
                g.writeNumberField("signals", r.signals().length);
                g.writeEndObject();
                g.writeEndObject();
            }

            @Override
            public void csv(CsvWriter csv) {
                csv.writeRecord("x", "phase", "statistic", "size", "ewma", "sigma", "lcl", "ucl", "signal");
                for (int i = 0; i < r.size(); i++) {
                    csv.writeRecord(in.label(i), Integer.toString(r.phaseAt(i)), text(r.statisticAt(i)),
                            Integer.toString(r.subgroupSizeAt(i)), text(r.ewmaAt(i)), text(r.sigmaAt(i)),
                            text(r.lowerLimitAt(i)), text(r.upperLimitAt(i)), Boolean.toString(r.isSignal(i)));
                }
            }
        };
    }
}
