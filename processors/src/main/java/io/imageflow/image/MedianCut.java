package io.imageflow.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Picks at most n colours that represent a set of pixels well: median cut over a histogram with 5 bits per
 * channel. Each entry is the mean of the real colours in its box, so an image of few flat colours keeps them exactly.
 */
final class MedianCut {

    private MedianCut() {
    }

    /** @param pixels RGB values (alpha ignored); at least one */
    static int[] palette(int[] pixels, int maxColours) {
        Histogram histogram = new Histogram(pixels);
        List<Box> boxes = new ArrayList<>(List.of(Box.of(histogram, histogram.usedBins())));
        while (boxes.size() < maxColours) {
            Box widest = boxes.stream().filter(b -> b.bins.length > 1)
                    .max(Comparator.comparingLong(Box::priority)).orElse(null);
            if (widest == null) {
                break; // every box holds a single colour
            }
            boxes.remove(widest);
            boxes.addAll(widest.split());
        }
        return boxes.stream().mapToInt(Box::meanColour).toArray();
    }

    /** Pixel counts and colour sums per bin of 5 bits per channel. */
    private static final class Histogram {
        final int[] count = new int[1 << 15];
        final long[][] sums = new long[3][1 << 15];

        Histogram(int[] pixels) {
            for (int rgb : pixels) {
                int bin = (rgb >> 9 & 0x7C00) | (rgb >> 6 & 0x3E0) | (rgb >> 3 & 0x1F);
                count[bin]++;
                sums[0][bin] += rgb >> 16 & 0xFF;
                sums[1][bin] += rgb >> 8 & 0xFF;
                sums[2][bin] += rgb & 0xFF;
            }
        }

        int[] usedBins() {
            return IntStream.range(0, count.length).filter(bin -> count[bin] > 0).toArray();
        }

        /** Channel c (0 red, 1 green, 2 blue) of a bin, 0–31. */
        static int channel(int bin, int c) {
            return bin >> (10 - 5 * c) & 0x1F;
        }
    }

    /** Some histogram bins, with the channel along which they spread most. */
    private record Box(Histogram histogram, int[] bins, long population, int widestChannel, int spread) {

        static Box of(Histogram histogram, int[] bins) {
            long population = Arrays.stream(bins).mapToLong(bin -> histogram.count[bin]).sum();
            int widest = 0;
            int spread = -1;
            for (int c = 0; c < 3; c++) {
                int min = 31;
                int max = 0;
                for (int bin : bins) {
                    min = Math.min(min, Histogram.channel(bin, c));
                    max = Math.max(max, Histogram.channel(bin, c));
                }
                if (max - min > spread) {
                    spread = max - min;
                    widest = c;
                }
            }
            return new Box(histogram, bins, population, widest, spread);
        }

        /** Big boxes spread over many colours are split first. */
        long priority() {
            return population * (spread + 1);
        }

        /** Two boxes, cut along the widest channel where half of the pixels lie on either side. */
        List<Box> split() {
            int[] sorted = Arrays.stream(bins).boxed()
                    .sorted(Comparator.comparingInt(bin -> Histogram.channel(bin, widestChannel)))
                    .mapToInt(Integer::intValue).toArray();
            long seen = histogram.count[sorted[0]];
            int cut = 1; // sorted[0..cut) goes to the first box
            while (cut < sorted.length - 1 && seen < population / 2) {
                seen += histogram.count[sorted[cut]];
                cut++;
            }
            return List.of(of(histogram, Arrays.copyOfRange(sorted, 0, cut)),
                    of(histogram, Arrays.copyOfRange(sorted, cut, sorted.length)));
        }

        int meanColour() {
            int rgb = 0xFF000000;
            for (int c = 0; c < 3; c++) {
                int channel = c;
                long sum = Arrays.stream(bins).mapToLong(bin -> histogram.sums[channel][bin]).sum();
                rgb |= (int) Math.round((double) sum / population) << (16 - 8 * c);
            }
            return rgb;
        }
    }
}
