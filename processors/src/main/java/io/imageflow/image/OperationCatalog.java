package io.imageflow.image;

import io.imageflow.image.Resize.Fit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static io.imageflow.image.ParameterDescriptor.bool;
import static io.imageflow.image.ParameterDescriptor.choice;
import static io.imageflow.image.ParameterDescriptor.integer;
import static io.imageflow.image.ParameterDescriptor.number;
import static io.imageflow.image.ParameterDescriptor.text;

/**
 * Every operation a client may ask for, with its parameters, ranges and defaults: the single source of
 * truth that {@code GET /operations} publishes and {@link OperationParser} enforces.
 */
public final class OperationCatalog {

    public static final int MAX_OPERATIONS = 20;
    public static final int MAX_DIMENSION = 20_000;
    public static final int DEFAULT_QUALITY = 85;

    /** Types that set how the result is written rather than change pixels; each may appear once. */
    static final Set<String> OUTPUT_TYPES = Set.of("format", "quality", "metadata");

    private static final boolean REQUIRED = true;
    private static final boolean OPTIONAL = false;

    private static final List<OperationDescriptor> OPERATIONS = List.of(
            new OperationDescriptor("rotate", "Rotates clockwise by any angle; the canvas grows to hold the whole image, "
                    + "new corners are transparent (white in formats without transparency). Multiples of 90 are exact.",
                    List.of(number("degrees", REQUIRED, -360, 360, null, "Clockwise angle in degrees; negative turns anticlockwise"))),
            new OperationDescriptor("grayscale", "Converts to shades of grey.", List.of()),
            new OperationDescriptor("blur", "Gaussian blur.",
                    List.of(number("radius", OPTIONAL, 0.1, 100, 2, "Strength: the standard deviation of the blur in pixels"))),
            new OperationDescriptor("brightness", "Multiplies every colour by a factor.",
                    List.of(number("factor", OPTIONAL, 0, 5, 1.2, "1 leaves the image as is, 0 makes it black, 2 twice as bright"))),
            new OperationDescriptor("contrast", "Stretches or flattens colours around mid-grey.",
                    List.of(number("factor", OPTIONAL, 0, 5, 1.2, "1 leaves the image as is, above 1 more contrast, below 1 less, 0 flat grey"))),
            new OperationDescriptor("resize", "Resizes to fit a box; give width, height or both. "
                    + "With only one, the other follows the aspect ratio.",
                    List.of(integer("width", OPTIONAL, 1, MAX_DIMENSION, null, "Width of the box in pixels"),
                            integer("height", OPTIONAL, 1, MAX_DIMENSION, null, "Height of the box in pixels"),
                            choice("fit", OPTIONAL, names(Fit.values()), "inside", "inside: as large as possible within the box, "
                                    + "keeping the aspect ratio; contain: the same, centred on a transparent canvas of exactly the box; "
                                    + "cover: fills the box exactly, cropping the overflow; fill: stretches to the box"),
                            bool("enlarge", false, "Whether a smaller image may be scaled up"))),
            new OperationDescriptor("crop", "Keeps part of the image: give width and height (and x, y), or an aspect ratio "
                    + "to keep the largest centred part of that shape.",
                    List.of(integer("x", OPTIONAL, 0, null, 0, "Left edge in pixels"),
                            integer("y", OPTIONAL, 0, null, 0, "Top edge in pixels"),
                            integer("width", OPTIONAL, 1, null, null, "Width in pixels; the part beyond the image is ignored"),
                            integer("height", OPTIONAL, 1, null, null, "Height in pixels; the part beyond the image is ignored"),
                            text("aspect", "Width:height ratio such as \"16:9\", instead of x, y, width and height"))),
            new OperationDescriptor("flip", "Mirrors the image.",
                    List.of(choice("direction", OPTIONAL, names(Flip.Direction.values()), "horizontal",
                            "horizontal swaps left and right, vertical swaps top and bottom"))),
            new OperationDescriptor("sharpen", "Sharpens edges (unsharp mask).",
                    List.of(number("amount", OPTIONAL, 0.1, 10, 1, "Strength: how much edge contrast is added"))),
            new OperationDescriptor("format", "Writes the result in another format (by default it keeps the input's). "
                    + "Formats that cannot be written here are replaced by png (with transparency) or jpeg, with a note.",
                    List.of(choice("format", REQUIRED, names(ImageFormat.values()), null, "The output format"))),
            new OperationDescriptor("quality", "Compression quality of lossy output (jpeg).",
                    List.of(integer("quality", OPTIONAL, 1, 100, DEFAULT_QUALITY, "100 is best and largest"))),
            new OperationDescriptor("metadata", "Keeps the original EXIF metadata (jpeg to jpeg only). By default metadata is removed.",
                    List.of(bool("keep", true, "Whether to keep the metadata"))));

    private OperationCatalog() {
    }

    public static List<OperationDescriptor> operations() {
        return OPERATIONS;
    }

    public static Optional<OperationDescriptor> find(String type) {
        return OPERATIONS.stream().filter(op -> op.type().equals(type)).findFirst();
    }

    public static List<String> types() {
        return OPERATIONS.stream().map(OperationDescriptor::type).toList();
    }

    public static List<ImageFormat> inputFormats() {
        return Arrays.stream(ImageFormat.values()).filter(ImageFormat::readable).toList();
    }

    public static List<ImageFormat> outputFormats() {
        return Arrays.stream(ImageFormat.values()).filter(ImageFormat::writable).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
