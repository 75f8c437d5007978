package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.rotate;

import org.bytedeco.opencv.opencv_core.Mat;

/** Turns a decoded image upright by its EXIF orientation (OpenCV's own is off, to match the Java engine's reading). */
final class NativeOrientation {

    private static final int HORIZONTAL = 1;
    private static final int VERTICAL = 0;

    private NativeOrientation() {
    }

    static Mat upright(Mat image, int orientation) {
        return switch (orientation) {
            case 2 -> flipped(image, HORIZONTAL);
            case 3 -> turned(image, ROTATE_180);
            case 4 -> flipped(image, VERTICAL);
            case 5 -> flipped(turned(image, ROTATE_90_CLOCKWISE), HORIZONTAL);  // transpose
            case 6 -> turned(image, ROTATE_90_CLOCKWISE);
            case 7 -> flipped(turned(image, ROTATE_90_CLOCKWISE), VERTICAL);    // transverse
            case 8 -> turned(image, ROTATE_90_COUNTERCLOCKWISE);
            default -> image;
        };
    }

    private static Mat flipped(Mat image, int axis) {
        flip(image, image, axis);
        return image;
    }

    private static Mat turned(Mat image, int code) {
        Mat out = code == ROTATE_180 ? HugePages.allocate(image.rows(), image.cols(), image.type())
                : HugePages.allocate(image.cols(), image.rows(), image.type());
        rotate(image, out, code);
        image.release();
        return out;
    }
}
