package io.imageflow.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 9's crafted images, made at test time: each is refused or defused with a reason, within a generous
 * time bound, and a normal image still transforms afterwards. Runs on both engines (see {@link TestImages#ENGINE}).
 */
class HostileImagesTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final ImageTransformer transformer = TestImages.transformer(50_000_000);

    @Test
    void aPngWithTwentyThousandTextChunksIsDecodedWithoutItsMetadata() {
        byte[] png = HostileFiles.pngWithTextChunks(20_000, 200_000); // would inflate to 4 GB of text
        assertThat(png.length).isGreaterThan(4_000_000);

        long start = System.nanoTime();
        TransformResult result = transformer.transform(png, TestImages.outputAs(null));

        assertThat(elapsedSince(start)).isLessThan(GENEROUS);
        assertThat(result.width()).isEqualTo(1);
        assertThat(TestImages.argb(TestImages.decode(result.bytes()), 0, 0)).containsExactly(255, 0x33, 0x66, 0x99);
        assertANormalImageStillTransforms();
    }

    @Test
    void theProbeReadsThatPngsSizeAtOnceToo() {
        byte[] png = HostileFiles.pngWithTextChunks(20_000, 200_000);

        long start = System.nanoTime();
        ImageInfo info = new ImageProbe().probe(new java.io.ByteArrayInputStream(png));

        assertThat(elapsedSince(start)).isLessThan(GENEROUS);
        assertThat(info).isEqualTo(new ImageInfo(ImageFormat.PNG, 1, 1));
    }

    @Test
    void aProgressiveJpegWithTwentyThousandScansIsRefusedBeforeDecoding() {
        byte[] jpeg = HostileFiles.progressiveJpegWithRepeatedScan(20_000);

        long start = System.nanoTime();
        assertThatThrownBy(() -> transformer.transform(jpeg, TestImages.outputAs(null)))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessageStartingWith("the JPEG has more than 256 scans");

        assertThat(elapsedSince(start)).isLessThan(GENEROUS);
        assertANormalImageStillTransforms();
    }

    @Test
    void aProgressiveJpegWithAFewRepeatedScansStillDecodes() {
        byte[] jpeg = HostileFiles.progressiveJpegWithRepeatedScan(20);

        assertThat(transformer.transform(jpeg, TestImages.outputAs(ImageFormat.PNG)).width()).isEqualTo(256);
    }

    @Test
    void anImageThatTakesLongerThanTheTimeLimitFailsAndFreesTheCaller() {
        ImageTransformer strict = new ImageTransformer(ImageEngines.of(TestImages.ENGINE),
                new ImageTransformer.Limits(50_000_000, Duration.ofMillis(50), MemoryBudget.ofMaxHeap(), 256));
        byte[] large = HostileFiles.largeJpeg(3000, 3000);
        List<ImageOperation> heavy = List.of(new Rotate(30), new Blur(8), new Sharpen(2), new Rotate(-30));

        long start = System.nanoTime();
        assertThatThrownBy(() -> strict.transform(large, TestImages.outputAs(ImageFormat.PNG, heavy.toArray(ImageOperation[]::new))))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessage("processing this image took longer than the 0.05 s allowed per image "
                        + "(imageflow.processing.image-timeout), so it was abandoned");

        assertThat(elapsedSince(start)).as("the caller is free at once, not when the work ends").isLessThan(Duration.ofSeconds(2));
        byte[] small = TestImages.encode(TestImages.solid(20, 10, 0xFF00FF00), "png");
        assertThat(strict.transform(small, TestImages.outputAs(null)).width()).isEqualTo(20);
    }

    @Test
    void anImageThatWouldNotFitInTheMemoryBudgetFailsWithTheReason() {
        ImageTransformer small = new ImageTransformer(ImageEngines.of(TestImages.ENGINE),
                new ImageTransformer.Limits(50_000_000, Duration.ofSeconds(30), new MemoryBudget(10L << 20), 256));
        byte[] large = HostileFiles.largeJpeg(2000, 2000);

        assertThatThrownBy(() -> small.transform(large, TestImages.outputAs(null, new Sharpen(1))))
                .isInstanceOf(ImageProcessingException.class)
                .hasMessageStartingWith("processing this image needs about ")
                .hasMessageContaining("more than the 10 MB this worker has for images (imageflow.processing.memory-budget)");

        byte[] normal = TestImages.encode(TestImages.solid(200, 100, 0xFF00FF00), "png");
        assertThat(small.transform(normal, TestImages.outputAs(null)).width()).isEqualTo(200);
    }

    private void assertANormalImageStillTransforms() {
        byte[] normal = TestImages.encode(TestImages.opaque(TestImages.noise(300, 200, 4)), "jpeg");
        TransformResult result = transformer.transform(normal, TestImages.outputAs(null, new Resize(150, null, null, false)));
        assertThat(result.width()).isEqualTo(150);
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
