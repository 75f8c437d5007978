package io.imageflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class BlurTest {

    @Test
    void smoothsASharpEdge() {
        BufferedImage out = TestImages.apply(new Blur(2), TestImages.edge(40, 10));

        int[] row = new int[40];
        for (int x = 0; x < 40; x++) {
            row[x] = TestImages.argb(out, x, 5)[1];
        }
        assertThat(row[19]).isBetween(1, 127);   // black side of the edge turned grey
        assertThat(row[20]).isBetween(128, 254); // white side too
        assertThat(row[0]).isZero();             // far from the edge nothing changes
        assertThat(row[39]).isEqualTo(255);
        for (int x = 1; x < 40; x++) {
            assertThat(row[x]).isGreaterThanOrEqualTo(row[x - 1]);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 2, 8, 30})
    void leavesNoDarkBorder(double radius) {
        BufferedImage out = TestImages.apply(new Blur(radius), TestImages.opaque(TestImages.solid(60, 40, 0xFFFFFFFF)));

        assertThat(out.getWidth()).isEqualTo(60);
        assertThat(out.getHeight()).isEqualTo(40);
        for (int[] corner : new int[][] {{0, 0}, {59, 0}, {0, 39}, {59, 39}, {30, 0}, {0, 20}}) {
            assertThat(TestImages.argb(out, corner[0], corner[1])).containsExactly(255, 255, 255, 255);
        }
    }

    @Test
    void largeRadiusBlursFarAcrossTheEdge() {
        BufferedImage out = TestImages.apply(new Blur(30), TestImages.edge(400, 20));

        int tenPixelsIntoBlack = TestImages.argb(out, 189, 10)[1];
        assertThat(tenPixelsIntoBlack).isBetween(60, 127);
        assertThat(TestImages.argb(out, 210, 10)[1]).isBetween(128, 200);
    }
}
