package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_ISOLATED;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.sepFilter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Shrinks an image as libvips' {@code vips_resize} does (its "gap" of 2): a box average by the whole part of half
 * the factor, then the rest (≥ 2) by Lanczos-3, with output and input centres aligned. OpenCV's own Lanczos does
 * not widen its kernel when shrinking (it aliases) and its area average is soft, so the rest is done with
 * OpenCV's separable filter and a Lanczos-3 kernel widened by the factor, then sampled at the target size by
 * {@code warpAffine}, whose map places the samples where libvips places them. Against libvips' thumbnails of
 * the corpus (SSIM): a box by the whole factor instead gave a worst of 0.946 at 256; bilinear or bicubic
 * sampling instead of Lanczos-4 0.968 and 0.978; this, 0.981 (docs/performance.md).
 */
final class LanczosReduce {

    private static final int LOBES = 3;
    /** The factor left for Lanczos after the box average, at least: libvips' default. */
    private static final double GAP = 2;

    private LanczosReduce() {
    }

    static Mat shrink(Mat image, Size target) {
        int w = image.cols();
        int h = image.rows();
        double sx = (double) w / target.width();
        double sy = (double) h / target.height();
        // one factor for both axes where it gives the target size, as libvips (the rounded side would skew it)
        double uniform = target.width() >= target.height() ? sx : sy;
        if (Math.round(w / uniform) == target.width() && Math.round(h / uniform) == target.height()) {
            sx = uniform;
            sy = uniform;
        }
        int boxX = Math.max(1, (int) Math.floor(sx / GAP));
        int boxY = Math.max(1, (int) Math.floor(sy / GAP));
        Mat source = image;
        if (boxX > 1 || boxY > 1) {
            Mat whole = new Mat(image, new Rect(0, 0, w / boxX * boxX, h / boxY * boxY));
            source = HugePages.allocate(h / boxY, w / boxX, image.type());
            resize(whole, source, new Size(w / boxX, h / boxY), 0, 0, INTER_AREA);
        }
        double restX = sx / boxX;
        double restY = sy / boxY;
        Mat filtered = HugePages.allocate(source.rows(), source.cols(), source.type());
        sepFilter2D(source, filtered, -1, kernel(restX), kernel(restY).t().asMat(), new Point(-1, -1), 0,
                BORDER_REPLICATE | BORDER_ISOLATED); // a region (crop, whole blocks) is filtered alone
        if (source != image) {
            source.release();
        }
        Mat map = new Mat(2, 3, CV_64F, Scalar.all(0));
        try (DoubleIndexer m = map.createIndexer()) {
            m.put(0, 0, restX);
            m.put(0, 2, centre(sx, target.width(), w, boxX));
            m.put(1, 1, restY);
            m.put(1, 2, centre(sy, target.height(), h, boxY));
        }
        Mat out = new Mat();
        warpAffine(filtered, out, map, target, INTER_LANCZOS4 | WARP_INVERSE_MAP, BORDER_REPLICATE, new Scalar());
        filtered.release();
        return out;
    }

    /**
     * Where output pixel 0 samples the (boxed) input, in pixel-index coordinates: output and input centres
     * coincide, one output pixel spans {@code factor} input pixels (libvips' centre convention).
     */
    private static double centre(double factor, int out, int in, int box) {
        double original = factor * (0.5 - out / 2.0) + in / 2.0 - 0.5;
        return (original - (box - 1) / 2.0) / box;
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
}
