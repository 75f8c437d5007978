package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.imageflow.image.Grayscale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@link Grayscale}: luma with the BT.601 weights (OpenCV's, as the Java engine's). An opaque image stays one
 * channel from here on, as libvips' does: a third of the bytes for the steps after it, and a one-component JPEG
 * (other formats get three equal channels back when written, {@link NativeEncoder}). Alpha is kept.
 */
record NativeGrayscale() implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        if (image.channels() == 1) {
            return image;
        }
        boolean alpha = image.channels() == 4;
        Mat luma = HugePages.allocate(image.rows(), image.cols(), CV_8UC1);
        cvtColor(image, luma, alpha ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
        if (!alpha) {
            return luma;
        }
        Mat out = HugePages.allocate(image.rows(), image.cols(), image.type());
        cvtColor(luma, out, COLOR_GRAY2BGRA);
        luma.release();
        Mat a = new Mat();
        extractChannel(image, a, 3);
        insertChannel(a, out, 3);
        a.release();
        return out;
    }
}
