package io.imageflow.manager;

import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.OutcomeRecorded;

/**
 * Records what a worker reports. Answers the notification to send when this outcome finished the batch,
 * or when a redelivered outcome finds a finished batch nobody was told about (the first try died before sending).
 */
public class OutcomeRecorder {

    private final BatchStore store;

    public OutcomeRecorder(BatchStore store) {
        this.store = store;
    }

    /** @return the notification to publish, or null when there is none to send */
    public BatchCompleted record(ImageOutcome outcome) {
        if (store.findBatch(outcome.batchId()).isEmpty()) {
            throw new UnknownBatchException(outcome.batchId());
        }
        if (outcome.status() == ImageStatus.PROCESSING) {
            store.markImageStarted(outcome.batchId(), outcome.imageId(), outcome.attempt());
            return null;
        }
        OutcomeRecorded recorded = store.recordOutcome(outcome);
        return recorded.notificationDue() ? new BatchCompleted(outcome.batchId()) : null;
    }
}
