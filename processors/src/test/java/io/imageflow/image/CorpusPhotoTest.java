package io.imageflow.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real camera photographs (4–20 MP) from the shared corpus; sizes as listed in its MANIFEST.tsv. */
class CorpusPhotoTest {

    private static final Path CORPUS = Path.of(System.getProperty("imageflow.corpus", "../shared/corpus"));

    private final ImageTransformer transformer = new ImageTransformer(100_000_000);
    private final OperationParser parser = new OperationParser();

    private static boolean present;

    @BeforeAll
    static void lookForTheCorpus() {
        present = Files.isDirectory(CORPUS);
        if (!present) {
            System.out.println("CorpusPhotoTest skipped: no photo corpus at " + CORPUS.toAbsolutePath()
                    + " (set -Dimageflow.corpus=<folder>)");
        }
    }

    /** Per test rather than per class, so that surefire counts the tests as skipped instead of hiding them. */
    @BeforeEach
    void needsTheCorpus() {
        assumeTrue(present, "no photo corpus at " + CORPUS.toAbsolutePath());
    }

    @Test
    void resizesATwentyMegapixelBaselineJpegToPng() {
        // 6028×3391, baseline
        TransformResult result = transformer.transform(CORPUS.resolve("01_Kleiber_by_Lukas_Baubkus.jpg"), parser.parse(List.of(
                Map.of("type", "resize", "width", 1200),
                Map.of("type", "format", "format", "png"))));

        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        assertThat(new ImageProbe().probe(new ByteArrayInputStream(result.bytes())))
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 1200, 675));
        assertThat(TestImages.decode(result.bytes()).getWidth()).isEqualTo(1200);
    }

    @Test
    void transformsAProgressiveJpeg() {
        // 4224×3168, progressive
        TransformResult result = transformer.transform(CORPUS.resolve("03_Dragonfly_by_Bolly.jpg"), parser.parse(List.of(
                Map.of("type", "crop", "aspect", "1:1"),
                Map.of("type", "resize", "width", 600),
                Map.of("type", "sharpen"))));

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(new ImageProbe().probe(new ByteArrayInputStream(result.bytes())))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 600, 600));
    }
}
