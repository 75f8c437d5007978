package io.imageflow.backends.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcBatchStoreTest {

    private JdbcBatchStore store;
    private final String batchId = UUID.randomUUID().toString();

    @BeforeEach
    void createStore() {
        store = new H2Store().store;
        StoredFile original = new StoredFile("a.jpg", "jpeg", "image/jpeg", 100, 10, 20);
        store.create(new Batch(batchId, "ada@example.com", Instant.now(), BatchStatus.ACCEPTED, 2, 0, 0, null, null),
                List.of(image("1", original), image("2", original)));
    }

    @Test
    void countsEachImageOnceHoweverOftenItsOutcomeArrives() {
        assertThat(store.recordOutcome(done("1")).counted()).isTrue();
        assertThat(store.recordOutcome(done("1")).counted()).isFalse();
        assertThat(store.recordOutcome(failed("1")).counted()).isFalse();

        Batch batch = store.findBatch(batchId).orElseThrow();
        assertThat(batch.doneCount()).isEqualTo(1);
        assertThat(batch.failedCount()).isZero();
        assertThat(batch.isComplete()).isFalse();
    }

    @Test
    void completesTheBatchWhenTheLastImageFinishes() {
        store.markProcessing(batchId);
        assertThat(store.recordOutcome(done("1")).notificationDue()).isFalse();
        var last = store.recordOutcome(failed("2"));

        assertThat(last.notificationDue()).isTrue();
        assertThat(last.batch().status()).isEqualTo(BatchStatus.COMPLETED_WITH_ERRORS);
        assertThat(last.batch().completedAt()).isNotNull();
        assertThat(store.findImage(batchId, "2").orElseThrow().error()).isEqualTo("broken");
    }

    @Test
    void marksTheBatchNotifiedOnlyOnce() {
        assertThat(store.markNotified(batchId, Instant.now())).isTrue();
        assertThat(store.markNotified(batchId, Instant.now())).isFalse();
    }

    @Test
    void aStartedAttemptNeverMovesAFinishedImageBack() {
        store.recordOutcome(done("1"));
        store.markImageStarted(batchId, "1", 2);
        ImageRecord image = store.findImage(batchId, "1").orElseThrow();
        assertThat(image.status()).isEqualTo(ImageStatus.DONE);
        assertThat(image.result().width()).isEqualTo(5);
    }

    @Test
    void deletesABatchWithItsImages() {
        store.delete(batchId);
        assertThat(store.findBatch(batchId)).isEmpty();
        assertThat(store.findImages(batchId)).isEmpty();
    }

    private ImageRecord image(String imageId, StoredFile original) {
        return new ImageRecord(batchId, imageId, Integer.parseInt(imageId), original, List.of(), ImageStatus.QUEUED, 0,
                null, null, null, null);
    }

    private ImageOutcome done(String imageId) {
        return ImageOutcome.done(task(imageId), 1, new StoredFile("a.png", "png", "image/png", 10, 5, 5), null, 7);
    }

    private ImageOutcome failed(String imageId) {
        return ImageOutcome.failed(task(imageId), 3, "broken");
    }

    private ImageTask task(String imageId) {
        return new ImageTask(batchId, imageId, "a.jpg", List.of());
    }
}
