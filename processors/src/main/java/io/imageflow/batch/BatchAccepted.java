package io.imageflow.batch;

/** Message on the batch-accepted channel: the api stored a batch; the manager fans it out. */
public record BatchAccepted(String batchId) implements AboutBatch {
}
