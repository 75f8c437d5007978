package io.imageflow.image.opencv;

import io.imageflow.image.Crop;
import io.imageflow.image.Size;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** {@link Crop}: a view of the kept rectangle, no copy (the next step or the encoder reads through it). */
record NativeCrop(Crop crop) implements NativeOperation {

    @Override
    public Mat apply(Mat image) {
        Crop.Rectangle kept = crop.region().within(new Size(image.cols(), image.rows()));
        if (kept.width() == image.cols() && kept.height() == image.rows()) {
            return image;
        }
        return new Mat(image, new Rect(kept.x(), kept.y(), kept.width(), kept.height()));
    }
}
