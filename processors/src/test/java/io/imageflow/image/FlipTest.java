package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class FlipTest {

    private final BufferedImage image = TestImages.noise(5, 3, 3);

    @Test
    void horizontalMirrorsLeftAndRight() {
        BufferedImage out = TestImages.apply(new Flip(Flip.Direction.HORIZONTAL), image);

        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                assertThat(out.getRGB(4 - x, y)).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @Test
    void verticalMirrorsTopAndBottom() {
        BufferedImage out = TestImages.apply(new Flip(Flip.Direction.VERTICAL), image);

        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                assertThat(out.getRGB(x, 2 - y)).isEqualTo(image.getRGB(x, y));
            }
        }
    }
}
