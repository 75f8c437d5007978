package io.imageflow.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One linear walk over a JPEG's markers, before any decoder sees it: how many scans it has (a progressive
 * JPEG that repeats its scans thousands of times costs the decoder seconds per scan count, so we refuse it
 * first, as libjpeg-turbo advises), its size and number of components (4 = CMYK) from the frame header, its
 * ICC profile and EXIF payload, if any. Entropy-coded data is skipped byte by byte; nothing is decoded.
 *
 * @param width  0 when no frame header was found (the ImageIO probe then reads the header and says why)
 * @param exif   the first EXIF APP1 payload, starting with "Exif\0\0", or null
 */
record JpegStructure(int scans, int width, int height, int components, byte[] iccProfile, byte[] exif) {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP2 = 0xE2;
    private static final int APP1 = 0xE1;
    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final int ICC_HEADER = ICC_ID.length + 2; // identifier, sequence number, count
    private static final int MAX_ICC_BYTES = 1 << 20;

    /** @throws ImageProcessingException when the JPEG has more scans than {@code maxScans} */
    static JpegStructure read(byte[] jpeg, int maxScans) {
        int scans = 0;
        int width = 0;
        int height = 0;
        int components = 0;
        byte[] exif = null;
        ByteArrayOutputStream icc = new ByteArrayOutputStream();
        int at = 2; // after SOI
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                at++; // stray byte between segments: decoders skip it too
                continue;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += marker == 0xFF ? 1 : 2; // fill byte, TEM or a restart marker: no length
                continue;
            }
            if (marker == EOI) {
                break;
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
            int data = at + 4;
            int end = Math.min(jpeg.length, at + 2 + length);
            if (isStartOfFrame(marker) && data + 5 < jpeg.length && width == 0) {
                height = (jpeg[data + 1] & 0xFF) << 8 | jpeg[data + 2] & 0xFF;
                width = (jpeg[data + 3] & 0xFF) << 8 | jpeg[data + 4] & 0xFF;
                components = jpeg[data + 5] & 0xFF;
            } else if (marker == APP1 && exif == null && startsWith(jpeg, data, EXIF_ID) && end > data) {
                exif = java.util.Arrays.copyOfRange(jpeg, data, end);
            } else if (marker == APP2 && startsWith(jpeg, data, ICC_ID) && end - data > ICC_HEADER
                    && icc.size() + end - data <= MAX_ICC_BYTES) {
                icc.write(jpeg, data + ICC_HEADER, end - data - ICC_HEADER);
            }
            at = Math.max(end, at + 2);
            if (marker == SOS) {
                if (++scans > maxScans) {
                    throw new ImageProcessingException(String.format(Locale.ROOT,
                            "the JPEG has more than %d scans (a normal progressive JPEG has about 10): refused before "
                                    + "decoding, as decoding such a file takes unbounded time", maxScans));
                }
                at = afterEntropyCodedData(jpeg, at);
            }
        }
        return new JpegStructure(scans, width, height, components, icc.size() == 0 ? null : icc.toByteArray(), exif);
    }

    /**
     * A CMYK (or YCCK) JPEG, or one whose ICC profile is not sRGB: its pixels must go through colour management
     * to become sRGB ({@link IccProfiles#isSrgb}).
     */
    boolean needsColourManagement() {
        return components == 4 || iccProfile != null && !IccProfiles.isSrgb(iccProfile);
    }

    /** The first marker after a scan's data: 0xFF followed by anything but 0x00 (stuffing) or a restart marker. */
    private static int afterEntropyCodedData(byte[] jpeg, int at) {
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xFF) == 0xFF) {
                int next = jpeg[at + 1] & 0xFF;
                if (next != 0 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return at;
                }
            }
            at++;
        }
        return jpeg.length;
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
