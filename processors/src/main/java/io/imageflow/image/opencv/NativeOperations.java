package io.imageflow.image.opencv;

import io.imageflow.image.Blur;
import io.imageflow.image.Brightness;
import io.imageflow.image.Contrast;
import io.imageflow.image.Crop;
import io.imageflow.image.Flip;
import io.imageflow.image.Grayscale;
import io.imageflow.image.ImageOperation;
import io.imageflow.image.Resize;
import io.imageflow.image.Rotate;
import io.imageflow.image.Sharpen;
import io.imageflow.image.Size;

/** The native class of each operation of the plan: one small class per operation, like the Java ones. */
final class NativeOperations {

    private NativeOperations() {
    }

    /**
     * @param logicalInput the size the operation would see in the Java engine; larger than the {@code Mat} when a
     *                     JPEG was decoded at reduced size for the resize that comes first
     * @param opaqueOutput whether the result is written in a format without transparency (flattened on white)
     */
    static NativeOperation of(ImageOperation operation, Size logicalInput, boolean opaqueOutput) {
        if (operation instanceof Resize resize) {
            return new NativeResize(resize, logicalInput);
        } else if (operation instanceof Rotate rotate) {
            return new NativeRotate(rotate, opaqueOutput);
        } else if (operation instanceof Crop crop) {
            return new NativeCrop(crop);
        } else if (operation instanceof Flip flip) {
            return new NativeFlip(flip);
        } else if (operation instanceof Grayscale) {
            return new NativeGrayscale();
        } else if (operation instanceof Brightness brightness) {
            return new NativeLevels(brightness.factor(), 0);
        } else if (operation instanceof Contrast contrast) {
            return new NativeLevels(contrast.factor(), 128 * (1 - contrast.factor()));
        } else if (operation instanceof Blur blur) {
            return new NativeBlur(blur.radius());
        } else if (operation instanceof Sharpen sharpen) {
            return new NativeSharpen(sharpen.amount());
        }
        throw new IllegalArgumentException("no native implementation of " + operation.type());
    }
}
