package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageTask;
import io.imageflow.support.AboutBatch;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** At-least-once channels deliver twice sometimes: counts and mail must not notice. */
class RedeliveryTest extends LocalModeTest {

    private static final String DEAD_LETTER = "dead-letter";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    BatchStore store;
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
        awaitPipelineQuiet();
        long deadLetters = messagesOn(DEAD_LETTER);

        // the task again (worked on again: PROCESSING, then DONE), its outcome again, and the notification again
        NotifyBuilder replayed = new NotifyBuilder(camel)
                .fromRoute("process-image").filter(AboutBatch.of(batchId)).whenCompleted(1)
                .and().fromRoute("record-outcome").filter(AboutBatch.of(batchId)).whenCompleted(3)
                .and().fromRoute("send-completion-email").filter(AboutBatch.of(batchId)).whenCompleted(1)
                .create();
        var image = store.findImages(batchId).get(0);
        producer.sendBody(imageTasks, json.writeValueAsString(
                new ImageTask(batchId, image.imageId(), image.name(), image.operations())));
        producer.sendBody(imageResults, json.writeValueAsString(
                ImageOutcome.done(new ImageTask(batchId, image.imageId(), image.name(), image.operations()), 1,
                        image.result(), null, 5)));
        producer.sendBody(emailNotification, json.writeValueAsString(new BatchCompleted(batchId)));
        assertThat(replayed.matches(30, TimeUnit.SECONDS)).as(replayed.toString()).isTrue();
        awaitPipelineQuiet();

        JsonNode after = api().getJson("/api/v1/batches/" + batchId).json();
        assertThat(after.get("doneCount").asInt()).isEqualTo(2);
        assertThat(after.get("failedCount").asInt()).isZero();
        assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(after.get("images").findValuesAsText("status")).containsOnly("DONE");
        assertThat(messagesOn(DEAD_LETTER)).as("the replayed messages were handled, not dead-lettered").isEqualTo(deadLetters);
        assertThat(mailsAbout(batchId)).hasSize(1);
    }

    @Test
    void aRedeliveredAcceptanceDoesNotRequeueFinishedImages() throws Exception {
        var accepted = api().upload("/api/v1/batches",
                "{\"email\": \"again@example.com\"}", List.of(new Part("only.png", TestImages.png(10, 10))));
        String batchId = accepted.json().get("batchId").asText();
        api().awaitFinished(batchId, Duration.ofSeconds(60));
        awaitMails(batchId, 1);
        awaitPipelineQuiet();

        NotifyBuilder fannedOut = new NotifyBuilder(camel)
                .fromRoute("fan-out-batch").filter(AboutBatch.of(batchId)).whenCompleted(1).create();
        NotifyBuilder requeued = new NotifyBuilder(camel)
                .fromRoute("process-image").filter(AboutBatch.of(batchId)).whenReceived(1).create();
        producer.sendBody(batchAccepted, "{\"batchId\": \"" + batchId + "\"}");
        assertThat(fannedOut.matches(30, TimeUnit.SECONDS)).isTrue();
        awaitPipelineQuiet();

        assertThat(requeued.matches()).as("a task was queued again for the finished image").isFalse();
        assertThat(store.findBatch(batchId).orElseThrow().doneCount()).isEqualTo(1);
        assertThat(mailsAbout(batchId)).hasSize(1);
    }

    @Test
    void anUnparseableMessageGoesToTheDeadLetterChannelOnce() throws Exception {
        String garbage = "{ this is not json " + UUID.randomUUID();
        NotifyBuilder deadLettered = new NotifyBuilder(camel)
                .fromRoute("record-outcome").filter(AboutBatch.of(garbage)).whenCompleted(1).create();
        producer.sendBody(imageResults, garbage);
        assertThat(deadLettered.matches(30, TimeUnit.SECONDS)).isTrue();
        awaitPipelineQuiet();

        List<Object> letters = new ArrayList<>();
        ConsumerTemplate deadLetter = camel.createConsumerTemplate();
        for (Object letter; (letter = deadLetter.receiveBody("{{imageflow.channel.dead-letter}}", 1_000)) != null; ) {
            letters.add(letter);
        }
        assertThat(letters).filteredOn(garbage::equals).hasSize(1);
    }

    private void awaitMails(String batchId, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(batchId).size() >= count);
    }
}
