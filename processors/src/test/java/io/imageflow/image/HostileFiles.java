package io.imageflow.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/** Crafted inputs from issue 9, made at test time (never committed): small files that cost a decoder dearly. */
final class HostileFiles {

    private HostileFiles() {
    }

    /** A 1×1 PNG carrying {@code count} zTXt chunks, each inflating to {@code inflated} bytes (20,000 × 200 kB: 4.7 MB). */
    static byte[] pngWithTextChunks(int count, int inflated) {
        byte[] png = TestImages.encode(TestImages.solid(1, 1, 0xFF336699), "png");
        try {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            TestFiles.pngChunk(chunk, "zTXt", TestFiles.concat("Comment\0".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {0}, deflate(new byte[inflated])));
            byte[] one = chunk.toByteArray();
            int afterHeader = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
            ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + count * one.length);
            out.write(png, 0, afterHeader);
            for (int i = 0; i < count; i++) {
                out.write(one);
            }
            out.write(png, afterHeader, png.length - afterHeader);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 256×256 progressive JPEG whose smallest scan is repeated {@code repeats} more times before its end (20,000: ~8 MB). */
    static byte[] progressiveJpegWithRepeatedScan(int repeats) {
        byte[] jpeg;
        try {
            jpeg = TestFiles.progressiveJpeg(TestImages.opaque(TestImages.noise(256, 256, 3)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] smallest = null;
        for (int at = 2; at + 1 < jpeg.length; at++) {
            if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA) {
                int end = nextMarker(jpeg, at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF));
                if (smallest == null || end - at < smallest[1] - smallest[0]) {
                    smallest = new int[] {at, end};
                }
                at = end - 1;
            }
        }
        byte[] scan = Arrays.copyOfRange(jpeg, smallest[0], smallest[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + repeats * scan.length);
        out.write(jpeg, 0, jpeg.length - 2);
        for (int i = 0; i < repeats; i++) {
            out.writeBytes(scan);
        }
        out.write(jpeg, jpeg.length - 2, 2); // EOI
        return out.toByteArray();
    }

    /** A noisy opaque JPEG large enough that a heavy plan takes seconds. */
    static byte[] largeJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(0x1000000);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return TestImages.encode(image, "jpeg");
    }

    private static int nextMarker(byte[] jpeg, int at) {
        while (at + 1 < jpeg.length) {
            int next = jpeg[at + 1] & 0xFF;
            if ((jpeg[at] & 0xFF) == 0xFF && next != 0 && !(next >= 0xD0 && next <= 0xD7)) {
                return at;
            }
            at++;
        }
        return jpeg.length;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length / 100 + 1024];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
