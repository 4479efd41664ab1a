package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shewhart.charts.pack.BoardPack;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartType;

/**
 * {@code shewhart report}: a long feed and a settings file to a board pack; each indicator charted with its own
 * settings; bad settings or feed rows exit 2 with one line naming file, row, column and value.
 */
final class ReportCommandTest {
    @TempDir
    Path tmp;

    private Path feed() throws IOException {
        final StringBuilder b = new StringBuilder("indicator,month,value\n");
        for (int i = 0; i < 24; i++) {
            final String month = String.format("%d-%02d-01", 2023 + i / 12, i % 12 + 1);
            b.append("Falls,").append(month).append(',').append(5 + i % 3).append('\n');
            b.append("\"A&E <4h>\",").append(month).append(',').append(0.70 + (i % 4) * 0.01).append('\n');
        }
        return write("feed.csv", b.toString());
    }

    private Path write(String name, String text) throws IOException {
        final Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void writesPdfAndHtmlWithEachIndicatorsSettings() throws IOException {
        final Path feed = feed();
        final Path settings = write("settings.csv", "indicator,chart,improvement,target,unit,multiply,phase-at\n"
                + "\"A&E <4h>\",xmr,increase,95,%,100,\n"
                + "Falls,run,decrease,,falls a month,,2024-01-01\n");
        final Path pdf = tmp.resolve("pack.pdf");
        final Path html = tmp.resolve("pack.html");
        for (Path out : List.of(pdf, html)) {
            final ScanCommandTest.Run r = ScanCommandTest.run("report", feed.toString(), "--by", "indicator", "--x",
                    "month", "--y", "value", "--settings", settings.toString(), "--title", "Board", "-o",
                    out.toString());
            assertEquals(0, r.code(), r.err());
        }
        assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        final String text = Files.readString(html);
        assertTrue(text.contains("A&amp;E &lt;4h&gt;") && text.contains("falls a month"), "names and units");
        final ReportCommand c = new ReportCommand();
        c.feed = feed;
        c.by = "indicator";
        c.x = "month";
        c.y = "value";
        c.settings = settings;
        final List<BoardPack.Indicator> inds = c.build().ordered();
        final BoardPack.Indicator ae = inds.stream().filter(i -> i.name().equals("A&E <4h>")).findFirst()
                .orElseThrow();
        // multiply 100 and target 95 reach the chart: 70-73 % never meets 95 %
        assertEquals(Assurance.CONSISTENT_FAIL, ae.result().assurance());
        assertEquals(70, ae.result().valueAt(0), 1e-9);
        final BoardPack.Indicator falls = inds.stream().filter(i -> i.name().equals("Falls")).findFirst()
                .orElseThrow();
        assertEquals(ChartType.RUN, falls.result().spec().type());
        assertEquals(2, falls.result().phases().size(), "phase-at 2024-01-01 starts a second phase");
        assertEquals("falls a month", falls.settings().unit());
    }

    @Test
    void withoutSettingsEveryIndicatorIsAnXmrChart() throws IOException {
        final ScanCommandTest.Run r = ScanCommandTest.run("report", feed().toString(), "--by", "indicator", "--x",
                "month", "--y", "value", "-o", tmp.resolve("p.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, countOf(Files.readString(tmp.resolve("p.html")), "<svg id='c"));
    }

    @Test
    void badSettingsCellExitsTwoNamingFileRowColumnAndValue() throws IOException {
        final Path settings = write("bad.csv", "indicator,improvement\nFalls,decrease\n\"A&E <4h>\",upwards\n");
        final ScanCommandTest.Run r = ScanCommandTest.run("report", feed().toString(), "--by", "indicator", "--x",
                "month", "--y", "value", "--settings", settings.toString(), "-o", tmp.resolve("p.pdf").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.lines().size(), r.err());
        final String line = r.lines().get(0);
        assertTrue(line.contains("bad.csv") && line.contains("row 3") && line.contains("'improvement'")
                && line.contains("upwards"), line);
    }

    @Test
    void settingsForAnIndicatorNotInTheFeedIsAnError() throws IOException {
        final Path settings = write("typo.csv", "indicator,target\nFals,3\n");
        final ScanCommandTest.Run r = ScanCommandTest.run("report", feed().toString(), "--by", "indicator", "--x",
                "month", "--y", "value", "--settings", settings.toString(), "-o", tmp.resolve("p.pdf").toString());
        assertEquals(2, r.code());
        assertTrue(r.lines().get(0).contains("typo.csv: row 2") && r.lines().get(0).contains("Fals"), r.err());
    }

    @Test
    void phaseAtNamingNoPointIsAnErrorNamingTheSettingsRow() throws IOException {
        final Path settings = write("phase.csv", "indicator,phase-at\nFalls,2030-01-01\n");
        final ScanCommandTest.Run r = ScanCommandTest.run("report", feed().toString(), "--by", "indicator", "--x",
                "month", "--y", "value", "--settings", settings.toString(), "-o", tmp.resolve("p.pdf").toString());
        assertEquals(2, r.code());
        final String line = r.lines().get(0);
        assertTrue(line.contains("phase.csv: row 2, column 'phase-at'") && line.contains("2030-01-01"), line);
    }

    @Test
    void badFeedValueExitsTwoNamingTheRowInTheFeed() throws IOException {
        final Path feed = write("feed.csv", "indicator,month,value\nA,2024-01-01,1\nB,2024-01-01,2\nA,2024-02-01,x\n"
                + "A,2024-03-01,3\nB,2024-02-01,2\nB,2024-03-01,4\n");
        final ScanCommandTest.Run r = ScanCommandTest.run("report", feed.toString(), "--by", "indicator", "--x",
                "month", "--y", "value", "-o", tmp.resolve("p.pdf").toString());
        assertEquals(2, r.code());
        final String line = r.lines().get(0);
        assertTrue(line.contains("feed.csv: row 4, column 'value'") && line.contains("x"), line);
    }

    private static int countOf(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
