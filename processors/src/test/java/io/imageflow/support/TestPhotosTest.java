package io.imageflow.support;

import static io.imageflow.support.TestPhotos.LANDSCAPE_BASELINE;
import static io.imageflow.support.TestPhotos.LANDSCAPE_PROGRESSIVE;
import static io.imageflow.support.TestPhotos.ON_ITS_SIDE;
import static io.imageflow.support.TestPhotos.PORTRAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The committed photographs are what the tests take them for (and what photos/README.md says). */
class TestPhotosTest {

    /** What the frame header and EXIF of a JPEG say. */
    record JpegFacts(boolean progressive, String lumaSampling, int width, int height, int orientation) {
    }

    @Test
    void eachPhotoHasTheEncodingItStandsFor() {
        assertThat(facts(LANDSCAPE_PROGRESSIVE)).isEqualTo(new JpegFacts(true, "2x1", 1024, 682, 1));
        assertThat(facts(LANDSCAPE_BASELINE)).isEqualTo(new JpegFacts(false, "2x2", 1024, 768, 1));
        assertThat(facts(ON_ITS_SIDE)).isEqualTo(new JpegFacts(false, "2x2", 384, 512, 6));
        assertThat(facts(PORTRAIT)).isEqualTo(new JpegFacts(false, "2x1", 720, 960, 1));
    }

    @Test
    void thePhotoOnItsSideIsTheLandscapeTurnedAnticlockwise() {
        Pixels.Grid stored = Pixels.grid(Pixels.decode(TestPhotos.bytes(ON_ITS_SIDE)), 16);
        Pixels.Grid upright = Pixels.grid(Pixels.decode(TestPhotos.bytes(LANDSCAPE_BASELINE)), 16);

        assertThat(stored.correlation(upright.rotatedAnticlockwise())).isGreaterThan(0.95);
        assertThat(stored.correlation(upright.rotatedClockwise())).isLessThan(0.5);
    }

    @Test
    void thePhotosAreColourfulAndDetailedEnoughForTheContentChecks() {
        for (String name : new String[] {LANDSCAPE_PROGRESSIVE, LANDSCAPE_BASELINE, PORTRAIT}) {
            var image = Pixels.decode(TestPhotos.bytes(name));
            assertThat(Pixels.meanChroma(image)).as(name).isGreaterThan(30);
            assertThat(Pixels.detail(image)).as(name).isGreaterThan(3);
            assertThat(Pixels.meanLuma(image)).as(name).isBetween(60.0, 170.0);
        }
    }

    @Test
    void theFolderStaysLight() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(TestPhotos.dir())) {
            long bytes = files.filter(file -> file.toString().endsWith(".jpg")).mapToLong(file -> file.toFile().length()).sum();
            assertThat(bytes).isLessThan(600_000);
        }
    }

    /** Walks the JPEG's segments up to the scan: SOF0/SOF2 for the frame, APP1 for the EXIF orientation. */
    static JpegFacts facts(String name) {
        ByteBuffer jpeg = ByteBuffer.wrap(TestPhotos.bytes(name));
        assertThat(jpeg.getShort() & 0xFFFF).as("SOI").isEqualTo(0xFFD8);
        JpegFacts frame = null;
        int orientation = 1;
        while (jpeg.remaining() > 4) {
            int marker = jpeg.getShort() & 0xFFFF;
            int length = jpeg.getShort() & 0xFFFF;
            ByteBuffer segment = jpeg.slice(jpeg.position(), length - 2);
            jpeg.position(jpeg.position() + length - 2);
            if (marker == 0xFFC0 || marker == 0xFFC2) {
                segment.get(); // precision
                int height = segment.getShort() & 0xFFFF;
                int width = segment.getShort() & 0xFFFF;
                segment.get(); // components
                segment.get(); // first component's id
                int sampling = segment.get() & 0xFF;
                frame = new JpegFacts(marker == 0xFFC2, (sampling >> 4) + "x" + (sampling & 0xF), width, height, 1);
            } else if (marker == 0xFFE1 && length > 14 && segment.getInt(0) == 0x45786966) { // "Exif"
                orientation = exifOrientation(segment.slice(6, segment.limit() - 6));
            } else if (marker == 0xFFDA) {
                break;
            }
        }
        assertThat(frame).as("%s has a baseline or progressive frame header", name).isNotNull();
        return new JpegFacts(frame.progressive(), frame.lumaSampling(), frame.width(), frame.height(), orientation);
    }

    private static int exifOrientation(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
                return tiff.getShort(entry + 8) & 0xFFFF;
            }
        }
        return 1;
    }
}
