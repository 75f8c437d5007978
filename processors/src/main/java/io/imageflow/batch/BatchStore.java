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

    /**
     * Claims the sending of a batch's completion email, so two notifiers never both send it: true when the
     * caller may send it now, that is when the owner was not told yet and no other claim still runs. A claim
     * lapses at {@code until}, so a notifier that dies while sending does not hold the email back for ever.
     */
    boolean claimNotification(String batchId, String claimId, Instant now, Instant until);

    /** Gives a claim up after a failed send, so the next delivery may send at once; another's claim stays. */
    void releaseNotification(String batchId, String claimId);

    /** Sets notifiedAt if it is not set yet; true when this call set it. */
    boolean markNotified(String batchId, Instant at);

    /** Removes a batch and its images (used when an upload is refused half-way). */
    void delete(String batchId);
}
