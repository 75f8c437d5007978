package io.imageflow.manager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;

/**
 * Finds batches stuck between two steps, to send their message again: stored but never fanned out
 * (the api died between keeping the upload and announcing it), or finished but never mailed (the
 * notification was dead-lettered while the mail server was down). Fan-out, counting and mailing
 * are idempotent, so a message sent twice still gives one result and one email.
 */
public class StalledBatches {

    private final BatchStore store;
    private final Duration patience;
    private final Clock clock;

    public StalledBatches(BatchStore store, Duration patience, Clock clock) {
        this.store = store;
        this.patience = patience;
        this.clock = clock;
    }

    public List<BatchAccepted> announcements() {
        return store.findAcceptedBefore(cutoff()).stream().map(BatchAccepted::new).toList();
    }

    public List<BatchCompleted> notifications() {
        return store.findUnnotifiedBefore(cutoff()).stream().map(BatchCompleted::new).toList();
    }

    private Instant cutoff() {
        return clock.instant().minus(patience);
    }
}
