package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.monitor.BernoulliCusum;
import org.shewhart.engine.monitor.BernoulliCusumResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shewhart bcusum}: the Bernoulli CUSUM of binary outcomes, one per case, as qicharts2 {@code bchart()}. */
@Command(name = "bcusum", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bernoulli CUSUM of 0/1 outcomes, one row per case in file order (qicharts2 bchart()).")
final class BernoulliCusumCommand extends MonitorCommand {
    @Option(names = "--target", paramLabel = "P0", description = "target (baseline) risk p0, in (0, 1).")
    Double target;

    @Option(names = "--target-points", paramLabel = "K",
            description = "estimate p0 from the first K cases (default: from all cases).")
    Integer targetPoints;

    @Option(names = "--odds-ratio", paramLabel = "OR", defaultValue = "2",
            description = "odds ratio of the smallest change to detect (default: 2).")
    double oddsRatio;

    @Option(names = "--limit", paramLabel = "NUM", defaultValue = "3.5",
            description = "control limit of both sums (default: 3.5).")
    double limit;

    @Override
    Report compute() {
        if (target != null && targetPoints != null) {
            throw new SpcInputException("give --target or --target-points, not both");
        }
        final BernoulliCusum a = option("--odds-ratio", () -> BernoulliCusum.withDefaults().withOddsRatio(oddsRatio));
        BernoulliCusum b = option("--limit", () -> a.withLimit(limit));
        if (target != null) {
            final BernoulliCusum t = b;
            b = option("--target", () -> t.withTarget(target));
        } else if (targetPoints != null) {
            final BernoulliCusum t = b;
            b = option("--target-points", () -> t.withBaselineCases(targetPoints));
        }
        final BernoulliCusum spec = b;
        final CsvTable table = table();
        final MonitorInput in = MonitorInput.outcomes(table, x, y, dateFormat);
        final BernoulliCusumResult r = onFile(table, () -> spec.compute(in.outcomes()));
        return new Report() {
            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartObject();
                g.writeStringField("chart", "bcusum");
                g.writeArrayFieldStart("points");
                for (int i = 0; i < r.size(); i++) {
                    g.writeStartObject();
                    in.writeX(g, i);
                    g.writeNumberField("outcome", r.outcomeAt(i));
                    number(g, "upper", r.upperAt(i));
                    number(g, "lower", r.lowerAt(i));
                    g.writeBooleanField("upperSignal", r.isUpperSignal(i));
                    g.writeBooleanField("lowerSignal", r.isLowerSignal(i));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("summary");
                g.writeNumberField("cases", r.size());
                number(g, "target", r.targetRisk());
                if (r.baselineCases() > 0) {
                    g.writeNumberField("targetPoints", r.baselineCases());
                } else {
                    g.writeNullField("targetPoints");
                }
                number(g, "oddsRatio", r.oddsRatio());
                number(g, "limit", r.limit());
                number(g, "upperRisk", r.upperRisk());
                number(g, "lowerRisk", r.lowerRisk());
                g.writeNumberField("upperSignals", r.upperSignals().length);
                g.writeNumberField("lowerSignals", r.lowerSignals().length);
                g.writeEndObject();
                g.writeEndObject();
            }

            @Override
            public void csv(CsvWriter csv) {
                csv.writeRecord("x", "outcome", "upper", "lower", "upperSignal", "lowerSignal");
                for (int i = 0; i < r.size(); i++) {
                    csv.writeRecord(in.label(i), Integer.toString(r.outcomeAt(i)), text(r.upperAt(i)),
                            text(r.lowerAt(i)), Boolean.toString(r.isUpperSignal(i)),
                            Boolean.toString(r.isLowerSignal(i)));
                }
            }
        };
    }
}
