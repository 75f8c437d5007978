package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.batch.BatchStore;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recipient the mail server refuses for good (the embedded server refuses the reserved .invalid domain with
 * 550) is recorded on the batch, shown in its answer, and not tried again: neither redelivered nor re-notified.
 */
class UnsendableEmailTest extends LocalModeTest {

    @Autowired
    BatchStore store;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecipientRefusedForGoodIsRecordedAndNeverTriedAgain() {
        long deadLetters = messagesOn("dead-letter");
        var accepted = api().upload("/api/v1/batches", "{\"email\": \"nobody@example.invalid\", \"operations\": []}",
                List.of(new Part("cat.png", TestImages.png(8, 6))));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();

        api().awaitFinished(batchId, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api().getJson("/api/v1/batches/" + batchId).json().path("notificationError").isNull());
        JsonNode batch = api().getJson("/api/v1/batches/" + batchId).json();
        assertThat(batch.get("notificationError").asText())
                .startsWith("Not sent: the mail server refused the address for good (550 5.1.2 <nobody@example.invalid>");
        assertThat(batch.get("notifiedAt").isNull()).isTrue();

        // long past the re-notify window: the 5-minute check must not pick it up again
        jdbc.sql("UPDATE batches SET completed_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), batchId).update();
        producer.sendBody("direct:notifyStalledBatches", null);
        awaitPipelineQuiet();
        assertThat(store.findUnnotifiedBefore(Instant.now())).doesNotContain(batchId);
        assertThat(messagesOn("dead-letter")).as("given up, not dead-lettered").isEqualTo(deadLetters);
        assertThat(mailsAbout(batchId)).isEmpty();
        assertThat(store.findBatch(batchId).orElseThrow().notificationError()).isEqualTo(batch.get("notificationError").asText());
    }
}
