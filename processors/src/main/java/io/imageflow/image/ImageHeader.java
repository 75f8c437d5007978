package io.imageflow.image;

/**
 * What is known of an image before any pixel is decoded.
 *
 * @param orientation    the EXIF orientation (1–8), 1 when there is none
 * @param exif           a JPEG's EXIF APP1 payload, kept for output that keeps metadata; null for other formats or none
 * @param managedColours the image needs colour management to become sRGB: a CMYK JPEG, or an embedded ICC
 *                       profile other than sRGB. Only the pure-Java engine converts those.
 */
public record ImageHeader(ImageInfo info, int orientation, byte[] exif, boolean managedColours) {

    /** The size once turned upright: what the operations will see. */
    public Size uprightSize() {
        return ExifOrientation.upright(new Size(info.width(), info.height()), orientation);
    }

    public ImageFormat format() {
        return info.format();
    }
}
