package io.imageflow.image.opencv;

import io.imageflow.image.ImageFormat;
import io.imageflow.image.ImageHeader;
import io.imageflow.image.ProcessingPlan;
import io.imageflow.image.Resize;
import io.imageflow.image.Size;

/**
 * How much smaller libjpeg-turbo may decode a JPEG (1/2, 1/4, 1/8, in its IDCT) when the plan starts by
 * shrinking it: the largest factor that still leaves at least the resize's target size, so the resize
 * that follows only ever shrinks, as libvips' and ImageMagick's shrink-on-load do.
 */
final class ShrinkOnLoad {

    private static final int[] FACTORS = {8, 4, 2};

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
            if (steps.source().width / factor >= scaled.width() && steps.source().height / factor >= scaled.height()) {
                return factor;
            }
        }
        return 1;
    }

    /** The size libjpeg decodes at that factor: it rounds up. */
    static Size decodedSize(ImageHeader header, int factor) {
        return new Size((header.info().width() + factor - 1) / factor, (header.info().height() + factor - 1) / factor);
    }
}
