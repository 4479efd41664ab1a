package org.shewhart.engine.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FunnelPlotR 0.6.0 reference cases (see {@code README.md} beside them): every field a case provides, with
 * {@code |a - e| <= 1e-9 max(1, |e|)} and flags exactly; plus the Poisson limits of FunnelPlotR's own test.
 */
final class FunnelPlotRCasesTest {
    private static final double TOL = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "funnelplotr-PR-cabg_deaths_by_month",
        "funnelplotr-PR-synthetic_binomial-no_overdispersion",
        "funnelplotr-PR-synthetic_overdispersed-adjusted99",
        "funnelplotr-PR-synthetic_overdispersed-percent",
        "funnelplotr-RC-hospital_infections",
        "funnelplotr-RC-synthetic-adjusted99",
        "funnelplotr-SR-medpar-CQC-adjusted95",
        "funnelplotr-SR-medpar-SHMI-adjusted99",
        "funnelplotr-SR-medpar-SHMI-norounding-trim5",
        "funnelplotr-SR-medpar-unadjusted99"})
    void reproducesFunnelPlotR(String name) throws IOException {
        final JsonNode c = json(name + ".json");
        final JsonNode args = c.get("args");
        final Input in = csv(c.get("input_csv").asText());
        final FunnelResult r = specOf(args).compute(in.units, in.numerator, in.denominator);

        final JsonNode p = c.get("points");
        final int n = c.get("n_points").asInt();
        assertEquals(n, r.size(), name + ": units");
        final int l95 = level(r, 95);
        final int l99 = level(r, 99.8);
        final Check check = new Check(name);
        for (int k = 0; k < n; k++) {
            final String group = p.get("group").get(k).asText();
            final int i = r.indexOf(group);
            assertTrue(i >= 0, name + ": no unit " + group);
            check.number(group, "numerator", r.numeratorAt(i), p.get("numerator").get(k));
            check.number(group, "denominator", r.denominatorAt(i), p.get("denominator").get(k));
            check.number(group, "ratio", r.ratioAt(i), p.get("ratio").get(k));
            check.number(group, "y_transformed", r.transformedAt(i), p.get("y_transformed").get(k));
            check.number(group, "z_unadjusted", r.zAt(i), p.get("z_unadjusted").get(k));
            check.number(group, "z_winsorised", r.trimmedZAt(i), p.get("z_winsorised").get(k));
            check.flag(group, "trimmed", r.isTrimmed(i), p.get("trimmed").get(k));
            check.number(group, "lcl95", r.lowerLimitAt(l95, i), p.get("lcl95").get(k));
            check.number(group, "ucl95", r.upperLimitAt(l95, i), p.get("ucl95").get(k));
            check.number(group, "lcl99", r.lowerLimitAt(l99, i), p.get("lcl99").get(k));
            check.number(group, "ucl99", r.upperLimitAt(l99, i), p.get("ucl99").get(k));
            check.number(group, "od_lcl95", r.adjustedLowerLimitAt(l95, i), p.get("od_lcl95").get(k));
            check.number(group, "od_ucl95", r.adjustedUpperLimitAt(l95, i), p.get("od_ucl95").get(k));
            check.number(group, "od_lcl99", r.adjustedLowerLimitAt(l99, i), p.get("od_lcl99").get(k));
            check.number(group, "od_ucl99", r.adjustedUpperLimitAt(l99, i), p.get("od_ucl99").get(k));
            check.flag(group, "outlier", r.isOutlier(i), c.get("signals").get("outlier").get(k));
        }
        final JsonNode s = c.get("summary");
        check.number("summary", "target", r.target(), s.get("target"));
        check.number("summary", "phi", r.phi(), s.get("phi"));
        check.number("summary", "tau2", r.tau2(), s.get("tau2"));
        check.number("summary", "n_groups", r.size(), s.get("n_groups"));
        check.number("summary", "n_used_for_overdispersion", r.unitsUsed(), s.get("n_used_for_overdispersion"));
        check.flag("summary", "draw_adjusted_effective", r.isAdjusted(), s.get("draw_adjusted_effective"));
        // FunnelPlotR draws the unadjusted limits when asked to, or when they are the ones in effect
        check.flag("summary", "draw_unadjusted_effective",
                args.get("draw_unadjusted").asBoolean() || !r.isAdjusted(), s.get("draw_unadjusted_effective"));
        check.number("summary", "n_outliers", r.outlierCount(), s.get("n_outliers"));
        if (!r.trimming().id().equals(s.get("trimming").asText())) {
            check.fail("summary", "trimming", r.trimming().id(), s.get("trimming").asText());
        }
        check.done();
    }

    /**
     * FunnelPlotR's {@code tests/testthat/test-poisson_limits.R}: exact Poisson limits of a standardised ratio at
     * E = 15, 20, 30 with target 1, printed there to 7 significant digits; ours must print the same.
     */
    @Test
    void poissonLimitsOfFunnelPlotRsOwnTest() {
        final double[][] expected = {
            // E, ll95, ul95, ll99.8, ul99.8 (SPC-METHODS.md b7)
            {15, 0.5596924, 1.649348, 0.3862650, 2.082907},
            {20, 0.6108260, 1.544419, 0.4479107, 1.902094},
            {30, 0.6746958, 1.427562, 0.5289724, 1.702771},
        };
        final FunnelResult r = FunnelSpec.builder(FunnelType.STANDARDISED_RATIO)
                .overdispersion(Overdispersion.NONE).build()
                .compute(new String[] {"a", "b", "c"}, new double[] {15, 20, 30}, new double[] {15, 20, 30});
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i][0], r.denominatorAt(i));
            assertEquals(expected[i][1], signif7(r.lowerLimitAt(0, i)), "ll95 at E = " + expected[i][0]);
            assertEquals(expected[i][2], signif7(r.upperLimitAt(0, i)), "ul95 at E = " + expected[i][0]);
            assertEquals(expected[i][3], signif7(r.lowerLimitAt(1, i)), "ll99.8 at E = " + expected[i][0]);
            assertEquals(expected[i][4], signif7(r.upperLimitAt(1, i)), "ul99.8 at E = " + expected[i][0]);
        }
    }

    private static double signif7(double v) {
        return new BigDecimal(v).round(new MathContext(7, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** The FunnelPlotR call of a case as a spec. */
    static FunnelSpec specOf(JsonNode args) {
        final FunnelSpec.Builder b = FunnelSpec.builder(FunnelType.of(args.get("data_type").asText()))
                .method(StandardisedRatioMethod.of(args.get("sr_method").asText()))
                .outlierCoverage(args.get("limit").asInt() == 95 ? 95 : 99.8)
                .trim(args.get("trim_by").asDouble())
                .multiplier(args.get("multiplier").asDouble())
                .shmiRounding(args.get("SHMI_rounding").asBoolean());
        if (!args.get("draw_adjusted").asBoolean()) {
            b.overdispersion(Overdispersion.NONE);
        } else if (args.get("draw_unadjusted").asBoolean()) {
            // both drawn: FunnelPlotR judges outliers against the adjusted limits even when phi <= 1
            b.underdispersionFallback(false);
        }
        return b.build();
    }

    private static int level(FunnelResult r, double coverage) {
        for (int l = 0; l < r.levelCount(); l++) {
            if (r.coverageAt(l) == coverage) {
                return l;
            }
        }
        throw new AssertionError("no coverage level " + coverage);
    }

    static JsonNode json(String resource) throws IOException {
        try (InputStream s = FunnelPlotRCasesTest.class.getResourceAsStream(resource)) {
            if (s == null) {
                throw new IOException("missing test resource " + resource);
            }
            return JSON.readTree(s);
        }
    }

    /** Rows of a case CSV: {@code "group","numerator","denominator"}, group quoted, numbers not. */
    static Input csv(String resource) throws IOException {
        final List<String> units = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();
        try (InputStream s = FunnelPlotRCasesTest.class.getResourceAsStream(resource)) {
            if (s == null) {
                throw new IOException("missing test resource " + resource);
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
            assertEquals("\"group\",\"numerator\",\"denominator\"", r.readLine());
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                final String[] f = line.split(",", -1);
                assertEquals(3, f.length, line);
                units.add(f[0].replace("\"", ""));
                values.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        final Input in = new Input(units.size());
        for (int i = 0; i < in.units.length; i++) {
            in.units[i] = units.get(i);
            in.numerator[i] = values.get(i)[0];
            in.denominator[i] = values.get(i)[1];
        }
        return in;
    }

    /** Input columns. */
    static final class Input {
        final String[] units;
        final double[] numerator;
        final double[] denominator;

        Input(int n) {
            units = new String[n];
            numerator = new double[n];
            denominator = new double[n];
        }
    }

    /** Collects every mismatch of a case, so one run reports them all. */
    private static final class Check {
        private final String name;
        private final List<String> failures = new ArrayList<>();

        Check(String name) {
            this.name = name;
        }

        void number(String where, String field, double actual, JsonNode expected) {
            if (expected.isNull()) {
                // null = NA, NaN or infinite in R
                if (Double.isFinite(actual)) {
                    fail(where, field, actual, "null");
                }
                return;
            }
            final double e = expected.asDouble();
            if (!(Math.abs(actual - e) <= TOL * Math.max(1, Math.abs(e)))) {
                fail(where, field, actual, e);
            }
        }

        void flag(String where, String field, boolean actual, JsonNode expected) {
            if (actual != expected.asBoolean()) {
                fail(where, field, actual, expected.asBoolean());
            }
        }

        void fail(String where, String field, Object actual, Object expected) {
            failures.add(String.format(Locale.ROOT, "%s %s: %s, expected %s", where, field, actual, expected));
        }

        void done() {
            if (!failures.isEmpty()) {
                org.junit.jupiter.api.Assertions.fail(name + ": " + failures.size() + " mismatches\n"
                        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
            }
        }
    }
}
