package io.imageflow.worker;

import java.io.IOException;
import java.io.InputStream;

import io.imageflow.api.FileNames;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.image.ImageTransformer;
import io.imageflow.image.OperationParser;
import io.imageflow.image.ProcessingPlan;
import io.imageflow.image.TransformResult;
import io.imageflow.storage.BlobStore;

/** Transforms one stored original into its result, stored under the same name in the batch's output. */
public class ImageWorker {

    private final BlobStore blobs;
    private final OperationParser operations;
    private final ImageTransformer transformer;

    public ImageWorker(BlobStore blobs, OperationParser operations, ImageTransformer transformer) {
        this.blobs = blobs;
        this.operations = operations;
        this.transformer = transformer;
    }

    /** @param attempt which delivery of the task this is, as its channel counts them */
    public ImageOutcome started(ImageTask task, int attempt) {
        return ImageOutcome.started(task, attempt);
    }

    /** @param attempt which delivery of the task this is, as its channel counts them (null: the first) */
    public ImageOutcome process(ImageTask task, Integer attempt) throws IOException {
        long start = System.nanoTime();
        ProcessingPlan plan = operations.parse(task.operations());
        TransformResult result;
        try (InputStream original = blobs.open(BlobKeys.input(task.batchId(), task.name()))) {
            result = transformer.transform(original, plan);
        }
        blobs.put(BlobKeys.output(task.batchId(), task.name()), result.bytes(), result.format().mimeType());
        StoredFile stored = new StoredFile(FileNames.withExtension(task.name(), result.format().extension()),
                result.format().id(), result.format().mimeType(), result.bytes().length, result.width(),
                result.height());
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return ImageOutcome.done(task, attempt == null ? 1 : attempt, stored, result.note(), durationMs);
    }

    /** The outcome once the image has failed for good, after its attempts: the reason is what the user will read. */
    public ImageOutcome failed(ImageTask task, Exception cause, int attempts) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return ImageOutcome.failed(task, attempts, reason);
    }
}
