package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_ISOLATED;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Unsharp mask as the Java engine's: image + amount · (image − Gaussian(σ 1 px, 5×5)). Two copies at most. */
record NativeSharpen(double amount) implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        Mat out = HugePages.allocate(image.rows(), image.cols(), image.type());
        GaussianBlur(image, out, new Size(5, 5), 1.0, 1.0, BORDER_REPLICATE | BORDER_ISOLATED, ALGO_HINT_DEFAULT);
        addWeighted(image, 1 + amount, out, -amount, 0, out);
        return out;
    }
}
