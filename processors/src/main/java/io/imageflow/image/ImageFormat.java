package io.imageflow.image;

import com.fasterxml.jackson.annotation.JsonValue;

import javax.imageio.ImageIO;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image formats ImageFlow knows, and what this machine can do with each. */
public enum ImageFormat {
    JPEG("jpeg", "image/jpeg", "jpg", false, true),
    PNG("png", "image/png", "png", true, false),
    GIF("gif", "image/gif", "gif", true, false),
    BMP("bmp", "image/bmp", "bmp", false, false),
    TIFF("tiff", "image/tiff", "tiff", true, false),
    WEBP("webp", "image/webp", "webp", true, true);

    private final String id;
    private final String mimeType;
    private final String extension;
    private final boolean supportsAlpha;
    private final boolean lossy;
    // Asked of ImageIO rather than hard-coded: WebP, for one, has a reader here but no writer.
    private final boolean readable;
    private final boolean writable;

    ImageFormat(String id, String mimeType, String extension, boolean supportsAlpha, boolean lossy) {
        this.id = id;
        this.mimeType = mimeType;
        this.extension = extension;
        this.supportsAlpha = supportsAlpha;
        this.lossy = lossy;
        this.readable = ImageIO.getImageReadersByFormatName(id).hasNext();
        this.writable = ImageIO.getImageWritersByFormatName(id).hasNext();
    }

    /** The lower-case name used in JSON, in messages and by ImageIO ("jpeg", "png", ...). */
    @JsonValue
    public String id() {
        return id;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether the format can store transparency (GIF: fully transparent pixels only). */
    public boolean supportsAlpha() {
        return supportsAlpha;
    }

    public boolean lossy() {
        return lossy;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    /** Finds a format by name, ignoring case; also accepts the aliases "jpg" and "tif". */
    public static Optional<ImageFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        String canonical = switch (wanted) {
            case "jpg" -> "jpeg";
            case "tif" -> "tiff";
            default -> wanted;
        };
        return Arrays.stream(values()).filter(f -> f.id.equals(canonical)).findFirst();
    }
}
