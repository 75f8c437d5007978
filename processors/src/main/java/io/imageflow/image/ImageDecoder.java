package io.imageflow.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads an image's header, and decodes it once, whole and upright, or fails with a reason the sender understands. */
final class ImageDecoder {

    /**
     * A reader warning with this text means pixel data is missing: libjpeg then fills the rest with grey
     * and carries on. Other warnings (a missing end marker after complete data, stray bytes between
     * segments, no ICC profile in a CMYK JPEG) leave a complete picture and are tolerated.
     */
    private static final String MISSING_DATA = "premature end of data segment";

    private ImageDecoder() {
    }

    /**
     * @param jpegStructure the JPEG's structure when the image is a JPEG, else null
     */
    static ImageHeader readHeader(byte[] bytes, ImageProbe probe, JpegStructure jpegStructure) throws IOException {
        if (jpegStructure != null && jpegStructure.width() > 0 && jpegStructure.height() > 0) {
            // the walk over the markers already read all a JPEG's header says: no ImageIO reader needed
            byte[] exif = jpegStructure.exif();
            return new ImageHeader(new ImageInfo(ImageFormat.JPEG, jpegStructure.width(), jpegStructure.height()),
                    exif == null ? ExifOrientation.UPRIGHT : ExifOrientation.read(exif), exif, jpegStructure.needsColourManagement());
        }
        ImageInfo info;
        try (ImageInputStream in = open(bytes)) {
            info = probe.probe(in);
        }
        if (info.format() == ImageFormat.PNG) {
            byte[] profile = PngChunks.iccProfile(bytes);
            return new ImageHeader(info, ExifOrientation.UPRIGHT, null, profile != null && !IccProfiles.isSrgb(profile));
        }
        if (info.format() != ImageFormat.JPEG && info.format() != ImageFormat.TIFF) {
            return new ImageHeader(info, ExifOrientation.UPRIGHT, null, false);
        }
        try (ImageInputStream in = open(bytes)) {
            if (info.format() == ImageFormat.TIFF) {
                return new ImageHeader(info, ExifOrientation.read(in), null, false); // a TIFF file is itself the TIFF structure
            }
            byte[] exif = JpegExif.read(in);
            boolean managed = jpegStructure != null && jpegStructure.needsColourManagement();
            return new ImageHeader(info, exif == null ? ExifOrientation.UPRIGHT : ExifOrientation.read(exif), exif, managed);
        }
    }

    /**
     * The first image (first frame of a GIF) as 8-bit sRGB, INT_RGB or INT_ARGB, turned upright. ImageIO's
     * readers stop between rows when cancelled, so a slow decode is really abandoned.
     */
    static BufferedImage decode(byte[] bytes, ImageHeader header, Cancellation cancellation) throws IOException {
        ImageFormat format = header.format();
        List<String> warnings = new ArrayList<>();
        BufferedImage image;
        ImageReader reader = ImageProbe.readerFor(format);
        Runnable abort = reader::abort;
        cancellation.onCancel(abort);
        try (ImageInputStream in = open(bytes)) {
            reader.setInput(in, true, true); // metadata is never used: do not let the reader keep it
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            cancellation.checkpoint();
            throw new ImageProcessingException("the image data is truncated or corrupt: " + reason(e), e);
        } finally {
            cancellation.remove(abort);
            reader.dispose();
        }
        cancellation.checkpoint(); // an aborted read returns what it had
        for (String warning : warnings) {
            if (warning.toLowerCase(Locale.ROOT).contains(MISSING_DATA)) {
                throw new ImageProcessingException("the image data is truncated or corrupt: " + warning
                        + " (part of the " + format.id() + " image is missing)");
            }
        }
        if (format == ImageFormat.PNG && header.managedColours()) {
            image = IccProfiles.toSrgb(image, PngChunks.iccProfile(bytes)); // ImageIO's PNG reader ignores the profile
        }
        return ExifOrientation.upright(Images.standard(image), header.orientation());
    }

    private static ImageInputStream open(byte[] bytes) {
        return new ByteArrayImageInputStream(bytes);
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
