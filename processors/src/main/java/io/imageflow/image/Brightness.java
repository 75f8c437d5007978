package io.imageflow.image;

import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;

/** Multiplies every colour channel by {@code factor}: 1 leaves the image as is, 0 makes it black, 2 twice as bright. */
public record Brightness(double factor) implements ImageOperation {

    public Brightness {
        Arguments.requireNonNegative("factor", factor);
    }

    @Override
    public String type() {
        return "brightness";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        // With a single scale factor RescaleOp leaves alpha alone, and it clamps at 255.
        return new RescaleOp((float) factor, 0f, null).filter(Images.standard(image), null);
    }
}
