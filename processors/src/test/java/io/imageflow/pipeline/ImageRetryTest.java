package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.support.LocalModeTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A failure that may pass (here: storage) is retried with backoff, then reported with every attempt. */
class ImageRetryTest extends LocalModeTest {

    @Autowired
    BatchStore store;
    @Autowired
    ProducerTemplate producer;
    @Value("${imageflow.channel.batch-accepted}")
    String batchAccepted;

    @Test
    void anImageWhoseOriginalCannotBeReadIsTriedThreeTimesThenFailsWithTheReason() {
        String batchId = UUID.randomUUID().toString();
        store.create(new Batch(batchId, "retry@example.com", Instant.now(), BatchStatus.ACCEPTED, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("gone.png", "png", "image/png", 10, 2, 2),
                        List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));

        producer.sendBody(batchAccepted, "{\"batchId\": \"" + batchId + "\"}");

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        JsonNode image = batch.at("/images/0");
        assertThat(image.get("status").asText()).isEqualTo("FAILED");
        assertThat(image.get("attempts").asInt()).isEqualTo(3);
        assertThat(image.get("error").asText()).contains("gone.png");
    }
}
