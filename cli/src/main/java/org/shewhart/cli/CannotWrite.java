package org.shewhart.cli;

import java.io.IOException;

/**
 * A write to an output file failed (a full disk, a file too large for it, a disk gone): a problem the user can fix,
 * not a bug. It is an {@link IOException}, so that libraries writing through the stream (picture and PDF encoders)
 * pass it on as they would any failed write; {@link Main} finds it among the causes and says its message as one
 * line with exit code 2.
 */
final class CannotWrite extends IOException {
    private static final long serialVersionUID = 1L;

    CannotWrite(String message, IOException cause) {
        super(message, cause);
    }
}
