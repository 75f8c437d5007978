package io.imageflow.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Native memory is memory: the native engine frees every image it decoded, whether the transform ends with a
 * result or fails half way. 24 transforms of a 6 MP photo hold 18–36 MB of native pixels each; leaking them
 * would grow the process by 0.4–0.9 GB, so a generous bound on the growth of its resident size tells.
 */
class NativeMemoryTest {

    private static final long GENEROUS_GROWTH = 200L << 20;

    @Tag("native-engine")
    @EnabledIf(value = "io.imageflow.image.TestImages#nativeEngineUnderTest",
            disabledReason = "native engine only; it runs in the build's native pass (this pass tests the pure-Java engine)")
    @Test
    void theNativeEngineFreesItsImagesOnEveryPath() {
        ImageEngine engine = ImageEngines.of(TestImages.ENGINE).preferred();
        byte[] jpeg = HostileFiles.largeJpeg(3000, 2000);
        ImageHeader header = new ImageHeader(new ImageInfo(ImageFormat.JPEG, 3000, 2000), 1, null, false);
        ProcessingPlan plan = TestImages.outputAs(null, new Rotate(90), new Sharpen(1));
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        engine.transform(jpeg, header, plan, Cancellation.none()); // warm-up: allocator arenas, code
        long before = Pointer.physicalBytes();
        for (int i = 0; i < 12; i++) {
            assertThat(engine.transform(jpeg, header, plan, Cancellation.none()).width()).isEqualTo(2000);
            // cancelled after decoding, i.e. with the decoded image held: the failure path must free it too
            assertThatThrownBy(() -> engine.transform(jpeg, header, plan, cancelled)).isInstanceOf(ImageProcessingException.class);
        }
        long growth = Pointer.physicalBytes() - before;

        assertThat(growth).as("growth of the resident size over 24 transforms, in bytes").isLessThan(GENEROUS_GROWTH);
    }

    @Tag("native-engine")
    @EnabledIf(value = "io.imageflow.image.TestImages#nativeEngineUnderTest",
            disabledReason = "native engine only; it runs in the build's native pass (this pass tests the pure-Java engine)")
    @Test
    void aCorruptFileOnTheNativeEngineLeavesNothingBehindEither() {
        ImageEngine engine = ImageEngines.of(TestImages.ENGINE).preferred();
        byte[] jpeg = HostileFiles.largeJpeg(2000, 1500);
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        ImageHeader header = new ImageHeader(new ImageInfo(ImageFormat.JPEG, 2000, 1500), 1, null, false);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.transform(cut, header, TestImages.outputAs(null, List.<ImageOperation>of().toArray(ImageOperation[]::new)),
                    Cancellation.none())).isInstanceOf(ImageProcessingException.class);
        }
    }
}
