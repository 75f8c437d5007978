package io.imageflow.image;

import java.awt.image.BufferedImage;

/** One step of a processing plan, e.g. a rotation or a resize. Implementations are immutable. */
public interface ImageOperation {

    /** The operation's name in the catalogue and in JSON, e.g. {@code "rotate"}. */
    String type();

    /** Returns the transformed image; the given image is never modified (it may be returned as is). */
    BufferedImage apply(BufferedImage image);

    /**
     * The size {@link #apply} will produce for an image of the given size. Lets a whole plan be checked
     * against the pixel limit before a single pixel is decoded.
     */
    default Size resultSize(Size input) {
        return input;
    }
}
