package io.imageflow.image;

/**
 * What does the pixel work: decode, the operations, encode. Two implementations: {@link JavaImageEngine}
 * (ImageIO + Thumbnailator, pure Java, runs anywhere) and {@code opencv.OpenCvEngine} (native, several times
 * faster, decodes JPEGs at reduced size). {@link ImageEngines} picks one by the setting
 * {@code imageflow.processing.engine} and by whether the native library loads. The checks every image
 * passes first (pixel limit, structure, memory, time) are the {@link ImageTransformer}'s, the same for both.
 */
public interface ImageEngine {

    /** "native" or "java", for logs and benchmarks. */
    String name();

    /** Whether this engine gives the product's result for this input (else the pure-Java engine takes it). */
    boolean canDecode(ImageHeader header);

    /** Whether this engine writes the format itself (else the result is written in the nearest format it can). */
    boolean canWrite(ImageFormat format);

    /** Bytes this engine will hold at most while transforming the image: what the memory budget reserves. */
    long memoryNeeded(ImageHeader header, ProcessingPlan plan);

    /**
     * Decodes (upright, 8-bit sRGB), applies the plan's operations in order and encodes the result.
     *
     * @param input the image file, already checked: within the pixel limit, metadata a decoder need not see removed
     * @throws ImageProcessingException when the image cannot be decoded or an operation is impossible for it
     */
    TransformResult transform(byte[] input, ImageHeader header, ProcessingPlan plan, Cancellation cancellation);
}
