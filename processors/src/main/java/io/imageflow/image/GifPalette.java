package io.imageflow.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reduces a true-colour image to the 256 colours GIF allows. The JDK writer's own reduction posterises photos
 * badly; here the palette comes from a median cut over a sample of the pixels, and Java2D maps every pixel
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
        int[] colours = medianCut(sample(source), alpha ? 255 : 256);
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

    /** Every n-th pixel of every n-th row, about {@link #SAMPLE_PIXELS} of them: true colours, no blending. */
    private static int[] sample(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / SAMPLE_PIXELS)));
        int[] row = new int[width];
        int[] sample = new int[((width + step - 1) / step) * ((height + step - 1) / step)];
        int n = 0;
        for (int y = 0; y < height; y += step) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x += step) {
                sample[n++] = row[x];
            }
        }
        return Arrays.copyOf(sample, n);
    }

    /** Median cut over a 5-bit-per-channel histogram of the opaque pixels; each palette entry is its box's mean colour. */
    private static int[] medianCut(int[] pixels, int maxColours) {
        Histogram histogram = new Histogram();
        for (int p : pixels) {
            if (p >>> 24 >= OPAQUE_ENOUGH) {
                histogram.add(p);
            }
        }
        List<Box> boxes = new ArrayList<>();
        int[] used = histogram.usedBins();
        if (used.length == 0) {
            return new int[] {0xFF000000}; // nothing opaque: any one colour will do
        }
        boxes.add(new Box(histogram, used));
        while (boxes.size() < maxColours) {
            Box widest = boxes.stream().filter(b -> b.bins.length > 1).max(Comparator.comparingLong(Box::priority)).orElse(null);
            if (widest == null) {
                break;
            }
            boxes.remove(widest);
            boxes.addAll(widest.split());
        }
        return boxes.stream().mapToInt(Box::meanColour).toArray();
    }

    /** Pixel counts and colour sums per 15-bit bin (5 bits per channel), so means use the real colours. */
    private static final class Histogram {
        final int[] count = new int[1 << 15];
        final long[][] sums = new long[3][1 << 15];

        void add(int argb) {
            int bin = (argb >> 9 & 0x7C00) | (argb >> 6 & 0x3E0) | (argb >> 3 & 0x1F);
            count[bin]++;
            sums[0][bin] += argb >> 16 & 0xFF;
            sums[1][bin] += argb >> 8 & 0xFF;
            sums[2][bin] += argb & 0xFF;
        }

        int[] usedBins() {
            return java.util.stream.IntStream.range(0, count.length).filter(bin -> count[bin] > 0).toArray();
        }

        static int channel(int bin, int c) {
            return bin >> (10 - 5 * c) & 0x1F;
        }
    }

    /** A set of histogram bins; split along its longest side at the median pixel. */
    private record Box(Histogram histogram, int[] bins) {

        long population() {
            long n = 0;
            for (int bin : bins) {
                n += histogram.count[bin];
            }
            return n;
        }

        int longestChannel() {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (range(c) > range(best)) {
                    best = c;
                }
            }
            return best;
        }

        int range(int c) {
            int min = 31;
            int max = 0;
            for (int bin : bins) {
                min = Math.min(min, Histogram.channel(bin, c));
                max = Math.max(max, Histogram.channel(bin, c));
            }
            return max - min;
        }

        /** Big boxes spread over many colours are split first. */
        long priority() {
            return population() * (range(longestChannel()) + 1);
        }

        List<Box> split() {
            int c = longestChannel();
            int[] sorted = Arrays.stream(bins).boxed()
                    .sorted(Comparator.comparingInt(bin -> Histogram.channel(bin, c)))
                    .mapToInt(Integer::intValue).toArray();
            long half = population() / 2;
            long seen = 0;
            int cut = 1;
            for (int i = 0; i < sorted.length - 1; i++) {
                seen += histogram.count[sorted[i]];
                if (seen >= half) {
                    cut = i + 1;
                    break;
                }
            }
            return List.of(new Box(histogram, Arrays.copyOfRange(sorted, 0, cut)),
                    new Box(histogram, Arrays.copyOfRange(sorted, cut, sorted.length)));
        }

        int meanColour() {
            long n = population();
            long[] rgb = new long[3];
            for (int bin : bins) {
                for (int c = 0; c < 3; c++) {
                    rgb[c] += histogram.sums[c][bin];
                }
            }
            return 0xFF000000 | (int) Math.round((double) rgb[0] / n) << 16
                    | (int) Math.round((double) rgb[1] / n) << 8 | (int) Math.round((double) rgb[2] / n);
        }
    }
}
