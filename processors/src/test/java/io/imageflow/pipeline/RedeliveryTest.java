package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageTask;
import io.imageflow.local.LocalMailServer;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** At-least-once channels deliver twice sometimes: counts and mail must not notice. */
class RedeliveryTest extends LocalModeTest {

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    BatchStore store;
    @Autowired
    LocalMailServer mail;
    @Autowired
    ObjectMapper json;

    @Value("${imageflow.channel.image-tasks}")
    String imageTasks;
    @Value("${imageflow.channel.image-results}")
    String imageResults;
    @Value("${imageflow.channel.email-notification}")
    String emailNotification;
    @Value("${imageflow.channel.batch-accepted}")
    String batchAccepted;

    @Test
    void redeliveredTasksOutcomesAndNotificationsCountOnceAndMailOnce() throws Exception {
        var accepted = api().upload("/api/v1/batches",
                "{\"email\": \"redelivery@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}",
                List.of(new Part("one.png", TestImages.png(40, 30)), new Part("two.png", TestImages.png(30, 40))));
        String batchId = accepted.json().get("batchId").asText();
        JsonNode finished = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(finished.get("doneCount").asInt()).isEqualTo(2);
        awaitMails(batchId, 1);

        NotifyBuilder replayed = new NotifyBuilder(camel).fromRoute("record-outcome").whenCompleted(3)
                .and().fromRoute("send-completion-email").whenCompleted(1).create();
        var image = store.findImages(batchId).get(0);
        producer.sendBody(imageTasks, json.writeValueAsString(
                new ImageTask(batchId, image.imageId(), image.name(), image.operations())));
        producer.sendBody(imageResults, json.writeValueAsString(
                ImageOutcome.done(new ImageTask(batchId, image.imageId(), image.name(), image.operations()), 1,
                        image.result(), null, 5)));
        producer.sendBody(emailNotification, json.writeValueAsString(new BatchCompleted(batchId)));
        assertThat(replayed.matches(30, TimeUnit.SECONDS)).isTrue();

        JsonNode after = api().getJson("/api/v1/batches/" + batchId).json();
        assertThat(after.get("doneCount").asInt()).isEqualTo(2);
        assertThat(after.get("failedCount").asInt()).isZero();
        assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(mailsMentioning(batchId)).hasSize(1);
    }

    @Test
    void aRedeliveredAcceptanceDoesNotRequeueFinishedImages() throws Exception {
        var accepted = api().upload("/api/v1/batches",
                "{\"email\": \"again@example.com\"}", List.of(new Part("only.png", TestImages.png(10, 10))));
        String batchId = accepted.json().get("batchId").asText();
        api().awaitFinished(batchId, Duration.ofSeconds(60));
        awaitMails(batchId, 1);

        NotifyBuilder fannedOut = new NotifyBuilder(camel).fromRoute("fan-out-batch").whenCompleted(1).create();
        producer.sendBody(batchAccepted, "{\"batchId\": \"" + batchId + "\"}");
        assertThat(fannedOut.matches(30, TimeUnit.SECONDS)).isTrue();

        assertThat(store.findBatch(batchId).orElseThrow().doneCount()).isEqualTo(1);
        assertThat(mailsMentioning(batchId)).hasSize(1);
    }

    @Test
    void anUnparseableMessageGoesToTheDeadLetterChannelOnce() throws Exception {
        NotifyBuilder deadLettered = new NotifyBuilder(camel).fromRoute("record-outcome").whenCompleted(1).create();
        producer.sendBody(imageResults, "{ this is not json");
        assertThat(deadLettered.matches(30, TimeUnit.SECONDS)).isTrue();
        Object letter = producer.getCamelContext().createConsumerTemplate()
                .receiveBody("{{imageflow.channel.dead-letter}}", 10_000);
        assertThat(letter).isEqualTo("{ this is not json");
    }

    private void awaitMails(String batchId, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsMentioning(batchId).size() >= count);
    }

    private List<LocalMailServer.ReceivedMail> mailsMentioning(String batchId) throws Exception {
        return mail.receivedMail().stream().filter(m -> m.text().contains(batchId)).toList();
    }
}
