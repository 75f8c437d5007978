package io.imageflow.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.backends.local.JdbcBatchStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchFanOutTest {

    private static final List<Map<String, Object>> GRAYSCALE = List.of(Map.of("type", "grayscale"));

    private final String batchId = UUID.randomUUID().toString();
    private JdbcBatchStore store;
    private BatchFanOut fanOut;

    @BeforeEach
    void createBatchOfThree() {
        store = new H2Store().store;
        store.create(new Batch(batchId, "ada@example.com", Instant.now(), BatchStatus.ACCEPTED, 3, 0, 0, null, null),
                List.of(image("1", "a.jpg"), image("2", "b.jpg"), image("3", "c.jpg")));
        fanOut = new BatchFanOut(store);
    }

    private ImageRecord image(String imageId, String name) {
        return new ImageRecord(batchId, imageId, Integer.parseInt(imageId) - 1,
                new StoredFile(name, "jpeg", "image/jpeg", 100, 10, 20), GRAYSCALE, ImageStatus.QUEUED, 0, null, null,
                null, null);
    }

    private ImageTask task(String imageId, String name) {
        return new ImageTask(batchId, imageId, name, GRAYSCALE);
    }

    @Test
    void anAcceptedBatchBecomesProcessingWithOneTaskPerImage() {
        List<ImageTask> tasks = fanOut.tasks(new BatchAccepted(batchId));

        assertThat(tasks).containsExactly(task("1", "a.jpg"), task("2", "b.jpg"), task("3", "c.jpg"));
        assertThat(store.findBatch(batchId).orElseThrow().status()).isEqualTo(BatchStatus.PROCESSING);
    }

    @Test
    void aRedeliveredAnnouncementRequeuesOnlyTheImagesNotFinishedYet() {
        fanOut.tasks(new BatchAccepted(batchId));
        store.recordOutcome(ImageOutcome.done(task("1", "a.jpg"), 1,
                new StoredFile("a.jpg", "jpeg", "image/jpeg", 50, 10, 20), null, 5));
        store.markImageStarted(batchId, "2", 1);
        store.recordOutcome(ImageOutcome.failed(task("3", "c.jpg"), 3, "broken"));

        assertThat(fanOut.tasks(new BatchAccepted(batchId))).containsExactly(task("2", "b.jpg"));
    }

    @Test
    void aFinishedBatchStaysFinishedAndGetsNoTasks() {
        fanOut.tasks(new BatchAccepted(batchId));
        for (String imageId : List.of("1", "2", "3")) {
            store.recordOutcome(ImageOutcome.failed(task(imageId, "x.jpg"), 3, "broken"));
        }

        assertThat(fanOut.tasks(new BatchAccepted(batchId))).isEmpty();
        assertThat(store.findBatch(batchId).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void anUnknownBatchCannotBeFannedOut() {
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> fanOut.tasks(new BatchAccepted(unknown)))
                .isInstanceOf(UnknownBatchException.class)
                .hasMessageContaining(unknown);
    }
}
