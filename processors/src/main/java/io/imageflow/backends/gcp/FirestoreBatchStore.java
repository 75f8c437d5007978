package io.imageflow.backends.gcp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
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
 * once however often the message that causes it is delivered. The query on two fields (status and age)
 * needs the composite index that k8s/provision.sh creates; the others range over one field each, which
 * Firestore indexes by itself: a batch carries {@code progressAt} only while unfinished and
 * {@code notifyDueAt} only while its owner is still to be told, so the sweeps find those and nothing else.
 * Limits held in the store (see notifier.StoredBuckets) are documents in {@code quotas}.
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
        fields.put("expiresAt", timestamp(batch.expiresAt()));
        fields.put("notificationError", batch.notificationError());
        boolean finished = batch.completedAt() != null;
        fields.put("progressAt", finished ? null : timestamp(batch.createdAt()));
        fields.put("notifyDueAt", finished && batch.notifiedAt() == null && batch.notificationError() == null
                ? timestamp(batch.completedAt()) : null);
        writes.create(batchDoc, fields);
        for (ImageRecord image : images) {
            Map<String, Object> imageFields = new HashMap<>(file("", image.original()));
            imageFields.put("position", image.position());
            imageFields.put("operations", operationsJson.write(image.operations()));
            imageFields.put("status", image.status().name());
            imageFields.put("attempts", image.attempts());
            imageFields.put("progressAt", timestamp(batch.createdAt()));
            imageFields.put("requeues", 0);
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
        return ids(batches().whereLessThan("notifyDueAt", timestamp(cutoff)).orderBy("notifyDueAt"));
    }

    @Override
    public List<String> findExpiredBefore(Instant now, int limit) {
        return ids(batches().whereLessThan("expiresAt", timestamp(now)).orderBy("expiresAt").limit(limit));
    }

    @Override
    public List<String> findStalledBefore(Instant cutoff) {
        return ids(batches().whereLessThan("progressAt", timestamp(cutoff)).orderBy("progressAt"));
    }

    @Override
    public boolean markRequeued(String batchId, String imageId, Instant cutoff, Instant now) {
        DocumentReference ref = images(batchId).document(imageId);
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            Instant progressAt = doc.exists() ? instant(doc.getTimestamp("progressAt")) : null;
            boolean quiet = progressAt != null && progressAt.isBefore(cutoff) && !status(doc).isFinal();
            if (quiet) {
                tx.update(ref, "requeues", intField(doc, "requeues") + 1, "progressAt", timestamp(now));
                tx.update(batchDoc(batchId), "progressAt", timestamp(now));
            }
            return quiet;
        }));
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
                Timestamp now = Timestamp.now();
                tx.update(ref, "status", ImageStatus.PROCESSING.name(),
                        "attempts", Math.max(attempt, intField(doc, "attempts")), "progressAt", now);
                // an unfinished image means an unfinished batch: its progress is the latest of its images'
                tx.update(batchDoc(batchId), "progressAt", now);
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
            // Firestore keeps microseconds: the batch answered is the batch stored
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            tx.update(imageRef, finished(outcome, intField(imageDoc, "attempts"), now));
            boolean done = outcome.status() == ImageStatus.DONE;
            int doneCount = batch.doneCount() + (done ? 1 : 0);
            int failedCount = batch.failedCount() + (done ? 0 : 1);
            BatchStatus status = batch.status();
            Instant completedAt = batch.completedAt();
            boolean completes = doneCount + failedCount >= batch.imageCount() && completedAt == null;
            if (completes) {
                status = failedCount == 0 ? BatchStatus.COMPLETED : BatchStatus.COMPLETED_WITH_ERRORS;
                completedAt = now;
            }
            Map<String, Object> counts = new HashMap<>(Map.of("doneCount", doneCount, "failedCount", failedCount,
                    "status", status.name()));
            counts.put("completedAt", timestamp(completedAt));
            counts.put("progressAt", completedAt == null ? timestamp(now) : null);
            if (completes && batch.notifiedAt() == null && batch.notificationError() == null) {
                counts.put("notifyDueAt", timestamp(completedAt));
            }
            tx.update(batchRef, counts);
            return new OutcomeRecorded(true, new Batch(batch.id(), batch.email(), batch.createdAt(), status,
                    batch.imageCount(), doneCount, failedCount, completedAt, batch.notifiedAt(), batch.expiresAt(),
                    batch.notificationError()));
        }));
    }

    @Override
    public boolean claimNotification(String batchId, String claimId, Instant now, Instant until) {
        DocumentReference ref = batchDoc(batchId);
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            Timestamp claimedUntil = doc.getTimestamp("notifyClaimedUntil");
            boolean free = doc.exists() && doc.getTimestamp("notifiedAt") == null
                    && doc.getString("notificationError") == null
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
                tx.update(ref, "notifiedAt", timestamp(at), "notifyDueAt", null);
            }
            return first;
        }));
    }

    @Override
    public boolean giveUpNotification(String batchId, String reason) {
        DocumentReference ref = batchDoc(batchId);
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            boolean first = doc.exists() && doc.getTimestamp("notifiedAt") == null
                    && doc.getString("notificationError") == null;
            if (first) {
                Map<String, Object> fields = new HashMap<>();
                fields.put("notificationError", truncate(reason, 1000));
                fields.put("notifyDueAt", null);
                fields.put("notifyClaim", null);
                fields.put("notifyClaimedUntil", null);
                tx.update(ref, fields);
            }
            return first;
        }));
    }

    @Override
    public Optional<byte[]> findQuota(String key) {
        DocumentSnapshot doc = await(quotas().document(key).get());
        return doc.exists() ? Optional.of(doc.getBlob("state").toBytes()) : Optional.empty();
    }

    @Override
    public boolean replaceQuota(String key, byte[] expected, byte[] replacement, Instant expiresAt) {
        DocumentReference ref = quotas().document(key);
        Map<String, Object> fields = Map.of("state", Blob.fromBytes(replacement), "expiresAt", timestamp(expiresAt));
        return await(firestore.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref).get();
            byte[] current = doc.exists() ? doc.getBlob("state").toBytes() : null;
            boolean unchanged = expected == null ? current == null : Arrays.equals(expected, current);
            if (unchanged) {
                tx.set(ref, fields);
            }
            return unchanged;
        }));
    }

    @Override
    public int deleteQuotasExpiredBefore(Instant now) {
        List<QueryDocumentSnapshot> expired = await(quotas().whereLessThan("expiresAt", timestamp(now)).get())
                .getDocuments();
        // a write batch holds at most 500 writes
        for (int from = 0; from < expired.size(); from += 500) {
            WriteBatch writes = firestore.batch();
            expired.subList(from, Math.min(from + 500, expired.size())).forEach(doc -> writes.delete(doc.getReference()));
            await(writes.commit());
        }
        return expired.size();
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

    private CollectionReference quotas() {
        return firestore.collection("quotas");
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

    private Map<String, Object> finished(ImageOutcome outcome, int attemptsSoFar, Instant now) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", outcome.status().name());
        fields.put("progressAt", timestamp(now));
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
                instant(doc.getTimestamp("notifiedAt")), instant(doc.getTimestamp("expiresAt")),
                doc.getString("notificationError"));
    }

    private ImageRecord image(String batchId, DocumentSnapshot doc) {
        return new ImageRecord(batchId, doc.getId(), intField(doc, "position"), file("", doc),
                operationsJson.read(doc.getString("operations")), status(doc), intField(doc, "attempts"),
                doc.getString("error"), file("result", doc), doc.getString("resultNote"), doc.getLong("durationMs"),
                instant(doc.getTimestamp("progressAt")), intField(doc, "requeues"));
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
