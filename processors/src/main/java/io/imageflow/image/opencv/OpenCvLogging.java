package io.imageflow.image.opencv;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps OpenCV's own logger off stderr: it prints a line for every image it cannot decode ("imdecode_ … can't
 * read data"), which the engine already reports as an exception with a reason. OpenCV reads the level from
 * {@code OPENCV_LOG_LEVEL} when it logs for the first time, and bytedeco's binding does not map
 * {@code cv::utils::logging::setLogLevel}, so the variable is set in the process's environment (libc's
 * {@code setenv}) before OpenCV is loaded. A level the operator set is kept.
 */
final class OpenCvLogging {

    static final String VARIABLE = "OPENCV_LOG_LEVEL";
    /** Nothing but fatal errors; decoding failures reach the caller as exceptions. */
    static final String LEVEL = "FATAL";

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private OpenCvLogging() {
    }

    static void quieten() {
        if (System.getenv(VARIABLE) == null) {
            Native.load("c", LibC.class).setenv(VARIABLE, LEVEL, 0);
        }
    }
}
