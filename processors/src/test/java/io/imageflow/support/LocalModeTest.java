package io.imageflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.imageflow.local.LocalMailServer;
import io.imageflow.local.LocalMailServer.ReceivedMail;
import jakarta.mail.MessagingException;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole product in local mode on a random port, with its own data directory and mail ports.
 * Test classes extending this share one application context.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class LocalModeTest {

    protected static final Path DATA_DIR = tempDir();
    protected static final String ALLOWED_ORIGIN = "https://app.example.test";
    /** A known port rather than a random one, so the public URL in links and emails is right. */
    private static final int HTTP_PORT = FreePorts.next();
    private static final int SMTP_PORT = FreePorts.next();
    private static final int IMAP_PORT = FreePorts.next();
    private static final int MAILBOX_PORT = FreePorts.next();
    protected static final int MANAGEMENT_PORT = FreePorts.next();

    @Autowired
    private EmbeddedActiveMQ broker;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private LocalMailServer localMail;

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
        registry.add("imageflow.data-dir", DATA_DIR::toString);
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("imageflow.mail.imap-port", () -> IMAP_PORT);
        registry.add("imageflow.mail.mailbox-port", () -> MAILBOX_PORT);
        registry.add("imageflow.processing.retry-delay", () -> "50ms");
        registry.add("imageflow.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        // the tests sharing this context upload far more often from one address than a person does
        registry.add("imageflow.limits.batches-per-minute", () -> 10_000);
    }

    protected ApiClient api() {
        return new ApiClient("http://localhost:" + HTTP_PORT);
    }

    /** Until no message waits on any channel and no exchange is in flight (see {@link PipelineQuiet}). */
    protected void awaitPipelineQuiet() {
        PipelineQuiet.await(PipelineQuiet.inThisJvm(broker.getActiveMQServer(), camelContext), Duration.ofSeconds(60));
    }

    /** Messages waiting on a queue of the embedded broker (for instance the dead-letter queue). */
    protected long messagesOn(String queue) {
        return broker.getActiveMQServer().locateQueue(queue).getMessageCount();
    }

    /** The mail the embedded SMTP server received about the batch. */
    protected List<ReceivedMail> mailsAbout(String batchId) {
        try {
            return localMail.receivedMail().stream().filter(mail -> mail.text().contains(batchId)).toList();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one email about the batch, counted once nothing is left to happen (a late duplicate would show). */
    protected ReceivedMail onlyMailAbout(String batchId) {
        // the batch is marked COMPLETED before its email goes out
        ReceivedMail mail = MailedOnce.about(batchId, this::mailsAbout, this::awaitPipelineQuiet, Duration.ofSeconds(30));
        assertThat(api().getJson("/api/v1/batches/" + batchId).json().get("notifiedAt").isNull()).isFalse();
        return mail;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("imageflow-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
