package io.imageflow.image;

/** The data is not an image in a supported format (the API answers 415 for it). */
public class UnsupportedImageException extends ImageProcessingException {

    public UnsupportedImageException(String message) {
        super(message);
    }

    public UnsupportedImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
