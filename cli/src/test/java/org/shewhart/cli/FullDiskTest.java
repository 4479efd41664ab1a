package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up: a scan's temporary file of sorted runs, or any command's output, cannot be written. The
 * file-size limit of a child process ({@code ulimit -f}: a write past it fails with "File too large", as on a full
 * disk) stands in for a full disk. The command stops with exit code 2 and one line naming the file and what to do,
 * not an internal error, and leaves no output (truncated or not) and no temporary file behind.
 */
final class FullDiskTest {
    @TempDir
    Path tmp;

    /** Exit code and standard error of a {@code shewhart} run in a child JVM limited to files of {@code kb} KB. */
    private record Child(int code, String err) {
    }

    private static Child limited(int kb, String... args) throws IOException, InterruptedException {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final StringBuilder cmd = new StringBuilder("ulimit -f ").append(kb).append(" && exec '").append(java)
                .append("' -cp '").append(System.getProperty("java.class.path")).append("' ")
                .append(Main.class.getName());
        for (String a : args) {
            cmd.append(" '").append(a).append('\'');
        }
        final Process p = new ProcessBuilder("bash", "-c", cmd.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), err);
    }

    private Path feed() {
        final Path feed = tmp.resolve("feed.csv");
        final StringWriter err = new StringWriter();
        final int code = Main.run(new String[] {"generate", "--series", "5000", "--points", "52", "--seed", "7", "-o",
            feed.toString()}, new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return feed;
    }

    private static List<String> lines(String err) {
        final List<String> out = new ArrayList<>();
        for (String l : err.split("\n")) {
            if (!l.isBlank() && !l.startsWith("WARNING")) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** The sorted runs of a feed beyond --memory do not fit on the disk. */
    @Test
    void spillFileThatCannotBeWrittenIsOneLine() throws Exception {
        final Path feed = feed();
        final Path temp = Files.createDirectory(tmp.resolve("temp"));
        final Path out = tmp.resolve("summary.csv");
        final Child c = limited(1024, "scan", feed.toString(), "--by", "series", "--memory", "2m", "--temp-dir",
                temp.toString(), "-o", out.toString());
        assertEquals(2, c.code(), c.err());
        final List<String> lines = lines(c.err());
        assertEquals(1, lines.size(), c.err());
        assertTrue(lines.get(0).startsWith("shewhart: cannot write the temporary file " + temp), c.err());
        assertTrue(lines.get(0).contains("File too large") && lines.get(0).contains("--temp-dir"), c.err());
        assertFalse(Files.exists(out), "a failed scan left a summary");
        assertEquals(List.of(), files(temp), "a failed scan left temporary files");
    }

    /**
     * Every command's output that does not fit (a chart as PNG, PDF and CSV, a board pack as PDF, HTML and PPTX, a
     * generated feed): one line, exit code 2, and no truncated file left where it was to go. The PPTX pack is saved
     * in memory first, since POI reports a failed write without its cause.
     */
    @Test
    void everyOutputThatCannotBeWrittenIsOneLineAndRemoved() throws Exception {
        final Path series = tmp.resolve("series.csv");
        final StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 1; i <= 60; i++) {
            sb.append(i).append(',').append(10 + (i * 7919) % 13).append('\n');
        }
        Files.writeString(series, sb.toString());
        final Path feed = tmp.resolve("small-feed.csv");
        assertEquals(0, Main.run(new String[] {"generate", "--series", "12", "--points", "40", "--seed", "3", "-o",
            feed.toString()}, new PrintWriter(new StringWriter(), true)));
        final Path dir = Files.createDirectory(tmp.resolve("outputs"));
        final List<String[]> commands = List.of(
                new String[] {"chart", series.toString(), "--chart", "xmr", "-o", dir.resolve("c.png").toString()},
                new String[] {"chart", series.toString(), "--chart", "xmr", "-o", dir.resolve("c.pdf").toString()},
                new String[] {"chart", series.toString(), "--chart", "xmr", "-o", dir.resolve("c.csv").toString()},
                new String[] {"report", feed.toString(), "--by", "series", "-o", dir.resolve("p.pdf").toString()},
                new String[] {"report", feed.toString(), "--by", "series", "-o", dir.resolve("p.html").toString()},
                new String[] {"report", feed.toString(), "--by", "series", "-o", dir.resolve("p.pptx").toString()},
                new String[] {"generate", "--series", "2000", "--points", "52", "-o", dir.resolve("g.csv").toString()});
        for (String[] args : commands) {
            final String target = args[args.length - 1];
            final Child c = limited(2, args);
            assertEquals(2, c.code(), c.err());
            final List<String> lines = lines(c.err());
            assertEquals(1, lines.size(), c.err());
            assertTrue(lines.get(0).startsWith("shewhart: cannot write " + target + ": File too large"), c.err());
            assertEquals(List.of(), files(dir), target + ": a failed write left a file");
        }
    }

    /** The summary itself does not fit: no partial summary is left where it was to go. */
    @Test
    void outputThatCannotBeWrittenIsOneLine() throws Exception {
        final Path feed = feed();
        final Path dir = Files.createDirectory(tmp.resolve("out"));
        final Path out = dir.resolve("summary.csv");
        final Child c = limited(64, "scan", feed.toString(), "--by", "series", "-o", out.toString());
        assertEquals(2, c.code(), c.err());
        final List<String> lines = lines(c.err());
        assertEquals(1, lines.size(), c.err());
        assertTrue(lines.get(0).startsWith("shewhart: cannot write " + out + " (through "), c.err());
        assertTrue(lines.get(0).contains("File too large"), c.err());
        assertEquals(List.of(), files(dir), "a failed scan left a summary or a temporary file");
    }
}
