package io.imageflow.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * What any correct engine's result shows, whatever its exact pixels: colour or none, brightness, fine
 * detail, and where things are (a coarse grid of brightness that rotations move and resamplers agree on).
 */
public final class Pixels {

    private Pixels() {
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not an image ImageIO can read (" + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest difference between two colour channels in any pixel: 0 when only grey is left. */
    public static int maxChroma(BufferedImage image) {
        int max = 0;
        for (int rgb : rgb(image)) {
            max = Math.max(max, chroma(rgb));
        }
        return max;
    }

    /** The mean difference between a pixel's strongest and weakest channel: how colourful the image is. */
    public static double meanChroma(BufferedImage image) {
        long sum = 0;
        int[] pixels = rgb(image);
        for (int rgb : pixels) {
            sum += chroma(rgb);
        }
        return (double) sum / pixels.length;
    }

    /** Mean brightness, 0 (black) to 255 (white). */
    public static double meanLuma(BufferedImage image) {
        double sum = 0;
        int[] pixels = rgb(image);
        for (int rgb : pixels) {
            sum += luma(rgb);
        }
        return sum / pixels.length;
    }

    /** Mean brightness step between neighbouring pixels: fine detail, which a blur removes. */
    public static double detail(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = rgb(image);
        double sum = 0;
        for (int y = 0; y < height - 1; y++) {
            for (int x = 0; x < width - 1; x++) {
                double here = luma(pixels[y * width + x]);
                sum += Math.abs(here - luma(pixels[y * width + x + 1])) + Math.abs(here - luma(pixels[(y + 1) * width + x]));
            }
        }
        return sum / (2.0 * (width - 1) * (height - 1));
    }

    /** The image's brightness averaged over a size × size grid of equal cells. */
    public static Grid grid(BufferedImage image, int size) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = rgb(image);
        double[][] sums = new double[size][size];
        int[][] counts = new int[size][size];
        for (int y = 0; y < height; y++) {
            int row = (int) ((long) y * size / height);
            for (int x = 0; x < width; x++) {
                int column = (int) ((long) x * size / width);
                sums[row][column] += luma(pixels[y * width + x]);
                counts[row][column]++;
            }
        }
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                sums[row][column] /= counts[row][column];
            }
        }
        return new Grid(sums);
    }

    /** A coarse map of brightness, to tell whether two images show the same thing in the same place. */
    public record Grid(double[][] cells) {

        public Grid rotatedClockwise() {
            int n = cells.length;
            double[][] turned = new double[n][n];
            for (int row = 0; row < n; row++) {
                for (int column = 0; column < n; column++) {
                    turned[row][column] = cells[n - 1 - column][row];
                }
            }
            return new Grid(turned);
        }

        public Grid rotatedAnticlockwise() {
            return rotatedClockwise().rotatedClockwise().rotatedClockwise();
        }

        public Grid rotated180() {
            return rotatedClockwise().rotatedClockwise();
        }

        /**
         * Pearson's correlation of the two grids' cells: near 1 when they show the same scene in the same
         * place, whatever the overall brightness or contrast; near 0 or below when things are elsewhere.
         */
        public double correlation(Grid other) {
            int n = cells.length * cells.length;
            double meanA = mean();
            double meanB = other.mean();
            double covariance = 0;
            double varianceA = 0;
            double varianceB = 0;
            for (int row = 0; row < cells.length; row++) {
                for (int column = 0; column < cells.length; column++) {
                    double a = cells[row][column] - meanA;
                    double b = other.cells[row][column] - meanB;
                    covariance += a * b;
                    varianceA += a * a;
                    varianceB += b * b;
                }
            }
            return n == 0 || varianceA == 0 || varianceB == 0 ? 0 : covariance / Math.sqrt(varianceA * varianceB);
        }

        private double mean() {
            double sum = 0;
            for (double[] row : cells) {
                for (double cell : row) {
                    sum += cell;
                }
            }
            return sum / (cells.length * cells.length);
        }
    }

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int chroma(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
