package io.imageflow.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.storage.BlobStore;

/**
 * Batches written straight into a store and a blob store, in the states the read side shows. Originals hold
 * "original {name}" and results "result {name}", so a test can tell which file it got.
 */
final class StoredBatches {

    static final List<Map<String, Object>> OPERATIONS = List.of(Map.of("type", "grayscale"));

    private final BatchStore store;
    private final BlobStore blobs;

    StoredBatches(BatchStore store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    /** A batch of QUEUED images named so, with ids "1", "2", ...; its originals are stored. */
    String create(String... names) throws IOException {
        String id = UUID.randomUUID().toString();
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            byte[] bytes = ("original " + names[i]).getBytes(UTF_8);
            blobs.put(BlobKeys.input(id, names[i]), bytes, "image/jpeg");
            images.add(new ImageRecord(id, String.valueOf(i + 1), i,
                    new StoredFile(names[i], "jpeg", "image/jpeg", bytes.length, 40, 30), OPERATIONS,
                    ImageStatus.QUEUED, 0, null, null, null, null));
        }
        store.create(new Batch(id, "ada@example.com", Instant.now(), BatchStatus.ACCEPTED, names.length, 0, 0, null,
                null), images);
        return id;
    }

    /** Records the image DONE with a PNG result of that name, stored under the original's name. */
    StoredFile finish(String batchId, String imageId, String resultName) throws IOException {
        ImageRecord image = store.findImage(batchId, imageId).orElseThrow();
        byte[] bytes = ("result " + resultName).getBytes(UTF_8);
        blobs.put(BlobKeys.output(batchId, image.name()), bytes, "image/png");
        StoredFile result = new StoredFile(resultName, "png", "image/png", bytes.length, 20, 15);
        store.recordOutcome(ImageOutcome.done(task(image), 2, result, "a note", 12));
        return result;
    }

    void fail(String batchId, String imageId, String reason) {
        ImageRecord image = store.findImage(batchId, imageId).orElseThrow();
        store.recordOutcome(ImageOutcome.failed(task(image), 3, reason));
    }

    private static ImageTask task(ImageRecord image) {
        return new ImageTask(image.batchId(), image.imageId(), image.name(), image.operations());
    }
}
