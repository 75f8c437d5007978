package io.imageflow.image;

import java.awt.image.BufferedImage;
import java.awt.image.Kernel;

/**
 * Unsharp mask: adds {@code amount} times the difference between the image and a slightly blurred copy
 * (Gaussian, sigma 1 px), which raises contrast along edges. Done as one 5×5 convolution.
 */
public record Sharpen(double amount) implements ImageOperation {

    private static final double SIGMA = 1.0;
    private static final int RADIUS = 2;

    public Sharpen {
        Arguments.requirePositive("amount", amount);
    }

    @Override
    public String type() {
        return "sharpen";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        return Convolution.apply(image, kernel());
    }

    /** image + amount·(image − blur) = (1 + amount)·identity − amount·gaussian. */
    private Kernel kernel() {
        float[] g = Convolution.gaussian(SIGMA, RADIUS);
        int size = g.length;
        float[] weights = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                weights[y * size + x] = (float) (-amount * g[y] * g[x]);
            }
        }
        weights[RADIUS * size + RADIUS] += (float) (1 + amount);
        return new Kernel(size, size, weights);
    }
}
