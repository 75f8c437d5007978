package io.imageflow.backends.gcp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import io.imageflow.backends.OperationsJson;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.OutcomeRecorded;
import io.imageflow.batch.StoredFile;

/**
 * Records in Firestore: a document per batch in {@code batches}, one per image in its {@code images}
 * subcollection. Every status move and count is a transaction that reads before it writes, so it happens
 * once however often the message that causes it is delivered. Queries on two fields (status and age)
 * need the composite indexes that k8s/provision.sh creates.
 */
public class FirestoreBatchStore implements BatchStore {

    private final Firestore firestore;
    private final OperationsJson operationsJson;

    public FirestoreBatchStore(Firestore firestore, ObjectMapper json) {
        this.firestore = firestore;
        this.operationsJson = new OperationsJson(json);
    }

    @Override
    public void create(Batch batch, List<ImageRecord> images) {
        WriteBatch writes = firestore.batch();
        DocumentReference batchDoc = batchDoc(batch.id());
        Map<String, Object> fields = new HashMap<>();
        fields.put("email", batch.email());
        fields.put("createdAt", timestamp(batch.createdAt()));
        fields.put("status", batch.status().name());
        fields.put("imageCount", batch.imageCount());
        fields.put("doneCount", batch.doneCount());
        fields.put("failedCount", batch.failedCount());
        fields.put("completedAt", timestamp(batch.completedAt()));
        fields.put("notifiedAt", timestamp(batch.notifiedAt()));
        writes.create(batchDoc, fields);
        for (ImageRecord image : images) {
            Map<String, Object> imageFields = new HashMap<>(file("", image.original()));
            imageFields.put("position", image.position());
            imageFields.put("operations", operationsJson.write(image.operations()));
            imageFields.put("status", image.status().name());
            imageFields.put("attempts", image.attempts());
            writes.create(images(batch.id()).document(image.imageId()), imageFields);
        }
        await(writes.commit());
    }

    @Override
    public Optional<Batch> findBatch(String batchId) {
        DocumentSnapshot doc = await(batchDoc(batchId).get());
        return doc.exists() ? Optional.of(batch(doc)) : Optional.empty();
    }

    @Override
    public List<ImageRecord> findImages(String batchId) {
        return await(images(batchId).orderBy("position").get()).getDocuments().stream()
                .map(doc -> image(batchId, doc)).toList();
    }

    @Override
    public Optional<ImageRecord> findImage(String batchId, String imageId) {
        DocumentSnapshot doc = await(images(batchId).document(imageId).get());
        return doc.exists() ? Optional.of(image(batchId, doc)) : Optional.empty();
    }

    @Override
    public List<String> findAcceptedBefore(Instant cutoff) {
        return ids(batches().whereEqualTo("status", BatchStatus.ACCEPTED.name())
                .whereLessThan("createdAt", timestamp(cutoff)).orderBy("createdAt"));
    }

    @Override
    public List<String> findUnnotifiedBefore(Instant cutoff) {
        return ids(batches().whereEqualTo("notifiedAt", null)
                .whereLessThan("completedAt", timestamp(cutoff)).orderBy("completedAt"));
    }

    @Override
    public void markProcessing(String batchId) {
        DocumentReference ref = batchDoc(batchId);
        await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            if (doc.exists() && BatchStatus.ACCEPTED.name().equals(doc.getString("status"))) {
                tx.update(ref, "status", BatchStatus.PROCESSING.name());
            }
            return null;
        }));
    }

    @Override
    public void markImageStarted(String batchId, String imageId, int attempt) {
        DocumentReference ref = images(batchId).document(imageId);
        await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            if (doc.exists() && !status(doc).isFinal()) {
                tx.update(ref, "status", ImageStatus.PROCESSING.name(),
                        "attempts", Math.max(attempt, intField(doc, "attempts")));
            }
            return null;
        }));
    }

    @Override
    public OutcomeRecorded recordOutcome(ImageOutcome outcome) {
        if (!outcome.status().isFinal()) {
            throw new IllegalArgumentException("Only DONE or FAILED outcomes are recorded, not " + outcome.status());
        }
        DocumentReference batchRef = batchDoc(outcome.batchId());
        DocumentReference imageRef = images(outcome.batchId()).document(outcome.imageId());
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot batchDoc = tx.get(batchRef).get();
            DocumentSnapshot imageDoc = tx.get(imageRef).get();
            if (!batchDoc.exists()) {
                throw new IllegalStateException("No batch " + outcome.batchId());
            }
            Batch batch = batch(batchDoc);
            boolean counted = imageDoc.exists() && !status(imageDoc).isFinal();
            if (!counted) {
                return new OutcomeRecorded(false, batch);
            }
            tx.update(imageRef, finished(outcome, intField(imageDoc, "attempts")));
            boolean done = outcome.status() == ImageStatus.DONE;
            int doneCount = batch.doneCount() + (done ? 1 : 0);
            int failedCount = batch.failedCount() + (done ? 0 : 1);
            BatchStatus status = batch.status();
            Instant completedAt = batch.completedAt();
            if (doneCount + failedCount >= batch.imageCount() && completedAt == null) {
                status = failedCount == 0 ? BatchStatus.COMPLETED : BatchStatus.COMPLETED_WITH_ERRORS;
                // Firestore keeps microseconds: the batch answered is the batch stored
                completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            tx.update(batchRef, "doneCount", doneCount, "failedCount", failedCount, "status", status.name(),
                    "completedAt", timestamp(completedAt));
            return new OutcomeRecorded(true, new Batch(batch.id(), batch.email(), batch.createdAt(), status,
                    batch.imageCount(), doneCount, failedCount, completedAt, batch.notifiedAt()));
        }));
    }

    @Override
    public boolean claimNotification(String batchId, String claimId, Instant now, Instant until) {
        DocumentReference ref = batchDoc(batchId);
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            Timestamp claimedUntil = doc.getTimestamp("notifyClaimedUntil");
            boolean free = doc.exists() && doc.getTimestamp("notifiedAt") == null
                    && (claimedUntil == null || !instant(claimedUntil).isAfter(now));
            if (free) {
                tx.update(ref, "notifyClaim", claimId, "notifyClaimedUntil", timestamp(until));
            }
            return free;
        }));
    }

    @Override
    public void releaseNotification(String batchId, String claimId) {
        DocumentReference ref = batchDoc(batchId);
        await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            if (doc.exists() && claimId.equals(doc.getString("notifyClaim"))) {
                tx.update(ref, "notifyClaim", null, "notifyClaimedUntil", null);
            }
            return null;
        }));
    }

    @Override
    public boolean markNotified(String batchId, Instant at) {
        DocumentReference ref = batchDoc(batchId);
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            boolean first = doc.exists() && doc.getTimestamp("notifiedAt") == null;
            if (first) {
                tx.update(ref, "notifiedAt", timestamp(at));
            }
            return first;
        }));
    }

    @Override
    public void delete(String batchId) {
        WriteBatch writes = firestore.batch();
        for (QueryDocumentSnapshot image : await(images(batchId).get()).getDocuments()) {
            writes.delete(image.getReference());
        }
        writes.delete(batchDoc(batchId));
        await(writes.commit());
    }

    private CollectionReference batches() {
        return firestore.collection("batches");
    }

    private DocumentReference batchDoc(String batchId) {
        return batches().document(batchId);
    }

    private CollectionReference images(String batchId) {
        return batchDoc(batchId).collection("images");
    }

    private List<String> ids(Query query) {
        return await(query.get()).getDocuments().stream().map(DocumentSnapshot::getId).toList();
    }

    private Map<String, Object> finished(ImageOutcome outcome, int attemptsSoFar) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", outcome.status().name());
        fields.put("attempts", Math.max(attemptsSoFar, outcome.attempt()));
        fields.put("error", truncate(outcome.error(), 2000));
        fields.put("resultNote", truncate(outcome.note(), 500));
        fields.put("durationMs", outcome.durationMs());
        if (outcome.result() != null) {
            fields.putAll(file("result", outcome.result()));
        }
        return fields;
    }

    /** A stored file's fields, named with a prefix: "" for the original, "result" for the result. */
    private static Map<String, Object> file(String prefix, StoredFile file) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(field(prefix, "name"), file.name());
        fields.put(field(prefix, "format"), file.format());
        fields.put(field(prefix, "contentType"), file.contentType());
        fields.put(field(prefix, "bytes"), file.bytes());
        fields.put(field(prefix, "width"), file.width());
        fields.put(field(prefix, "height"), file.height());
        return fields;
    }

    private static StoredFile file(String prefix, DocumentSnapshot doc) {
        if (doc.getString(field(prefix, "name")) == null) {
            return null;
        }
        return new StoredFile(doc.getString(field(prefix, "name")), doc.getString(field(prefix, "format")),
                doc.getString(field(prefix, "contentType")), longField(doc, field(prefix, "bytes")),
                intField(doc, field(prefix, "width")), intField(doc, field(prefix, "height")));
    }

    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Batch batch(DocumentSnapshot doc) {
        return new Batch(doc.getId(), doc.getString("email"), instant(doc.getTimestamp("createdAt")),
                BatchStatus.valueOf(doc.getString("status")), intField(doc, "imageCount"),
                intField(doc, "doneCount"), intField(doc, "failedCount"), instant(doc.getTimestamp("completedAt")),
                instant(doc.getTimestamp("notifiedAt")));
    }

    private ImageRecord image(String batchId, DocumentSnapshot doc) {
        return new ImageRecord(batchId, doc.getId(), intField(doc, "position"), file("", doc),
                operationsJson.read(doc.getString("operations")), status(doc), intField(doc, "attempts"),
                doc.getString("error"), file("result", doc), doc.getString("resultNote"), doc.getLong("durationMs"));
    }

    private static ImageStatus status(DocumentSnapshot doc) {
        return ImageStatus.valueOf(doc.getString("status"));
    }

    private static int intField(DocumentSnapshot doc, String name) {
        return (int) longField(doc, name);
    }

    private static long longField(DocumentSnapshot doc, String name) {
        Long value = doc.getLong(name);
        return value == null ? 0 : value;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static <T> T await(ApiFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to Firestore", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Firestore failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
