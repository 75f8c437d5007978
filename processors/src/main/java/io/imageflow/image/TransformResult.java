package io.imageflow.image;

/**
 * The encoded result of a transformation.
 *
 * @param note why the result is in another format than asked (e.g. "webp cannot be written here; written as png"), else null
 */
public record TransformResult(byte[] bytes, ImageFormat format, int width, int height, String note) {
}
