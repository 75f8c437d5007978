package io.imageflow.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.stream.FileImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs a {@link ProcessingPlan} on one image: decode once (upright, 8-bit sRGB), apply the operations in
 * order, encode. Before any pixel is decoded, the image and every intermediate result are checked against
 * the pixel limit. Thread-safe.
 */
public final class ImageTransformer {

    private final long maxPixels;
    private final ImageProbe probe = new ImageProbe();

    /** @param maxPixels the largest image (width × height) this transformer will decode or produce */
    public ImageTransformer(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** Transforms an image file; it is read with random access, never loaded whole. */
    public TransformResult transform(Path input, ProcessingPlan plan) {
        return transform(() -> new FileImageInputStream(input.toFile()), plan);
    }

    /** Transforms an image held in memory. */
    public TransformResult transform(byte[] input, ProcessingPlan plan) {
        return transform(() -> new ByteArrayImageInputStream(input), plan);
    }

    /** Transforms an image read from the stream (read whole into memory first; uploads are at most tens of MB). */
    public TransformResult transform(InputStream input, ProcessingPlan plan) {
        try {
            return transform(input.readAllBytes(), plan);
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the image data: " + e.getMessage(), e);
        }
    }

    private TransformResult transform(ImageDecoder.Source source, ProcessingPlan plan) {
        try {
            ImageDecoder.Header header = ImageDecoder.readHeader(source, probe);
            checkPixelLimit(header.uprightSize(), plan);
            BufferedImage image = ImageDecoder.decode(source, header);
            for (ImageOperation operation : plan.operations()) {
                image = operation.apply(image);
            }
            return ImageEncoder.encode(image, header.info().format(), plan.output(), header.exif());
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the image: " + e.getMessage(), e);
        }
    }

    /** Defence in depth: the API refuses large uploads too, but a worker must not rely on it. */
    private void checkPixelLimit(Size size, ProcessingPlan plan) {
        requireWithinLimit(size, "the image is ");
        for (ImageOperation operation : plan.operations()) {
            size = operation.resultSize(size);
            requireWithinLimit(size, operation.type() + " would make the image ");
        }
    }

    private void requireWithinLimit(Size size, String what) {
        if (size.pixels() > maxPixels) {
            throw new ImageProcessingException(String.format(Locale.ROOT, "%s%s = %,d pixels, more than the %,d allowed",
                    what, size, size.pixels(), maxPixels));
        }
    }
}
