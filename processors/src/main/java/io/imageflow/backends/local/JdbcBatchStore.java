package io.imageflow.backends.local;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.backends.OperationsJson;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.OutcomeRecorded;
import io.imageflow.batch.StoredFile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records in an embedded SQL database. Every status change is a conditional UPDATE, so it happens once
 * however often the message that causes it is delivered.
 */
public class JdbcBatchStore implements BatchStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OperationsJson operationsJson;

    public JdbcBatchStore(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.operationsJson = new OperationsJson(json);
    }

    @Override
    public void create(Batch batch, List<ImageRecord> images) {
        transactions.executeWithoutResult(tx -> {
            Timestamp created = Timestamp.from(batch.createdAt());
            jdbc.sql("""
                    INSERT INTO batches (id, email, created_at, status, image_count, expires_at, progress_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(batch.id(), batch.email(), created, batch.status().name(), batch.imageCount(),
                            timestamp(batch.expiresAt()), created)
                    .update();
            for (ImageRecord image : images) {
                StoredFile original = image.original();
                jdbc.sql("""
                        INSERT INTO images (batch_id, image_id, position, name, format, content_type, bytes, width,
                                            height, operations, status, progress_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(image.batchId(), image.imageId(), image.position(), original.name(), original.format(),
                                original.contentType(), original.bytes(), original.width(), original.height(),
                                operationsJson.write(image.operations()), image.status().name(), created)
                        .update();
            }
        });
    }

    @Override
    public Optional<Batch> findBatch(String batchId) {
        return jdbc.sql("SELECT * FROM batches WHERE id = ?").param(batchId).query(JdbcBatchStore::batch).optional();
    }

    @Override
    public List<ImageRecord> findImages(String batchId) {
        return jdbc.sql("SELECT * FROM images WHERE batch_id = ? ORDER BY position")
                .param(batchId).query(this::image).list();
    }

    @Override
    public Optional<ImageRecord> findImage(String batchId, String imageId) {
        return jdbc.sql("SELECT * FROM images WHERE batch_id = ? AND image_id = ?")
                .params(batchId, imageId).query(this::image).optional();
    }

    @Override
    public List<String> findAcceptedBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM batches WHERE status = 'ACCEPTED' AND created_at < ? ORDER BY created_at")
                .param(Timestamp.from(cutoff)).query(String.class).list();
    }

    @Override
    public List<String> findUnnotifiedBefore(Instant cutoff) {
        return jdbc.sql("""
                SELECT id FROM batches WHERE notified_at IS NULL AND notification_error IS NULL AND completed_at < ?
                ORDER BY completed_at""")
                .param(Timestamp.from(cutoff)).query(String.class).list();
    }

    @Override
    public List<String> findExpiredBefore(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM batches WHERE expires_at < ? ORDER BY expires_at LIMIT ?")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    @Override
    public List<String> findStalledBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM batches WHERE progress_at < ? ORDER BY progress_at")
                .param(Timestamp.from(cutoff)).query(String.class).list();
    }

    @Override
    public boolean markRequeued(String batchId, String imageId, Instant cutoff, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            boolean requeued = jdbc.sql("""
                    UPDATE images SET requeues = requeues + 1, progress_at = ?
                    WHERE batch_id = ? AND image_id = ? AND status IN ('QUEUED', 'PROCESSING') AND progress_at < ?""")
                    .params(Timestamp.from(now), batchId, imageId, Timestamp.from(cutoff)).update() == 1;
            if (requeued) {
                progressed(batchId, now);
            }
            return requeued;
        }));
    }

    @Override
    public void markProcessing(String batchId) {
        jdbc.sql("UPDATE batches SET status = 'PROCESSING' WHERE id = ? AND status = 'ACCEPTED'").param(batchId).update();
    }

    @Override
    public void markImageStarted(String batchId, String imageId, int attempt) {
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            boolean started = jdbc.sql("""
                    UPDATE images SET status = 'PROCESSING', attempts = GREATEST(attempts, ?), progress_at = ?
                    WHERE batch_id = ? AND image_id = ? AND status IN ('QUEUED', 'PROCESSING')""")
                    .params(attempt, Timestamp.from(now), batchId, imageId).update() == 1;
            if (started) {
                progressed(batchId, now);
            }
        });
    }

    /** The batch's last progress, while it is unfinished (the sweep for stalled batches looks at nothing else). */
    private void progressed(String batchId, Instant now) {
        jdbc.sql("UPDATE batches SET progress_at = ? WHERE id = ? AND completed_at IS NULL")
                .params(Timestamp.from(now), batchId).update();
    }

    @Override
    public OutcomeRecorded recordOutcome(ImageOutcome outcome) {
        if (!outcome.status().isFinal()) {
            throw new IllegalArgumentException("Only DONE or FAILED outcomes are recorded, not " + outcome.status());
        }
        Instant now = Instant.now();
        return transactions.execute(tx -> {
            boolean counted = finishImage(outcome, now) == 1;
            if (counted) {
                String counter = outcome.status() == ImageStatus.DONE ? "done_count" : "failed_count";
                jdbc.sql("UPDATE batches SET " + counter + " = " + counter + " + 1, progress_at = ? WHERE id = ?")
                        .params(Timestamp.from(now), outcome.batchId()).update();
                jdbc.sql("""
                        UPDATE batches
                        SET status = CASE WHEN failed_count = 0 THEN 'COMPLETED' ELSE 'COMPLETED_WITH_ERRORS' END,
                            completed_at = ?, progress_at = NULL
                        WHERE id = ? AND done_count + failed_count >= image_count AND completed_at IS NULL""")
                        .params(Timestamp.from(now), outcome.batchId()).update();
            }
            Batch batch = findBatch(outcome.batchId())
                    .orElseThrow(() -> new IllegalStateException("No batch " + outcome.batchId()));
            return new OutcomeRecorded(counted, batch);
        });
    }

    private int finishImage(ImageOutcome outcome, Instant now) {
        StoredFile result = outcome.result();
        return jdbc.sql("""
                UPDATE images
                SET status = ?, attempts = GREATEST(attempts, ?), error = ?, result_name = ?, result_format = ?,
                    result_content_type = ?, result_bytes = ?, result_width = ?, result_height = ?,
                    result_note = ?, duration_ms = ?, progress_at = ?
                WHERE batch_id = ? AND image_id = ? AND status IN ('QUEUED', 'PROCESSING')""")
                .params(outcome.status().name(), outcome.attempt(), truncate(outcome.error(), 2000),
                        result == null ? null : result.name(), result == null ? null : result.format(),
                        result == null ? null : result.contentType(), result == null ? null : result.bytes(),
                        result == null ? null : result.width(), result == null ? null : result.height(),
                        truncate(outcome.note(), 500), outcome.durationMs(), Timestamp.from(now), outcome.batchId(),
                        outcome.imageId())
                .update();
    }

    @Override
    public boolean claimNotification(String batchId, String claimId, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE batches SET notify_claim = ?, notify_claimed_until = ?
                WHERE id = ? AND notified_at IS NULL AND notification_error IS NULL
                  AND (notify_claimed_until IS NULL OR notify_claimed_until <= ?)""")
                .params(claimId, Timestamp.from(until), batchId, Timestamp.from(now)).update() == 1;
    }

    @Override
    public void releaseNotification(String batchId, String claimId) {
        jdbc.sql("UPDATE batches SET notify_claim = NULL, notify_claimed_until = NULL WHERE id = ? AND notify_claim = ?")
                .params(batchId, claimId).update();
    }

    @Override
    public boolean markNotified(String batchId, Instant at) {
        return jdbc.sql("UPDATE batches SET notified_at = ? WHERE id = ? AND notified_at IS NULL")
                .params(Timestamp.from(at), batchId).update() == 1;
    }

    @Override
    public boolean giveUpNotification(String batchId, String reason) {
        return jdbc.sql("""
                UPDATE batches SET notification_error = ?, notify_claim = NULL, notify_claimed_until = NULL
                WHERE id = ? AND notified_at IS NULL AND notification_error IS NULL""")
                .params(truncate(reason, 1000), batchId).update() == 1;
    }

    @Override
    public Optional<byte[]> findQuota(String key) {
        return jdbc.sql("SELECT state FROM quotas WHERE id = ?").param(key).query(byte[].class).optional();
    }

    @Override
    public boolean replaceQuota(String key, byte[] expected, byte[] replacement, Instant expiresAt) {
        if (expected == null) {
            try {
                return jdbc.sql("INSERT INTO quotas (id, state, expires_at) VALUES (?, ?, ?)")
                        .params(key, replacement, Timestamp.from(expiresAt)).update() == 1;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return jdbc.sql("UPDATE quotas SET state = ?, expires_at = ? WHERE id = ? AND state = ?")
                .params(replacement, Timestamp.from(expiresAt), key, expected).update() == 1;
    }

    @Override
    public int deleteQuotasExpiredBefore(Instant now) {
        return jdbc.sql("DELETE FROM quotas WHERE expires_at < ?").param(Timestamp.from(now)).update();
    }

    @Override
    public void delete(String batchId) {
        jdbc.sql("DELETE FROM batches WHERE id = ?").param(batchId).update();
    }

    private static Batch batch(ResultSet row, int rowNum) throws SQLException {
        return new Batch(
                row.getString("id"),
                row.getString("email"),
                instant(row, "created_at"),
                BatchStatus.valueOf(row.getString("status")),
                row.getInt("image_count"),
                row.getInt("done_count"),
                row.getInt("failed_count"),
                instant(row, "completed_at"),
                instant(row, "notified_at"),
                instant(row, "expires_at"),
                row.getString("notification_error"));
    }

    private ImageRecord image(ResultSet row, int rowNum) throws SQLException {
        StoredFile original = new StoredFile(row.getString("name"), row.getString("format"),
                row.getString("content_type"), row.getLong("bytes"), row.getInt("width"), row.getInt("height"));
        StoredFile result = row.getString("result_name") == null ? null
                : new StoredFile(row.getString("result_name"), row.getString("result_format"),
                        row.getString("result_content_type"), row.getLong("result_bytes"),
                        row.getInt("result_width"), row.getInt("result_height"));
        return new ImageRecord(
                row.getString("batch_id"),
                row.getString("image_id"),
                row.getInt("position"),
                original,
                operationsJson.read(row.getString("operations")),
                ImageStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getString("error"),
                result,
                row.getString("result_note"),
                row.getObject("duration_ms", Long.class),
                instant(row, "progress_at"),
                row.getInt("requeues"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
