package io.imageflow.batch;

import java.time.Instant;

/**
 * A batch record: what was uploaded together, how far it has got, until when it is kept, and whether its
 * owner was told ({@code notifiedAt}) or why they will not be ({@code notificationError}).
 */
public record Batch(
        String id,
        String email,
        Instant createdAt,
        BatchStatus status,
        int imageCount,
        int doneCount,
        int failedCount,
        Instant completedAt,
        Instant notifiedAt,
        Instant expiresAt,
        String notificationError) {

    /** A batch that never expires (kept until deleted) and has no notification problem. */
    public Batch(String id, String email, Instant createdAt, BatchStatus status, int imageCount, int doneCount,
            int failedCount, Instant completedAt, Instant notifiedAt) {
        this(id, email, createdAt, status, imageCount, doneCount, failedCount, completedAt, notifiedAt, null, null);
    }

    public boolean isComplete() {
        return doneCount + failedCount >= imageCount;
    }
}
