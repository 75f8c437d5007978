package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class GrayscaleTest {

    @Test
    void makesRedGreenAndBlueEqualEverywhere() {
        BufferedImage out = TestImages.apply(new Grayscale(), TestImages.noise(30, 20, 2));

        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int[] p = TestImages.argb(out, x, y);
                assertThat(p[1]).isEqualTo(p[2]).isEqualTo(p[3]);
            }
        }
    }

    @Test
    void usesLumaWeightsAndKeepsAlpha() {
        BufferedImage image = TestImages.solid(2, 1, 0x80FF0000);
        image.setRGB(1, 0, 0xFFFFFFFF);

        BufferedImage out = TestImages.apply(new Grayscale(), image);

        assertThat(TestImages.argb(out, 0, 0)).containsExactly(0x80, 76, 76, 76); // 0.299 × 255
        assertThat(TestImages.argb(out, 1, 0)).containsExactly(255, 255, 255, 255);
    }

    @Test
    void worksOnOpaqueImagesToo() {
        BufferedImage out = TestImages.apply(new Grayscale(), TestImages.opaque(TestImages.solid(3, 3, 0xFF0000FF)));

        assertThat(out.getColorModel().hasAlpha()).isFalse();
        assertThat(TestImages.argb(out, 1, 1)).containsExactly(255, 29, 29, 29); // 0.114 × 255
    }
}
