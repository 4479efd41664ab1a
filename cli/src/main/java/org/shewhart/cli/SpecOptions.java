package org.shewhart.cli;

import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.RuleProfile;
import org.shewhart.engine.SigmaMethod;
import org.shewhart.engine.SpcInputException;
import picocli.CommandLine.Option;

/**
 * The rule and limit options shared by {@code shewhart chart} and {@code shewhart scan} (a picocli mixin), and the
 * one place that turns them into a {@link ChartSpec.Builder}: a scan charts every series with exactly the spec
 * that {@code chart} would build for that series alone.
 */
final class SpecOptions {
    @Option(names = "--profile", paramLabel = "ID",
            description = "mdc, mdc-2023, anhoej, ihi, weco or nelson (default: anhoej for run, mdc otherwise).")
    String profile;

    @Option(names = "--shift", paramLabel = "N", description = "shift length in points (overrides the profile).")
    Integer shift;

    @Option(names = "--trend", paramLabel = "N", description = "trend length in points (overrides the profile).")
    Integer trend;

    @Option(names = "--improvement", paramLabel = "DIR", defaultValue = "increase",
            description = "increase, decrease or neutral (default: increase).")
    String improvement;

    @Option(names = "--target", paramLabel = "NUM", description = "target, in plotted units.")
    Double target;

    @Option(names = "--baseline", paramLabel = "N",
            description = "fix each phase's centre and limits on its first N points.")
    Integer baseline;

    @Option(names = "--screen-mr", negatable = true, paramLabel = "",
            description = "screen moving ranges >= 3.267 x AMR (default: per profile).")
    Boolean screenMr;

    @Option(names = "--cl", paramLabel = "NUM", description = "known centre line, in plotted units.")
    Double cl;

    @Option(names = "--sigma", paramLabel = "NUM", description = "known process sigma, in plotted units.")
    Double sigma;

    @Option(names = "--sigma-method", paramLabel = "ID",
            description = "individuals: mr (default) or sd; subgroups: uwave-r, uwave-sd, mvlue-r, "
                    + "mvlue-sd, rmsdf.")
    String sigmaMethod;

    @Option(names = "--sigmas", paramLabel = "K", description = "limits at K sigma (default: 3).")
    Double sigmas;

    @Option(names = "--confidence", paramLabel = "P",
            description = "probability limits covering P (e.g. 0.99): K = qnorm(1 - (1 - P) / 2); geometric "
                    + "quantiles on g charts under the weco and nelson profiles.")
    Double confidence;

    @Option(names = "--multiply", paramLabel = "K", description = "multiply values and lines, e.g. 100 for %%.")
    Double multiply;

    /**
     * A builder with every option applied; the caller adds what depends on the points (phase starts, exclusions).
     *
     * @param type the chart type
     * @param categorical whether x are text categories (no runs analysis, Laney sigma from the SD)
     * @throws SpcInputException for an unknown id or an out-of-range value
     */
    ChartSpec.Builder builder(ChartType type, boolean categorical) {
        final ChartSpec.Builder b = ChartSpec.builder(type);
        b.categorical(categorical);
        if (profile != null) {
            b.profile(RuleProfile.of(profile));
        }
        if (shift != null) {
            b.shiftLength(shift);
        }
        if (trend != null) {
            b.trendLength(trend);
        }
        b.improvement(Improvement.of(improvement));
        if (target != null) {
            b.target(target);
        }
        if (baseline != null) {
            if (baseline < 1) {
                throw new SpcInputException("--baseline must be a number of points >= 1, got " + baseline);
            }
            b.baseline(baseline);
        }
        if (screenMr != null) {
            b.screenMovingRanges(screenMr);
        }
        if (cl != null) {
            b.knownCentre(cl);
        }
        if (sigma != null) {
            b.knownSigma(sigma);
        }
        if (sigmaMethod != null) {
            b.sigmaMethod(SigmaMethod.of(sigmaMethod));
        }
        if (sigmas != null && confidence != null) {
            throw new SpcInputException("give --sigmas or --confidence, not both");
        }
        if (sigmas != null) {
            b.sigmas(sigmas);
        }
        if (confidence != null) {
            b.confidence(confidence);
        }
        if (multiply != null) {
            b.multiply(multiply);
        }
        return b;
    }
}
