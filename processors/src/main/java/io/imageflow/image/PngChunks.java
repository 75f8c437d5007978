package io.imageflow.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Keeps only the chunks a PNG decoder needs for the pixels (header, palette, transparency, data, end) and the
 * first colour profile (iCCP: the pixels' colours, converted to sRGB by {@link IccProfiles}), and drops the
 * rest — text (tEXt, zTXt, iTXt), EXIF, timestamps, animation — before any decoder sees the file.
 * We never use that metadata, and decoders keep it: 20,000 zTXt chunks that each inflate to 200 kB once
 * ran the JVM out of heap. A linear copy. A file that ends before its IEND chunk is refused here: OpenCV's
 * PNG reader spent 37 s on a 102-byte file whose chunk length pointed past its end (found by fuzzing).
 */
final class PngChunks {

    private static final int SIGNATURE = 8;
    private static final Set<String> NEEDED = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");
    private static final String PROFILE = "iCCP";
    /** As for a JPEG's profile (JpegStructure): a larger one is ignored, never inflated past this. */
    private static final int MAX_ICC_BYTES = 1 << 20;
    private static final int MAX_PROFILE_NAME = 80;

    private PngChunks() {
    }

    static byte[] withoutMetadata(byte[] png) {
        ByteArrayOutputStream kept = null;
        boolean profileKept = false;
        int at = SIGNATURE;
        while (at + 8 <= png.length) {
            String type = type(png, at);
            long end = at + 12 + length(png, at); // length, type, data, CRC
            if (end > png.length) {
                throw truncated("its " + printable(type) + " chunk runs past the end of the file");
            }
            boolean needed = NEEDED.contains(type) || type.equals(PROFILE) && !profileKept;
            profileKept |= type.equals(PROFILE);
            if (!needed && kept == null) {
                kept = new ByteArrayOutputStream(png.length);
                kept.write(png, 0, at);
            } else if (needed && kept != null) {
                kept.write(png, at, (int) (end - at));
            }
            at = (int) end;
            if (type.equals("IEND")) {
                return kept == null ? png : kept.toByteArray();
            }
        }
        throw truncated("the file ends before its IEND chunk");
    }

    /**
     * The ICC profile of the first iCCP chunk before the image data, inflated, or null when there is none, it is
     * larger than 1 MB or it is corrupt (then it is ignored, as libpng and browsers ignore it).
     */
    static byte[] iccProfile(byte[] png) {
        int at = SIGNATURE;
        while (at + 12 <= png.length) {
            long length = length(png, at);
            String type = type(png, at);
            if (at + 12 + length > png.length || type.equals("IDAT") || type.equals("IEND")) {
                return null;
            }
            if (type.equals(PROFILE)) {
                return inflatedProfile(png, at + 8, (int) length);
            }
            at += 12 + (int) length;
        }
        return null;
    }

    /** iCCP's data: a name of 1–79 bytes, a zero, the compression method (0, zlib), then the zlib stream. */
    private static byte[] inflatedProfile(byte[] png, int data, int length) {
        int name = 0;
        while (name < Math.min(length, MAX_PROFILE_NAME) && png[data + name] != 0) {
            name++;
        }
        if (name + 2 > length || png[data + name] != 0 || png[data + name + 1] != 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(png, data + name + 2, length - name - 2);
            byte[] buffer = new byte[MAX_ICC_BYTES + 1];
            int size = 0;
            while (!inflater.finished() && size < buffer.length) {
                int n = inflater.inflate(buffer, size, buffer.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                size += n;
            }
            return inflater.finished() && size <= MAX_ICC_BYTES ? Arrays.copyOf(buffer, size) : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /** The chunk's data length (its first four bytes, big-endian, unsigned). */
    private static long length(byte[] png, int at) {
        return (png[at] & 0xFFL) << 24 | (png[at + 1] & 0xFF) << 16 | (png[at + 2] & 0xFF) << 8 | png[at + 3] & 0xFF;
    }

    /** The chunk's four-letter type. */
    private static String type(byte[] png, int at) {
        return new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
    }

    private static ImageProcessingException truncated(String why) {
        return new ImageProcessingException("the image data is truncated or corrupt: " + why + " (part of the png image is missing)");
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 'A' && c <= 'z') ? type : "next";
    }
}
