package io.imageflow.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batch and image records. Implementations move a status forward only, so a redelivered message
 * never counts twice (SQL conditions locally, transactions in Firestore).
 */
public interface BatchStore {

    /** Stores a new batch and its images together, or nothing. */
    void create(Batch batch, List<ImageRecord> images);

    Optional<Batch> findBatch(String batchId);

    List<ImageRecord> findImages(String batchId);

    Optional<ImageRecord> findImage(String batchId, String imageId);

    /** Batches still ACCEPTED that were created before the cutoff: their announcement may have been lost. */
    List<String> findAcceptedBefore(Instant cutoff);

    /** Finished batches whose owner was not told, finished before the cutoff: their notification may have been lost. */
    List<String> findUnnotifiedBefore(Instant cutoff);

    /** ACCEPTED → PROCESSING; no change in any other status. */
    void markProcessing(String batchId);

    /** Records a started attempt unless the image is already DONE or FAILED. */
    void markImageStarted(String batchId, String imageId, int attempt);

    /** Records a final outcome once, and counts it in the batch once. */
    OutcomeRecorded recordOutcome(ImageOutcome outcome);

    /** Sets notifiedAt if it is not set yet; true when this call set it. */
    boolean markNotified(String batchId, Instant at);

    /** Removes a batch and its images (used when an upload is refused half-way). */
    void delete(String batchId);
}
