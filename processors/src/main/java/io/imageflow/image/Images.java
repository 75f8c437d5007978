package io.imageflow.image;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Helpers shared by the operations. Each returns a new image or its untouched input. */
final class Images {

    private Images() {
    }

    /**
     * The image in one of the two layouts the operations are written for: {@code TYPE_INT_ARGB} when it
     * has an alpha channel, else {@code TYPE_INT_RGB}. Converting once here also turns 16-bit, grey,
     * indexed and non-sRGB images into 8-bit sRGB (Java2D does the colour conversion while drawing).
     */
    static BufferedImage standard(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return image.getType() == type ? image : redraw(image, type, null);
    }

    /** The image with an alpha channel, for operations that create transparent areas. */
    static BufferedImage withAlpha(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_ARGB ? image : redraw(image, BufferedImage.TYPE_INT_ARGB, null);
    }

    /** The image composed over white, for formats that cannot store transparency (JPEG, BMP). */
    static BufferedImage flattenOnWhite(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return standard(image);
        }
        return redraw(image, BufferedImage.TYPE_INT_RGB, Color.WHITE);
    }

    /** A blank image in the standard layout; fully transparent when it has alpha. */
    static BufferedImage blank(int width, int height, boolean alpha) {
        return new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** Runs a Thumbnailator pipeline on an in-memory image, where its declared IOException cannot happen. */
    static BufferedImage thumbnailator(Thumbnails.Builder<BufferedImage> pipeline) {
        try {
            return pipeline.asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasAlpha(BufferedImage image) {
        return image.getColorModel().hasAlpha();
    }

    private static BufferedImage redraw(BufferedImage image, int type, Color background) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
        } else {
            g.setComposite(AlphaComposite.Src); // copy alpha as is rather than blending it
        }
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
