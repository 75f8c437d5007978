package io.imageflow.image;

import net.coobird.thumbnailator.filters.ImageFilter;

import java.awt.image.BufferedImage;

/** Mirrors the image: HORIZONTAL swaps left and right, VERTICAL swaps top and bottom. */
public record Flip(Direction direction) implements ImageOperation {

    public enum Direction {
        HORIZONTAL, VERTICAL
    }

    public Flip {
        if (direction == null) {
            throw new IllegalArgumentException("direction is required");
        }
    }

    @Override
    public String type() {
        return "flip";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        ImageFilter mirror = direction == Direction.HORIZONTAL
                ? net.coobird.thumbnailator.filters.Flip.HORIZONTAL
                : net.coobird.thumbnailator.filters.Flip.VERTICAL;
        return mirror.apply(Images.standard(image));
    }
}
