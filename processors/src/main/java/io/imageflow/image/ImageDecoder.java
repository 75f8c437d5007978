package io.imageflow.image;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decodes an image once, whole and upright, or fails with a reason the person who sent it can understand. */
final class ImageDecoder {

    /**
     * A reader warning with this text means pixel data is missing: libjpeg then fills the rest with grey
     * and carries on. Other warnings (a missing end marker after complete data, stray bytes between
     * segments, no ICC profile in a CMYK JPEG) leave a complete picture and are tolerated.
     */
    private static final String MISSING_DATA = "premature end of data segment";

    /**
     * Where the image bytes are. Each pass (probe, EXIF, decode) opens its own stream, because some readers
     * (PNG, WebP) flush the stream they are given, after which it cannot be rewound.
     */
    @FunctionalInterface
    interface Source {
        ImageInputStream open() throws IOException;
    }

    /**
     * What is known before decoding.
     *
     * @param exif a JPEG's EXIF APP1 payload, kept for output that keeps metadata; null for other formats or none
     */
    record Header(ImageInfo info, int orientation, byte[] exif) {

        /** The size once turned upright: what the operations will see. */
        Size uprightSize() {
            return ExifOrientation.upright(new Size(info.width(), info.height()), orientation);
        }
    }

    private ImageDecoder() {
    }

    static Header readHeader(Source source, ImageProbe probe) throws IOException {
        ImageInfo info;
        try (ImageInputStream in = source.open()) {
            info = probe.probe(in);
        }
        if (info.format() != ImageFormat.JPEG && info.format() != ImageFormat.TIFF) {
            return new Header(info, ExifOrientation.UPRIGHT, null);
        }
        try (ImageInputStream in = source.open()) {
            if (info.format() == ImageFormat.TIFF) {
                return new Header(info, ExifOrientation.read(in), null); // a TIFF file is itself the TIFF structure
            }
            byte[] exif = JpegExif.read(in);
            return new Header(info, exif == null ? ExifOrientation.UPRIGHT : ExifOrientation.read(exif), exif);
        }
    }

    /** The first image (first frame of a GIF) as 8-bit sRGB, INT_RGB or INT_ARGB, turned upright. */
    static BufferedImage decode(Source source, Header header) throws IOException {
        ImageFormat format = header.info().format();
        List<String> warnings = new ArrayList<>();
        BufferedImage image;
        ImageReader reader = ImageProbe.readerFor(format);
        try (ImageInputStream in = source.open()) {
            reader.setInput(in, true, false);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new ImageProcessingException("the image data is truncated or corrupt: " + reason(e), e);
        } finally {
            reader.dispose();
        }
        for (String warning : warnings) {
            if (warning.toLowerCase(Locale.ROOT).contains(MISSING_DATA)) {
                throw new ImageProcessingException("the image data is truncated or corrupt: " + warning
                        + " (part of the " + format.id() + " image is missing)");
            }
        }
        return ExifOrientation.upright(Images.standard(image), header.orientation());
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return "the data ends before the image is complete";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
