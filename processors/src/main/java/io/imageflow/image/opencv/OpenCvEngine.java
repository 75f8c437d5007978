package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.imageflow.image.Cancellation;
import io.imageflow.image.EngineDeclinedException;
import io.imageflow.image.ImageEncoder;
import io.imageflow.image.ImageEngine;
import io.imageflow.image.ImageFormat;
import io.imageflow.image.ImageHeader;
import io.imageflow.image.ImageOperation;
import io.imageflow.image.ProcessingPlan;
import io.imageflow.image.Resize;
import io.imageflow.image.Rotate;
import io.imageflow.image.Size;
import io.imageflow.image.TransformResult;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The native engine: OpenCV (libjpeg-turbo, libpng, libwebp) through bytedeco's JavaCPP binding. JPEGs
 * that are shrunk first are decoded at 1/2, 1/4 or 1/8 size ({@link ShrinkOnLoad}). Every native buffer of
 * a transform lives in one {@link PointerScope}, freed when the transform ends, whichever way it ends;
 * large intermediate images are released as soon as the next step has its result.
 * <p>
 * It takes JPEG (without CMYK or a non-sRGB ICC profile), PNG (without a non-sRGB profile), WebP and BMP; the pure-Java engine takes the
 * rest, since OpenCV neither converts colour profiles nor reads GIF. Each image is worked on by one thread
 * (OpenCV's own thread pool is off): the worker's concurrency gives the parallelism.
 */
public final class OpenCvEngine implements ImageEngine {

    private static final Set<ImageFormat> DECODES = EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.BMP);

    /** The system's SIMD libjpeg-turbo for JPEG coding, where installed; else OpenCV's own. */
    private final Optional<TurboJpeg> turboJpeg;

    private OpenCvEngine(Optional<TurboJpeg> turboJpeg) {
        this.turboJpeg = turboJpeg;
    }

    /** @throws LinkageError when the native libraries cannot be loaded on this platform */
    public static OpenCvEngine load() {
        OpenCvLogging.quieten();
        Loader.load(opencv_imgcodecs.class);
        Loader.load(opencv_imgproc.class);
        setNumThreads(1);
        return new OpenCvEngine(TurboJpeg.load());
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public boolean canDecode(ImageHeader header) {
        return DECODES.contains(header.format()) && !header.managedColours();
    }

    @Override
    public boolean canWrite(ImageFormat format) {
        return true; // JPEG, PNG, WebP and BMP here; GIF and TIFF through ImageIO (NativeEncoder)
    }

    /**
     * At each step its input and its result, both at the largest size the plan reaches: blur and sharpen write
     * a new image, and every replaced image is released at once. 4 bytes a
     * pixel where there may be alpha (PNG, WebP, or a plan that makes transparent corners), else 3.
     */
    @Override
    public long memoryNeeded(ImageHeader header, ProcessingPlan plan) {
        Size decoded = ShrinkOnLoad.decodedSize(header, ShrinkOnLoad.factor(header, plan));
        long largest = decoded.pixels();
        Size logical = header.uprightSize();
        boolean alpha = header.format() != ImageFormat.JPEG && header.format() != ImageFormat.BMP;
        for (ImageOperation operation : plan.operations()) {
            logical = operation.resultSize(logical);
            largest = Math.max(largest, logical.pixels()); // after the first step, the image is its logical size
            alpha |= operation instanceof Rotate rotate && rotate.degrees() % 90 != 0
                    || operation instanceof Resize resize && resize.fit() == Resize.Fit.CONTAIN;
        }
        return largest * (alpha ? 4 : 3) * 2;
    }

    @Override
    public TransformResult transform(byte[] input, ImageHeader header, ProcessingPlan plan, Cancellation cancellation) {
        try (PointerScope scope = new PointerScope()) {
            int factor = ShrinkOnLoad.factor(header, plan);
            Mat image = NativeOrientation.upright(decode(input, header, factor), header.orientation());
            Size logical = header.uprightSize();
            boolean opaqueOutput = !ImageEncoder.wanted(header.format(), plan.output()).supportsAlpha();
            for (ImageOperation operation : plan.operations()) {
                cancellation.checkpoint();
                Mat result = NativeOperations.of(operation, logical, opaqueOutput).apply(image);
                if (result != image) {
                    image.release();
                }
                image = result;
                logical = operation.resultSize(logical);
            }
            cancellation.checkpoint();
            return NativeEncoder.encode(image, header, plan.output(), turboJpeg);
        }
    }

    /** 8-bit BGR, or BGRA where the image has alpha. */
    private Mat decode(byte[] input, ImageHeader header, int factor) {
        if (header.format() == ImageFormat.JPEG && turboJpeg.isPresent()) {
            return ShrinkOnLoad.wholeBlocks(turboJpeg.get().decode(input, ShrinkOnLoad.decodedSize(header, factor)), header, factor);
        }
        int flags = header.format() != ImageFormat.JPEG ? IMREAD_UNCHANGED : IMREAD_IGNORE_ORIENTATION | switch (factor) {
            case 8 -> IMREAD_REDUCED_COLOR_8;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            default -> IMREAD_COLOR;
        };
        BytePointer bytes = new BytePointer(input);
        Mat decoded = imdecode(new Mat(1, input.length, CV_8UC1, bytes), flags);
        bytes.deallocate();
        if (decoded == null || decoded.empty()) {
            throw new EngineDeclinedException("OpenCV could not decode this " + header.format().id());
        }
        if (decoded.depth() != CV_8U) {
            decoded.convertTo(decoded, CV_8U, 255.0 / 65535, 0); // 16-bit to 8-bit
        }
        if (header.format() == ImageFormat.JPEG) {
            decoded = ShrinkOnLoad.wholeBlocks(decoded, header, factor);
        }
        if (decoded.channels() == 1) {
            Mat colour = new Mat();
            cvtColor(decoded, colour, COLOR_GRAY2BGR);
            decoded.release();
            return colour;
        }
        return decoded;
    }
}
