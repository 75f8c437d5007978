package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.imageflow.image.Grayscale;
import org.bytedeco.opencv.opencv_core.Mat;

/** {@link Grayscale}: luma with the BT.601 weights (OpenCV's, as the Java engine's), alpha kept. */
record NativeGrayscale() implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        boolean alpha = image.channels() == 4;
        Mat luma = new Mat();
        cvtColor(image, luma, alpha ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
        Mat out = new Mat();
        cvtColor(luma, out, alpha ? COLOR_GRAY2BGRA : COLOR_GRAY2BGR);
        luma.release();
        if (alpha) {
            Mat a = new Mat();
            extractChannel(image, a, 3);
            insertChannel(a, out, 3);
            a.release();
        }
        return out;
    }
}
