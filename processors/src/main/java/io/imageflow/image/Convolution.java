package io.imageflow.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

/**
 * Runs {@link ConvolveOp}s with the image edges handled. ConvolveOp can only zero-fill the border (a dark
 * frame) or leave it unfiltered (a sharp frame), so the image is first extended by repeating its outermost
 * pixels, convolved, and cut back to its size.
 */
final class Convolution {

    private Convolution() {
    }

    /** A normalised 1-D Gaussian with standard deviation {@code sigma}, {@code 2·radius+1} taps long. */
    static float[] gaussian(double sigma, int radius) {
        float[] weights = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double w = Math.exp(-(i * i) / (2 * sigma * sigma));
            weights[i + radius] = (float) w;
            sum += w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= (float) sum;
        }
        return weights;
    }

    /** Applies the kernels one after the other, e.g. the horizontal then the vertical pass of a blur. */
    static BufferedImage apply(BufferedImage image, Kernel... kernels) {
        int margin = 0;
        for (Kernel k : kernels) {
            margin = Math.max(margin, Math.max(k.getWidth(), k.getHeight()) / 2);
        }
        BufferedImage work = extendEdges(Images.standard(image), margin);
        for (Kernel k : kernels) {
            work = new ConvolveOp(rounding(k), ConvolveOp.EDGE_NO_OP, null).filter(work, null);
        }
        BufferedImage out = Images.blank(image.getWidth(), image.getHeight(), Images.hasAlpha(work));
        Graphics2D g = out.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(work, -margin, -margin, null);
        g.dispose();
        return out;
    }

    /**
     * ConvolveOp truncates its sums, so white blurs to 254 and then 253. Scaling the weights up by half a
     * level in 255 makes it round instead: the bias is below 0.5 for every value from 0 to 255.
     */
    private static Kernel rounding(Kernel kernel) {
        float[] weights = kernel.getKernelData(null);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= 1 + 0.5f / 255;
        }
        return new Kernel(kernel.getWidth(), kernel.getHeight(), weights);
    }

    /** Adds {@code m} pixels on every side, copying the nearest edge pixel (Java2D scales by nearest neighbour). */
    private static BufferedImage extendEdges(BufferedImage image, int m) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = Images.blank(w + 2 * m, h + 2 * m, Images.hasAlpha(image));
        Graphics2D g = out.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, m, m, null);
        // Each call stretches a one-pixel row, column or corner of the source over the margin.
        g.drawImage(image, 0, m, m, m + h, 0, 0, 1, h, null);                          // left
        g.drawImage(image, m + w, m, 2 * m + w, m + h, w - 1, 0, w, h, null);          // right
        g.drawImage(image, m, 0, m + w, m, 0, 0, w, 1, null);                          // top
        g.drawImage(image, m, m + h, m + w, 2 * m + h, 0, h - 1, w, h, null);          // bottom
        g.drawImage(image, 0, 0, m, m, 0, 0, 1, 1, null);                              // corners
        g.drawImage(image, m + w, 0, 2 * m + w, m, w - 1, 0, w, 1, null);
        g.drawImage(image, 0, m + h, m, 2 * m + h, 0, h - 1, 1, h, null);
        g.drawImage(image, m + w, m + h, 2 * m + w, 2 * m + h, w - 1, h - 1, w, h, null);
        g.dispose();
        return out;
    }
}
