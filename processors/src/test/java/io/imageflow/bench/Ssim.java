package io.imageflow.bench;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.nio.file.Path;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004) of two images' luma, as OpenCV's own tutorial
 * computes it ("getMSSIM"): Gaussian window 11×11, σ 1.5, C1 = (0.01·255)², C2 = (0.03·255)², the mean of the
 * SSIM map. Both files are read as 8-bit greyscale (BT.601 luma) by OpenCV; sizes must match.
 */
final class Ssim {

    private static final double C1 = 6.5025;
    private static final double C2 = 58.5225;

    private Ssim() {
    }

    /** NaN when the two images differ in size or cannot be read. */
    static double of(Path a, Path b) {
        try (PointerScope scope = new PointerScope()) {
            Mat x = imread(a.toString(), IMREAD_GRAYSCALE);
            Mat y = imread(b.toString(), IMREAD_GRAYSCALE);
            if (x.empty() || y.empty() || x.cols() != y.cols() || x.rows() != y.rows()) {
                return Double.NaN;
            }
            Mat i1 = new Mat();
            Mat i2 = new Mat();
            x.convertTo(i1, CV_32F);
            y.convertTo(i2, CV_32F);
            Mat mu1 = blur(i1);
            Mat mu2 = blur(i2);
            Mat mu1Sq = times(mu1, mu1);
            Mat mu2Sq = times(mu2, mu2);
            Mat mu1Mu2 = times(mu1, mu2);
            Mat sigma1Sq = minus(blur(times(i1, i1)), mu1Sq);
            Mat sigma2Sq = minus(blur(times(i2, i2)), mu2Sq);
            Mat sigma12 = minus(blur(times(i1, i2)), mu1Mu2);
            Mat numerator = times(plus(times(mu1Mu2, 2), C1), plus(times(sigma12, 2), C2));
            Mat denominator = times(plus(add(mu1Sq, mu2Sq), C1), plus(add(sigma1Sq, sigma2Sq), C2));
            Mat map = new Mat();
            divide(numerator, denominator, map);
            return mean(map).get(0);
        }
    }

    private static Mat blur(Mat m) {
        Mat out = new Mat();
        GaussianBlur(m, out, new Size(11, 11), 1.5, 1.5, BORDER_DEFAULT, ALGO_HINT_DEFAULT);
        return out;
    }

    private static Mat times(Mat a, Mat b) {
        Mat out = new Mat();
        multiply(a, b, out);
        return out;
    }

    private static Mat times(Mat a, double k) {
        Mat out = new Mat();
        a.convertTo(out, -1, k, 0);
        return out;
    }

    private static Mat plus(Mat a, double k) {
        Mat out = new Mat();
        a.convertTo(out, -1, 1, k);
        return out;
    }

    private static Mat add(Mat a, Mat b) {
        Mat out = new Mat();
        org.bytedeco.opencv.global.opencv_core.add(a, b, out);
        return out;
    }

    private static Mat minus(Mat a, Mat b) {
        Mat out = new Mat();
        subtract(a, b, out);
        return out;
    }
}
