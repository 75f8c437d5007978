package io.imageflow.batch;

/**
 * What recording an outcome did: whether it counted (a redelivered outcome does not), and the batch after it.
 * The owner is to be told when the batch is complete and nobody has told them yet.
 */
public record OutcomeRecorded(boolean counted, Batch batch) {

    public boolean notificationDue() {
        return batch.isComplete() && batch.notifiedAt() == null;
    }
}
