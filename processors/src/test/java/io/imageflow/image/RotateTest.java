package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class RotateTest {

    private final BufferedImage image = TestImages.noise(7, 4, 1);

    @Test
    void quarterTurnClockwiseMovesEveryPixelExactly() {
        BufferedImage out = TestImages.apply(new Rotate(90), image);

        assertThat(out.getWidth()).isEqualTo(4);
        assertThat(out.getHeight()).isEqualTo(7);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(out.getRGB(3 - y, x)).as("(%d,%d)", x, y).isEqualTo(image.getRGB(x, y));
            }
        }
        // The top-left corner pixel is now the top-right one.
        assertThat(out.getRGB(3, 0)).isEqualTo(image.getRGB(0, 0));
    }

    @Test
    void halfTurnAndAnticlockwiseQuarterTurnAreExactToo() {
        BufferedImage half = TestImages.apply(new Rotate(180), image);
        BufferedImage back = TestImages.apply(new Rotate(-90), image);

        assertThat(back.getWidth()).isEqualTo(4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(half.getRGB(6 - x, 3 - y)).isEqualTo(image.getRGB(x, y));
                assertThat(back.getRGB(y, 6 - x)).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @Test
    void fourQuarterTurnsGiveBackTheOriginalPixels() {
        BufferedImage out = image;
        for (int i = 0; i < 4; i++) {
            out = TestImages.apply(new Rotate(90), out);
        }
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(out.getRGB(x, y)).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @Test
    void anyAngleGrowsTheCanvasToTheBoundingBoxWithTransparentCorners() {
        BufferedImage red = TestImages.solid(100, 50, 0xFFFF0000);

        BufferedImage out = TestImages.apply(new Rotate(30), red);

        // |100·cos 30°| + |50·sin 30°| = 111.6 → 112;  |100·sin 30°| + |50·cos 30°| = 93.3 → 93
        assertThat(out.getWidth()).isEqualTo(112);
        assertThat(out.getHeight()).isEqualTo(93);
        assertThat(new Rotate(30).resultSize(new Size(100, 50))).isEqualTo(new Size(112, 93));
        assertThat(TestImages.argb(out, 0, 0)[0]).as("corner alpha").isZero();
        assertThat(TestImages.argb(out, 56, 46)).containsExactly(255, 255, 0, 0);
    }

    @Test
    void opaqueImagesGetTransparentCornersToo() {
        BufferedImage out = TestImages.apply(new Rotate(45), TestImages.opaque(TestImages.solid(40, 40, 0xFF00FF00)));

        assertThat(out.getColorModel().hasAlpha()).isTrue();
        assertThat(TestImages.argb(out, 0, 0)[0]).isZero();
    }

    @Test
    void withoutAlphaInTheOutputTheCornersAreWhiteAndTheEdgeHasNoDarkFringe() {
        BufferedImage green = TestImages.opaque(TestImages.solid(200, 100, 0xFF00C000));

        BufferedImage out = TestImages.decode(TestImages.transformer(50_000_000).transform(TestImages.encode(green, "png"),
                TestImages.outputAs(ImageFormat.BMP, new Rotate(30))).bytes());

        assertThat(TestImages.argb(out, 2, 2)).as("corner").containsExactly(255, 255, 255, 255);
        assertThat(TestImages.argb(out, out.getWidth() / 2, out.getHeight() / 2)[2]).as("centre green").isEqualTo(0xC0);
        // along a row through the middle, from the white corner into the image, green blends from 255 to 0xC0;
        // unpremultiplied interpolation towards transparent black, then flattened, dips to about 0xAB at the edge
        int y = out.getHeight() / 2;
        for (int x = 0; x < out.getWidth() / 2; x++) {
            assertThat(TestImages.argb(out, x, y)[2]).as("green at x %d", x).isGreaterThanOrEqualTo(0xC0);
        }
    }

    @Test
    void fullTurnsLeaveTheImageAlone() {
        assertThat(new Rotate(360).apply(image)).isSameAs(image);
        assertThat(new Rotate(-360).resultSize(new Size(7, 4))).isEqualTo(new Size(7, 4));
        assertThat(new Rotate(270).resultSize(new Size(7, 4))).isEqualTo(new Size(4, 7));
    }
}
