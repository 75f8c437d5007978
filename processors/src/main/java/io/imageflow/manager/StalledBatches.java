package io.imageflow.manager;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.BatchStore;

/**
 * Finds batches that were stored but never fanned out — the process died between keeping the upload
 * and announcing it — so they can be announced again. Fan-out is idempotent, so a batch announced
 * twice is still processed, counted and mailed once.
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
        return store.findAcceptedBefore(clock.instant().minus(patience)).stream().map(BatchAccepted::new).toList();
    }
}
