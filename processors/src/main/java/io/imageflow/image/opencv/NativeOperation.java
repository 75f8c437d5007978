package io.imageflow.image.opencv;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One operation of the plan done by OpenCV on an 8-bit BGR or BGRA {@link Mat}. The engine owns the image
 * it passes in: an operation may change it in place or return a new one (the engine then releases the old).
 */
interface NativeOperation {

    Mat apply(Mat image);
}
