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

/** Writes the finished image in the format asked for, or the nearest one that can be written here. */
final class ImageEncoder {

    private ImageEncoder() {
    }

    /**
     * @param inputFormat the original's format, used when the options name none
     * @param exif        the original JPEG's EXIF APP1 payload, or null
     */
    static TransformResult encode(BufferedImage image, ImageFormat inputFormat, OutputOptions options, byte[] exif) {
        ImageFormat wanted = options.format() != null ? options.format() : inputFormat;
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
        if (format == ImageFormat.JPEG && options.keepMetadata() && exif != null) {
            bytes = JpegExif.insert(bytes, ExifOrientation.reset(exif)); // the pixels are upright now
        }
        return new TransformResult(bytes, format, ready.getWidth(), ready.getHeight(), note);
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
