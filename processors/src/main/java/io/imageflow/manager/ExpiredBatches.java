package io.imageflow.manager;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import io.imageflow.batch.BatchStore;
import io.imageflow.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps storage bounded: a batch past its {@code expiresAt} loses its images, then its records — in that order,
 * so a failure half-way leaves the record for the next sweep to find again, never images nobody knows of.
 * Limits held in the store are forgotten once they no longer limit anything.
 */
public class ExpiredBatches {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredBatches.class);
    /** Batches deleted per sweep at most, so one sweep stays short; the next takes the rest. */
    private static final int PER_SWEEP = 500;

    private final BatchStore store;
    private final BlobStore blobs;
    private final Clock clock;

    public ExpiredBatches(BatchStore store, BlobStore blobs, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.clock = clock;
    }

    public List<String> due() {
        return store.findExpiredBefore(clock.instant(), PER_SWEEP);
    }

    public void delete(String batchId) throws IOException {
        blobs.deleteAll(batchId + "/");
        store.delete(batchId);
        LOG.info("Batch {} expired: its images and records are deleted", batchId);
    }

    public int forgetSpentLimits() {
        return store.deleteQuotasExpiredBefore(clock.instant());
    }
}
