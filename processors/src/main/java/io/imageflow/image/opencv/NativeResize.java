package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;

import io.imageflow.image.Resize;
import io.imageflow.image.Size;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * {@link Resize} with the same steps as the Java engine (take a region, scale it, centre it on a canvas),
 * computed on the logical size so that a JPEG decoded at 1/2, 1/4 or 1/8 ends at exactly the same size.
 * Shrinking is libvips' way ({@link LanczosReduce}); enlarging is bicubic.
 */
record NativeResize(Resize resize, Size logicalInput) implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        Resize.Steps steps = resize.steps(logicalInput);
        double fx = (double) image.cols() / logicalInput.width();
        double fy = (double) image.rows() / logicalInput.height();
        java.awt.Rectangle from = steps.source();
        int x = (int) Math.round(from.x * fx);
        int y = (int) Math.round(from.y * fy);
        int w = Math.min(image.cols() - x, Math.max(1, (int) Math.round(from.width * fx)));
        int h = Math.min(image.rows() - y, Math.max(1, (int) Math.round(from.height * fy)));
        Size scaled = steps.scaled();
        boolean whole = x == 0 && y == 0 && w == image.cols() && h == image.rows();
        boolean padded = !steps.canvas().equals(scaled);
        if (whole && !padded && scaled.width() == w && scaled.height() == h) {
            return image;
        }
        Mat region = whole ? image : new Mat(image, new Rect(x, y, w, h));
        org.bytedeco.opencv.opencv_core.Size target = new org.bytedeco.opencv.opencv_core.Size(scaled.width(), scaled.height());
        Mat out;
        if (scaled.width() <= w && scaled.height() <= h) {
            out = LanczosReduce.shrink(region, target);
        } else {
            out = new Mat();
            opencv_imgproc.resize(region, out, target, 0, 0, INTER_CUBIC);
        }
        if (!padded) {
            return out;
        }
        Mat withAlpha = Mats.withAlpha(out);
        int left = (steps.canvas().width() - scaled.width()) / 2;
        int top = (steps.canvas().height() - scaled.height()) / 2;
        Mat canvas = new Mat();
        copyMakeBorder(withAlpha, canvas, top, steps.canvas().height() - scaled.height() - top,
                left, steps.canvas().width() - scaled.width() - left, BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        return canvas;
    }
}
