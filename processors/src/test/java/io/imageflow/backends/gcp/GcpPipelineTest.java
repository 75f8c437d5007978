package io.imageflow.backends.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.local.LocalMailServer;
import io.imageflow.storage.BlobStore;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.TestImages;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.GcpModeTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** gcp mode end to end on Pub/Sub and Firestore emulators and in-process Cloud Storage. */
class GcpPipelineTest extends GcpModeTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    BatchStore store;
    @Autowired
    Storage storage;
    @Autowired
    BlobStore blobs;
    @Autowired
    LocalMailServer mail;
    @Autowired
    ObjectMapper json;
    @Value("${imageflow.gcs.bucket}")
    String bucket;
    @Value("${imageflow.processing.max-attempts}")
    int maxAttempts;

    @Test
    void realPhotographsGoThroughCloudStoragePubSubAndFirestoreToOneEmail() {
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).as("no embedded database").isEmpty();
        assertThat(context.containsBean("embeddedActiveMQ") || context.containsBean("artemisEmbeddedServer"))
                .as("no embedded queue").isFalse();
        assertThat(store).isInstanceOf(FirestoreBatchStore.class);

        var accepted = api().upload("/api/v1/batches", """
                {"email": "gcp@example.com", "operations": [{"type": "resize", "width": 400}, {"type": "format", "format": "png"}]}""",
                List.of(TestPhotos.part(TestPhotos.LANDSCAPE_BASELINE, "flowers.jpg"), TestPhotos.part(TestPhotos.PORTRAIT, "butterfly.jpg")));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(90));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(2);
        assertThat(batch.get("images").findValuesAsText("status")).containsOnly("DONE");
        assertThat(batch.get("images").findValuesAsText("attempts")).containsOnly("1");
        assertThat(storage.get(BlobId.of(bucket, batchId + "/input/flowers.jpg"))).isNotNull();
        assertThat(storage.get(BlobId.of(bucket, batchId + "/output/flowers.jpg"))).isNotNull();
        var result = api().get("/api/v1/batches/" + batchId + "/images/1/result");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).startsWith(0x89, 'P', 'N', 'G');

        awaitMails(batchId, 1);
        assertThat(api().getJson("/api/v1/batches/" + batchId).json().get("notifiedAt").isNull()).isFalse();
    }

    @Test
    void theSameTaskOutcomeAndNotificationPublishedTwiceGiveOneResultRightCountsAndOneEmail() throws Exception {
        var accepted = api().upload("/api/v1/batches", "{\"email\": \"twice@example.com\"}",
                List.of(TestPhotos.part(TestPhotos.LANDSCAPE_PROGRESSIVE, "ladybird.jpg")));
        String batchId = accepted.json().get("batchId").asText();
        api().awaitFinished(batchId, Duration.ofSeconds(90));
        awaitMails(batchId, 1);

        ImageRecord image = store.findImages(batchId).get(0);
        ImageTask task = new ImageTask(batchId, image.imageId(), image.name(), image.operations());
        NotifyBuilder replayed = new NotifyBuilder(camel).fromRoute("process-image").whenCompleted(2)
                .and().fromRoute("send-completion-email").whenCompleted(1).create();
        producer.sendBody("{{imageflow.channel.image-tasks}}", json.writeValueAsString(task));
        producer.sendBody("{{imageflow.channel.image-tasks}}", json.writeValueAsString(task));
        producer.sendBody("{{imageflow.channel.image-results}}", json.writeValueAsString(
                ImageOutcome.done(task, 1, image.result(), null, 5)));
        producer.sendBody("{{imageflow.channel.email-notification}}", json.writeValueAsString(new BatchCompleted(batchId)));
        assertThat(replayed.matches(60, TimeUnit.SECONDS)).isTrue();

        NotifyBuilder recorded = new NotifyBuilder(camel).fromRoute("record-outcome").whenCompleted(4).create();
        assertThat(recorded.matches(60, TimeUnit.SECONDS)).as("the replayed outcomes reach the manager").isTrue();
        JsonNode after = api().getJson("/api/v1/batches/" + batchId).json();
        assertThat(after.get("doneCount").asInt()).isEqualTo(1);
        assertThat(after.get("failedCount").asInt()).isZero();
        assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(mailsMentioning(batchId)).hasSize(1);
    }

    @Test
    void anExpiredBatchLosesItsImagesInCloudStorageAndItsRecordsInFirestore() throws Exception {
        String batchId = UUID.randomUUID().toString();
        Instant expired = Instant.now().minusSeconds(1);
        store.create(new Batch(batchId, "old@example.com", expired.minus(Duration.ofDays(7)), BatchStatus.COMPLETED, 0,
                0, 0, null, null, expired, null), List.of());
        blobs.put(batchId + "/input/old.png", new byte[] {1, 2, 3}, "image/png");
        blobs.put(batchId + "/output/old.png", new byte[] {4, 5}, "image/png");

        producer.sendBody("direct:expireBatches", null);

        assertThat(store.findBatch(batchId)).isEmpty();
        assertThat(storage.get(BlobId.of(bucket, batchId + "/input/old.png"))).isNull();
        assertThat(storage.get(BlobId.of(bucket, batchId + "/output/old.png"))).isNull();
    }

    @Test
    void anImageThatStoppedMovingIsSentAgainThroughPubSubAndItsBatchFinishes() throws Exception {
        String batchId = UUID.randomUUID().toString();
        byte[] png = TestImages.png(20, 10);
        blobs.put(batchId + "/input/stuck.png", png, "image/png");
        store.create(new Batch(batchId, "stuck@example.com", Instant.now().minus(Duration.ofHours(1)),
                BatchStatus.PROCESSING, 1, 0, 0, null, null), List.of(new ImageRecord(batchId, "1", 0,
                new StoredFile("stuck.png", "png", "image/png", png.length, 20, 10), List.of(), ImageStatus.QUEUED, 0,
                null, null, null, null)));

        producer.sendBody("direct:requeueStalledImages", null);

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(90));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(store.findImage(batchId, "1").orElseThrow().requeues()).isEqualTo(1);
        awaitMails(batchId, 1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopic() {
        String poison = "{ not json " + UUID.randomUUID();
        producer.sendBody("{{imageflow.channel.image-results}}", poison);

        ConsumerTemplate consumer = camel.createConsumerTemplate();
        String deadLetters = "google-pubsub:" + PROJECT + ":{{imageflow.channels.dead-letter.subscription}}";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            byte[] letter = consumer.receiveBody(deadLetters, 5_000, byte[].class);
            return letter != null && new String(letter).equals(poison);
        });
    }

    @Test
    void aFailureThatMayPassIsRetriedByPubSubAndRecordsItsDeliveryAttempts() {
        String batchId = UUID.randomUUID().toString();
        store.create(new Batch(batchId, "retry@example.com", Instant.now(), BatchStatus.ACCEPTED, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("gone.png", "png", "image/png", 10, 2, 2),
                        List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));
        producer.sendBody("{{imageflow.channel.batch-accepted}}", "{\"batchId\": \"" + batchId + "\"}");

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(120));
        JsonNode image = batch.at("/images/0");
        assertThat(image.get("status").asText()).isEqualTo("FAILED");
        assertThat(image.get("error").asText()).contains("gone.png");
        assertThat(image.get("attempts").asInt()).as("Pub/Sub's delivery attempt of the last delivery")
                .isEqualTo(maxAttempts);
    }

    private void awaitMails(String batchId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsMentioning(batchId).size() >= count);
    }

    private List<LocalMailServer.ReceivedMail> mailsMentioning(String batchId) throws Exception {
        return mail.receivedMail().stream().filter(m -> m.text().contains(batchId)).toList();
    }
}
