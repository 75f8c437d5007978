package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.local.LocalMailServer;
import io.imageflow.storage.BlobStore;
import io.imageflow.support.AboutBatch;
import io.imageflow.support.ApiClient;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.FreePorts;
import io.imageflow.support.MailedOnce;
import io.imageflow.support.PipelineQuiet;
import io.imageflow.support.TestImages;
import jakarta.mail.MessagingException;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The recovery sweep on its own timer (every half second here, for batches stuck two seconds), with no
 * test calling it: a batch never announced gets processed, and a mail outage ends in one email. Its own
 * application context (own ports and data), since the other tests run the product's timer settings.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RecoveryTimerTest {

    private static final Path DATA_DIR = tempDir();
    private static final int HTTP_PORT = FreePorts.next();
    private static final int SMTP_PORT = FreePorts.next();
    private static final int IMAP_PORT = FreePorts.next();
    private static final int MAILBOX_PORT = FreePorts.next();

    @DynamicPropertySource
    static void shortRecoveryTimer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("imageflow.data-dir", DATA_DIR::toString);
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("imageflow.mail.imap-port", () -> IMAP_PORT);
        registry.add("imageflow.mail.mailbox-port", () -> MAILBOX_PORT);
        registry.add("imageflow.processing.retry-delay", () -> "50ms");
        registry.add("imageflow.recovery.check-every", () -> "500ms");
        registry.add("imageflow.recovery.announce-after", () -> "2s");
        // the mail outage's notification tried again sooner than a deployment's 10 s
        registry.add("imageflow.channels.email-notification.min-backoff", () -> "500ms");
    }

    @Autowired
    BatchStore store;
    @Autowired
    BlobStore blobs;
    @Autowired
    LocalMailServer mail;
    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;

    private final ApiClient api = new ApiClient("http://localhost:" + HTTP_PORT);

    @Test
    void aBatchKeptButNeverAnnouncedIsFoundByTheTimerAndFinishes() throws Exception {
        String batchId = UUID.randomUUID().toString();
        byte[] png = TestImages.png(20, 10);
        blobs.put(BlobKeys.input(batchId, "kept.png"), new ByteArrayInputStream(png), "image/png");
        store.create(new Batch(batchId, "kept@example.com", Instant.now().minus(Duration.ofMinutes(1)),
                        BatchStatus.ACCEPTED, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("kept.png", "png", "image/png", png.length, 20, 10),
                        List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));

        JsonNode batch = api.awaitFinished(batchId, Duration.ofSeconds(60));

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(1);
        MailedOnce.about(batchId, this::mailsAbout, this::awaitQuiet, Duration.ofSeconds(30));
    }

    @Test
    void aMailOutageEndsInOneEmailOnceTheMailServerIsBack() throws Exception {
        mail.stop();
        String batchId;
        try {
            var accepted = api.upload("/api/v1/batches", "{\"email\": \"outage@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}",
                    List.of(new Part("a.png", TestImages.png(16, 16))));
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
            batchId = accepted.json().get("batchId").asText();
            NotifyBuilder refused = new NotifyBuilder(camel)
                    .fromRoute("send-completion-email").filter(AboutBatch.of(batchId)).whenFailed(2).create();

            assertThat(api.awaitFinished(batchId, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("COMPLETED");
            // the notification fails, and fails again when it comes back (redelivered, or sent again by the timer)
            assertThat(refused.matches(30, TimeUnit.SECONDS)).as("the notifier tried and failed twice").isTrue();
            assertThat(store.findBatch(batchId).orElseThrow().notifiedAt()).isNull();
        } finally {
            mail.start();
        }

        assertThat(MailedOnce.about(batchId, this::mailsAbout, this::awaitQuiet, Duration.ofSeconds(60)).to())
                .containsExactly("outage@example.com");
        assertThat(store.findBatch(batchId).orElseThrow().notifiedAt()).isNotNull();
    }

    private void awaitQuiet() {
        PipelineQuiet.await(PipelineQuiet.inThisJvm(broker.getActiveMQServer(), camel), Duration.ofSeconds(60));
    }

    private List<LocalMailServer.ReceivedMail> mailsAbout(String batchId) throws MessagingException, IOException {
        return mail.receivedMail().stream().filter(received -> received.text().contains(batchId)).toList();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("imageflow-recovery-test-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
