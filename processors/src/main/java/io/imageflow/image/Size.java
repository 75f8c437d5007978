package io.imageflow.image;

/** Width and height of an image in pixels. */
public record Size(int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
