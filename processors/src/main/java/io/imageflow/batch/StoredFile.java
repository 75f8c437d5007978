package io.imageflow.batch;

/** One stored image file: where it is, what it is and how big. */
public record StoredFile(String name, String format, String contentType, long bytes, int width, int height) {
}
