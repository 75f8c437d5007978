package io.imageflow.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image record: one image of a batch, its operations and its outcome. {@code progressAt} is the last time
 * anything happened to it (stored, started, finished, its task sent again), {@code requeues} how often its
 * task was sent again because nothing happened for too long.
 */
public record ImageRecord(
        String batchId,
        String imageId,
        int position,
        StoredFile original,
        List<Map<String, Object>> operations,
        ImageStatus status,
        int attempts,
        String error,
        StoredFile result,
        String resultNote,
        Long durationMs,
        Instant progressAt,
        int requeues) {

    /** An image as stored before any progress is recorded: the store sets its progress time to the batch's creation. */
    public ImageRecord(String batchId, String imageId, int position, StoredFile original,
            List<Map<String, Object>> operations, ImageStatus status, int attempts, String error, StoredFile result,
            String resultNote, Long durationMs) {
        this(batchId, imageId, position, original, operations, status, attempts, error, result, resultNote, durationMs,
                null, 0);
    }

    public String name() {
        return original.name();
    }

    public ImageTask task() {
        return new ImageTask(batchId, imageId, name(), operations);
    }
}
