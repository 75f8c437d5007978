package io.imageflow.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Reduces a true-colour image to the 256 colours GIF allows. The JDK writer's own reduction posterises photos
 * badly; here the palette comes from a {@link MedianCut} of a sample of the pixels, and Java2D maps every pixel
 * to it with ordered dithering. Pixels under half opacity become GIF's single transparent colour.
 */
final class GifPalette {

    private static final int SAMPLE_PIXELS = 65_536;
    private static final int OPAQUE_ENOUGH = 128;

    private GifPalette() {
    }

    static BufferedImage toIndexed(BufferedImage image) {
        BufferedImage source = Images.standard(image);
        boolean alpha = Images.hasAlpha(source);
        int[] sample = opaqueSample(source);
        int[] colours = sample.length == 0 ? new int[] {0xFF000000} : MedianCut.palette(sample, alpha ? 255 : 256);
        IndexColorModel palette = new IndexColorModel(8, colours.length, colours, 0, false, -1, DataBuffer.TYPE_BYTE);
        BufferedImage indexed = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        Graphics2D g = indexed.createGraphics();
        g.setComposite(AlphaComposite.Src); // colours as they are; transparency is handled below
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return alpha ? withTransparentIndex(source, indexed, colours) : indexed;
    }

    /** Adds a transparent entry after the colours and points every mostly transparent pixel at it. */
    private static BufferedImage withTransparentIndex(BufferedImage source, BufferedImage indexed, int[] colours) {
        int clear = colours.length;
        int[] entries = Arrays.copyOf(colours, clear + 1);
        IndexColorModel palette = new IndexColorModel(8, entries.length, entries, 0, true, clear, DataBuffer.TYPE_BYTE);
        WritableRaster indices = indexed.getRaster();
        WritableRaster alphas = source.getAlphaRaster();
        int width = source.getWidth();
        int[] alphaRow = new int[width];
        int[] indexRow = new int[width];
        for (int y = 0; y < source.getHeight(); y++) {
            alphas.getSamples(0, y, width, 1, 0, alphaRow);
            indices.getSamples(0, y, width, 1, 0, indexRow);
            for (int x = 0; x < width; x++) {
                if (alphaRow[x] < OPAQUE_ENOUGH) {
                    indexRow[x] = clear;
                }
            }
            indices.setSamples(0, y, width, 1, 0, indexRow);
        }
        return new BufferedImage(palette, indices, false, null);
    }

    /** The opaque-enough pixels among every n-th pixel of every n-th row: about {@link #SAMPLE_PIXELS}, true colours. */
    private static int[] opaqueSample(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / SAMPLE_PIXELS)));
        int[] row = new int[width];
        int[] sample = new int[((width + step - 1) / step) * ((height + step - 1) / step)];
        int n = 0;
        for (int y = 0; y < height; y += step) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x += step) {
                if (row[x] >>> 24 >= OPAQUE_ENOUGH) {
                    sample[n++] = row[x];
                }
            }
        }
        return Arrays.copyOf(sample, n);
    }
}
