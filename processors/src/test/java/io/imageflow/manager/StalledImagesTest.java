package io.imageflow.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.observability.PipelineMetrics;
import io.imageflow.support.H2Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Images that stopped moving get their task again a bounded number of times, then fail so their batch finishes. */
class StalledImagesTest {

    /** A day ago: the sweeps run on a fixed clock after it, the store records progress at the real time. */
    private static final Instant CREATED = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(1));
    private static final Duration STALLED_AFTER = Duration.ofMinutes(30);

    private final H2Store h2 = new H2Store();
    private final OutcomeRecorder outcomes = new OutcomeRecorder(h2.store, new PipelineMetrics(new SimpleMeterRegistry()));

    private StalledImages at(Instant now) {
        return new StalledImages(h2.store, outcomes, STALLED_AFTER, 2, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aBatchThatMovedWithinTheWindowIsLeftAlone() {
        batch(2);
        assertThat(at(CREATED.plus(Duration.ofMinutes(29))).sweep().requeued()).isEmpty();
    }

    @Test
    void sendsTheUnfinishedImagesOfAQuietBatchAgainTwiceThenFailsThemWithTheReasonAndTellsTheOwner() {
        String batchId = batch(3);
        h2.store.recordOutcome(ImageOutcome.done(task(batchId, "1"), 1, new StoredFile("a.png", "png", "image/png", 1, 1, 1),
                null, 5));
        h2.store.markImageStarted(batchId, "2", 1);
        // all of that happened at once, long ago: move the image's progress back to the creation
        h2.jdbc.sql("UPDATE images SET progress_at = ? WHERE batch_id = ?").params(Timestamp.from(CREATED), batchId)
                .update();
        h2.jdbc.sql("UPDATE batches SET progress_at = ? WHERE id = ?").params(Timestamp.from(CREATED), batchId)
                .update();

        Instant first = CREATED.plus(Duration.ofMinutes(31));
        StalledImages.Sweep sweep = at(first).sweep();
        assertThat(sweep.requeued()).containsExactlyInAnyOrder(task(batchId, "2"), task(batchId, "3"));
        assertThat(at(first).sweep().requeued()).as("the same sweep again finds nothing more to do").isEmpty();

        Instant second = first.plus(Duration.ofMinutes(31));
        assertThat(at(second).sweep().requeued()).hasSize(2);

        Instant third = second.plus(Duration.ofMinutes(31));
        sweep = at(third).sweep();
        assertThat(sweep.requeued()).isEmpty();
        assertThat(sweep.notifications()).containsExactly(new BatchCompleted(batchId));

        Batch batch = h2.store.findBatch(batchId).orElseThrow();
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED_WITH_ERRORS);
        assertThat(batch.failedCount()).isEqualTo(2);
        ImageRecord failed = h2.store.findImage(batchId, "2").orElseThrow();
        assertThat(failed.status()).isEqualTo(ImageStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Nothing happened to this image for 30 minutes, even after its task was"
                + " sent again 2 times: given up so that the rest of the batch could finish. Upload it again to retry.");
        assertThat(h2.store.findImage(batchId, "1").orElseThrow().status()).isEqualTo(ImageStatus.DONE);
        assertThat(at(third.plus(Duration.ofHours(1))).sweep()).isEqualTo(new StalledImages.Sweep(List.of(), List.of()));
    }

    @Test
    void anImageThatMovesAgainAfterItsTaskWasSentAgainStartsItsWindowAfresh() {
        String batchId = batch(1);
        Instant first = CREATED.plus(Duration.ofMinutes(31));
        assertThat(at(first).sweep().requeued()).hasSize(1);

        h2.store.markImageStarted(batchId, "1", 2);
        assertThat(at(first.plus(Duration.ofMinutes(31))).sweep().requeued())
                .as("it started %s ago at most", Duration.ofMinutes(31)).isEmpty();
    }

    private String batch(int images) {
        String id = UUID.randomUUID().toString();
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 1; i <= images; i++) {
            records.add(new ImageRecord(id, String.valueOf(i), i, new StoredFile("a.jpg", "jpeg", "image/jpeg", 1, 1, 1),
                    List.of(Map.of("type", "grayscale")), ImageStatus.QUEUED, 0, null, null, null, null));
        }
        h2.store.create(new Batch(id, "ada@example.com", CREATED, BatchStatus.PROCESSING, images, 0, 0, null, null),
                records);
        return id;
    }

    private static ImageTask task(String batchId, String imageId) {
        return new ImageTask(batchId, imageId, "a.jpg", List.of(Map.of("type", "grayscale")));
    }
}
