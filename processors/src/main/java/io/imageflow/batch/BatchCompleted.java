package io.imageflow.batch;

/** Message on the email-notification channel: the batch is finished; tell its owner. */
public record BatchCompleted(String batchId) implements AboutBatch {
}
