package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.util.Locale;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.monitor.Capability;
import org.shewhart.engine.monitor.CapabilityIndex;
import org.shewhart.engine.monitor.CapabilityResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shewhart capability}: process capability indices with confidence intervals and the percentages outside
 * the specification, as qcc 3.0 {@code processCapability()} on an xbar or xbar.one chart.
 */
@Command(name = "capability", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Process capability (qcc 3.0 processCapability()): Cp, Cpk, Cpm, Pp, Ppk, Ppm with "
                + "confidence intervals.")
final class CapabilityCommand extends MonitorCommand {
    @Option(names = "--lsl", paramLabel = "NUM", description = "lower specification limit.")
    Double lsl;

    @Option(names = "--usl", paramLabel = "NUM", description = "upper specification limit.")
    Double usl;

    @Option(names = "--target", paramLabel = "NUM",
            description = "target for Cpm and Ppm (default: the midpoint of LSL and USL).")
    Double target;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95",
            description = "confidence level of the intervals, in (0, 1) (default: 0.95).")
    double confidence;

    @Mixin
    Calibration calibration = new Calibration();

    @Override
    Report compute() {
        if (lsl == null && usl == null) {
            throw new SpcInputException("no specification limit: give --lsl, --usl or both");
        }
        final double lower = lsl == null ? Double.NaN : lsl;
        final double upper = usl == null ? Double.NaN : usl;
        if (lower >= upper) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "--lsl %s must be less than --usl %s", lower, upper));
        }
        final Capability a = option("--lsl/--usl",
                () -> Capability.withDefaults().withSpecificationLimits(lower, upper));
        final Capability b = option("--target", () -> a.withTarget(target == null ? Double.NaN : target));
        final Capability c = option("--confidence", () -> b.withConfidenceLevel(confidence));
        final Capability d = option("--cl", () -> c.withCentre(calibration.centre()));
        final Capability spec = option("--sigma", () -> d.withSigma(calibration.knownSigma()))
                .with(estimator(calibration.sigmaMethod));
        final CsvTable table = table();
        final MonitorInput in = MonitorInput.measurements(table, x, y, dateFormat);
        final int phaseOne = phaseOne(table, calibration.baseline, in.size());
        final CapabilityResult r = onFile(table, () -> spec.compute(in.data(), phaseOne));
        return new Report() {
            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartObject();
                g.writeStringField("chart", "capability");
                g.writeNumberField("baselinePoints", phaseOne);
                g.writeNumberField("observations", r.observations());
                number(g, "centre", r.centre());
                number(g, "sigma", r.sigma());
                estimator(g, r.sigmaMethod());
                number(g, "overallSigma", r.overallSigma());
                number(g, "lsl", r.lowerSpecification());
                number(g, "usl", r.upperSpecification());
                number(g, "target", r.hasTarget() ? r.target() : Double.NaN);
                number(g, "confidence", r.confidenceLevel());
                number(g, "sigmas", r.sigmas());
                g.writeObjectFieldStart("indices");
                for (CapabilityIndex.Kind kind : CapabilityIndex.Kind.values()) {
                    final CapabilityIndex idx = r.index(kind);
                    if (idx == null) {
                        g.writeNullField(kind.label());
                    } else {
                        g.writeObjectFieldStart(kind.label());
                        number(g, "value", idx.value());
                        number(g, "lower", idx.lower());
                        number(g, "upper", idx.upper());
                        g.writeEndObject();
                    }
                }
                g.writeEndObject();
                number(g, "expectedPercentBelow", r.expectedPercentBelow());
                number(g, "expectedPercentAbove", r.expectedPercentAbove());
                number(g, "observedPercentBelow", r.observedPercentBelow());
                number(g, "observedPercentAbove", r.observedPercentAbove());
                g.writeEndObject();
            }

            @Override
            public void csv(CsvWriter csv) {
                csv.writeRecord("index", "value", "lower", "upper");
                for (CapabilityIndex.Kind kind : CapabilityIndex.Kind.values()) {
                    final CapabilityIndex idx = r.index(kind);
                    if (idx == null) {
                        csv.writeRecord(kind.label(), "", "", "");
                    } else {
                        csv.writeRecord(kind.label(), text(idx.value()), text(idx.lower()), text(idx.upper()));
                    }
                }
            }
        };
    }
}
