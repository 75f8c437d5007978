package io.imageflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.imageflow.api.ErrorBody.Detail;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.config.ImageFlowProperties.Limits;
import io.imageflow.image.ImageInfo;
import io.imageflow.image.ImageProbe;
import io.imageflow.image.InvalidOperationsException;
import io.imageflow.image.OperationParser;
import io.imageflow.image.UnsupportedImageException;
import io.imageflow.storage.BlobStore;

/**
 * Checks an upload completely before anything is kept, then stores the originals and the records.
 * A refused upload leaves nothing behind; so does one whose storing fails half-way.
 */
public class BatchIntake {

    private final BlobStore blobs;
    private final BatchStore store;
    private final BatchOrderReader orders;
    private final OperationParser operations;
    private final Limits limits;
    private final Duration retention;
    private final ImageProbe probe = new ImageProbe();

    /** @param retention how long a batch is kept after its upload (its expiresAt) */
    public BatchIntake(BlobStore blobs, BatchStore store, BatchOrderReader orders, OperationParser operations,
            Limits limits, Duration retention) {
        this.blobs = blobs;
        this.store = store;
        this.orders = orders;
        this.operations = operations;
        this.limits = limits;
        this.retention = retention;
    }

    public AcceptedBatch accept(Upload upload) throws IOException {
        List<UploadedFile> files = upload.files();
        checkFileCount(files);
        BatchOrder order = readOrder(upload.metadata());
        EmailAddresses.check(order.email());
        List<List<Map<String, Object>>> operationsPerFile = resolveOperations(order, files);
        List<ImageInfo> infos = probeAll(files);
        List<String> names = FileNames.sanitiseAll(files.stream().map(UploadedFile::clientName).toList(),
                limits.maxNameLength());

        String batchId = UUID.randomUUID().toString();
        // to the millisecond, which every store keeps: the records answered are the records stored
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ImageInfo info = infos.get(i);
            StoredFile original = new StoredFile(names.get(i), info.format().id(), info.format().mimeType(),
                    files.get(i).size(), info.width(), info.height());
            images.add(new ImageRecord(batchId, String.valueOf(i + 1), i, original, operationsPerFile.get(i),
                    ImageStatus.QUEUED, 0, null, null, null, null, now, 0));
        }
        Batch batch = new Batch(batchId, order.email(), now, BatchStatus.ACCEPTED, files.size(), 0, 0,
                null, null, now.plus(retention), null);
        keep(batch, images, files);
        return new AcceptedBatch(batch, images);
    }

    public BatchAccepted announcement(AcceptedBatch accepted) {
        return new BatchAccepted(accepted.batch().id());
    }

    /** Undoes an accepted batch whose announcement could not be sent, so the client can simply retry. */
    public void discard(AcceptedBatch accepted) throws IOException {
        String batchId = accepted.batch().id();
        store.delete(batchId);
        blobs.deleteAll(batchId + "/");
    }

    private BatchOrder readOrder(String metadata) {
        try {
            return orders.read(metadata);
        } catch (InvalidOperationsException e) {
            throw invalidOperations(e.problems().stream().map(p -> new Detail(null, null, p)).toList());
        }
    }

    static ApiException invalidOperations(List<Detail> problems) {
        return new ApiException(400, "invalid_operations",
                "Some operations are unknown or out of range; see details. GET /api/v1/operations lists them.",
                problems);
    }

    private void keep(Batch batch, List<ImageRecord> images, List<UploadedFile> files) throws IOException {
        try {
            for (int i = 0; i < images.size(); i++) {
                StoredFile original = images.get(i).original();
                try (InputStream in = files.get(i).open()) {
                    blobs.put(BlobKeys.input(batch.id(), original.name()), in, files.get(i).size(),
                            original.contentType());
                }
            }
            store.create(batch, images);
        } catch (IOException | RuntimeException e) {
            blobs.deleteAll(batch.id() + "/");
            throw e;
        }
    }

    private void checkFileCount(List<UploadedFile> files) {
        if (files.isEmpty()) {
            throw ApiException.badRequest("no_files",
                    "No image received: send each image as a multipart part named 'files'.");
        }
        if (files.size() > limits.maxFiles()) {
            throw new ApiException(413, "too_many_files", "A batch holds at most " + limits.maxFiles()
                    + " images and this one has " + files.size() + ": split it into several batches.");
        }
    }

    private List<List<Map<String, Object>>> resolveOperations(BatchOrder order, List<UploadedFile> files) {
        OperationsMatcher matcher = new OperationsMatcher(order, files);
        DetailList problems = new DetailList();
        matcher.problems().forEach(problems::add);
        List<List<Map<String, Object>>> resolved = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            OperationsMatcher.Match match = matcher.forFile(i);
            try {
                resolved.add(operations.normalize(match.operations()));
            } catch (InvalidOperationsException e) {
                String file = files.get(i).clientName();
                e.problems().forEach(p -> problems.add(new Detail(file, match.field(), p)));
            }
        }
        if (!problems.isEmpty()) {
            throw invalidOperations(problems.list());
        }
        return resolved;
    }

    /** Reads each file's header only: size, format and pixel count are refused before any decoding. */
    private List<ImageInfo> probeAll(List<UploadedFile> files) throws IOException {
        List<Detail> tooLarge = new ArrayList<>();
        List<Detail> unsupported = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        for (UploadedFile file : files) {
            if (file.size() > limits.maxFileSize().toBytes()) {
                tooLarge.add(Detail.ofFile(file.clientName(), "the file has " + file.size()
                        + " bytes; the limit is " + limits.maxFileSize().toBytes() + " bytes"));
                continue;
            }
            try (InputStream in = file.open()) {
                ImageInfo info = probe.probeUpright(in); // the size the batch's answer reports, upright
                long pixels = (long) info.width() * info.height();
                if (pixels > limits.maxPixels()) {
                    tooLarge.add(Detail.ofFile(file.clientName(), "the image is " + info.width() + "×"
                            + info.height() + " = " + pixels + " pixels; the limit is " + limits.maxPixels()
                            + " pixels: scale it down first"));
                }
                infos.add(info);
            } catch (UnsupportedImageException e) {
                unsupported.add(Detail.ofFile(file.clientName(), e.getMessage()));
            }
        }
        if (!tooLarge.isEmpty()) {
            throw new ApiException(413, "file_too_large",
                    "Some files are over the limits; see details.", concat(tooLarge, unsupported));
        }
        if (!unsupported.isEmpty()) {
            throw new ApiException(415, "unsupported_format",
                    "Some files are not images in a supported format; see details.", unsupported);
        }
        return infos;
    }

    private static List<Detail> concat(List<Detail> first, List<Detail> second) {
        List<Detail> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
