package io.imageflow.image;

/**
 * An engine could not read a file another engine may still read (OpenCV refuses a JPEG without its end
 * marker that ImageIO decodes whole, and gives no reason where ImageIO names one): the transformer hands
 * the image to the pure-Java engine, whose verdict is final.
 */
public class EngineDeclinedException extends ImageProcessingException {

    public EngineDeclinedException(String message) {
        super(message);
    }
}
