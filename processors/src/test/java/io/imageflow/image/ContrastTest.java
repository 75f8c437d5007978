package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ContrastTest {

    private final BufferedImage image = TestImages.opaque(TestImages.solid(1, 1, 0xFF8040C0)); // (128, 64, 192)

    @Test
    void pushesColoursAwayFromMidGrey() {
        assertThat(TestImages.argb(TestImages.apply(new Contrast(2), image), 0, 0)).containsExactly(255, 128, 0, 255);
        assertThat(TestImages.argb(TestImages.apply(new Contrast(1.5), image), 0, 0)).containsExactly(255, 128, 32, 224);
    }

    @Test
    void zeroGivesMidGreyAndOneChangesNothing() {
        assertThat(TestImages.argb(TestImages.apply(new Contrast(0), image), 0, 0)).containsExactly(255, 128, 128, 128);
        assertThat(TestImages.argb(TestImages.apply(new Contrast(1), image), 0, 0)).containsExactly(255, 128, 64, 192);
    }

    @Test
    void keepsAlpha() {
        BufferedImage translucent = TestImages.solid(1, 1, 0x40FFFFFF);

        assertThat(TestImages.argb(TestImages.apply(new Contrast(0.5), translucent), 0, 0)[0]).isEqualTo(0x40);
    }
}
