package io.imageflow.image.opencv;

import io.imageflow.image.ImageFormat;
import io.imageflow.image.ImageHeader;
import io.imageflow.image.ProcessingPlan;
import io.imageflow.image.Resize;
import io.imageflow.image.Size;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * How much smaller libjpeg-turbo may decode a JPEG (1/2, 1/4, 1/8, in its IDCT) when the plan starts by
 * shrinking it: the largest factor that still leaves at least 1.8 times the resize's target size (libvips'
 * thumbnail leaves 2), so that the Lanczos reduce that follows has a factor of about 2 to smooth the block
 * shrink's sharpness. (Leaving only 1× the target made the worst SSIM against libvips 0.946 at 256.) 1.8
 * rather than 2 lets a 20 MP photo 6028 wide be decoded at 1/2 for a width of 1600 (a factor of 3.77):
 * 2.5× faster, SSIM against libvips 0.9925; no corpus photo changes factor at 1024 or 256.
 */
final class ShrinkOnLoad {

    private static final int[] FACTORS = {8, 4, 2};
    /** The factor left for the reduce after the decoder's shrink, at least. */
    private static final double GAP = 1.8;

    private ShrinkOnLoad() {
    }

    static int factor(ImageHeader header, ProcessingPlan plan) {
        if (header.format() != ImageFormat.JPEG || plan.operations().isEmpty()
                || !(plan.operations().get(0) instanceof Resize resize)) {
            return 1;
        }
        Resize.Steps steps = resize.steps(header.uprightSize());
        Size scaled = steps.scaled();
        for (int factor : FACTORS) {
            if (steps.source().width / factor >= GAP * scaled.width() && steps.source().height / factor >= GAP * scaled.height()) {
                return factor;
            }
        }
        return 1;
    }

    /**
     * The decoded image without its last, partial row and column of blocks (libjpeg rounds the reduced size
     * up, and that edge averages fewer pixels): the reduce then maps whole blocks onto the target as libvips
     * does. Mean SSIM against libvips at 256: 0.9918 with, 0.9904 without.
     */
    static Mat wholeBlocks(Mat decoded, ImageHeader header, int factor) {
        int width = header.info().width() / factor;
        int height = header.info().height() / factor;
        if (factor == 1 || width == 0 || height == 0 || width > decoded.cols() || height > decoded.rows()) {
            return decoded;
        }
        return new Mat(decoded, new Rect(0, 0, width, height));
    }

    /** The size libjpeg decodes at that factor: it rounds up. */
    static Size decodedSize(ImageHeader header, int factor) {
        return new Size((header.info().width() + factor - 1) / factor, (header.info().height() + factor - 1) / factor);
    }
}
