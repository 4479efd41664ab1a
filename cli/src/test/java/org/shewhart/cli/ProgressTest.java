package org.shewhart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line: drawn only when standard error is a terminal (the decision is injected), not before a second
 * has passed, at most five times a second, and cleared at the end.
 */
final class ProgressTest {
    @TempDir
    Path tmp;

    @Test
    void lineFormat() {
        assertEquals("scan [###########.............]  45% 620 of 1,380 MB read, 12,345 series charted, 3 s",
                Progress.line("scan", 45, 100, "620 of 1,380 MB read, 12,345 series charted", 3200));
        assertEquals("scan [########################] 100% done, 0 s", Progress.line("scan", 7, 7, "done", 999));
        assertEquals("generate 12 rows, 61 s", Progress.line("generate", 12, 0, "12 rows", 61_000));
    }

    @Test
    void forcedOnItDrawsAfterASecondAndClearsAtTheEnd() {
        final StringWriter out = new StringWriter();
        final AtomicLong now = new AtomicLong(10_000);
        final Progress p = new Progress(new PrintWriter(out, true), true, "scan", now::get);
        p.update(10, 100, () -> "a");
        now.set(10_900);
        p.update(20, 100, () -> "b");
        assertEquals("", out.toString(), "nothing in the first second");
        now.set(11_000);
        p.update(30, 100, () -> "thirty");
        assertEquals("\rscan [#######.................]  30% thirty, 1 s", out.toString());
        now.set(11_100);
        p.update(40, 100, () -> "forty");
        assertEquals("\rscan [#######.................]  30% thirty, 1 s", out.toString(), "at most every 200 ms");
        now.set(11_300);
        p.update(50, 100, () -> "x");
        final String second = "\rscan [############............]  50% x, 1 s";
        // the shorter line pads over the longer one
        assertEquals("\rscan [#######.................]  30% thirty, 1 s" + second + "     ", out.toString());
        p.finish();
        assertEquals(true, out.toString().endsWith("\r" + " ".repeat(second.length() - 1) + "\r"));
    }

    @Test
    void notATerminalItIsSilent() {
        final StringWriter out = new StringWriter();
        final AtomicLong now = new AtomicLong(0);
        final Progress p = new Progress(new PrintWriter(out, true), false, "scan", now::get);
        for (int i = 0; i < 100; i++) {
            now.addAndGet(500);
            p.update(i, 100, () -> "x");
        }
        p.finish();
        assertEquals("", out.toString());
    }

    /** Under the test runner standard error is a pipe or a file: not a terminal (unless forced by the env). */
    @Test
    void theTestRunnerIsNotATerminal() {
        if (System.getenv("SHEWHART_PROGRESS") == null) {
            assertFalse(Progress.stderrIsTerminal());
        }
    }

    /** scan and generate through Main, not a terminal: standard error stays empty. */
    @Test
    void commandsAreSilentWhenNotATerminal() throws Exception {
        final Path feed = tmp.resolve("f.csv");
        final StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"generate", "--series", "2000", "--points", "40", "-o",
            feed.toString()}, new PrintWriter(err, true), false));
        assertEquals(0, Main.run(new String[] {"scan", feed.toString(), "--by", "series", "-o",
            tmp.resolve("s.csv").toString()}, new PrintWriter(err, true), false));
        assertEquals("", err.toString());
        assertEquals(2000 * 40 + 1, Files.readAllLines(feed).size());
    }
}
