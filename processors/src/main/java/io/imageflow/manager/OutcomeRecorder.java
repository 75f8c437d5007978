package io.imageflow.manager;

import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.OutcomeRecorded;
import io.imageflow.observability.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a worker reports. Answers the notification to send when this outcome finished the batch,
 * or when a redelivered outcome finds a finished batch nobody was told about (the first try died before sending).
 */
public class OutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final BatchStore store;
    private final PipelineMetrics metrics;

    public OutcomeRecorder(BatchStore store, PipelineMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
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
        if (recorded.counted()) {
            counted(outcome, recorded);
        }
        return recorded.notificationDue() ? new BatchCompleted(outcome.batchId()) : null;
    }

    private void counted(ImageOutcome outcome, OutcomeRecorded recorded) {
        LOG.info("Image {} of batch {} is {} after {} attempt(s){}", outcome.imageId(), outcome.batchId(),
                outcome.status(), outcome.attempt(), outcome.error() == null ? "" : ": " + outcome.error());
        metrics.imageFinished(outcome);
        if (recorded.batch().isComplete()) {
            LOG.info("Batch {} is {}: {} done, {} failed", outcome.batchId(), recorded.batch().status(),
                    recorded.batch().doneCount(), recorded.batch().failedCount());
            metrics.batchFinished(recorded.batch());
        }
    }
}
