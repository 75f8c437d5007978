package io.imageflow.image.opencv;

import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.image.BufferedImage;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Conversions between the engine's layouts (8-bit BGR, BGRA, and grey after {@link NativeGrayscale}) and to Java images. */
final class Mats {

    private Mats() {
    }

    /** The image with an alpha channel (opaque where it had none), for steps that make transparent areas. */
    static Mat withAlpha(Mat image) {
        if (image.channels() == 4) {
            return image;
        }
        Mat out = HugePages.allocate(image.rows(), image.cols(), CV_8UC4);
        cvtColor(image, out, image.channels() == 1 ? COLOR_GRAY2BGRA : COLOR_BGR2BGRA);
        return out;
    }

    /** Three equal colour channels from a grey image, for the formats written in colour; other images as they are. */
    static Mat colour(Mat image) {
        if (image.channels() != 1) {
            return image;
        }
        Mat out = HugePages.allocate(image.rows(), image.cols(), CV_8UC3);
        cvtColor(image, out, COLOR_GRAY2BGR);
        return out;
    }

    /**
     * The image composed over white, for formats that cannot store transparency (JPEG, BMP):
     * colour · α / 255 + (255 − α), in 8-bit arithmetic that OpenCV vectorises.
     */
    static Mat flattenOnWhite(Mat image) {
        if (image.channels() != 4) {
            return image;
        }
        Mat colour = new Mat();
        cvtColor(image, colour, COLOR_BGRA2BGR);
        Mat opacity = new Mat();
        extractChannel(image, opacity, 3);
        Mat opacity3 = new Mat();
        cvtColor(opacity, opacity3, COLOR_GRAY2BGR);
        opacity.release();
        multiply(colour, opacity3, colour, 1 / 255.0, -1);
        Mat white = new Mat(image.size(), CV_8UC3, Scalar.all(255));
        subtract(white, opacity3, opacity3); // 255 − α
        add(colour, opacity3, colour);
        opacity3.release();
        white.release();
        return colour;
    }

    /** A Java image (INT_RGB or INT_ARGB) of the same pixels, for the encoders only ImageIO has (GIF, TIFF). */
    static BufferedImage toBufferedImage(Mat image) {
        Mat coloured = colour(image);
        Mat continuous = coloured.isContinuous() ? coloured : coloured.clone();
        int w = continuous.cols();
        int h = continuous.rows();
        int channels = continuous.channels();
        byte[] bytes = new byte[w * h * channels];
        continuous.data().get(bytes);
        int[] pixels = new int[w * h];
        for (int i = 0, p = 0; i < pixels.length; i++, p += channels) {
            int alpha = channels == 4 ? bytes[p + 3] & 0xFF : 0xFF;
            pixels[i] = alpha << 24 | (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 1] & 0xFF) << 8 | bytes[p] & 0xFF;
        }
        BufferedImage out = new BufferedImage(w, h, channels == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }
}
