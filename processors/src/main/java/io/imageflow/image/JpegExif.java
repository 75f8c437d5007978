package io.imageflow.image;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;

import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Finds a JPEG's EXIF segment (APP1 "Exif") and puts one into a freshly written JPEG. */
final class JpegExif {

    private JpegExif() {
    }

    /** The payload of the first EXIF APP1 segment, starting with "Exif\0\0"; null when there is none or it cannot be read. */
    static byte[] read(ImageInputStream jpeg) {
        try {
            jpeg.seek(0);
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(jpeg, JPEG.APP1, "Exif");
            return segments.isEmpty() ? null : segments.get(0).segmentData().readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null; // a broken EXIF segment only costs the metadata and orientation, not the image
        }
    }

    /** The JPEG with an APP1 segment holding the payload, right after SOI and the JFIF APP0 segment if any. */
    static byte[] insert(byte[] jpeg, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        }
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }
}
