package io.imageflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole product in gcp mode in one JVM: Pub/Sub and Firestore on Google's emulators (skipped, saying
 * which is missing, where they cannot be had), Cloud Storage on Google's in-process fake, and the embedded
 * mail server to read the email. Test classes extending this share one application context.
 */
@CamelSpringBootTest
@ActiveProfiles("gcp")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"imageflow.mail.embedded=true", "imageflow.pubsub.auto-create=true",
                "camel.component.google-pubsub.authenticate=false",
                // redeliveries a second apart, not the production subscriptions' 10-30 s
                "imageflow.channels.image-tasks.min-backoff=1s", "imageflow.channels.image-tasks.max-backoff=2s",
                "imageflow.channels.email-notification.min-backoff=1s",
                "imageflow.channels.email-notification.max-backoff=2s"})
@Import(GcpModeTest.InProcessStorage.class)
public abstract class GcpModeTest {

    /** A project of its own on the emulators, so topics, subscriptions and documents start empty. */
    protected static final String PROJECT = "imageflow-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int HTTP_PORT = FreePorts.next();
    private static final int SMTP_PORT = FreePorts.next();
    private static final int IMAP_PORT = FreePorts.next();
    private static String pubsub;
    private static String firestore;

    /** Before the context: a missing emulator skips the class here rather than failing its start. */
    @BeforeAll
    static void emulators() {
        pubsub = GoogleEmulators.pubsub();
        firestore = GoogleEmulators.firestore();
    }

    @DynamicPropertySource
    static void gcpMode(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("imageflow.data-dir", () -> tempDir().toString());
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("imageflow.mail.imap-port", () -> IMAP_PORT);
        registry.add("imageflow.gcp.project-id", () -> PROJECT);
        registry.add("camel.component.google-pubsub.endpoint", () -> pubsub);
        registry.add("imageflow.gcp.firestore-emulator-host", () -> firestore);
    }

    protected ApiClient api() {
        return new ApiClient("http://localhost:" + HTTP_PORT);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InProcessStorage {

        @Bean
        Storage storageClient() {
            return LocalStorageHelper.getOptions().getService();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("imageflow-gcp-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
