package io.imageflow.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;

/** What the API shows of batches: the records plus the links to follow. */
public class BatchViews {

    public record Accepted(String batchId, BatchStatus status, String statusUrl, List<AcceptedImage> images) {
    }

    public record AcceptedImage(String imageId, String name, ImageStatus status) {
    }

    public record BatchView(String batchId, BatchStatus status, Instant createdAt, Instant completedAt,
            Instant notifiedAt, String notificationError, Instant expiresAt, int imageCount, int doneCount,
            int failedCount, String resultsZipUrl, List<ImageView> images) {
    }

    public record ImageView(String imageId, String name, ImageStatus status, int attempts, String error,
            List<Map<String, Object>> operations, Long durationMs, FileView original, FileView result) {
    }

    public record FileView(String url, String format, String contentType, int width, int height, long bytes,
            String note) {
    }

    private final BatchStore store;
    private final String basePath;

    public BatchViews(BatchStore store, String basePath) {
        this.store = store;
        this.basePath = basePath;
    }

    public Accepted accepted(AcceptedBatch accepted) {
        Batch batch = accepted.batch();
        List<AcceptedImage> images = accepted.images().stream()
                .map(image -> new AcceptedImage(image.imageId(), image.name(), image.status()))
                .toList();
        return new Accepted(batch.id(), batch.status(), batchUrl(batch.id()), images);
    }

    public BatchView batch(String batchId) {
        String id = BatchIds.check(batchId);
        Batch batch = store.findBatch(id).orElseThrow(() -> noBatch(id));
        List<ImageView> images = store.findImages(id).stream().map(this::image).toList();
        return new BatchView(batch.id(), batch.status(), batch.createdAt(), batch.completedAt(), batch.notifiedAt(),
                batch.notificationError(), batch.expiresAt(), batch.imageCount(), batch.doneCount(),
                batch.failedCount(), batchUrl(id) + "/results.zip", images);
    }

    private ImageView image(ImageRecord image) {
        String imageUrl = batchUrl(image.batchId()) + "/images/" + image.imageId();
        StoredFile original = image.original();
        StoredFile result = image.result();
        return new ImageView(image.imageId(), image.name(), image.status(), image.attempts(), image.error(),
                image.operations(), image.durationMs(),
                file(imageUrl + "/original", original, null),
                result == null ? null : file(imageUrl + "/result", result, image.resultNote()));
    }

    private static FileView file(String url, StoredFile file, String note) {
        return new FileView(url, file.format(), file.contentType(), file.width(), file.height(), file.bytes(), note);
    }

    private String batchUrl(String batchId) {
        return basePath + "/batches/" + batchId;
    }

    static ApiException noBatch(String batchId) {
        return ApiException.notFound("No batch " + batchId + ": check the id in the link or the accept response.");
    }
}
