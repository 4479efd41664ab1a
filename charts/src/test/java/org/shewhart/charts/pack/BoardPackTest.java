package org.shewhart.charts.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.shewhart.charts.XValues;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartResult;
import org.shewhart.engine.ChartType;
import org.shewhart.engine.Improvement;
import org.shewhart.engine.PointType;

/**
 * Board packs: table order (concerns first), the PDF's pages and selectable text, and the HTML's inline SVG,
 * escaping and self-containment.
 */
final class BoardPackTest {
    private static final int POINTS = 24;
    private static final String TRICKY = "A&E <4h>";

    /** Common-cause values around 50: a short cycle with no run, trend or point near the limits. */
    static double[] steady() {
        final double[] v = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            v[i] = 50 + (i * 7 % 5) - 2;
        }
        return v;
    }

    /** As {@link #steady()} but the last 8 points drop by 10: a shift below the mean at the end. */
    static double[] dropping() {
        final double[] v = steady();
        for (int i = POINTS - 8; i < POINTS; i++) {
            v[i] -= 10;
        }
        return v;
    }

    private static XValues months() {
        final double[] days = new double[POINTS];
        final String[] labels = new String[POINTS];
        for (int i = 0; i < POINTS; i++) {
            final LocalDate d = LocalDate.of(2023, 1, 1).plusMonths(i);
            days[i] = d.toEpochDay();
            labels[i] = d.toString();
        }
        return XValues.dates(days, labels);
    }

    static BoardPack.Indicator indicator(String name, IndicatorSettings s, double[] values) {
        final ChartResult r = s.builder(false).build().compute(values);
        return new BoardPack.Indicator(name, s, r, months());
    }

    static IndicatorSettings settings(Improvement improvement, double target, String unit) {
        return new IndicatorSettings(ChartType.XMR, improvement, target, unit, Double.NaN, null, List.of());
    }

    /** Added in the order: plain, failing target, concern, tricky name (common cause, passing target). */
    static BoardPack pack() {
        return new BoardPack("Quality & safety <test>")
                .add(indicator("Plain steady", settings(Improvement.INCREASE, Double.NaN, ""), steady()))
                .add(indicator("Failing target", settings(Improvement.INCREASE, 80, "%"), steady()))
                .add(indicator("Falling concern", settings(Improvement.INCREASE, Double.NaN, "per 1,000"),
                        dropping()))
                .add(indicator(TRICKY, settings(Improvement.INCREASE, 30, "% within 4 hours"), steady()));
    }

    @Test
    void theFixturesAreWhatTheTestsAssume() {
        final List<BoardPack.Indicator> added = List.of(pack().ordered().toArray(new BoardPack.Indicator[0]));
        final BoardPack.Indicator concern = find(added, "Falling concern");
        assertEquals(PointType.SPECIAL_CAUSE_CONCERN, concern.result().variation());
        assertFalse(concern.signalSentences().isEmpty());
        assertEquals(Assurance.CONSISTENT_FAIL, find(added, "Failing target").result().assurance());
        assertEquals(PointType.COMMON_CAUSE, find(added, "Plain steady").result().variation());
        assertEquals(Assurance.CONSISTENT_PASS, find(added, TRICKY).result().assurance());
    }

    @Test
    void concernsComeFirstThenFailedTargetsThenTheRestInTheOrderAdded() {
        final List<String> names = pack().ordered().stream().map(BoardPack.Indicator::name).toList();
        assertEquals(List.of("Falling concern", "Failing target", "Plain steady", TRICKY), names);
    }

    @Test
    void pdfHasTheTablePageAndOneChartPagePerIndicatorWithSelectableText() throws IOException {
        final BoardPack pack = pack();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack.writePdf(out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals(1 + 4, doc.getNumberOfPages());
            assertEquals(842, doc.getPage(0).getMediaBox().getWidth(), 0.5);
            assertEquals(595, doc.getPage(0).getMediaBox().getHeight(), 0.5);
            final PDFTextStripper stripper = new PDFTextStripper();
            final String all = stripper.getText(doc);
            for (BoardPack.Indicator ind : pack.ordered()) {
                assertTrue(all.contains(ind.name()), ind.name());
            }
            // page 1 is the table, in table order
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            final String table = stripper.getText(doc);
            assertTrue(table.indexOf("Falling concern") < table.indexOf("Failing target"), table);
            assertTrue(table.indexOf("Failing target") < table.indexOf("Plain steady"), table);
            // page 2 is the first chart (the concern) with its signals in words
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            final String page2 = stripper.getText(doc);
            final String sentence = find(pack.ordered(), "Falling concern").signalSentences().get(0);
            assertTrue(page2.contains(sentence), sentence + " not in:\n" + page2);
            assertTrue(page2.contains("points below the mean"), page2);
        }
    }

    @Test
    void tableContinuesOnASecondPagePastTwentyRows() throws IOException {
        final BoardPack pack = new BoardPack("Many");
        for (int i = 0; i < 25; i++) {
            pack.add(indicator("Indicator " + i, IndicatorSettings.DEFAULT, steady()));
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack.writePdf(out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertEquals(2 + 25, doc.getNumberOfPages());
            final PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            final String page2 = stripper.getText(doc);
            assertTrue(page2.contains("(continued)") && page2.contains("Indicator 24"), page2);
        }
    }

    @Test
    void htmlIsSelfContainedWithInlineSvgAndEscapedLabels() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack().writeHtml(out);
        final String html = out.toString(StandardCharsets.UTF_8);
        assertEquals(4, count(html, "<svg id='c"), "one chart per indicator");
        assertEquals(4, count(html, "<svg id='s"), "one sparkline per indicator");
        assertEquals(4, count(html, "<svg id='v"), "a variation icon per indicator");
        assertEquals(2, count(html, "<svg id='a"), "an assurance icon only for the two indicators with a target");
        assertEquals(count(html, "<svg"), count(html, "</svg>"));
        assertTrue(html.contains("A&amp;E &lt;4h&gt;"), "escaped in the table and the chart titles");
        assertFalse(html.contains(TRICKY), "never raw");
        assertTrue(html.contains("<title>Quality &amp; safety &lt;test&gt;</title>"));
        assertFalse(html.contains("<test>"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no external references");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("<img"));
        assertTrue(html.contains("<style>"));
        final String sentence = find(pack().ordered(), "Falling concern").signalSentences().get(0);
        assertTrue(html.contains("<li>" + BoardPack.escape(sentence) + "</li>"), sentence);
        // ids of clip paths and the like are unique across the inline SVGs of the page
        final Matcher m = Pattern.compile(" id=['\"]([^'\"]+)['\"]").matcher(html);
        final java.util.Set<String> ids = new java.util.HashSet<>();
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
    }

    @Test
    void pdfKeepsBackslashesAndUnbalancedParenthesesInNamesAndLongCutSentences() throws IOException {
        final String odd = "Waits (over 6 weeks \\ by site";
        final BoardPack pack = new BoardPack("Odd (names")
                .add(indicator(odd, settings(Improvement.INCREASE, Double.NaN, "unit)"), dropping()));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack.writePdf(out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            final String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains(odd) && all.contains("unit)") && all.contains("Odd (names"), all);
            // the sentences after the name on the chart page survive too
            assertTrue(all.contains("points below the mean"), all);
        }
    }

    @Test
    void pdfNeverPrintsQuestionMarksForTextPastAscii() throws IOException {
        // no target, so no assurance icon: its "?" would be the only question mark on the pages
        final BoardPack pack = new BoardPack("Qualité")
                .add(indicator("Anhøj – σ ≥ 5", settings(Improvement.INCREASE, Double.NaN, "µg/l"), dropping()));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack.writePdf(out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            final String all = new PDFTextStripper().getText(doc);
            assertFalse(all.contains("?"), all);
            assertTrue(all.contains("points below the mean"), "the ASCII text stays text:\n" + all);
        }
    }

    @Test
    void escapeCoversMarkupCharacters() {
        assertEquals("A&amp;E &lt;4h&gt; &quot;x&quot; &#39;y&#39;", BoardPack.escape("A&E <4h> \"x\" 'y'"));
    }

    private static BoardPack.Indicator find(List<BoardPack.Indicator> list, String name) {
        return list.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
