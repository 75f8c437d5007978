package io.imageflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.image.ImageEngines;
import io.imageflow.image.ImageTransformer;
import io.imageflow.image.InvalidOperationsException;
import io.imageflow.image.OperationParser;
import io.imageflow.storage.BlobNotFoundException;
import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.support.TestImages;
import io.imageflow.support.TestPhotos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWorkerTest {

    private static final String BATCH = "3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69";

    @TempDir
    Path blobDir;
    private FileSystemBlobStore blobs;
    private ImageWorker worker;

    @BeforeEach
    void createWorker() throws IOException {
        blobs = new FileSystemBlobStore(blobDir);
        worker = new ImageWorker(blobs, new OperationParser(), new ImageTransformer(50_000_000L));
    }

    @SafeVarargs
    private static ImageTask task(String name, Map<String, Object>... operations) {
        return new ImageTask(BATCH, "1", name, List.of(operations));
    }

    private BufferedImage storedResult(String name) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(blobs.read(BATCH + "/output/" + name)));
    }

    @Test
    void aPhotoConvertedToPngIsStoredUnderItsOwnNameAndNamedAfterItsNewFormat() throws IOException {
        blobs.put(BATCH + "/input/photo.jpg", TestPhotos.bytes(TestPhotos.LANDSCAPE_BASELINE), "image/jpeg");

        ImageOutcome outcome = worker.process(task("photo.jpg", Map.of("type", "resize", "width", 300),
                Map.of("type", "format", "format", "png")), null);

        byte[] stored = blobs.read(BATCH + "/output/photo.jpg");
        BufferedImage image = storedResult("photo.jpg");
        assertThat(outcome.status()).isEqualTo(ImageStatus.DONE);
        assertThat(outcome.attempt()).isEqualTo(1);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.note()).isNull();
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(outcome.result()).isEqualTo(
                new StoredFile("photo.png", "png", "image/png", stored.length, 300, image.getHeight()));
        assertThat(stored).startsWith(0x89, 'P', 'N', 'G');
        assertThat(blobs.exists(BATCH + "/output/photo.png")).isFalse();
    }

    @Test
    void aResultInTheOriginalsFormatKeepsItsName() throws IOException {
        blobs.put(BATCH + "/input/cat.png", TestImages.png(40, 30), "image/png");

        ImageOutcome outcome = worker.process(task("cat.png", Map.of("type", "rotate", "degrees", 90)), 3);

        assertThat(outcome.attempt()).as("the third delivery of the task").isEqualTo(3);
        assertThat(outcome.result()).isEqualTo(new StoredFile("cat.png", "png", "image/png",
                blobs.read(BATCH + "/output/cat.png").length, 30, 40));
        assertThat(storedResult("cat.png").getWidth()).isEqualTo(30);
    }

    @Test
    void aFormatThatCannotBeWrittenHereIsReplacedAndTheNoteSaysSo() throws IOException {
        blobs.put(BATCH + "/input/cat.png", TestImages.png(8, 8), "image/png");
        ImageWorker javaOnly = new ImageWorker(blobs, new OperationParser(), new ImageTransformer(
                ImageEngines.of(ImageEngines.Choice.JAVA), ImageTransformer.Limits.defaults(50_000_000L)));

        ImageOutcome outcome = javaOnly.process(task("cat.png", Map.of("type", "format", "format", "webp")), null);

        assertThat(outcome.note()).isEqualTo("webp cannot be written here; written as jpeg");
        assertThat(outcome.result().name()).isEqualTo("cat.jpg");
        assertThat(outcome.result().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aMissingOriginalIsReportedAsSuch() {
        assertThatThrownBy(() -> worker.process(task("gone.png"), null)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void invalidOperationsAreRefusedBeforeAnythingIsWritten() throws IOException {
        blobs.put(BATCH + "/input/cat.png", TestImages.png(8, 8), "image/png");

        assertThatThrownBy(() -> worker.process(task("cat.png", Map.of("type", "sepia")), null))
                .isInstanceOf(InvalidOperationsException.class);
        assertThat(blobs.exists(BATCH + "/output/cat.png")).isFalse();
    }

    @Test
    void aStartedAttemptIsReportedAsProcessing() {
        ImageOutcome started = worker.started(task("cat.png"), 1);

        assertThat(started.status()).isEqualTo(ImageStatus.PROCESSING);
        assertThat(started.attempt()).isEqualTo(1);
        assertThat(started.imageId()).isEqualTo("1");
    }

    @Test
    void theFailureAfterTheLastAttemptCarriesTheReasonAndEveryAttempt() {
        ImageOutcome failed = worker.failed(task("cat.png"), new IOException("cannot read the image: truncated"), 3);

        assertThat(failed.status()).isEqualTo(ImageStatus.FAILED);
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.error()).isEqualTo("cannot read the image: truncated");
        assertThat(failed.result()).isNull();
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsKind() {
        assertThat(worker.failed(task("cat.png"), new IllegalStateException(), 1).error()).isEqualTo("IllegalStateException");
    }
}
