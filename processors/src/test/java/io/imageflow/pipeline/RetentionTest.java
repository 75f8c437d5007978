package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.storage.BlobStore;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Batches are kept imageflow.retention (7 days by default) after their upload, say so, and are then deleted. */
class RetentionTest extends LocalModeTest {

    @Autowired
    BatchStore store;
    @Autowired
    BlobStore blobs;
    @Autowired
    ProducerTemplate producer;

    @Test
    void theAnswerAndTheEmailSayUntilWhenTheBatchIsKept() {
        var accepted = api().upload("/api/v1/batches", "{\"email\": \"keep@example.com\", \"operations\": []}",
                List.of(new Part("kept.png", TestImages.png(8, 6))));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        Instant createdAt = Instant.parse(batch.get("createdAt").asText());
        assertThat(Instant.parse(batch.get("expiresAt").asText())).isEqualTo(createdAt.plus(Duration.ofDays(7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsAbout(batchId).isEmpty());
        assertThat(mailsAbout(batchId).get(0).text()).contains("The images are kept until ");
    }

    @Test
    void theSweepDeletesExpiredBatchesWithTheirImagesAndKeepsTheOthers() throws Exception {
        String expired = storedBatch(Instant.now().minusSeconds(1));
        String kept = storedBatch(Instant.now().plus(Duration.ofDays(1)));

        producer.sendBody("direct:expireBatches", null);

        assertThat(api().getJson("/api/v1/batches/" + expired).status()).isEqualTo(404);
        assertThat(blobs.exists(BlobKeys.input(expired, "old.png"))).isFalse();
        assertThat(blobs.exists(BlobKeys.output(expired, "old.png"))).isFalse();
        assertThat(api().getJson("/api/v1/batches/" + kept).status()).isEqualTo(200);
        assertThat(blobs.exists(BlobKeys.input(kept, "old.png"))).isTrue();
    }

    private String storedBatch(Instant expiresAt) throws Exception {
        String id = UUID.randomUUID().toString();
        store.create(new Batch(id, "old@example.com", expiresAt.minus(Duration.ofDays(7)), BatchStatus.COMPLETED, 0, 0,
                0, null, null, expiresAt, null), List.of());
        blobs.put(BlobKeys.input(id, "old.png"), TestImages.png(4, 4), "image/png");
        blobs.put(BlobKeys.output(id, "old.png"), TestImages.png(2, 2), "image/png");
        return id;
    }
}
