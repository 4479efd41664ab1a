package org.shewhart.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * An output file whose failed writes (a full disk, a file too large for it) are said as {@link CannotWrite}, with a
 * message that names the output and what to do; the first failure closes the file and, if asked, removes it, so that
 * no truncated picture or table is left behind. Not thread-safe.
 */
final class GuardedOutput extends FilterOutputStream {
    private final Path remove;
    private final Function<IOException, String> message;
    private boolean failed;

    /**
     * @param out the file's stream
     * @param remove the file to remove when a write fails, or null (its owner removes it)
     * @param message the one-line message for a failed write, given its cause
     */
    GuardedOutput(OutputStream out, Path remove, Function<IOException, String> message) {
        super(out);
        this.remove = remove;
        this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (failed) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (e instanceof CannotWrite) {
            return e;
        }
        if (!failed) {
            failed = true;
            try {
                out.close();
            } catch (IOException again) {
                // the write failed already
            }
            if (remove != null) {
                try {
                    Files.deleteIfExists(remove);
                } catch (IOException again) {
                    // nothing more to do: the message says the write failed
                }
            }
        }
        return new CannotWrite(message.apply(e), e);
    }
}
