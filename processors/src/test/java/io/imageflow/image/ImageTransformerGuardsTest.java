package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.imageflow.support.TestImages.pngBomb;

/** What is refused before any pixel is decoded. */
class ImageTransformerGuardsTest {

    private final ImageTransformer transformer = TestImages.transformer(50_000_000);

    @Test
    void refusesADecompressionBombBeforeDecodingIt() throws IOException {
        assertThatThrownBy(() -> transformer.transform(pngBomb(30_000, 30_000), TestImages.outputAs(null)))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessage("the image is 30000×30000 = 900,000,000 pixels, more than the 50,000,000 allowed");
    }

    @Test
    void refusesAPlanWhoseResultWouldExceedTheLimit() {
        byte[] small = TestImages.encode(TestImages.solid(100, 100, 0xFF000000), "png");

        assertThatThrownBy(() -> transformer.transform(small, TestImages.outputAs(null, new Resize(20_000, 20_000, Resize.Fit.FILL, true))))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessage("resize would make the image 20000×20000 = 400,000,000 pixels, more than the 50,000,000 allowed");
    }

    @Test
    void refusesCropsOutsideTheUprightImageBeforeDecoding() {
        byte[] jpeg = TestFiles.jpegWithOrientation(TestImages.markedCorners(60, 40, 16), 6, false);

        // Upright the image is 40×60, so x = 50 is outside even though the stored image is 60 wide.
        assertThatThrownBy(() -> transformer.transform(jpeg, TestImages.outputAs(null, Crop.rectangle(50, 0, 5, 5))))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessageContaining("outside the 40×60 image");
    }

    @Test
    void refusesDataThatIsNoImage() {
        assertThatThrownBy(() -> transformer.transform("%PDF-1.4".getBytes(), TestImages.outputAs(null)))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("PDF");
    }
}
