package org.shewhart.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shewhart.engine.SpcInputException;
import org.shewhart.engine.funnel.FunnelResult;
import org.shewhart.engine.funnel.FunnelSpec;
import org.shewhart.engine.funnel.FunnelType;
import org.shewhart.engine.funnel.Overdispersion;
import org.shewhart.engine.funnel.StandardisedRatioMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shewhart funnel}: units from a CSV file (one row per unit, or several rows per unit that are summed) to a
 * funnel plot as JSON or CSV, with an optional limits lookup table for drawing.
 */
@Command(name = "funnel", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute a funnel plot (FunnelPlotR method) of units and write it as JSON or CSV.")
final class FunnelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "CSV file or Excel workbook (.xlsx, .xlsm, .xls), one row per unit (rows of the same unit "
                    + "are summed).")
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME", description = "sheet of an Excel workbook (default: the first).")
    String sheet;

    @Option(names = "--unit", paramLabel = "COL",
            description = "unit (institution) column (default: unit, or group if the file has no unit column).")
    String unit;

    @Option(names = "--numerator", paramLabel = "COL", defaultValue = "numerator",
            description = "numerator column: events, observed (default: numerator).")
    String numerator;

    @Option(names = "--denominator", paramLabel = "COL", defaultValue = "denominator",
            description = "denominator column: cases, second count or expected (default: denominator).")
    String denominator;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "proportion, ratio or standardised-ratio (or PR, RC, SR).")
    String type;

    @Option(names = "--limits", paramLabel = "PCT", split = ",",
            description = "coverage of the limits in percent (default: 95,99.8).")
    List<Double> limits = new ArrayList<>();

    @Option(names = "--outlier-limit", paramLabel = "PCT",
            description = "the limits that flag outliers, one of --limits (default: the widest).")
    Double outlierLimit;

    @Option(names = "--overdispersion", paramLabel = "MODEL", defaultValue = "additive",
            description = "none, multiplicative or additive (default: additive, FunnelPlotR's).")
    String overdispersion;

    @Option(names = "--fallback", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "judge outliers by the unadjusted limits when phi <= 1 (default: on, as FunnelPlotR).")
    boolean fallback;

    @Option(names = "--sr-method", paramLabel = "METHOD", defaultValue = "shmi",
            description = "standardised ratios: shmi (log, truncation) or cqc (square root, winsorisation).")
    String srMethod;

    @Option(names = "--trim", paramLabel = "F", defaultValue = "0.1",
            description = "fraction of z-scores trimmed at each end for phi (default: 0.1).")
    double trim;

    @Option(names = "--shmi-rounding", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "round SHMI expected values to 2 decimals (default: on).")
    boolean shmiRounding;

    @Option(names = "--multiply", paramLabel = "K", description = "multiply ratios and limits, e.g. 100 for %%.")
    Double multiply;

    @Option(names = "--target", paramLabel = "NUM",
            description = "target in plotted units (default: pooled numerator/denominator; 1 for SR).")
    Double target;

    @Option(names = "--grid", paramLabel = "N", description = "denominators in the limits table (default: 1000).")
    Integer grid;

    @Option(names = "--title", paramLabel = "TEXT", description = "title, carried into the output.")
    String title;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "output file, or - for standard output (default).")
    String output;

    @Option(names = "--format", paramLabel = "FMT", description = "json or csv (default: from OUT's extension).")
    String format;

    @Option(names = "--limits-table", paramLabel = "FILE",
            description = "also write the limits lookup table (a grid of denominators) to this CSV file.")
    String limitsTable;

    @Override
    public Integer call() throws IOException {
        final String fmt = ChartCommand.Output.format(format, output, "json", "json", "csv");
        final FunnelSpec spec = spec();
        final CsvTable table = CsvTable.open(file, sheet);
        final Rows rows = read(table, spec.type());
        final FunnelResult result;
        try {
            result = spec.compute(rows.units, rows.numerator, rows.denominator);
        } catch (SpcInputException e) {
            throw new SpcInputException(table.file() + ": " + e.getMessage());
        }
        try (OutputStream out = ChartCommand.Output.open(output)) {
            if (fmt.equals("csv")) {
                FunnelWriter.csv(result, out);
            } else {
                FunnelWriter.json(result, title, out);
            }
        }
        if (limitsTable != null) {
            try (OutputStream out = ChartCommand.Output.open(limitsTable)) {
                FunnelWriter.limitsTableCsv(result, out);
            }
        }
        return 0;
    }

    FunnelSpec spec() {
        final FunnelSpec.Builder b = FunnelSpec.builder(FunnelType.of(type))
                .method(StandardisedRatioMethod.of(srMethod))
                .overdispersion(Overdispersion.of(overdispersion))
                .underdispersionFallback(fallback)
                .trim(trim)
                .shmiRounding(shmiRounding);
        if (!limits.isEmpty()) {
            final double[] c = new double[limits.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = limits.get(i);
            }
            b.coverage(c);
        }
        if (outlierLimit != null) {
            b.outlierCoverage(outlierLimit);
        }
        if (multiply != null) {
            b.multiplier(multiply);
        }
        if (target != null) {
            b.target(target);
        }
        if (grid != null) {
            b.gridPoints(grid);
        }
        return b.build();
    }

    /** The rows of the file as columns, every cell checked. */
    record Rows(String[] units, double[] numerator, double[] denominator) {
    }

    Rows read(CsvTable t, FunnelType funnelType) {
        final String unitName = unit != null ? unit : !t.hasColumn("unit") && t.hasColumn("group") ? "group" : "unit";
        final int uc = t.column(unitName, "--unit");
        final int nc = t.column(numerator, "--numerator");
        final int dc = t.column(denominator, "--denominator");
        final int rows = t.rowCount();
        if (rows == 0) {
            throw new SpcInputException(String.format(Locale.ROOT,
                    "%s: the file has a header but no data rows; expected one row per unit", t.file()));
        }
        final String[] units = new String[rows];
        final double[] num = new double[rows];
        final double[] den = new double[rows];
        for (int r = 0; r < rows; r++) {
            units[r] = t.cell(r, uc);
            if (units[r].isEmpty()) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: empty unit; every row needs the name of its unit", t.where(r, uc)));
            }
            num[r] = ChartInput.number(t, r, nc);
            den[r] = ChartInput.number(t, r, dc);
            if (Double.isNaN(num[r])) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: missing numerator for unit '%s'; every row needs a count >= 0", t.where(r, nc),
                        units[r]));
            }
            if (num[r] < 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: numerator '%s' is negative; it must be a count >= 0", t.where(r, nc), t.cell(r, nc)));
            }
            if (Double.isNaN(den[r])) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: missing denominator for unit '%s'; every row needs a number > 0", t.where(r, dc),
                        units[r]));
            }
            if (den[r] <= 0) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: denominator '%s' is not positive; it must be > 0", t.where(r, dc), t.cell(r, dc)));
            }
            if (funnelType == FunnelType.PROPORTION && num[r] > den[r]) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "%s: numerator '%s' is greater than the denominator '%s'; a proportion needs "
                                + "0 <= numerator <= denominator", t.where(r, nc), t.cell(r, nc), t.cell(r, dc)));
            }
        }
        return new Rows(units, num, den);
    }
}
