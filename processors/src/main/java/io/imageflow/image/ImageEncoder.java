package io.imageflow.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Writes the finished image in the format asked for, or the nearest one that can be written here (ImageIO).
 * The native engine also comes here for the formats it does not write itself (GIF, TIFF).
 */
public final class ImageEncoder {

    private ImageEncoder() {
    }

    /**
     * @param inputFormat the original's format, used when the options name none
     * @param exif        the original JPEG's EXIF APP1 payload, or null
     */
    public static TransformResult encode(BufferedImage image, ImageFormat inputFormat, OutputOptions options, byte[] exif) {
        ImageFormat wanted = wanted(inputFormat, options);
        ImageFormat format = wanted;
        String note = null;
        if (!wanted.writable()) {
            format = Images.hasAlpha(image) ? ImageFormat.PNG : ImageFormat.JPEG;
            note = wanted.id() + " cannot be written here; written as " + format.id();
        }
        BufferedImage ready = switch (format) {
            case GIF -> GifPalette.toIndexed(image);
            default -> format.supportsAlpha() ? image : Images.flattenOnWhite(image);
        };
        byte[] bytes = write(ready, format, options.quality());
        return new TransformResult(withMetadata(bytes, format, options, exif), format, ready.getWidth(), ready.getHeight(), note);
    }

    /** The format the options ask for: theirs, or else the input's. */
    public static ImageFormat wanted(ImageFormat inputFormat, OutputOptions options) {
        return options.format() != null ? options.format() : inputFormat;
    }

    /** The encoded image with the original EXIF put back when the options keep metadata (JPEG to JPEG only). */
    public static byte[] withMetadata(byte[] encoded, ImageFormat format, OutputOptions options, byte[] exif) {
        if (format == ImageFormat.JPEG && options.keepMetadata() && exif != null) {
            return JpegExif.insert(encoded, ExifOrientation.reset(exif)); // the pixels are upright now
        }
        return encoded;
    }

    private static byte[] write(BufferedImage image, ImageFormat format, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.id()).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
        } else if (format == ImageFormat.TIFF) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW"); // uncompressed, a 20 MP TIFF would be 60 MB
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException | RuntimeException e) {
            throw new ImageProcessingException("the result could not be written as " + format.id() + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
