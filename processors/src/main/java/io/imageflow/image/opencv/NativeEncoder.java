package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_STRATEGY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.util.Optional;

import io.imageflow.image.ImageEncoder;
import io.imageflow.image.ImageFormat;
import io.imageflow.image.ImageHeader;
import io.imageflow.image.ImageProcessingException;
import io.imageflow.image.OutputOptions;
import io.imageflow.image.TransformResult;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes JPEG (with the system's libjpeg-turbo where installed), PNG, WebP and BMP with OpenCV's encoders; GIF (which needs our palette) and TIFF go through
 * the Java encoder. Alpha is flattened onto white where the format has none; metadata is not written,
 * except the original EXIF when the plan keeps it.
 */
final class NativeEncoder {

    /**
     * zlib's default level with its run-length strategy: on a 20 MP photo 3 s and 25 MB, where the default
     * strategy took 19 s for 26 MB (libvips: 2 s and 45 MB, with no row filter).
     */
    private static final int PNG_COMPRESSION = 6;
    private static final int PNG_STRATEGY_RLE = 3;

    private NativeEncoder() {
    }

    static TransformResult encode(Mat image, ImageHeader header, OutputOptions options, Optional<TurboJpeg> turboJpeg) {
        ImageFormat format = ImageEncoder.wanted(header.format(), options);
        if (format == ImageFormat.GIF || format == ImageFormat.TIFF) {
            return ImageEncoder.encode(Mats.toBufferedImage(image), header.format(), options, header.exif());
        }
        Mat ready = format.supportsAlpha() ? image : Mats.flattenOnWhite(image);
        if (format == ImageFormat.JPEG && turboJpeg.isPresent()) { // grey stays one component
            byte[] jpeg = turboJpeg.get().encode(ready, options.quality());
            return new TransformResult(ImageEncoder.withMetadata(jpeg, format, options, header.exif()), format,
                    ready.cols(), ready.rows(), null);
        }
        if (format != ImageFormat.JPEG) {
            ready = Mats.colour(ready); // PNG, WebP and BMP are written in colour, as the Java engine writes them
        }
        int[] parameters = switch (format) {
            case JPEG -> new int[] {IMWRITE_JPEG_QUALITY, options.quality()};
            case WEBP -> new int[] {IMWRITE_WEBP_QUALITY, options.quality()};
            case PNG -> new int[] {IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION, IMWRITE_PNG_STRATEGY, PNG_STRATEGY_RLE};
            default -> new int[0];
        };
        BytePointer encoded = new BytePointer();
        boolean written;
        try {
            written = imencode("." + format.extension(), ready, encoded, new IntPointer(parameters));
        } catch (RuntimeException e) {
            throw new ImageProcessingException("the result could not be written as " + format.id() + ": " + e.getMessage(), e);
        }
        if (!written) {
            throw new ImageProcessingException("the result could not be written as " + format.id());
        }
        byte[] bytes = new byte[(int) encoded.limit()];
        encoded.get(bytes);
        encoded.deallocate();
        return new TransformResult(ImageEncoder.withMetadata(bytes, format, options, header.exif()), format,
                ready.cols(), ready.rows(), null);
    }
}
