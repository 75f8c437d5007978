package io.imageflow.batch;

/**
 * Message on the image-results channel. A worker sends PROCESSING when an attempt starts,
 * then DONE with the result or FAILED with the reason once retries are exhausted.
 */
public record ImageOutcome(
        String batchId,
        String imageId,
        ImageStatus status,
        int attempt,
        String error,
        StoredFile result,
        String note,
        Long durationMs) implements AboutBatch {

    public static ImageOutcome started(ImageTask task, int attempt) {
        return new ImageOutcome(task.batchId(), task.imageId(), ImageStatus.PROCESSING, attempt, null, null, null, null);
    }

    public static ImageOutcome done(ImageTask task, int attempt, StoredFile result, String note, long durationMs) {
        return new ImageOutcome(task.batchId(), task.imageId(), ImageStatus.DONE, attempt, null, result, note, durationMs);
    }

    public static ImageOutcome failed(ImageTask task, int attempt, String error) {
        return new ImageOutcome(task.batchId(), task.imageId(), ImageStatus.FAILED, attempt, error, null, null, null);
    }
}
