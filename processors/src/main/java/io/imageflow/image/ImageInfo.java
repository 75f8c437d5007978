package io.imageflow.image;

/** What the header of an image says: its format and size, read without decoding any pixel. */
public record ImageInfo(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
