package io.imageflow.image;

import io.imageflow.support.TestPhotos;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real camera photographs, the ones committed with the tests (src/test/resources/photos), so every clone
 * runs this. The large originals of ../shared/corpus are for the benchmarks (-Pbench).
 */
class CorpusPhotoTest {

    private final ImageTransformer transformer = new ImageTransformer(100_000_000);
    private final OperationParser parser = new OperationParser();

    @Test
    void resizesABaselineJpegToPng() {
        // 1024×768, baseline, 4:2:0
        TransformResult result = transformer.transform(TestPhotos.path(TestPhotos.LANDSCAPE_BASELINE), parser.parse(List.of(
                Map.of("type", "resize", "width", 600),
                Map.of("type", "format", "format", "png"))));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(new ImageProbe().probe(new ByteArrayInputStream(result.bytes())))
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 600, 450));
        assertThat(TestImages.decode(result.bytes()).getWidth()).isEqualTo(600);
    }

    @Test
    void transformsAProgressiveJpeg() {
        // 1024×682, progressive, 4:2:2
        TransformResult result = transformer.transform(TestPhotos.path(TestPhotos.LANDSCAPE_PROGRESSIVE), parser.parse(List.of(
                Map.of("type", "crop", "aspect", "1:1"),
                Map.of("type", "resize", "width", 600),
                Map.of("type", "sharpen"))));

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(new ImageProbe().probe(new ByteArrayInputStream(result.bytes())))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 600, 600));
    }
}
