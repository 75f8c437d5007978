package io.imageflow.image;

/**
 * How the result is written, as opposed to what is done to its pixels.
 *
 * @param format       the output format; null keeps the input's format
 * @param quality      1–100, used by lossy formats (JPEG)
 * @param keepMetadata whether to carry the original EXIF over (JPEG to JPEG only); otherwise it is stripped
 */
public record OutputOptions(ImageFormat format, int quality, boolean keepMetadata) {

    public static final OutputOptions DEFAULT = new OutputOptions(null, OperationCatalog.DEFAULT_QUALITY, false);

    public OutputOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be between 1 and 100, got " + quality);
        }
    }
}
