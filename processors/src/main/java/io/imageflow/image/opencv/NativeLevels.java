package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Brightness and contrast: every colour channel becomes {@code scale · v + offset}, rounded and clamped to
 * 0..255; alpha is left alone. Brightness is (factor, 0); contrast is (factor, 128 · (1 − factor)).
 */
record NativeLevels(double scale, double offset) implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        Mat alpha = null;
        if (image.channels() == 4) {
            alpha = new Mat();
            extractChannel(image, alpha, 3);
        }
        Mat out = image;
        out.convertTo(out, -1, scale, offset);
        if (alpha != null) {
            insertChannel(alpha, out, 3);
            alpha.release();
        }
        return out;
    }
}
