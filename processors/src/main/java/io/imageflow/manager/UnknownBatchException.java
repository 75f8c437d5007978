package io.imageflow.manager;

/** A message names a batch the store does not know: it can never succeed, so it goes to the dead-letter channel. */
public class UnknownBatchException extends IllegalArgumentException {

    public UnknownBatchException(String batchId) {
        super("No batch " + batchId + " in the store");
    }
}
