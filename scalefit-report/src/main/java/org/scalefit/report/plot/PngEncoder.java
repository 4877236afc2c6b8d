package org.scalefit.report.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for {@link BufferedImage#TYPE_INT_RGB} images that writes the bytes ImageIO's PNG writer writes for
 * them in Java 17 ({@code com.sun.imageio.plugins.png.PNGImageWriter} with default parameters): the signature, IHDR
 * (8-bit truecolour, no interlace), the scanlines with filter type 0 (the writer filters only palette images) deflated
 * at level 4 and cut into IDAT chunks of 32 768 bytes, and IEND; no other chunk. It reads the pixel array directly
 * where ImageIO converts each row through the raster's sample model.
 *
 * <p>The output is a zlib stream of the same input at the same level, so it is byte-identical to ImageIO's
 * (zlib's output does not depend on how the input is handed over without flushes); a test compares the two.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** ImageIO's {@code DEFAULT_COMPRESSION_LEVEL}. */
    private static final int LEVEL = 4;
    /** ImageIO's IDAT chunk length. */
    private static final int CHUNK = 32768;

    private PngEncoder() {
    }

    /**
     * The PNG bytes of {@code image}.
     *
     * @throws IllegalArgumentException if the image is not {@link BufferedImage#TYPE_INT_RGB}
     */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB
                || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
                || image.getRaster().getParent() != null) {
            throw new IllegalArgumentException("the PNG encoder takes whole TYPE_INT_RGB images only");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = buffer.getData();
        int stride = ((SinglePixelPackedSampleModel) image.getSampleModel()).getScanlineStride();
        int rowBytes = 1 + 3 * width;
        byte[] raw = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            int out = y * rowBytes + 1;
            int in = y * stride;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[in + x];
                raw[out++] = (byte) (rgb >>> 16);
                raw[out++] = (byte) (rgb >>> 8);
                raw[out++] = (byte) rgb;
            }
        }
        Deflater deflater = new Deflater(LEVEL);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 8 + 64);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] block = new byte[1 << 16];
            while (!deflater.finished()) {
                int n = deflater.deflate(block);
                compressed.write(block, 0, n);
            }
        } finally {
            deflater.end();
        }
        byte[] data = compressed.toByteArray();
        ByteArrayOutputStream png = new ByteArrayOutputStream(data.length + 64 + 12 * (data.length / CHUNK + 1));
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;
        header[9] = 2;
        chunk(png, "IHDR", header, 0, header.length);
        for (int offset = 0; offset < data.length; offset += CHUNK) {
            chunk(png, "IDAT", data, offset, Math.min(CHUNK, data.length - offset));
        }
        chunk(png, "IEND", new byte[0], 0, 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int offset, int length) {
        byte[] word = new byte[4];
        putInt(word, 0, length);
        png.writeBytes(word);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(name);
        png.write(data, offset, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, offset, length);
        putInt(word, 0, (int) crc.getValue());
        png.writeBytes(word);
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }
}
