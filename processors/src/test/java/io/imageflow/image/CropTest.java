package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CropTest {

    private final BufferedImage image = TestImages.noise(20, 10, 4);

    @Test
    void keepsTheRectangleExactly() {
        BufferedImage out = TestImages.apply(Crop.rectangle(3, 2, 5, 4), image);

        assertThat(out.getWidth()).isEqualTo(5);
        assertThat(out.getHeight()).isEqualTo(4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertThat(out.getRGB(x, y)).isEqualTo(image.getRGB(x + 3, y + 2));
            }
        }
    }

    @Test
    void clipsARectangleThatOverhangsTheImage() {
        BufferedImage out = TestImages.apply(Crop.rectangle(15, 5, 100, 100), image);

        assertThat(out.getWidth()).isEqualTo(5);
        assertThat(out.getHeight()).isEqualTo(5);
        assertThat(out.getRGB(0, 0)).isEqualTo(image.getRGB(15, 5));
    }

    @Test
    void refusesARectangleOutsideTheImage() {
        assertThatThrownBy(() -> TestImages.apply(Crop.rectangle(20, 0, 5, 5), image))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessageContaining("lies outside the 20×10 image")
                .hasMessageContaining("x must be below 20");
        assertThatThrownBy(() -> Crop.rectangle(0, 10, 5, 5).resultSize(new Size(20, 10)))
                .isInstanceOf(ImageProcessingException.class);
    }

    @Test
    void aspectKeepsTheLargestCentredRectangle() {
        BufferedImage square = TestImages.noise(400, 400, 5);

        BufferedImage wide = TestImages.apply(Crop.aspect(16, 9), square);

        assertThat(wide.getWidth()).isEqualTo(400);
        assertThat(wide.getHeight()).isEqualTo(225);
        assertThat(wide.getRGB(0, 0)).isEqualTo(square.getRGB(0, 87));
        assertThat(Crop.aspect(1, 1).resultSize(new Size(300, 200))).isEqualTo(new Size(200, 200));
        assertThat(new Crop.Aspect(1, 1).within(new Size(300, 200))).isEqualTo(new Crop.Rectangle(50, 0, 200, 200));
    }

    @Test
    void aspectAlreadyRightLeavesTheImageAlone() {
        assertThat(Crop.aspect(2, 1).apply(image)).isSameAs(image);
    }

    @Test
    void parsesRatios() {
        assertThat(Crop.Aspect.parse("16:9")).contains(new Crop.Aspect(16, 9));
        assertThat(Crop.Aspect.parse(" 1.91 : 1 ")).contains(new Crop.Aspect(1.91, 1));
        assertThat(Crop.Aspect.parse("16/9")).isEmpty();
        assertThat(Crop.Aspect.parse("0:1")).isEmpty();
        assertThat(Crop.Aspect.parse("-4:3")).isEmpty();
        assertThat(new Crop.Aspect(16, 9)).hasToString("16:9");
    }
}
