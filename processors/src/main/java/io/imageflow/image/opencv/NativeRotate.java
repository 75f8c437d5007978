package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.imageflow.image.Rotate;
import io.imageflow.image.Size;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * {@link Rotate}: quarter turns move pixels exactly; other angles grow the canvas, new corners transparent
 * (bilinear). When the result is written where transparency cannot go ({@code opaqueOutput}, e.g. JPEG) and
 * the image has no alpha, the corners are white at once: no alpha channel (a third more bytes) and no flattening
 * passes over the grown canvas, and the edges blend with white as premultiplied alpha would, without the dark
 * fringe that interpolating unpremultiplied colour towards transparent black leaves.
 */
record NativeRotate(Rotate rotate, boolean opaqueOutput) implements NativeOperation {


    @Override
    public Mat apply(Mat image) {
        double angle = ((rotate.degrees() % 360) + 360) % 360;
        if (angle == 0) {
            return image;
        }
        if (angle % 90 == 0) {
            Mat out = angle == 180 ? HugePages.allocate(image.rows(), image.cols(), image.type())
                    : HugePages.allocate(image.cols(), image.rows(), image.type());
            int turns = (int) (angle / 90);
            opencv_core.rotate(image, out, turns == 1 ? ROTATE_90_CLOCKWISE : turns == 2 ? ROTATE_180 : ROTATE_90_COUNTERCLOCKWISE);
            return out;
        }
        Size canvas = rotate.resultSize(new Size(image.cols(), image.rows()));
        boolean white = opaqueOutput && image.channels() != 4;
        Mat source = white ? image : Mats.withAlpha(image);
        // OpenCV turns anticlockwise for positive angles, about a centre in pixel-centre coordinates
        Mat turn = getRotationMatrix2D(new Point2f((image.cols() - 1) / 2f, (image.rows() - 1) / 2f), -angle, 1.0);
        try (DoubleIndexer m = turn.createIndexer()) {
            m.put(0, 2, m.get(0, 2) + (canvas.width() - image.cols()) / 2.0);
            m.put(1, 2, m.get(1, 2) + (canvas.height() - image.rows()) / 2.0);
        }
        Mat out = HugePages.allocate(canvas.height(), canvas.width(), source.type());
        warpAffine(source, out, turn, new org.bytedeco.opencv.opencv_core.Size(canvas.width(), canvas.height()),
                INTER_LINEAR, BORDER_CONSTANT, white ? Scalar.all(255) : new Scalar(0, 0, 0, 0));
        if (source != image) {
            source.release();
        }
        return out;
    }
}
