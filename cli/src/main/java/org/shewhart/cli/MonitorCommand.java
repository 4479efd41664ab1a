package org.shewhart.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.SigmaMethod;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the monitoring commands ({@code cusum}, {@code ewma}, {@code capability}, {@code bcusum}) share: the input
 * file and columns, the output and its format, and the JSON and CSV plumbing. A value the method cannot give is
 * {@code null} in JSON and an empty cell in CSV, never NaN.
 */
abstract class MonitorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "CSV file or Excel workbook (.xlsx, .xlsm, .xls), one row per observation (or case).")
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME", description = "sheet of an Excel workbook (default: the first).")
    String sheet;

    @Option(names = "--x", paramLabel = "COL",
            description = "x column; rows with the same x form one subgroup (default: x if the file has it, "
                    + "else one point per row).")
    String x;

    @Option(names = "--y", paramLabel = "COL", defaultValue = "y", description = "value column (default: y).")
    String y;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "read x as dates in this java.time pattern, e.g. MM/dd/yyyy (default: ISO, dd/mm/yyyy, "
                    + "Apr-2024 or 2024-W14 when every x is one).")
    String dateFormat;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "output file, or - for standard output (default).")
    String output;

    @Option(names = "--format", paramLabel = "FMT", description = "json or csv (default: from OUT's extension).")
    String format;

    /** A computed result, ready to be written in either format. */
    interface Report {
        /**
         * Writes the whole result as one JSON object.
         *
         * @param g the generator
         * @throws IOException if writing fails
         */
        void json(JsonGenerator g) throws IOException;

        /**
         * Writes the result as a CSV table, header first.
         *
         * @param csv the writer
         * @throws IOException if writing fails
         */
        void csv(CsvWriter csv) throws IOException;
    }

    /**
     * Checks the options, reads {@link #file} and computes the result.
     *
     * @return the result
     * @throws SpcInputException for a bad option or bad input
     */
    abstract Report compute();

    @Override
    public Integer call() throws IOException {
        final String fmt = ChartCommand.Output.format(format, output, "json", "json", "csv");
        final Report report = compute();
        try (OutputStream out = ChartCommand.Output.open(output)) {
            if (fmt.equals("csv")) {
                final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
                report.csv(csv);
                csv.flush();
                w.flush();
            } else {
                try (JsonGenerator g = ChartWriter.JSON.createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.useDefaultPrettyPrinter();
                    report.json(g);
                }
                out.write('\n');
            }
        }
        return 0;
    }

    /** The input file read as {@code shewhart chart} reads it: CSV (any separator, BOM, CRLF) or a workbook sheet. */
    CsvTable table() {
        return CsvTable.open(file, sheet);
    }

    /** Applies one option to the engine, prefixing the engine's message with the option's name. */
    static <T> T option(String name, Supplier<T> apply) {
        try {
            return apply.get();
        } catch (SpcInputException e) {
            throw new SpcInputException(name + ": " + e.getMessage());
        }
    }

    /** Runs a computation on the file's data, prefixing what the engine rejects with the file name. */
    <T> T onFile(CsvTable t, Supplier<T> apply) {
        try {
            return apply.get();
        } catch (SpcInputException e) {
            // the engine knows no files: what it rejects here is the data (too few points, no variation, ...)
            throw new SpcInputException(t.file() + ": " + e.getMessage());
        }
    }

    /**
     * The number of leading phase-1 points.
     *
     * @param baseline the {@code --baseline} option, {@code null} for all points
     * @param size number of points in the file
     */
    static int phaseOne(CsvTable t, Integer baseline, int size) {
        if (baseline == null) {
            return size;
        }
        if (baseline < 1 || baseline > size) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: --baseline %d is out of range; the file has %d points (distinct x), so give 1 to %d",
                    t.file(), baseline, size, size));
        }
        return baseline;
    }

    /** The {@code --sigma-method} estimator, or {@code null} for qcc's default. */
    static SigmaMethod estimator(String id) {
        return id == null ? null : option("--sigma-method", () -> SigmaMethod.of(id));
    }

    static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    static String text(double v) {
        return ChartWriter.text(v);
    }

    static String text(SigmaMethod e) {
        return e == null ? "" : e.id();
    }

    static void estimator(JsonGenerator g, SigmaMethod e) throws IOException {
        if (e == null) {
            g.writeNullField("sigmaMethod");
        } else {
            g.writeStringField("sigmaMethod", e.id());
        }
    }

    /** The shared calibration options of the CUSUM, EWMA and capability commands (a picocli mixin). */
    static final class Calibration {
        @Option(names = "--baseline", paramLabel = "N",
                description = "the first N points calibrate centre and sigma (phase I); default: all.")
        Integer baseline;

        @Option(names = "--cl", paramLabel = "NUM", description = "known centre instead of the phase-I mean.")
        Double cl;

        @Option(names = "--sigma", paramLabel = "NUM",
                description = "known process sigma (of one observation) instead of the phase-I estimate.")
        Double sigma;

        @Option(names = "--sigma-method", paramLabel = "ID",
                description = "individuals: mr (default) or sd; subgroups: uwave-r (default), uwave-sd, mvlue-r, "
                        + "mvlue-sd, rmsdf.")
        String sigmaMethod;

        double centre() {
            return cl == null ? Double.NaN : cl;
        }

        double knownSigma() {
            return sigma == null ? Double.NaN : sigma;
        }
    }
}
