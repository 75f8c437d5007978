package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.sepFilter2D;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Shrinks an image as libvips does: a box average by the whole part of the factor, then the rest (below 2)
 * by Lanczos-3. OpenCV's own Lanczos does not widen its kernel when shrinking (it aliases) and its area
 * average is soft (SSIM 0.94 against libvips on fine grass), so the rest is done with OpenCV's separable
 * filter and a Lanczos-3 kernel widened by the factor, followed by OpenCV's sampling at the target size.
 */
final class LanczosReduce {

    private static final int LOBES = 3;

    private LanczosReduce() {
    }

    static Mat shrink(Mat image, Size target) {
        Mat source = image;
        int boxX = (int) Math.floor((double) image.cols() / target.width());
        int boxY = (int) Math.floor((double) image.rows() / target.height());
        if (boxX >= 2 || boxY >= 2) {
            source = new Mat();
            resize(image, source, new Size(ceilDiv(image.cols(), Math.max(1, boxX)), ceilDiv(image.rows(), Math.max(1, boxY))),
                    0, 0, INTER_AREA);
        }
        double restX = (double) source.cols() / target.width();
        double restY = (double) source.rows() / target.height();
        Mat filtered = new Mat();
        sepFilter2D(source, filtered, -1, kernel(restX), kernel(restY).t().asMat(), new Point(-1, -1), 0, BORDER_REPLICATE);
        if (source != image) {
            source.release();
        }
        Mat out = new Mat();
        resize(filtered, out, target, 0, 0, INTER_LANCZOS4);
        filtered.release();
        return out;
    }

    /** The Lanczos-3 window stretched by {@code factor} (≥ 1), normalised, as a 1×n row. */
    private static Mat kernel(double factor) {
        double scale = Math.max(1, factor);
        int half = (int) Math.ceil(LOBES * scale);
        float[] weights = new float[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            double x = i / scale;
            double w = x == 0 ? 1 : Math.abs(x) >= LOBES ? 0
                    : LOBES * Math.sin(Math.PI * x) * Math.sin(Math.PI * x / LOBES) / (Math.PI * Math.PI * x * x);
            weights[i + half] = (float) w;
            sum += w;
        }
        Mat kernel = new Mat(1, weights.length, CV_32F);
        try (FloatIndexer index = kernel.createIndexer()) {
            for (int i = 0; i < weights.length; i++) {
                index.put(0, i, (float) (weights[i] / sum));
            }
        }
        return kernel;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
