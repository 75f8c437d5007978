package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class BrightnessTest {

    private final BufferedImage image = TestImages.solid(4, 4, 0x80326496); // alpha 128, rgb (50, 100, 150)

    @Test
    void zeroMakesBlackButKeepsAlpha() {
        assertThat(TestImages.argb(TestImages.apply(new Brightness(0), image), 2, 2)).containsExactly(128, 0, 0, 0);
    }

    @Test
    void twoDoublesAndClampsAt255() {
        assertThat(TestImages.argb(TestImages.apply(new Brightness(2), image), 2, 2)).containsExactly(128, 100, 200, 255);
    }

    @Test
    void oneChangesNothing() {
        assertThat(TestImages.argb(TestImages.apply(new Brightness(1), image), 2, 2)).containsExactly(128, 50, 100, 150);
    }
}
