package org.shewhart.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for work that takes more than a second, redrawn in place at most five
 * times a second, and only when standard error is a terminal: silent in pipes, files and CI logs. The line is
 * cleared when the work ends, so it never mixes with the one-line messages of the command.
 *
 * <p>Whether standard error is a terminal is decided once, by {@link #stderrIsTerminal}, and injected, so tests can
 * force either. Not thread-safe: one thread updates it.
 */
final class Progress {
    /** Milliseconds before the first drawing: quick runs show nothing. */
    static final long DELAY_MS = 1000;
    private static final long INTERVAL_MS = 200;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final LongSupplier clock;
    private final long start;
    private long next;
    private int shown;

    /**
     * @param err where to draw
     * @param enabled whether to draw at all (see {@link #stderrIsTerminal})
     * @param label what is being done, e.g. {@code scan}
     * @param clock milliseconds, for tests
     */
    Progress(PrintWriter err, boolean enabled, String label, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.next = start + DELAY_MS;
    }

    /** A progress line on the system clock. */
    static Progress of(PrintWriter err, boolean enabled, String label) {
        return new Progress(err, enabled, label, System::currentTimeMillis);
    }

    /**
     * Whether standard error is an interactive terminal: not when {@code SHEWHART_PROGRESS=0} or {@code CI} is
     * set or {@code TERM} is unset or {@code dumb}; then, on Linux, whether file descriptor 2 is a terminal
     * device, elsewhere whether the JVM has a console. {@code SHEWHART_PROGRESS=1} forces it on.
     */
    static boolean stderrIsTerminal() {
        final String force = System.getenv("SHEWHART_PROGRESS");
        if (force != null) {
            return force.equals("1");
        }
        final String term = System.getenv("TERM");
        if (System.getenv("CI") != null || term == null || term.equals("dumb")) {
            return false;
        }
        final Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                final String dev = Files.readSymbolicLink(fd).toString();
                return dev.startsWith("/dev/pts/") || dev.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /**
     * Redraws the line if due.
     *
     * @param done work done (e.g. bytes read)
     * @param total all the work, or 0 if unknown
     * @param detail what to show after the fraction, e.g. {@code 620 of 1380 MB read, 12,000 series charted}
     */
    void update(long done, long total, java.util.function.Supplier<String> detail) {
        if (!enabled) {
            return;
        }
        final long now = clock.getAsLong();
        if (now < next) {
            return;
        }
        next = now + INTERVAL_MS;
        draw(line(label, done, total, detail.get(), now - start));
    }

    /** The text of one progress line (without the carriage return). */
    static String line(String label, long done, long total, String detail, long elapsedMs) {
        final StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            final double f = Math.max(0, Math.min(1, (double) done / total));
            final int bar = (int) Math.round(f * WIDTH);
            sb.append('[');
            for (int i = 0; i < WIDTH; i++) {
                sb.append(i < bar ? '#' : '.');
            }
            sb.append(String.format(Locale.ROOT, "] %3d%% ", (int) Math.floor(f * 100)));
        }
        sb.append(detail).append(String.format(Locale.ROOT, ", %d s", elapsedMs / 1000));
        return sb.toString();
    }

    private void draw(String text) {
        final StringBuilder sb = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < shown; i++) {
            sb.append(' ');
        }
        shown = text.length();
        err.print(sb);
        err.flush();
    }

    /** Clears the line, if one was drawn. */
    void finish() {
        if (shown > 0) {
            final StringBuilder sb = new StringBuilder("\r");
            for (int i = 0; i < shown; i++) {
                sb.append(' ');
            }
            err.print(sb.append('\r'));
            err.flush();
            shown = 0;
        }
    }

    /** Megabytes with no decimals, for progress lines. */
    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d", Math.round(bytes / 1e6));
    }
}
