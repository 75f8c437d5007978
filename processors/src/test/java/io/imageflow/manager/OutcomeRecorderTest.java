package io.imageflow.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.backends.local.JdbcBatchStore;
import io.imageflow.observability.PipelineMetrics;
import io.imageflow.support.H2Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomeRecorderTest {

    private static final StoredFile RESULT = new StoredFile("a.png", "png", "image/png", 50, 10, 20);

    private final String batchId = UUID.randomUUID().toString();
    private JdbcBatchStore store;
    private OutcomeRecorder recorder;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void createBatchOfTwo() {
        store = new H2Store().store;
        StoredFile original = new StoredFile("a.jpg", "jpeg", "image/jpeg", 100, 10, 20);
        store.create(new Batch(batchId, "ada@example.com", Instant.now(), BatchStatus.PROCESSING, 2, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, original, List.of(), ImageStatus.QUEUED, 0, null, null, null, null),
                        new ImageRecord(batchId, "2", 1, original, List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));
        recorder = new OutcomeRecorder(store, new PipelineMetrics(meters));
    }

    private ImageTask task(String imageId) {
        return new ImageTask(batchId, imageId, "a.jpg", List.of());
    }

    private ImageOutcome done(String imageId) {
        return ImageOutcome.done(task(imageId), 1, RESULT, null, 7);
    }

    @Test
    void aStartedAttemptIsRecordedAndNeedsNoNotification() {
        assertThat(recorder.record(ImageOutcome.started(task("1"), 2))).isNull();

        ImageRecord image = store.findImage(batchId, "1").orElseThrow();
        assertThat(image.status()).isEqualTo(ImageStatus.PROCESSING);
        assertThat(image.attempts()).isEqualTo(2);
    }

    @Test
    void anOutcomeThatLeavesImagesToDoNeedsNoNotification() {
        assertThat(recorder.record(done("1"))).isNull();

        assertThat(store.findImage(batchId, "1").orElseThrow().result()).isEqualTo(RESULT);
    }

    @Test
    void theOutcomeThatFinishesTheBatchAsksForTheNotification() {
        recorder.record(done("1"));

        assertThat(recorder.record(ImageOutcome.failed(task("2"), 3, "broken"))).isEqualTo(new BatchCompleted(batchId));
        assertThat(store.findBatch(batchId).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void aDuplicateOfTheLastOutcomeAfterTheOwnerWasToldAsksForNothing() {
        recorder.record(done("1"));
        recorder.record(done("2"));
        store.markNotified(batchId, Instant.now());

        assertThat(recorder.record(done("2"))).isNull();
        assertThat(store.findBatch(batchId).orElseThrow().doneCount()).isEqualTo(2);
    }

    @Test
    void aDuplicateOfTheLastOutcomeBeforeTheOwnerWasToldAsksAgainSoACrashBeforeSendingIsRecovered() {
        recorder.record(done("1"));
        assertThat(recorder.record(done("2"))).isEqualTo(new BatchCompleted(batchId));
        // the first delivery died before the notification was sent: notifiedAt is still null

        assertThat(recorder.record(done("2"))).isEqualTo(new BatchCompleted(batchId));
        assertThat(store.findBatch(batchId).orElseThrow().doneCount()).isEqualTo(2);
    }

    @Test
    void eachImageIsMeteredOnceHoweverOftenItsOutcomeArrives() {
        recorder.record(ImageOutcome.started(task("1"), 1));
        recorder.record(done("1"));
        recorder.record(done("1"));
        recorder.record(ImageOutcome.failed(task("2"), 3, "broken"));
        recorder.record(ImageOutcome.failed(task("2"), 3, "broken"));

        assertThat(meters.get("imageflow.images").tag("status", "DONE").counter().count()).isEqualTo(1);
        assertThat(meters.get("imageflow.images").tag("status", "FAILED").counter().count()).isEqualTo(1);
        assertThat(meters.get("imageflow.image.processing").timer().count()).isEqualTo(1);
        assertThat(meters.get("imageflow.image.processing").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(7);
        assertThat(meters.get("imageflow.batch.latency").tag("status", "COMPLETED_WITH_ERRORS").timer().count())
                .isEqualTo(1);
    }

    @Test
    void anOutcomeForAnUnknownBatchIsRefused() {
        ImageOutcome outcome = ImageOutcome.started(new ImageTask("no-such-batch", "1", "a.jpg", List.of()), 1);

        assertThatThrownBy(() -> recorder.record(outcome))
                .isInstanceOf(UnknownBatchException.class)
                .hasMessageContaining("no-such-batch");
    }
}
