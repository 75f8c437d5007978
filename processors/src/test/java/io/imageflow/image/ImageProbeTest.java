package io.imageflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.imageflow.support.TestImages.pngBomb;

class ImageProbeTest {

    private final ImageProbe probe = new ImageProbe();

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void recognisesEveryFormatAndReadsItsSize(ImageFormat format) {
        byte[] bytes = format == ImageFormat.WEBP
                ? TestFiles.webp(40, 30, 0xFF3366CC)
                : TestImages.encode(TestImages.opaque(TestImages.solid(40, 30, 0xFF3366CC)), format.id());

        assertThat(probe.probe(new ByteArrayInputStream(bytes))).isEqualTo(new ImageInfo(format, 40, 30));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void reportsTheUprightSizeOfAPhotoStoredOnItsSide(int orientation) throws IOException {
        java.awt.image.BufferedImage stored = TestImages.opaque(TestImages.solid(40, 30, 0xFF3366CC));
        boolean quarterTurn = orientation >= 5;
        ImageInfo upright = quarterTurn ? new ImageInfo(ImageFormat.JPEG, 30, 40) : new ImageInfo(ImageFormat.JPEG, 40, 30);

        byte[] jpeg = TestFiles.jpegWithOrientation(stored, orientation, orientation % 2 == 0);
        assertThat(probe.probeUpright(new ByteArrayInputStream(jpeg))).isEqualTo(upright);
        assertThat(probe.probe(new ByteArrayInputStream(jpeg))).as("as stored").isEqualTo(new ImageInfo(ImageFormat.JPEG, 40, 30));
        byte[] tiff = TestFiles.tiffWithOrientation(stored, orientation);
        assertThat(probe.probeUpright(new ByteArrayInputStream(tiff)))
                .isEqualTo(new ImageInfo(ImageFormat.TIFF, upright.width(), upright.height()));
    }

    @Test
    void probesAFileByItsContentNotItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("photo.jpg");
        Files.write(file, TestImages.encode(TestImages.solid(17, 9, 0xFF00FF00), "png"));

        assertThat(probe.probe(file)).isEqualTo(new ImageInfo(ImageFormat.PNG, 17, 9));
    }

    @Test
    void readsTheSizeOfADecompressionBombWithoutDecodingIt() throws IOException {
        byte[] bomb = pngBomb(30_000, 30_000);
        assertThat(bomb.length).isLessThan(2_000);

        ImageInfo info = probe.probe(new ByteArrayInputStream(bomb));

        assertThat(info).isEqualTo(new ImageInfo(ImageFormat.PNG, 30_000, 30_000));
        assertThat(info.pixels()).isEqualTo(900_000_000L);
    }

    @Test
    void needsOnlyTheHeader() throws IOException {
        // Signature + IHDR only: there are no pixels at all, so the size must come from the header.
        byte[] headerOnly = Arrays.copyOf(pngBomb(20_000, 10_000), 8 + 25);

        assertThat(probe.probe(new ByteArrayInputStream(headerOnly)))
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 20_000, 10_000));
    }

    @Test
    void refusesAPdfAndSaysWhatItLooksLike() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream(pdf)))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("PDF")
                .hasMessageContaining("jpeg, png, gif, bmp, tiff, webp");
    }

    @Test
    void refusesHeicTextEmptyAndUnknownBytes() {
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream(heic))).hasMessageContaining("HEIC");
        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream("hello world".getBytes())))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("text: \"hello world\"");
        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream(new byte[] {1, 2, 3, (byte) 0xFE})))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("01 02 03 FE");
        // "BM" followed by text is not a bitmap.
        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream("BMW owners club newsletter".getBytes())))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("text");
    }

    @Test
    void refusesARightSignatureWithABrokenHeader() {
        byte[] png = TestImages.encode(TestImages.solid(4, 4, 0xFFFFFFFF), "png");
        byte[] broken = TestFiles.concat(Arrays.copyOf(png, 8), "garbage garbage garbage".getBytes());

        assertThatThrownBy(() -> probe.probe(new ByteArrayInputStream(broken)))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("starts like a png image but its header cannot be read");
    }
}
