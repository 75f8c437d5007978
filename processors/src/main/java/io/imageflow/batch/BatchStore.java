package io.imageflow.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batch and image records. Implementations move a status forward only, so a redelivered message
 * never counts twice (SQL conditions locally, transactions in Firestore).
 */
public interface BatchStore {

    /**
     * Stores a new batch and its images together, or nothing. The batch's and its images' progress time starts
     * at the batch's creation.
     */
    void create(Batch batch, List<ImageRecord> images);

    Optional<Batch> findBatch(String batchId);

    List<ImageRecord> findImages(String batchId);

    Optional<ImageRecord> findImage(String batchId, String imageId);

    /** Batches still ACCEPTED that were created before the cutoff: their announcement may have been lost. */
    List<String> findAcceptedBefore(Instant cutoff);

    /**
     * Finished batches whose owner was not told (and not given up on), finished before the cutoff: their
     * notification may have been lost.
     */
    List<String> findUnnotifiedBefore(Instant cutoff);

    /** Batches whose {@code expiresAt} is before {@code now}, soonest expired first, at most {@code limit}. */
    List<String> findExpiredBefore(Instant now, int limit);

    /**
     * Unfinished batches where nothing has happened to any image since the cutoff (no image stored, started,
     * finished or sent again): their unfinished images may be lost on the way.
     */
    List<String> findStalledBefore(Instant cutoff);

    /**
     * Records that an unfinished image's task is sent again, if nothing happened to the image since the cutoff:
     * its requeues go up by one and its progress time (and its batch's) becomes {@code now}. True when this call
     * recorded it, so two sweeps never both send the task again.
     */
    boolean markRequeued(String batchId, String imageId, Instant cutoff, Instant now);

    /** ACCEPTED → PROCESSING; no change in any other status. */
    void markProcessing(String batchId);

    /** Records a started attempt, and progress, unless the image is already DONE or FAILED. */
    void markImageStarted(String batchId, String imageId, int attempt);

    /** Records a final outcome once, and counts it in the batch once. */
    OutcomeRecorded recordOutcome(ImageOutcome outcome);

    /**
     * Claims the sending of a batch's completion email, so two notifiers never both send it: true when the
     * caller may send it now, that is when the owner was not told yet, nobody gave up telling them and no other
     * claim still runs. A claim lapses at {@code until}, so a notifier that dies while sending does not hold the
     * email back for ever.
     */
    boolean claimNotification(String batchId, String claimId, Instant now, Instant until);

    /** Gives a claim up after a failed send, so the next delivery may send at once; another's claim stays. */
    void releaseNotification(String batchId, String claimId);

    /** Sets notifiedAt if it is not set yet; true when this call set it. */
    boolean markNotified(String batchId, Instant at);

    /**
     * Gives up telling the owner, recording why ({@code notificationError}), unless they were told already or
     * it was given up before; true when this call recorded it. Afterwards nobody may claim the email and the
     * batch is no longer among {@link #findUnnotifiedBefore}, so nothing tries again.
     */
    boolean giveUpNotification(String batchId, String reason);

    /** The state of a limit kept in the store (opaque bytes, see notifier.StoredBuckets), if there is one. */
    Optional<byte[]> findQuota(String key);

    /**
     * Replaces a limit's state if it is still {@code expected} (null: there is none yet), so two processes
     * never both take the same allowance. True when replaced. The state may be deleted after {@code expiresAt}.
     */
    boolean replaceQuota(String key, byte[] expected, byte[] replacement, Instant expiresAt);

    /** Deletes the limits' states that expired before {@code now}; answers how many. */
    int deleteQuotasExpiredBefore(Instant now);

    /** Removes a batch and its images (an upload refused half-way, or an expired batch). */
    void delete(String batchId);
}
