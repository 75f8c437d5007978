package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.flip;

import io.imageflow.image.Flip;
import org.bytedeco.opencv.opencv_core.Mat;

/** {@link Flip}: mirrors in place (the engine owns the image). */
record NativeFlip(Flip mirror) implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        Mat out = image;
        flip(out, out, mirror.direction() == Flip.Direction.HORIZONTAL ? 1 : 0);
        return out;
    }
}
