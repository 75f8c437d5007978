package io.imageflow.image;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * The portable engine: ImageIO (with TwelveMonkeys' readers) decodes, one class per operation transforms a
 * {@link BufferedImage} (Thumbnailator and Java2D), ImageIO encodes. Slower than the native engine, but it
 * runs wherever Java does, converts CMYK and ICC colours to sRGB, and reads every supported format.
 */
public final class JavaImageEngine implements ImageEngine {

    /** Java's images are 4 bytes a pixel (INT_RGB or INT_ARGB). */
    private static final int BYTES_PER_PIXEL = 4;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public boolean canDecode(ImageHeader header) {
        return header.format().readable();
    }

    @Override
    public boolean canWrite(ImageFormat format) {
        return format.writable();
    }

    /**
     * The decoder's own raster plus the standard copy, then for each operation its input and output;
     * a convolution (blur, sharpen) also holds an edge-extended copy and its filtered result.
     */
    @Override
    public long memoryNeeded(ImageHeader header, ProcessingPlan plan) {
        Size size = header.uprightSize();
        long largest = size.pixels();
        boolean convolution = false;
        for (ImageOperation operation : plan.operations()) {
            size = operation.resultSize(size);
            largest = Math.max(largest, size.pixels());
            convolution |= operation instanceof Blur || operation instanceof Sharpen;
        }
        return header.info().pixels() * BYTES_PER_PIXEL + largest * BYTES_PER_PIXEL * (convolution ? 4 : 2);
    }

    @Override
    public TransformResult transform(byte[] input, ImageHeader header, ProcessingPlan plan, Cancellation cancellation) {
        try {
            BufferedImage image = ImageDecoder.decode(input, header, cancellation);
            for (ImageOperation operation : plan.operations()) {
                cancellation.checkpoint();
                image = operation.apply(image);
            }
            cancellation.checkpoint();
            return ImageEncoder.encode(image, header.format(), plan.output(), header.exif());
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the image: " + e.getMessage(), e);
        }
    }
}
