package io.imageflow.image.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCV writes to the process's stderr (file descriptor 2), not through Java, so the test points descriptor 2
 * at a file while OpenCV decodes a PNG whose data is cut short, and reads what it wrote.
 */
class OpenCvLoggingTest {

    private interface LibC extends Library {
        int open(String path, int flags, int mode);
        int dup(int fd);
        int dup2(int from, int to);
        int close(int fd);
    }

    private static final int O_WRONLY_CREAT_TRUNC = 01 | 0100 | 01000;

    @Test
    void decodingFailuresPrintNothingOnStderr(@TempDir Path dir) throws Exception {
        OpenCvEngine.load();
        byte[] cut = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 10, 0, 0, 0, 10, 8, 2, 0, 0, 0, 0x02, 0x50, 0x58, (byte) 0xEA, 0, 0, 0, 20, 'I', 'D', 'A', 'T', 1, 2};
        Path captured = dir.resolve("stderr.txt");
        LibC libc = Native.load("c", LibC.class);
        int saved = libc.dup(2);
        int file = libc.open(captured.toString(), O_WRONLY_CREAT_TRUNC, 0600);
        Mat decoded;
        try {
            libc.dup2(file, 2);
            BytePointer bytes = new BytePointer(cut);
            decoded = imdecode(new Mat(1, cut.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, bytes), IMREAD_UNCHANGED);
            bytes.deallocate();
        } finally {
            libc.dup2(saved, 2);
            libc.close(saved);
            libc.close(file);
        }

        assertThat(decoded == null || decoded.empty()).as("the cut PNG is not decoded").isTrue();
        assertThat(Files.readString(captured)).as("what OpenCV wrote on stderr").isEmpty();
    }
}
