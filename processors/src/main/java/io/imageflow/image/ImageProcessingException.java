package io.imageflow.image;

/** An image could not be read, transformed or written; the message is meant for the person who sent it. */
public class ImageProcessingException extends RuntimeException {

    public ImageProcessingException(String message) {
        super(message);
    }

    public ImageProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
