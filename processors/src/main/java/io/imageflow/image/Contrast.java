package io.imageflow.image;

import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;

/**
 * Stretches (factor &gt; 1) or flattens (factor &lt; 1) colours around mid-grey (128), which stays put;
 * 1 leaves the image as is, 0 makes it uniformly grey. Alpha is untouched.
 */
public record Contrast(double factor) implements ImageOperation {

    private static final float MID_GREY = 128f;

    public Contrast {
        Arguments.requireNonNegative("factor", factor);
    }

    @Override
    public String type() {
        return "contrast";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        // out = (in - 128) * factor + 128, clamped to 0..255
        float offset = MID_GREY * (1 - (float) factor);
        return new RescaleOp((float) factor, offset, null).filter(Images.standard(image), null);
    }
}
