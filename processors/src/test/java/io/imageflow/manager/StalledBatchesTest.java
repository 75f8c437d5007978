package io.imageflow.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.imageflow.support.H2Store;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import org.junit.jupiter.api.Test;

class StalledBatchesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final H2Store h2 = new H2Store();
    private final StalledBatches stalled = new StalledBatches(h2.store, Duration.ofMinutes(10),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void announcesAgainOnlyBatchesStillAcceptedLongAfterTheirUpload() {
        String forgotten = batch(NOW.minus(Duration.ofHours(1)));
        batch(NOW.minus(Duration.ofMinutes(2)));
        String fannedOut = batch(NOW.minus(Duration.ofHours(2)));
        h2.store.markProcessing(fannedOut);

        assertThat(stalled.announcements()).containsExactly(new BatchAccepted(forgotten));
    }

    @Test
    void notifiesAgainOnlyFinishedBatchesWhoseOwnerWasNeverTold() {
        String forgotten = finished(NOW.minus(Duration.ofHours(1)));
        String told = finished(NOW.minus(Duration.ofHours(1)));
        h2.store.markNotified(told, NOW);
        finished(NOW.minus(Duration.ofMinutes(1)));
        batch(NOW.minus(Duration.ofHours(3)));

        assertThat(stalled.notifications()).containsExactly(new BatchCompleted(forgotten));
    }

    /** An empty batch, finished at the given time. */
    private String finished(Instant completedAt) {
        String id = batch(completedAt.minus(Duration.ofMinutes(5)));
        h2.jdbc.sql("UPDATE batches SET status = 'COMPLETED', completed_at = ? WHERE id = ?")
                .params(Timestamp.from(completedAt), id).update();
        return id;
    }

    private String batch(Instant createdAt) {
        String id = UUID.randomUUID().toString();
        h2.store.create(new Batch(id, "ada@example.com", createdAt, BatchStatus.ACCEPTED, 0, 0, 0, null, null), List.of());
        return id;
    }
}
