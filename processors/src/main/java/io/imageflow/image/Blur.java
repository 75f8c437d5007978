package io.imageflow.image;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.image.BufferedImage;
import java.awt.image.Kernel;

/** Gaussian blur; {@code radius} is the standard deviation in pixels (as in CSS {@code blur()}). */
public record Blur(double radius) implements ImageOperation {

    /**
     * A direct kernel has 6·radius+1 taps per pass, which gets slow on 20 MP photos beyond this radius.
     * Larger blurs run on a reduced copy, scaled back up: a blurred image has no detail that the round trip loses.
     */
    private static final double MAX_DIRECT_RADIUS = 8;

    public Blur {
        Arguments.requirePositive("radius", radius);
    }

    @Override
    public String type() {
        return "blur";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        if (radius <= MAX_DIRECT_RADIUS) {
            return gaussian(image, radius);
        }
        double shrink = radius / (MAX_DIRECT_RADIUS / 2);
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage small = resize(image, Math.max(1, (int) Math.round(w / shrink)), Math.max(1, (int) Math.round(h / shrink)));
        return resize(gaussian(small, radius / shrink), w, h);
    }

    /** Two 1-D passes (horizontal, then vertical) equal one 2-D Gaussian at a fraction of the cost. */
    private static BufferedImage gaussian(BufferedImage image, double sigma) {
        float[] weights = Convolution.gaussian(sigma, (int) Math.ceil(3 * sigma));
        return Convolution.apply(image,
                new Kernel(weights.length, 1, weights),
                new Kernel(1, weights.length, weights));
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        return Images.thumbnailator(Thumbnails.of(image).forceSize(width, height));
    }
}
