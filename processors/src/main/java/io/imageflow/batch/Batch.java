package io.imageflow.batch;

import java.time.Instant;

/** A batch record: what was uploaded together and how far it has got. */
public record Batch(
        String id,
        String email,
        Instant createdAt,
        BatchStatus status,
        int imageCount,
        int doneCount,
        int failedCount,
        Instant completedAt,
        Instant notifiedAt) {

    public boolean isComplete() {
        return doneCount + failedCount >= imageCount;
    }
}
