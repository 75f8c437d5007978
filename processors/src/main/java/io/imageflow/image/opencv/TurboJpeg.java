package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.Optional;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.imageflow.image.EngineDeclinedException;
import io.imageflow.image.ImageProcessingException;
import io.imageflow.image.Size;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG decoding and encoding through the system's libjpeg-turbo (Debian's {@code libturbojpeg0}), called with
 * JNA. The copy bundled with bytedeco's OpenCV is built without SIMD ("SIMD Support Request: NO" in its build
 * information): it codes a full-size 20 MP JPEG 3–4 times slower than the SIMD build libvips uses. Where the
 * library is not installed, {@link #load()} is empty and OpenCV's own codec is used. Pixels go straight into,
 * and out of, OpenCV's buffers.
 */
final class TurboJpeg {

    private static final Logger LOG = LoggerFactory.getLogger(TurboJpeg.class);
    private static final int PIXEL_FORMAT_BGR = 1;
    private static final int PIXEL_FORMAT_GRAY = 6;
    private static final int SUBSAMPLING_420 = 2;
    private static final int SUBSAMPLING_GRAY = 3;
    /** A warning (data cut short, say) is an error: the image would be silently incomplete. */
    private static final int STOP_ON_WARNING = 8192;

    /** The TurboJPEG 2.x functions used here. */
    interface Library extends com.sun.jna.Library {
        Pointer tjInitDecompress();

        Pointer tjInitCompress();

        int tjDecompress2(Pointer handle, byte[] jpeg, NativeLong size, Pointer pixels, int width, int pitch, int height,
                int pixelFormat, int flags);

        int tjCompress2(Pointer handle, Pointer pixels, int width, int pitch, int height, int pixelFormat,
                PointerByReference jpeg, NativeLongByReference size, int subsampling, int quality, int flags);

        void tjFree(Pointer buffer);

        int tjDestroy(Pointer handle);

        String tjGetErrorStr2(Pointer handle);
    }

    private final Library library;

    private TurboJpeg(Library library) {
        this.library = library;
    }

    static Optional<TurboJpeg> load() {
        for (String name : new String[] {"turbojpeg", "libturbojpeg.so.0"}) {
            try {
                return Optional.of(new TurboJpeg(Native.load(name, Library.class)));
            } catch (UnsatisfiedLinkError e) {
                // try the next name
            }
        }
        LOG.info("The system's libjpeg-turbo (libturbojpeg0) is not installed: JPEGs are coded by OpenCV's own copy, "
                + "without SIMD, several times slower at full size");
        return Optional.empty();
    }

    /** The JPEG decoded to 8-bit BGR at {@code size} (the full size, or 1/2, 1/4, 1/8 of it, rounded up). */
    Mat decode(byte[] jpeg, Size size) {
        Pointer handle = library.tjInitDecompress();
        try {
            Mat pixels = HugePages.allocate(size.height(), size.width(), CV_8UC3);
            int status = library.tjDecompress2(handle, jpeg, new NativeLong(jpeg.length), new Pointer(pixels.data().address()),
                    size.width(), (int) pixels.step(), size.height(), PIXEL_FORMAT_BGR, STOP_ON_WARNING);
            if (status != 0) {
                pixels.release();
                throw new EngineDeclinedException("libjpeg-turbo: " + library.tjGetErrorStr2(handle));
            }
            return pixels;
        } finally {
            library.tjDestroy(handle);
        }
    }

    /** An 8-bit BGR image as a 4:2:0 JPEG of the given quality; a grey one as a one-component JPEG. */
    byte[] encode(Mat bgr, int quality) {
        Pointer handle = library.tjInitCompress();
        PointerByReference output = new PointerByReference();
        NativeLongByReference size = new NativeLongByReference();
        boolean grey = bgr.channels() == 1;
        try {
            int status = library.tjCompress2(handle, new Pointer(bgr.data().address()), bgr.cols(), (int) bgr.step(), bgr.rows(),
                    grey ? PIXEL_FORMAT_GRAY : PIXEL_FORMAT_BGR, output, size, grey ? SUBSAMPLING_GRAY : SUBSAMPLING_420, quality, 0);
            if (status != 0) {
                throw new ImageProcessingException("the result could not be written as jpeg: " + library.tjGetErrorStr2(handle));
            }
            return output.getValue().getByteArray(0, (int) size.getValue().longValue());
        } finally {
            if (output.getValue() != null) {
                library.tjFree(output.getValue());
            }
            library.tjDestroy(handle);
        }
    }
}
