package io.imageflow.image;

import io.imageflow.image.Resize.Fit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** Input for all cases: 400×200, left quarter red, middle half green, right quarter blue. */
class ResizeTest {

    private final BufferedImage image = TestImages.stripes(400, 200);

    @ParameterizedTest(name = "{0}×{1} {2} enlarge={3} → {4}×{5}")
    @CsvSource(nullValues = "-", value = {
            "100, 100, INSIDE,  false, 100, 50",
            "100, 100, CONTAIN, false, 100, 100",
            "100, 100, COVER,   false, 100, 100",
            "100, 100, FILL,    false, 100, 100",
            "100, -,   FILL,    false, 100, 50",
            "-,   50,  COVER,   false, 100, 50",
            // no enlargement: the original size is kept where it is smaller than the box
            "800, 800, INSIDE,  false, 400, 200",
            "800, 800, CONTAIN, false, 800, 800",
            "800, 100, COVER,   false, 400, 100",
            "800, 100, FILL,    false, 400, 100",
            "800, -,   INSIDE,  false, 400, 200",
            // enlargement allowed
            "800, 800, INSIDE,  true,  800, 400",
            "800, 800, COVER,   true,  800, 800",
            "800, 100, FILL,    true,  800, 100",
            "800, -,   INSIDE,  true,  800, 400",
    })
    void producesTheSizeItAnnounces(Integer width, Integer height, Fit fit, boolean enlarge, int expectedWidth, int expectedHeight) {
        Resize resize = new Resize(width, height, fit, enlarge);

        BufferedImage out = TestImages.apply(resize, image);

        assertThat(new Size(out.getWidth(), out.getHeight())).isEqualTo(new Size(expectedWidth, expectedHeight));
        assertThat(resize.resultSize(new Size(400, 200))).isEqualTo(new Size(expectedWidth, expectedHeight));
    }

    @Test
    void containPadsWithTransparencyAroundTheCentredImage() {
        BufferedImage out = TestImages.apply(new Resize(100, 100, Fit.CONTAIN, false), image);

        assertThat(TestImages.argb(out, 50, 10)[0]).as("padding above").isZero();
        assertThat(TestImages.argb(out, 50, 90)[0]).as("padding below").isZero();
        assertThat(TestImages.argb(out, 50, 50)).containsExactly(255, 0, 255, 0);
        assertThat(TestImages.argb(out, 5, 50)).containsExactly(255, 255, 0, 0);
    }

    @Test
    void containWithoutEnlargementCentresTheUnscaledImage() {
        BufferedImage out = TestImages.apply(new Resize(800, 800, Fit.CONTAIN, false), image);

        // the 400×200 image sits at x 200..599, y 300..499
        assertThat(TestImages.argb(out, 199, 400)[0]).isZero();
        assertThat(TestImages.argb(out, 200, 400)).containsExactly(255, 255, 0, 0);
        assertThat(TestImages.argb(out, 599, 300)).containsExactly(255, 0, 0, 255);
        assertThat(TestImages.argb(out, 400, 299)[0]).isZero();
    }

    @Test
    void coverCropsTheOverflowEquallyOnBothSides() {
        // 400×200 into 100×100: scaled to 200×100, the centre 100×100 is kept — all green.
        BufferedImage out = TestImages.apply(new Resize(100, 100, Fit.COVER, false), image);

        assertThat(TestImages.argb(out, 2, 50)).containsExactly(255, 0, 255, 0);
        assertThat(TestImages.argb(out, 97, 50)).containsExactly(255, 0, 255, 0);
    }

    @Test
    void fillStretchesEverything() {
        BufferedImage out = TestImages.apply(new Resize(100, 100, Fit.FILL, false), image);

        assertThat(TestImages.argb(out, 5, 50)).containsExactly(255, 255, 0, 0);
        assertThat(TestImages.argb(out, 95, 50)).containsExactly(255, 0, 0, 255);
    }

    @Test
    void aNoOpResizeReturnsTheImageItself() {
        assertThat(new Resize(1000, 1000, Fit.INSIDE, false).apply(image)).isSameAs(image);
    }
}
