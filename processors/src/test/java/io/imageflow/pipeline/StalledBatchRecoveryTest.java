package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.storage.BlobStore;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batches stuck between two steps get their message again and finish: processed, and mailed once. Images that
 * stopped moving get their task again, and after imageflow.recovery.max-requeues (2) fail with the reason.
 */
class StalledBatchRecoveryTest extends LocalModeTest {

    @Autowired
    BatchStore store;
    @Autowired
    BlobStore blobs;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchNeverAnnouncedIsAnnouncedAgainAndFinishes() throws Exception {
        String batchId = UUID.randomUUID().toString();
        byte[] png = TestImages.png(20, 10);
        blobs.put(BlobKeys.input(batchId, "kept.png"), new ByteArrayInputStream(png), "image/png");
        store.create(new Batch(batchId, "kept@example.com", Instant.now().minus(Duration.ofHours(1)),
                        BatchStatus.ACCEPTED, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("kept.png", "png", "image/png", png.length, 20, 10),
                        List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));

        producer.sendBody("direct:announceStalledBatches", null);

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(1);
        onlyMailAbout(batchId);
    }

    @Test
    void aFinishedBatchWhoseNotificationWasLostIsMailedOnce() throws Exception {
        String batchId = UUID.randomUUID().toString();
        store.create(new Batch(batchId, "lost@example.com", Instant.now().minus(Duration.ofHours(2)),
                BatchStatus.COMPLETED, 0, 0, 0, null, null), List.of());
        jdbc.sql("UPDATE batches SET completed_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), batchId).update();

        producer.sendBody("direct:notifyStalledBatches", null);
        producer.sendBody("direct:notifyStalledBatches", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> store.findBatch(batchId).orElseThrow().notifiedAt() != null);
        awaitPipelineQuiet();
        assertThat(mailsAbout(batchId)).hasSize(1);
    }

    @Test
    void anImageThatStoppedMovingGetsItsTaskAgainAndItsBatchFinishes() throws Exception {
        String batchId = stalledBatch("stuck@example.com", 0);

        producer.sendBody("direct:requeueStalledImages", null);

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        onlyMailAbout(batchId);
        assertThat(store.findImage(batchId, "1").orElseThrow().requeues()).isEqualTo(1);
    }

    @Test
    void anImageSentAgainAsOftenAsAllowedFailsWithTheReasonAndItsOwnerIsTold() throws Exception {
        String batchId = stalledBatch("given-up@example.com", 2);

        producer.sendBody("direct:requeueStalledImages", null);

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        JsonNode image = batch.get("images").get(0);
        assertThat(image.get("status").asText()).isEqualTo("FAILED");
        assertThat(image.get("error").asText()).startsWith("Nothing happened to this image for 30 minutes, even after"
                + " its task was sent again 2 times");
        assertThat(onlyMailAbout(batchId).text()).contains("Nothing happened to this image");
    }

    /** A batch whose one image started an hour ago and was heard of no more, its task sent again so often. */
    private String stalledBatch(String email, int requeues) throws Exception {
        String batchId = UUID.randomUUID().toString();
        byte[] png = TestImages.png(20, 10);
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        blobs.put(BlobKeys.input(batchId, "stuck.png"), new ByteArrayInputStream(png), "image/png");
        store.create(new Batch(batchId, email, anHourAgo, BatchStatus.PROCESSING, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("stuck.png", "png", "image/png", png.length, 20,
                        10), List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));
        jdbc.sql("UPDATE images SET status = 'PROCESSING', attempts = 1, requeues = ? WHERE batch_id = ?")
                .params(requeues, batchId).update();
        return batchId;
    }
}
