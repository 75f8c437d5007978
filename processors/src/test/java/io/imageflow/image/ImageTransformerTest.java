package io.imageflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageTransformerTest {

    private static final long MAX_PIXELS = 50_000_000;

    private final ImageTransformer transformer = new ImageTransformer(MAX_PIXELS);

    private static ProcessingPlan to(ImageFormat format, ImageOperation... operations) {
        return new ProcessingPlan(List.of(operations), new OutputOptions(format, 85, false));
    }

    @ParameterizedTest(name = "orientation {0}, big-endian {1}")
    @CsvSource({"1, true", "2, false", "3, true", "4, false", "5, true", "6, false", "6, true", "7, true", "8, false"})
    void turnsJpegsUprightByTheirExifOrientation(int orientation, boolean bigEndian) {
        // Stored: 60×40, red block top-left, blue block top-right.
        byte[] jpeg = TestImages.jpegWithOrientation(TestImages.markedCorners(60, 40, 16), orientation, bigEndian);

        TransformResult result = transformer.transform(jpeg, to(ImageFormat.PNG));
        BufferedImage out = TestImages.decode(result.bytes());

        boolean quarterTurn = orientation >= 5;
        assertThat(out.getWidth()).isEqualTo(quarterTurn ? 40 : 60);
        assertThat(result.width()).isEqualTo(out.getWidth());
        int[] red = displayed(8, 8, orientation, 60, 40);
        int[] blue = displayed(51, 8, orientation, 60, 40);
        assertThat(TestImages.argb(out, red[0], red[1])).satisfies(p -> assertThat(p[1]).isGreaterThan(200))
                .satisfies(p -> assertThat(p[3]).isLessThan(60));
        assertThat(TestImages.argb(out, blue[0], blue[1])).satisfies(p -> assertThat(p[3]).isGreaterThan(200))
                .satisfies(p -> assertThat(p[1]).isLessThan(60));
    }

    /** Where a stored pixel (x, y) of a w×h image appears once displayed with the EXIF orientation. */
    private static int[] displayed(int x, int y, int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new int[] {w - 1 - x, y};
            case 3 -> new int[] {w - 1 - x, h - 1 - y};
            case 4 -> new int[] {x, h - 1 - y};
            case 5 -> new int[] {y, x};
            case 6 -> new int[] {h - 1 - y, x};
            case 7 -> new int[] {h - 1 - y, w - 1 - x};
            case 8 -> new int[] {y, w - 1 - x};
            default -> new int[] {x, y};
        };
    }

    @Test
    void turnsTiffsUprightToo() throws IOException {
        byte[] tiff = TestImages.tiffWithOrientation(TestImages.markedCorners(60, 40, 16), 6);

        BufferedImage out = TestImages.decode(transformer.transform(tiff, to(ImageFormat.PNG)).bytes());

        assertThat(out.getWidth()).isEqualTo(40);
        assertThat(TestImages.argb(out, 31, 8)).containsExactly(255, 255, 0, 0);   // red block now top-right
        assertThat(TestImages.argb(out, 31, 51)).containsExactly(255, 0, 0, 255);  // blue block bottom-right
    }

    @Test
    void stripsMetadataByDefaultAndKeepsExifUprightWhenAsked() {
        byte[] jpeg = TestImages.jpegWithOrientation(TestImages.markedCorners(60, 40, 16), 6, true);

        byte[] stripped = transformer.transform(jpeg, to(null)).bytes();
        byte[] kept = transformer.transform(jpeg, new ProcessingPlan(List.of(), new OutputOptions(null, 85, true))).bytes();

        assertThat(indexOf(stripped, "Exif")).isNegative();
        assertThat(indexOf(kept, "Exif")).isPositive();
        assertThat(indexOf(kept, "Cam")).as("other tags survive").isPositive();
        try (var in = new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(kept))) {
            byte[] exif = JpegExif.read(in);
            assertThat(ExifOrientation.read(exif)).isEqualTo(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(TestImages.decode(kept).getWidth()).isEqualTo(40);
    }

    @Test
    void flattensTransparencyOnWhiteForJpeg() {
        BufferedImage half = TestImages.solid(40, 20, 0x00000000);
        for (int x = 20; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                half.setRGB(x, y, 0xFFFF0000);
            }
        }

        TransformResult result = transformer.transform(TestImages.encode(half, "png"), to(ImageFormat.JPEG));
        BufferedImage out = TestImages.decode(result.bytes());

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(TestImages.argb(out, 5, 10)).satisfies(p -> assertThat(p[1]).isGreaterThan(245))
                .satisfies(p -> assertThat(p[2]).isGreaterThan(245)).satisfies(p -> assertThat(p[3]).isGreaterThan(245));
        assertThat(TestImages.argb(out, 35, 10)).satisfies(p -> assertThat(p[1]).isGreaterThan(230))
                .satisfies(p -> assertThat(p[2]).isLessThan(30));
    }

    @Test
    void rotatedCornersBecomeWhiteInJpegAndStayTransparentInPng() {
        byte[] jpeg = TestImages.encode(TestImages.opaque(TestImages.solid(100, 50, 0xFF0000FF)), "jpeg");

        BufferedImage asJpeg = TestImages.decode(transformer.transform(jpeg, to(null, new Rotate(30))).bytes());
        BufferedImage asPng = TestImages.decode(transformer.transform(jpeg, to(ImageFormat.PNG, new Rotate(30))).bytes());

        assertThat(TestImages.argb(asJpeg, 1, 1)).satisfies(p -> assertThat(p[1]).isGreaterThan(245));
        assertThat(TestImages.argb(asPng, 1, 1)[0]).isZero();
    }

    @Test
    void decodesCmykJpegsWithPlausibleColours() throws IOException {
        BufferedImage out = TestImages.decode(transformer.transform(TestImages.cmykJpeg(64, 32), to(ImageFormat.PNG)).bytes());

        int[] cyan = TestImages.argb(out, 10, 16);
        int[] red = TestImages.argb(out, 54, 16);
        assertThat(cyan[1]).as("cyan: little red").isLessThan(100);
        assertThat(cyan[2]).as("cyan: much green").isGreaterThan(130);
        assertThat(cyan[3]).as("cyan: much blue").isGreaterThan(180);
        assertThat(red[1]).as("red: much red").isGreaterThan(180);
        assertThat(red[2]).as("red: little green").isLessThan(90);
        assertThat(red[3]).as("red: little blue").isLessThan(90);
    }

    @Test
    void reducesSixteenBitPngsToEightBits() {
        TransformResult result = transformer.transform(TestImages.sixteenBitPng(10, 10), to(null));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        BufferedImage out = TestImages.decode(result.bytes());
        assertThat(out.getColorModel().getComponentSize(0)).isEqualTo(8);
        assertThat(TestImages.argb(out, 5, 5)).containsExactly(255, 255, 128, 0);
    }

    @Test
    void keepsGreyJpegsGrey() {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.setColor(new java.awt.Color(128, 128, 128));
        g.fillRect(0, 0, 16, 16);
        g.dispose();

        BufferedImage out = TestImages.decode(transformer.transform(TestImages.encode(grey, "jpeg"), to(ImageFormat.PNG)).bytes());

        assertThat(TestImages.argb(out, 8, 8)[1]).isBetween(126, 130);
    }

    @Test
    void takesTheFirstFrameOfAnAnimatedGif() throws IOException {
        byte[] gif = TestImages.animatedGif(TestImages.opaque(TestImages.solid(20, 10, 0xFFFF0000)),
                TestImages.opaque(TestImages.solid(20, 10, 0xFF0000FF)));

        BufferedImage out = TestImages.decode(transformer.transform(gif, to(ImageFormat.PNG)).bytes());

        assertThat(TestImages.argb(out, 10, 5)).containsExactly(255, 255, 0, 0);
    }

    @Test
    void readsAndWritesBmpAndTiffLosslessly() {
        BufferedImage noise = TestImages.opaque(TestImages.noise(30, 20, 9));
        for (ImageFormat format : List.of(ImageFormat.BMP, ImageFormat.TIFF)) {
            TransformResult result = transformer.transform(TestImages.encode(noise, format.id()), to(null, new Flip(Flip.Direction.VERTICAL)));

            assertThat(result.format()).isEqualTo(format);
            BufferedImage out = TestImages.decode(result.bytes());
            assertThat(out.getRGB(3, 19)).as(format.id()).isEqualTo(noise.getRGB(3, 0));
        }
    }

    @Test
    void readsWebpButWritesPngInsteadWithANote() {
        byte[] webp = TestImages.webp(40, 30, 0x80336699);

        TransformResult kept = transformer.transform(webp, to(null));
        TransformResult opaque = transformer.transform(TestImages.encode(TestImages.opaque(TestImages.solid(8, 8, 0xFF336699)), "png"),
                to(ImageFormat.WEBP));

        assertThat(kept.format()).isEqualTo(ImageFormat.PNG);
        assertThat(kept.note()).isEqualTo("webp cannot be written here; written as png");
        assertThat(TestImages.argb(TestImages.decode(kept.bytes()), 20, 15)).containsExactly(0x80, 0x33, 0x66, 0x99);
        assertThat(opaque.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(opaque.note()).isEqualTo("webp cannot be written here; written as jpeg");
        assertThat(transformer.transform(webp, to(ImageFormat.PNG)).note()).isNull();
    }

    @Test
    void writesGifWithAProperPaletteAndTransparency() {
        BufferedImage image = TestImages.noise(64, 64, 11);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, 0x00000000);
            }
        }

        TransformResult result = transformer.transform(TestImages.encode(image, "png"), to(ImageFormat.GIF));
        BufferedImage out = TestImages.decode(result.bytes());

        assertThat(result.format()).isEqualTo(ImageFormat.GIF);
        assertThat(out.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        assertThat(TestImages.argb(out, 2, 2)[0]).isZero();
        assertThat(TestImages.argb(out, 40, 40)[0]).isEqualTo(255);
    }

    @Test
    void gifKeepsFlatColoursExact() {
        TransformResult result = transformer.transform(TestImages.encode(TestImages.stripes(40, 10), "png"), to(ImageFormat.GIF));
        BufferedImage out = TestImages.decode(result.bytes());

        assertThat(TestImages.argb(out, 2, 5)).containsExactly(255, 255, 0, 0);
        assertThat(TestImages.argb(out, 20, 5)).containsExactly(255, 0, 255, 0);
        assertThat(TestImages.argb(out, 38, 5)).containsExactly(255, 0, 0, 255);
    }

    @Test
    void jpegQualityChangesTheSize() {
        byte[] photo = TestImages.encode(TestImages.opaque(TestImages.noise(100, 100, 3)), "png");

        int low = transformer.transform(photo, new ProcessingPlan(List.of(), new OutputOptions(ImageFormat.JPEG, 10, false))).bytes().length;
        int high = transformer.transform(photo, new ProcessingPlan(List.of(), new OutputOptions(ImageFormat.JPEG, 95, false))).bytes().length;

        assertThat(low).isLessThan(high / 2);
    }

    @Test
    void refusesTruncatedJpegs() throws IOException {
        byte[] jpeg = TestImages.encode(TestImages.opaque(TestImages.noise(200, 200, 5)), "jpeg");
        byte[] progressive = TestImages.progressiveJpeg(TestImages.opaque(TestImages.noise(200, 200, 6)));

        for (byte[] truncated : List.of(Arrays.copyOf(jpeg, jpeg.length / 2), Arrays.copyOf(progressive, progressive.length / 3))) {
            assertThatThrownBy(() -> transformer.transform(truncated, to(ImageFormat.PNG)))
                    .isInstanceOf(ImageProcessingException.class)
                    .hasMessageStartingWith("the image data is truncated or corrupt: ");
        }
    }

    @Test
    void toleratesAJpegWithoutItsEndMarker() {
        byte[] jpeg = TestImages.encode(TestImages.opaque(TestImages.noise(64, 64, 7)), "jpeg");

        TransformResult result = transformer.transform(Arrays.copyOf(jpeg, jpeg.length - 2), to(ImageFormat.PNG));

        assertThat(result.width()).isEqualTo(64);
    }

    @Test
    void refusesTruncatedPngGifBmpAndTiff() {
        BufferedImage noise = TestImages.opaque(TestImages.noise(100, 100, 8));
        for (String format : List.of("png", "gif", "bmp", "tiff")) {
            byte[] bytes = TestImages.encode(noise, format);
            byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

            assertThatThrownBy(() -> transformer.transform(truncated, to(ImageFormat.PNG))).as(format)
                    .isInstanceOf(ImageProcessingException.class)
                    .hasMessageStartingWith("the image data is truncated or corrupt: ");
        }
    }

    @Test
    void saysWhenTheDataEndsTooEarly() {
        byte[] bmp = TestImages.encode(TestImages.opaque(TestImages.noise(50, 50, 2)), "bmp");

        assertThatThrownBy(() -> transformer.transform(Arrays.copyOf(bmp, bmp.length - 100), to(null)))
                .hasMessage("the image data is truncated or corrupt: the data ends before the image is complete");
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() throws IOException {
        assertThatThrownBy(() -> transformer.transform(TestImages.pngBomb(30_000, 30_000), to(null)))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessage("the image is 30000×30000 = 900,000,000 pixels, more than the 50,000,000 allowed");
    }

    @Test
    void refusesAPlanWhoseResultWouldExceedTheLimit() {
        byte[] small = TestImages.encode(TestImages.solid(100, 100, 0xFF000000), "png");

        assertThatThrownBy(() -> transformer.transform(small, to(null, new Resize(20_000, 20_000, Resize.Fit.FILL, true))))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessage("resize would make the image 20000×20000 = 400,000,000 pixels, more than the 50,000,000 allowed");
    }

    @Test
    void refusesCropsOutsideTheUprightImageBeforeDecoding() {
        byte[] jpeg = TestImages.jpegWithOrientation(TestImages.markedCorners(60, 40, 16), 6, false);

        // Upright the image is 40×60, so x = 50 is outside even though the stored image is 60 wide.
        assertThatThrownBy(() -> transformer.transform(jpeg, to(null, Crop.rectangle(50, 0, 5, 5))))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessageContaining("outside the 40×60 image");
    }

    @Test
    void refusesDataThatIsNoImage() {
        assertThatThrownBy(() -> transformer.transform("%PDF-1.4".getBytes(), to(null)))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("PDF");
    }

    @Test
    void transformsAFileAndReportsTheResultSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("upload.tmp");
        Files.write(file, TestImages.encode(TestImages.stripes(400, 200), "png"));

        TransformResult result = transformer.transform(file, new OperationParser().parse(List.of(
                java.util.Map.of("type", "resize", "width", 100, "height", 100, "fit", "cover"),
                java.util.Map.of("type", "grayscale"),
                java.util.Map.of("type", "format", "format", "jpg"))));

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.width()).isEqualTo(100);
        assertThat(result.height()).isEqualTo(100);
        assertThat(result.note()).isNull();
        assertThat(new ImageProbe().probe(new ByteArrayInputStream(result.bytes())))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 100, 100));
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
