package io.imageflow.image;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps part of the image: an explicit rectangle, or the largest centred rectangle of a given aspect ratio. */
public record Crop(Region region) implements ImageOperation {

    /** Which part of an image to keep. */
    public sealed interface Region permits Rectangle, Aspect {
        /** The part of an image of the given size to keep, as a rectangle lying inside it. */
        Rectangle within(Size image);
    }

    /** A rectangle in pixels from the top-left corner; the part beyond the image's edges is ignored. */
    public record Rectangle(int x, int y, int width, int height) implements Region {

        public Rectangle {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("need x, y ≥ 0 and width, height ≥ 1, got x " + x + ", y " + y
                        + ", " + width + "×" + height);
            }
        }

        @Override
        public Rectangle within(Size image) {
            long right = Math.min((long) x + width, image.width());
            long bottom = Math.min((long) y + height, image.height());
            if (x >= image.width() || y >= image.height()) {
                throw new ImageProcessingException("the crop rectangle (x " + x + ", y " + y + ", " + width + "×" + height
                        + ") lies outside the " + image + " image; x must be below " + image.width()
                        + " and y below " + image.height());
            }
            return new Rectangle(x, y, (int) (right - x), (int) (bottom - y));
        }
    }

    /** A width:height ratio such as 16:9; the largest rectangle of that shape, centred, is kept. */
    public record Aspect(double width, double height) implements Region {

        private static final Pattern RATIO = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*:\\s*(\\d+(?:\\.\\d+)?)\\s*");

        public Aspect {
            Arguments.requirePositive("aspect width", width);
            Arguments.requirePositive("aspect height", height);
        }

        /** Reads "16:9" (decimals allowed, e.g. "1.91:1"); empty when the text is not such a ratio. */
        public static Optional<Aspect> parse(String text) {
            Matcher m = text == null ? null : RATIO.matcher(text);
            if (m == null || !m.matches()) {
                return Optional.empty();
            }
            double w = Double.parseDouble(m.group(1));
            double h = Double.parseDouble(m.group(2));
            return w > 0 && h > 0 ? Optional.of(new Aspect(w, h)) : Optional.empty();
        }

        @Override
        public Rectangle within(Size image) {
            double ratio = width / height;
            int w = image.width();
            int h = image.height();
            if ((double) w / h > ratio) {
                w = clamp((int) Math.round(h * ratio), image.width());
            } else {
                h = clamp((int) Math.round(w / ratio), image.height());
            }
            return new Rectangle((image.width() - w) / 2, (image.height() - h) / 2, w, h);
        }

        /** "16:9", or "1.91:1" when not whole numbers. */
        @Override
        public String toString() {
            return number(width) + ":" + number(height);
        }

        private static String number(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }

        private static int clamp(int value, int max) {
            return Math.max(1, Math.min(value, max));
        }
    }

    public Crop {
        if (region == null) {
            throw new IllegalArgumentException("a crop needs a rectangle or an aspect ratio");
        }
    }

    public static Crop rectangle(int x, int y, int width, int height) {
        return new Crop(new Rectangle(x, y, width, height));
    }

    public static Crop aspect(double width, double height) {
        return new Crop(new Aspect(width, height));
    }

    @Override
    public String type() {
        return "crop";
    }

    @Override
    public Size resultSize(Size input) {
        Rectangle kept = region.within(input);
        return new Size(kept.width(), kept.height());
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        Rectangle kept = region.within(new Size(image.getWidth(), image.getHeight()));
        if (kept.width() == image.getWidth() && kept.height() == image.getHeight()) {
            return image;
        }
        return Images.thumbnailator(Thumbnails.of(image)
                .sourceRegion(kept.x(), kept.y(), kept.width(), kept.height())
                .scale(1.0));
    }
}
