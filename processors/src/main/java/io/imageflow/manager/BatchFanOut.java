package io.imageflow.manager;

import java.util.List;

import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageTask;

/** Turns an accepted batch into one task per image that is not finished yet (so a redelivery re-queues only those). */
public class BatchFanOut {

    private final BatchStore store;

    public BatchFanOut(BatchStore store) {
        this.store = store;
    }

    public List<ImageTask> tasks(BatchAccepted accepted) {
        String batchId = accepted.batchId();
        if (store.findBatch(batchId).isEmpty()) {
            throw new UnknownBatchException(batchId);
        }
        store.markProcessing(batchId);
        return store.findImages(batchId).stream()
                .filter(image -> !image.status().isFinal())
                .map(image -> new ImageTask(batchId, image.imageId(), image.name(), image.operations()))
                .toList();
    }
}
