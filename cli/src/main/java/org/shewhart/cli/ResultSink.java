package org.shewhart.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.shewhart.engine.SpcInputException;

/**
 * One output of a scan, written to a temporary file and put in place only when the scan succeeds: a failed scan
 * leaves no partial output (and writes nothing to standard output), and output written while a grouped feed was
 * being charted ahead of the end can be discarded if the feed turns out not to be grouped ({@link #reset}).
 *
 * <p>For a regular file the temporary file is created next to it and moved over it (atomically where the file
 * system can); for standard output or anything else (a device, a pipe, a symbolic link) it goes to the temporary
 * folder and is copied to the target at {@link #commit}. Not thread-safe.
 */
final class ResultSink implements Closeable {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String target;
    private final Path temp;
    private final boolean move;
    private FileChannel ch;
    private OutputStream out;
    private boolean committed;

    private ResultSink(String target, Path temp, boolean move) throws IOException {
        this.target = target;
        this.temp = temp;
        this.move = move;
        open();
    }

    private void open() throws IOException {
        ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        // a failed write (a full disk, a file too large for it) is said as one line naming the output; the
        // temporary file goes at close
        out = new BufferedOutputStream(new GuardedOutput(Channels.newOutputStream(ch), null, this::cannotWrite),
                1 << 16);
    }

    private String cannotWrite(IOException e) {
        return String.format(Locale.ROOT, "cannot write %s (through %s): %s; free space there%s",
                target.equals("-") ? "standard output" : target, temp, CsvTable.reason(e),
                move ? "" : " or set --temp-dir to a folder with room");
    }

    /**
     * Opens an output: {@code -} for standard output, else a file path.
     *
     * @param tempDir the temporary folder for standard output and non-regular targets
     * @throws SpcInputException if the target's folder does not exist or it is a folder or cannot be written
     */
    static ResultSink open(String target, Path tempDir) {
        try {
            if (target.equals("-")) {
                return new ResultSink(target, create(tempDir, "stdout"), false);
            }
            final Path p = Path.of(target);
            final Path parent = p.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "cannot write %s: the folder %s does not exist", target, parent));
            }
            if (Files.isDirectory(p)) {
                throw new SpcInputException(String.format(Locale.ROOT,
                        "cannot write %s: it is a folder; name a file, such as %s", target,
                        p.resolve("summary.csv")));
            }
            final boolean regular = !Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            if (regular) {
                if (Files.exists(p) && !Files.isWritable(p)) {
                    throw new SpcInputException(String.format(Locale.ROOT, "cannot write %s: permission denied",
                            target));
                }
                return new ResultSink(target, create(parent, p.getFileName().toString()), true);
            }
            return new ResultSink(target, create(tempDir, "output"), false);
        } catch (IOException e) {
            throw new SpcInputException(String.format(Locale.ROOT, "cannot write %s: %s", target,
                    CsvTable.reason(e)));
        }
    }

    /** A new empty file with the default permissions (unlike createTempFile's owner-only ones). */
    private static Path create(Path dir, String name) throws IOException {
        while (true) {
            final Path p = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "."
                    + SEQUENCE.incrementAndGet() + ".part");
            try {
                Files.createFile(p);
                p.toFile().deleteOnExit();
                return p;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try the next name
            }
        }
    }

    /** @return where to write */
    OutputStream out() {
        return out;
    }

    /** Discards everything written. */
    void reset() throws IOException {
        out = null;
        ch.close();
        open();
    }

    /**
     * Puts the output in place: {@code prefix}, what was written, {@code suffix}.
     *
     * @param prefix bytes to put first (null for none)
     * @param suffix bytes to put last (null for none)
     */
    void commit(byte[] prefix, byte[] suffix) throws IOException {
        try {
            put(prefix, suffix);
        } catch (CannotWrite e) {
            throw e;
        } catch (IOException e) {
            throw new CannotWrite(cannotWrite(e), e);
        }
        committed = true;
    }

    private void put(byte[] prefix, byte[] suffix) throws IOException {
        if (suffix != null) {
            out.write(suffix);
        }
        out.flush();
        ch.close();
        if (move && prefix == null) {
            moveOver(temp);
        } else if (move) {
            final Path whole = create(temp.getParent(), Path.of(target).getFileName().toString());
            try (OutputStream o = Files.newOutputStream(whole, StandardOpenOption.TRUNCATE_EXISTING)) {
                o.write(prefix);
                Files.copy(temp, o);
            }
            Files.delete(temp);
            moveOver(whole);
        } else {
            try (OutputStream o = ChartCommand.Output.open(target)) {
                if (prefix != null) {
                    o.write(prefix);
                }
                Files.copy(temp, o);
            }
            Files.delete(temp);
        }
    }

    private void moveOver(Path from) throws IOException {
        final Path to = Path.of(target);
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                ch.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
