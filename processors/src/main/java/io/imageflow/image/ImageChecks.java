package io.imageflow.image;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What every image passes before an engine sees it, reading headers and structure, never pixels: the format
 * by its bytes, a JPEG's markers walked (scans counted), a PNG's metadata chunks dropped, the header read,
 * and the size of the image and of every intermediate result checked against the pixel limit.
 */
final class ImageChecks {

    /** The file as the engine will get it, and its header. */
    record Checked(byte[] input, ImageHeader header) {
    }

    private final long maxPixels;
    private final int maxJpegScans;
    private final ImageProbe probe = new ImageProbe();

    ImageChecks(long maxPixels, int maxJpegScans) {
        this.maxPixels = maxPixels;
        this.maxJpegScans = maxJpegScans;
    }

    /** @throws ImageProcessingException with the reason, when the image must not be decoded */
    Checked inspect(byte[] input, ProcessingPlan plan) {
        ImageFormat format = MagicNumbers.formatOf(Arrays.copyOf(input, Math.min(input.length, MagicNumbers.HEAD_LENGTH)))
                .orElse(null);
        JpegStructure jpeg = format == ImageFormat.JPEG ? JpegStructure.read(input, maxJpegScans) : null;
        byte[] checked = format == ImageFormat.PNG ? PngChunks.withoutMetadata(input) : input;
        ImageHeader header;
        try {
            header = ImageDecoder.readHeader(checked, probe, jpeg);
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the image: " + e.getMessage(), e);
        }
        checkPixelLimit(header.uprightSize(), plan);
        return new Checked(checked, header);
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
