package org.shewhart.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an opaque RGB image as PNG (ISO/IEC 15948): 8-bit truecolour, every row with the Sub filter, deflated at
 * level {@value #LEVEL}. The JDK's ImageIO writer tries all five filters on every row, which on a chart costs three
 * to four times the drawing itself; the flat colours and long white runs of a chart compress almost as well with Sub
 * alone (files about a fifth larger). Lossless: the decoded pixels are the drawn pixels. Stateless and thread-safe.
 */
final class PngEncoder {
    /** Deflate level: zlib's fast end, where a chart's runs of one colour already compress well. */
    static final int LEVEL = 4;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int SUB = 1;

    private PngEncoder() {
    }

    /**
     * Writes the image.
     *
     * @param image a {@link BufferedImage#TYPE_INT_RGB} image
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the image is not TYPE_INT_RGB
     */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("image type (" + image.getType() + ") must be TYPE_INT_RGB");
        }
        final int w = image.getWidth();
        final int h = image.getHeight();
        final int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        final DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        final ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        final DataOutputStream hd = new DataOutputStream(header);
        hd.writeInt(w);
        hd.writeInt(h);
        hd.writeByte(8); // bit depth
        hd.writeByte(2); // colour type: truecolour
        hd.writeByte(0); // deflate
        hd.writeByte(0); // adaptive filtering (one filter type per row)
        hd.writeByte(0); // no interlace
        chunk(data, "IHDR", header.toByteArray());
        final ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 4 + 1024);
        final Deflater deflater = new Deflater(LEVEL);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            final byte[] row = new byte[1 + 3 * w];
            row[0] = SUB;
            for (int y = 0; y < h; y++) {
                final int base = y * w;
                int prev = 0;
                int k = 1;
                for (int x = 0; x < w; x++) {
                    final int p = px[base + x];
                    // Sub: each byte less the same byte of the pixel to its left (0 left of the first)
                    row[k++] = (byte) ((p >> 16) - (prev >> 16));
                    row[k++] = (byte) ((p >> 8) - (prev >> 8));
                    row[k++] = (byte) (p - prev);
                    prev = p;
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(data, "IDAT", idat.toByteArray());
        chunk(data, "IEND", new byte[0]);
        data.flush();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        final byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(t);
        out.write(body);
        final CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
