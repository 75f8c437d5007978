package io.imageflow.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises a file by its first bytes; the file name and the declared content type are never trusted. */
final class MagicNumbers {

    /** How many leading bytes {@link #formatOf} and {@link #describe} look at. */
    static final int HEAD_LENGTH = 32;

    private MagicNumbers() {
    }

    static Optional<ImageFormat> formatOf(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8') && (startsWith(head, 4, '7', 'a') || startsWith(head, 4, '9', 'a'))) {
            return Optional.of(ImageFormat.GIF);
        }
        // "BM" alone is too weak (plain text starts so): also require a known DIB header size.
        if (startsWith(head, 0, 'B', 'M') && head.length >= 18 && isDibHeaderSize(littleEndianInt(head, 14))) {
            return Optional.of(ImageFormat.BMP);
        }
        // Classic TIFF (42) and BigTIFF (43), in both byte orders.
        if (startsWith(head, 0, 'I', 'I', 42, 0) || startsWith(head, 0, 'M', 'M', 0, 42)
                || startsWith(head, 0, 'I', 'I', 43, 0) || startsWith(head, 0, 'M', 'M', 0, 43)) {
            return Optional.of(ImageFormat.TIFF);
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    /** Says in words what data that is not a supported image looks like, for the error message. */
    static String describe(byte[] head) {
        if (head.length == 0) {
            return "the file is empty";
        }
        if (startsWith(head, 0, '%', 'P', 'D', 'F')) {
            return "it looks like a PDF document";
        }
        if (startsWith(head, 0, 'P', 'K', 3, 4)) {
            return "it looks like a ZIP archive (or an Office document)";
        }
        if (startsWith(head, 0, 0x1F, 0x8B)) {
            return "it looks like gzip-compressed data";
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            String brand = new String(head, 8, Math.min(4, head.length - 8), StandardCharsets.US_ASCII);
            return brand.startsWith("avi") ? "it looks like an AVIF image, which is not supported"
                    : brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev")
                    ? "it looks like a HEIC/HEIF image (the iPhone format), which is not supported; export it as JPEG"
                    : "it looks like an MP4/QuickTime video";
        }
        if (startsWith(head, 0, '8', 'B', 'P', 'S')) {
            return "it looks like a Photoshop (PSD) document";
        }
        if (startsWith(head, 0, 0, 0, 1, 0)) {
            return "it looks like a Windows icon (ICO)";
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F')) {
            return "it looks like a RIFF file that is not WebP (audio or video?)";
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("<")) {
            return "it looks like SVG, HTML or XML text";
        }
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t')) {
            return "it looks like text: \"" + text.strip() + "\"";
        }
        return "it starts with the unrecognised bytes " + hex(head, 8);
    }

    private static boolean isDibHeaderSize(long size) {
        return size == 12 || size == 40 || size == 52 || size == 56 || size == 64 || size == 108 || size == 124;
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static long littleEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8
                | (data[offset + 2] & 0xFFL) << 16 | (data[offset + 3] & 0xFFL) << 24;
    }

    private static String hex(byte[] data, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(count, data.length); i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02X", data[i]));
        }
        return out.toString();
    }
}
