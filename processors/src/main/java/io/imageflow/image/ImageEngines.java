package io.imageflow.image;

import io.imageflow.image.opencv.OpenCvEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The engine seam: which {@link ImageEngine} transforms an image. {@code preferred} takes every image it
 * can decode with the product's semantics; the rest (GIF input, CMYK or non-sRGB JPEGs, TIFF) go to the
 * pure-Java {@code portable} engine, as does everything when the native library does not load here.
 */
public record ImageEngines(ImageEngine preferred, ImageEngine portable) {

    private static final Logger LOG = LoggerFactory.getLogger(ImageEngines.class);

    /** What {@code imageflow.processing.engine} may say. */
    public enum Choice {
        /** the native engine where its library loads, else the pure-Java one */
        AUTO,
        /** the native engine, or fail at start-up */
        NATIVE,
        /** the pure-Java engine only */
        JAVA
    }

    public ImageEngine forImage(ImageHeader header) {
        return preferred.canDecode(header) ? preferred : portable;
    }

    /** The engines the setting asks for; AUTO says in the log which one runs, and why. */
    public static ImageEngines of(Choice choice) {
        ImageEngine java = new JavaImageEngine();
        if (choice == Choice.JAVA) {
            return new ImageEngines(java, java);
        }
        try {
            return new ImageEngines(OpenCvEngine.load(), java);
        } catch (LinkageError | RuntimeException e) {
            if (choice == Choice.NATIVE) {
                throw new IllegalStateException("imageflow.processing.engine is native, but the native image library "
                        + "does not load here: " + e, e);
            }
            LOG.warn("The native image engine does not load here ({}); the pure-Java engine transforms every image, "
                    + "several times slower", e.toString());
            return new ImageEngines(java, java);
        }
    }

    /** Reads "auto", "native" or "java", any case. */
    public static ImageEngines of(String choice) {
        return of(Choice.valueOf(choice.trim().toUpperCase(Locale.ROOT)));
    }
}
