package io.imageflow.image;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.Canvas;
import net.coobird.thumbnailator.geometry.Positions;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Resizes with sharp's fits:
 * <ul>
 * <li>INSIDE: keeps the aspect ratio, as large as possible within width×height;</li>
 * <li>CONTAIN: like INSIDE, then centred on a transparent canvas of exactly width×height;</li>
 * <li>COVER: keeps the aspect ratio and fills width×height exactly, cropping the overflow equally on both sides;</li>
 * <li>FILL: stretches to exactly width×height.</li>
 * </ul>
 * Given only a width or only a height, the other side follows the aspect ratio, whatever the fit.
 * <p>
 * Without {@code enlarge} nothing is scaled up. Where the image is smaller than the box: INSIDE keeps the
 * image as it is; COVER keeps the scale at 1 and crops only the axis that exceeds the box (so the result is
 * min(width, image width) × min(height, image height)); FILL shrinks each axis separately but never stretches
 * one up; CONTAIN keeps the scale at 1 and still returns exactly width×height, the unscaled image centred on
 * the transparent canvas.
 */
public record Resize(Integer width, Integer height, Fit fit, boolean enlarge) implements ImageOperation {

    public enum Fit {
        CONTAIN, COVER, FILL, INSIDE
    }

    public Resize {
        if (width == null && height == null) {
            throw new IllegalArgumentException("give a width, a height or both");
        }
        if (width != null && width < 1 || height != null && height < 1) {
            throw new IllegalArgumentException("width and height must be at least 1, got " + width + "×" + height);
        }
        fit = fit == null ? Fit.INSIDE : fit;
    }

    @Override
    public String type() {
        return "resize";
    }

    @Override
    public Size resultSize(Size input) {
        return steps(input).canvas;
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        Size input = new Size(image.getWidth(), image.getHeight());
        Steps steps = steps(input);
        Rectangle source = steps.source;
        boolean padded = !steps.canvas.equals(steps.scaled);
        if (!padded && steps.scaled.equals(input) && source.width == input.width() && source.height == input.height()) {
            return image;
        }
        Thumbnails.Builder<BufferedImage> pipeline = Thumbnails.of(image)
                .sourceRegion(source)
                .forceSize(steps.scaled.width(), steps.scaled.height());
        if (padded) {
            // Canvas leaves an image with alpha unfilled, i.e. transparent around the centred picture.
            pipeline.imageType(BufferedImage.TYPE_INT_ARGB)
                    .addFilter(new Canvas(steps.canvas.width(), steps.canvas.height(), Positions.CENTER, false));
        }
        return Images.thumbnailator(pipeline);
    }

    /** A resize in three steps: take {@code source} from the input, scale it to {@code scaled}, centre it on {@code canvas}. */
    public record Steps(Rectangle source, Size scaled, Size canvas) {
    }

    /** How this resize goes for an input of the given size; every engine follows the same steps. */
    public Steps steps(Size input) {
        int w = input.width();
        int h = input.height();
        Rectangle whole = new Rectangle(0, 0, w, h);
        if (width == null || height == null) {
            double scale = limit(width != null ? (double) width / w : (double) height / h);
            Size scaled = scaled(input, scale);
            return new Steps(whole, scaled, scaled);
        }
        double scaleX = (double) width / w;
        double scaleY = (double) height / h;
        return switch (fit) {
            case FILL -> {
                Size scaled = enlarge ? new Size(width, height) : new Size(Math.min(width, w), Math.min(height, h));
                yield new Steps(whole, scaled, scaled);
            }
            case INSIDE -> {
                Size scaled = scaled(input, limit(Math.min(scaleX, scaleY)));
                yield new Steps(whole, scaled, scaled);
            }
            case CONTAIN -> new Steps(whole, scaled(input, limit(Math.min(scaleX, scaleY))), new Size(width, height));
            case COVER -> {
                double scale = limit(Math.max(scaleX, scaleY));
                Size full = scaled(input, scale);
                Size kept = new Size(Math.min(width, full.width()), Math.min(height, full.height()));
                int sourceW = Math.min(w, (int) Math.round(kept.width() / scale));
                int sourceH = Math.min(h, (int) Math.round(kept.height() / scale));
                yield new Steps(new Rectangle((w - sourceW) / 2, (h - sourceH) / 2, sourceW, sourceH), kept, kept);
            }
        };
    }

    private double limit(double scale) {
        return enlarge ? scale : Math.min(scale, 1.0);
    }

    private static Size scaled(Size input, double scale) {
        return new Size(Math.max(1, (int) Math.round(input.width() * scale)),
                Math.max(1, (int) Math.round(input.height() * scale)));
    }
}
