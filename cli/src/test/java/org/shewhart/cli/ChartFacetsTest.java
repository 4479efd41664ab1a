package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shewhart.charts.ChartRenderer;
import org.shewhart.charts.Facets;
import org.shewhart.charts.Theme;
import picocli.CommandLine;

/**
 * Pictures of several series (small multiples), annotations from a table, phase names from --phase-col, --theme
 * and the PowerPoint board pack, through the command line.
 */
final class ChartFacetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Three wards, 20 weeks each from 2024-01-01; ward C is twice as high; a phase column changes at week 11. */
    private Path wards() throws IOException {
        final StringBuilder b = new StringBuilder("week,ward,falls,stage\n");
        for (int i = 0; i < 20; i++) {
            final String week = LocalDate.of(2024, 1, 1).plusWeeks(i).toString();
            for (String w : new String[] {"A", "B", "C"}) {
                final int v = (w.equals("C") ? 20 : 10) + (i * 7 + w.charAt(0)) % 5;
                b.append(week).append(',').append(w).append(',').append(v).append(',')
                        .append(i < 10 ? "Before" : "PDSA 1").append('\n');
            }
        }
        return write("wards.csv", b.toString());
    }

    private Path write(String name, String text) throws IOException {
        final Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static ChartCommand command(String... args) {
        final ChartCommand c = new ChartCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void byDrawsOnePanelPerSeriesFromExactlyTheResultsTheJsonHolds() throws IOException {
        final Path wards = wards();
        final Path png = tmp.resolve("wall.png");
        final ScanCommandTest.Run r = ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week",
                "--y", "falls", "--by", "ward", "--title", "Falls by ward", "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        final BufferedImage image = ImageIO.read(png.toFile());
        // three panels in a row by default: 420 wide each, one row of 270 and the title band
        assertEquals(1260, image.getWidth());
        assertEquals(300, image.getHeight());

        final Path json = tmp.resolve("wall.json");
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y", "falls",
                "--by", "ward", "-o", json.toString()).code());
        final JsonNode series = JSON.readTree(json.toFile()).get("series");
        final ChartCommand c = command(wards.toString(), "--chart", "xmr", "--x", "week", "--y", "falls", "--by",
                "ward");
        final List<ChartCommand.Charted> all = c.computeAll();
        final Facets f = c.facets(all, Facets.Scales.SHARED);
        assertEquals(3, f.charts().size());
        for (int p = 0; p < 3; p++) {
            final JFreeChart chart = f.charts().get(p);
            assertEquals(series.get(p).get("key").get("ward").asText(), chart.getTitle().getText());
            final XYDataset d = chart.getXYPlot().getDataset();
            final int points = d.indexOf(ChartRenderer.POINTS);
            final int ucl = d.indexOf(ChartRenderer.UPPER_LIMIT);
            final JsonNode pts = series.get(p).get("points");
            assertEquals(pts.size(), d.getItemCount(points));
            for (int i = 0; i < pts.size(); i++) {
                assertEquals(pts.get(i).get("y").asDouble(), d.getYValue(points, i), 0.0);
            }
            assertEquals(pts.get(0).get("ucl").asDouble(), d.getYValue(ucl, 0), 0.0);
        }
        // shared: one y range; free: ward C's range sits above ward A's
        assertEquals(f.charts().get(0).getXYPlot().getRangeAxis().getRange(),
                f.charts().get(2).getXYPlot().getRangeAxis().getRange());
        final Facets free = c.facets(all, Facets.Scales.FREE);
        assertTrue(free.charts().get(2).getXYPlot().getRangeAxis().getLowerBound()
                > free.charts().get(0).getXYPlot().getRangeAxis().getLowerBound() + 5);
        assertEquals(free.charts().get(2).getXYPlot().getRangeAxis().getUpperBound(),
                f.charts().get(0).getXYPlot().getRangeAxis().getUpperBound(), 1e-9);
    }

    @Test
    void wideColumnsAreFacetsTooAndSizeAndColumnsAreHonoured() throws IOException {
        final Path wide = Path.of(resource("ugly/wide.csv"));
        final Path svg = tmp.resolve("wide.svg");
        final ScanCommandTest.Run r = ScanCommandTest.run("chart", wide.toString(), "--chart", "xmr", "--x", "month",
                "--y", "falls,pressure_ulcers,sepsis_screening", "--columns", "1", "--facet-scales", "free",
                "--width", "700", "--height", "900", "-o", svg.toString());
        assertEquals(0, r.code(), r.err());
        final String text = Files.readString(svg);
        assertTrue(text.contains("width='700' height='900'"), text.substring(0, 400));
        for (String m : new String[] {"falls", "pressure_ulcers", "sepsis_screening"}) {
            assertTrue(text.contains(">" + m + "<"), m);
        }
        final ScanCommandTest.Run small = ScanCommandTest.run("chart", wide.toString(), "--chart", "xmr", "--x",
                "month", "--y", "falls,pressure_ulcers,sepsis_screening", "--columns", "3", "--width", "250", "-o",
                tmp.resolve("small.png").toString());
        assertEquals(2, small.code());
        assertTrue(small.err().contains("3 panels in 3 columns need a figure of at least 300"), small.err());
        assertEquals(2, ScanCommandTest.run("chart", wide.toString(), "--chart", "xmr", "--x", "month", "--y",
                "falls,pressure_ulcers", "--columns", "0", "-o", tmp.resolve("z.png").toString()).code());
    }

    private static String resource(String name) {
        try {
            return Path.of(ChartFacetsTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void annotationsAreReadAsXIsAndCarriedIntoTheJson() throws IOException {
        final Path wards = wards();
        // a date between two weekly points, a date on a point; one row for ward B only
        final Path notes = write("notes.csv", "x,text,ward\n2024-02-14,Huddles,\n2024-03-04,Bed rails audit,B\n");
        final Path json = tmp.resolve("a.json");
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                "falls", "--by", "ward", "--annotations", notes.toString(), "-o", json.toString()).code());
        final JsonNode series = JSON.readTree(json.toFile()).get("series");
        assertEquals(1, series.get(0).get("annotations").size());
        assertEquals("2024-02-14", series.get(0).get("annotations").get(0).get("x").asText());
        assertEquals("Huddles", series.get(0).get("annotations").get(0).get("text").asText());
        assertEquals(2, series.get(1).get("annotations").size());
        assertEquals("Bed rails audit", series.get(1).get("annotations").get(1).get("text").asText());
        // a single chart takes every row; JSON without --annotations has no key at all
        final Path single = write("single.csv", "x,text\n2024-02-12,Huddles\n");
        final Path one = tmp.resolve("one.json");
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                "falls", "--annotations", single.toString(), "-o", one.toString()).code());
        assertEquals(1, JSON.readTree(one.toFile()).get("annotations").size());
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                "falls", "-o", one.toString()).code());
        assertFalse(JSON.readTree(one.toFile()).has("annotations"));
        final Path png = tmp.resolve("a.png");
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                "falls", "--annotations", single.toString(), "-o", png.toString()).code());
        assertNotNull(ImageIO.read(png.toFile()));
    }

    @Test
    void anAnnotationOffTheChartOrForNoSeriesIsAnErrorNamingFileRowAndValue() throws IOException {
        final Path wards = wards();
        final String[][] cases = {
            {"x,text\n2024-02-12,ok\n2023-12-25,Too early\n", "row 3, column 'x': '2023-12-25' is not on the chart;"
                + " x runs from 2024-01-01 to 2024-05-13 (x read as dates)"},
            {"x,text\nsoon,What\n", "row 2, column 'x': 'soon' is not a date"},
            {"x,text\n2024-02-12,\n", "row 2, column 'text': the text is empty"},
            {"when,text\n2024-02-12,a\n", "no column 'x' (--annotations)"},
        };
        for (String[] c : cases) {
            final Path notes = write("bad.csv", c[0]);
            final ScanCommandTest.Run r = ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x",
                    "week", "--y", "falls", "--annotations", notes.toString(), "-o",
                    tmp.resolve("x.png").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("bad.csv: " + c[1]) || r.err().contains(c[1]), r.err());
            assertEquals(1, r.lines().size(), r.err());
        }
        final Path notes = write("wards-notes.csv", "x,text,ward\n2024-02-12,a,D\n");
        final ScanCommandTest.Run r = ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week",
                "--y", "falls", "--by", "ward", "--annotations", notes.toString(), "-o", tmp.resolve("y.png")
                        .toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("wards-notes.csv: row 2, column 'ward': 'D' is not a ward of the chart"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("y.png")));
    }

    @Test
    void phasesAreNamedByThePhaseColumnInJsonAndPicture() throws IOException {
        final Path wards = wards();
        final Path json = tmp.resolve("p.json");
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                "falls", "--by", "ward", "--phase-col", "stage", "-o", json.toString()).code());
        final JsonNode phases = JSON.readTree(json.toFile()).get("series").get(0).get("phases");
        assertEquals("Before", phases.get(0).get("label").asText());
        assertEquals("PDSA 1", phases.get(1).get("label").asText());
        // --phase-at splitting a named phase: the new part is "Phase 3", the names stay where they began
        final ChartCommand c = command(wards.toString(), "--chart", "xmr", "--x", "week", "--y", "falls", "--by",
                "ward", "--phase-col", "stage", "--phase-at", "2024-04-15");
        final ChartCommand.Charted first = c.computeAll().get(0);
        assertEquals(3, first.result().phases().size());
        assertEquals("Before", first.labels().phaseLabel(0));
        assertEquals("PDSA 1", first.labels().phaseLabel(1));
        assertEquals("Phase 3", first.labels().phaseLabel(2));
        // without --phase-col no label key
        assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                "falls", "--by", "ward", "--phase-at", "2024-03-11", "-o", json.toString()).code());
        assertFalse(JSON.readTree(json.toFile()).get("series").get(0).get("phases").get(0).has("label"));
    }

    @Test
    void themePlainIsWiredAndAnUnknownThemeIsBadUsage() throws IOException {
        final Path wards = wards();
        final ChartCommand c = command(wards.toString(), "--chart", "xmr", "--x", "week", "--y", "falls", "--theme",
                "PLAIN");
        assertEquals(Theme.PLAIN, c.style().theme());
        assertFalse(c.style().hasIcons());
        assertEquals(Theme.MAKING_DATA_COUNT, command(wards.toString(), "--chart", "xmr").style().theme());
        final Path a = tmp.resolve("plain.svg");
        final Path b = tmp.resolve("mdc.svg");
        for (String[] t : new String[][] {{"plain", a.toString()}, {"mdc", b.toString()}}) {
            assertEquals(0, ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--x", "week", "--y",
                    "falls", "--by", "ward", "--theme", t[0], "-o", t[1]).code());
        }
        // the plain theme's data grey, and no icon captions
        final String plain = Files.readString(a);
        assertTrue(plain.contains("rgb(140,140,140)") && !plain.contains(">variation<"));
        assertTrue(Files.readString(b).contains(">variation<"));
        final ScanCommandTest.Run r = ScanCommandTest.run("chart", wards.toString(), "--chart", "xmr", "--theme",
                "dark", "-o", tmp.resolve("d.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--theme 'dark' is not one of mdc, plain"), r.err());
    }

    @Test
    void reportWritesAPowerPointDeckAndTakesTheTheme() throws IOException {
        final Path wards = wards();
        final Path pptx = tmp.resolve("pack.pptx");
        final ScanCommandTest.Run r = ScanCommandTest.run("report", wards.toString(), "--by", "ward", "--x", "week",
                "--y", "falls", "--theme", "plain", "--title", "Wards", "-o", pptx.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().isEmpty(), r.err());
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertEquals(1 + 3, ppt.getSlides().size());
            assertEquals("Wards", ppt.getSlides().get(0).getPlaceholder(0).getText());
        }
        assertEquals(2, ScanCommandTest.run("report", wards.toString(), "--by", "ward", "--x", "week", "--y", "falls",
                "--theme", "neon", "-o", pptx.toString()).code());
        assertEquals("pptx", ChartCommand.Output.format(null, "PACK.PPTX", "pdf", "pdf", "html", "pptx")
                .toLowerCase(Locale.ROOT));
    }
}
