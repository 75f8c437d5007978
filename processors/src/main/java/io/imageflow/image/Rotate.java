package io.imageflow.image;

import net.coobird.thumbnailator.filters.Rotation;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * Rotates clockwise by any angle (negative turns anticlockwise). The canvas grows to hold the whole
 * rotated image; the new corners are transparent. Quarter turns are exact pixel moves, with no
 * interpolation, so rotating four times by 90° gives back the original pixels.
 */
public record Rotate(double degrees) implements ImageOperation {

    public Rotate {
        Arguments.requireFinite("degrees", degrees);
    }

    @Override
    public String type() {
        return "rotate";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        double angle = normalised();
        if (angle == 0) {
            return image;
        }
        if (angle % 90 == 0) {
            return quarterTurns(Images.standard(image), (int) (angle / 90));
        }
        // Thumbnailator draws with bilinear interpolation onto a canvas of the bounding box, of the input's
        // image type: give it one with alpha so that the new corners are transparent rather than black.
        return Rotation.newRotator(angle).apply(Images.withAlpha(image));
    }

    @Override
    public Size resultSize(Size input) {
        double angle = normalised();
        if (angle % 180 == 0) {
            return input;
        }
        if (angle % 90 == 0) {
            return new Size(input.height(), input.width());
        }
        double cos = Math.abs(Math.cos(Math.toRadians(angle)));
        double sin = Math.abs(Math.sin(Math.toRadians(angle)));
        return new Size((int) Math.round(input.width() * cos + input.height() * sin),
                (int) Math.round(input.width() * sin + input.height() * cos));
    }

    /** The angle in [0, 360). */
    private double normalised() {
        double angle = degrees % 360;
        return angle < 0 ? angle + 360 : angle;
    }

    private static BufferedImage quarterTurns(BufferedImage image, int turns) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform move = switch (turns) {
            case 1 -> AffineTransform.getTranslateInstance(h, 0);
            case 2 -> AffineTransform.getTranslateInstance(w, h);
            default -> AffineTransform.getTranslateInstance(0, w);
        };
        move.quadrantRotate(turns);
        boolean swap = turns % 2 == 1;
        BufferedImage out = Images.blank(swap ? h : w, swap ? w : h, Images.hasAlpha(image));
        return new AffineTransformOp(move, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, out);
    }
}
