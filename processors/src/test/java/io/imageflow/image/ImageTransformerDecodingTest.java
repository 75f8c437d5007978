package io.imageflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reading every supported kind of input, upright and complete, or refusing it clearly. */
class ImageTransformerDecodingTest {

    private final ImageTransformer transformer = TestImages.transformer(50_000_000);

    @ParameterizedTest(name = "orientation {0}, big-endian {1}")
    @CsvSource({"1, true", "2, false", "3, true", "4, false", "5, true", "6, false", "6, true", "7, true", "8, false"})
    void turnsJpegsUprightByTheirExifOrientation(int orientation, boolean bigEndian) {
        // Stored: 60×40, red block top-left, blue block top-right.
        byte[] jpeg = TestFiles.jpegWithOrientation(TestImages.markedCorners(60, 40, 16), orientation, bigEndian);

        TransformResult result = transformer.transform(jpeg, TestImages.outputAs(ImageFormat.PNG));
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
        byte[] tiff = TestFiles.tiffWithOrientation(TestImages.markedCorners(60, 40, 16), 6);

        BufferedImage out = TestImages.decode(transformer.transform(tiff, TestImages.outputAs(ImageFormat.PNG)).bytes());

        assertThat(out.getWidth()).isEqualTo(40);
        assertThat(TestImages.argb(out, 31, 8)).containsExactly(255, 255, 0, 0);   // red block now top-right
        assertThat(TestImages.argb(out, 31, 51)).containsExactly(255, 0, 0, 255);  // blue block bottom-right
    }

    @Test
    void decodesCmykJpegsWithPlausibleColours() throws IOException {
        BufferedImage out = TestImages.decode(transformer.transform(TestFiles.cmykJpeg(64, 32), TestImages.outputAs(ImageFormat.PNG)).bytes());

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
    void convertsAPngFromItsIccProfileToSrgb() throws IOException {
        // stored: 128 in linear light, which is 188 in sRGB; and a colour, whose sRGB value the JDK's colour management gives
        BufferedImage stored = TestImages.opaque(TestImages.solid(8, 4, 0xFF808080));
        TestImages.fill(stored, 4, 0, 4, 4, 0xFFC83214);
        ColorSpace linear = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
        byte[] png = TestFiles.pngWithProfile(stored, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));

        BufferedImage out = TestImages.decode(transformer.transform(png, TestImages.outputAs(ImageFormat.PNG)).bytes());

        assertThat(TestImages.argb(out, 1, 1)).satisfies(grey -> assertThat(grey[1]).isBetween(185, 191)
                .isEqualTo(grey[2]).isEqualTo(grey[3]));
        float[] expected = linear.toRGB(new float[] {200 / 255f, 50 / 255f, 20 / 255f});
        int[] colour = TestImages.argb(out, 6, 2);
        for (int band = 0; band < 3; band++) {
            assertThat(colour[band + 1]).as("band %d", band).isCloseTo(Math.round(expected[band] * 255), within(3));
        }
    }

    @Test
    void leavesAPngWithAnSrgbProfileAsItIs() throws IOException {
        BufferedImage stored = TestImages.opaque(TestImages.solid(8, 4, 0xFFC83214));
        byte[] png = TestFiles.pngWithProfile(stored, ICC_Profile.getInstance(ColorSpace.CS_sRGB));

        BufferedImage out = TestImages.decode(transformer.transform(png, TestImages.outputAs(ImageFormat.PNG)).bytes());

        assertThat(TestImages.argb(out, 3, 2)).containsExactly(255, 200, 50, 20);
    }

    @Test
    void reducesSixteenBitPngsToEightBits() {
        TransformResult result = transformer.transform(TestFiles.sixteenBitPng(10, 10), TestImages.outputAs(null));

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

        BufferedImage out = TestImages.decode(transformer.transform(TestImages.encode(grey, "jpeg"), TestImages.outputAs(ImageFormat.PNG)).bytes());

        assertThat(TestImages.argb(out, 8, 8)[1]).isBetween(126, 130);
    }

    @Test
    void takesTheFirstFrameOfAnAnimatedGif() throws IOException {
        byte[] gif = TestFiles.animatedGif(TestImages.opaque(TestImages.solid(20, 10, 0xFFFF0000)),
                TestImages.opaque(TestImages.solid(20, 10, 0xFF0000FF)));

        BufferedImage out = TestImages.decode(transformer.transform(gif, TestImages.outputAs(ImageFormat.PNG)).bytes());

        assertThat(TestImages.argb(out, 10, 5)).containsExactly(255, 255, 0, 0);
    }

    @Test
    void readsAndWritesBmpAndTiffLosslessly() {
        BufferedImage noise = TestImages.opaque(TestImages.noise(30, 20, 9));
        for (ImageFormat format : List.of(ImageFormat.BMP, ImageFormat.TIFF)) {
            TransformResult result = transformer.transform(TestImages.encode(noise, format.id()), TestImages.outputAs(null, new Flip(Flip.Direction.VERTICAL)));

            assertThat(result.format()).isEqualTo(format);
            BufferedImage out = TestImages.decode(result.bytes());
            assertThat(out.getRGB(3, 19)).as(format.id()).isEqualTo(noise.getRGB(3, 0));
        }
    }

    @Test
    void refusesTruncatedJpegs() throws IOException {
        byte[] jpeg = TestImages.encode(TestImages.opaque(TestImages.noise(200, 200, 5)), "jpeg");
        byte[] progressive = TestFiles.progressiveJpeg(TestImages.opaque(TestImages.noise(200, 200, 6)));

        for (byte[] truncated : List.of(Arrays.copyOf(jpeg, jpeg.length / 2), Arrays.copyOf(progressive, progressive.length / 3))) {
            assertThatThrownBy(() -> transformer.transform(truncated, TestImages.outputAs(ImageFormat.PNG)))
                    .isInstanceOf(ImageProcessingException.class)
                    .hasMessageStartingWith("the image data is truncated or corrupt: ");
        }
    }

    @Test
    void toleratesAJpegWithoutItsEndMarker() {
        byte[] jpeg = TestImages.encode(TestImages.opaque(TestImages.noise(64, 64, 7)), "jpeg");

        TransformResult result = transformer.transform(Arrays.copyOf(jpeg, jpeg.length - 2), TestImages.outputAs(ImageFormat.PNG));

        assertThat(result.width()).isEqualTo(64);
    }

    @Test
    void refusesTruncatedPngGifBmpAndTiff() {
        BufferedImage noise = TestImages.opaque(TestImages.noise(100, 100, 8));
        for (String format : List.of("png", "gif", "bmp", "tiff")) {
            byte[] bytes = TestImages.encode(noise, format);
            byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

            assertThatThrownBy(() -> transformer.transform(truncated, TestImages.outputAs(ImageFormat.PNG))).as(format)
                    .isInstanceOf(ImageProcessingException.class)
                    .hasMessageStartingWith("the image data is truncated or corrupt: ");
        }
    }

    @Test
    void saysWhenTheDataEndsTooEarly() {
        byte[] bmp = TestImages.encode(TestImages.opaque(TestImages.noise(50, 50, 2)), "bmp");

        assertThatThrownBy(() -> transformer.transform(Arrays.copyOf(bmp, bmp.length - 100), TestImages.outputAs(null)))
                .hasMessage("the image data is truncated or corrupt: the data ends before the image is complete");
    }
}
