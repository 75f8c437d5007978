package io.imageflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient;
import io.imageflow.support.FreePorts;
import io.imageflow.support.TestImages;
import io.imageflow.web.RawHttp.Multipart;
import io.imageflow.web.RawHttp.Response;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gate in front of uploads, in a deployment's settings: API keys on, three uploads per client and minute,
 * 1 MB in flight per client, and a free-space floor 2 GB under what the disk has now. Each client is another
 * loopback address (127.0.0.N), so the tests do not share an allowance.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class GuardedUploadsTest {

    private static final Path DATA_DIR = tempDir();
    private static final int PORT = FreePorts.next();
    private static final int SMTP_PORT = FreePorts.next();
    private static final int IMAP_PORT = FreePorts.next();
    private static final int MAILBOX_PORT = FreePorts.next();
    private static final String KEY = "test-key-7f3a";
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String METADATA = "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}";

    @Autowired
    private FilterRegistrationBean<UploadGate> gate;

    @DynamicPropertySource
    static void deployment(DynamicPropertyRegistry registry) throws IOException {
        registry.add("server.port", () -> PORT);
        registry.add("imageflow.data-dir", DATA_DIR::toString);
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("imageflow.mail.imap-port", () -> IMAP_PORT);
        registry.add("imageflow.mail.mailbox-port", () -> MAILBOX_PORT);
        registry.add("imageflow.processing.retry-delay", () -> "50ms");
        registry.add("imageflow.security.api-keys", () -> "another-key," + KEY);
        registry.add("imageflow.limits.batches-per-minute", () -> 3);
        registry.add("imageflow.limits.bytes-in-flight", () -> "1MB");
        long usable = Files.getFileStore(DATA_DIR).getUsableSpace();
        registry.add("imageflow.limits.min-free-space", () -> Math.max(1 << 20, usable - (2L << 30)) + "B");
    }

    @Test
    void uploadsNeedAnApiKeyWhenTheServerHasSome() {
        Response none = timed(() -> upload("127.0.0.2", Map.of(), small()));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("missing_api_key");
        assertThat(none.header("WWW-Authenticate")).contains("X-API-Key");

        Response wrong = timed(() -> upload("127.0.0.2", Map.of("X-API-Key", KEY + "x"), small()));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_api_key");

        assertCompletes(upload("127.0.0.2", Map.of("X-API-Key", KEY), small()));
        assertThat(new ApiClient("http://localhost:" + PORT).get("/api/v1/operations").statusCode())
                .as("reading needs no key: the email's link must open").isEqualTo(200);
    }

    @Test
    void aClientOverItsUploadsPerMinuteIsToldWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            assertThat(upload("127.0.0.3", withKey(), small()).status()).isEqualTo(202);
        }
        Response fourth = timed(() -> upload("127.0.0.3", withKey(), small()));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("error").asText()).isEqualTo("too_many_batches");
        assertThat(Integer.parseInt(fourth.header("Retry-After"))).isBetween(1, 60);

        assertCompletes(upload("127.0.0.4", withKey(), small()));
    }

    @Test
    void aClientCannotHaveMoreBytesInFlightThanItsLimit() {
        Multipart large = Multipart.of(METADATA, Map.of("noise.png", NoiseImages.png(450, 450)));
        byte[] body = large.bytes();
        assertThat(body.length).isBetween(600_000, 1_000_000);
        try (RawHttp first = RawHttp.connect("127.0.0.5", PORT)) {
            first.sendHead("POST", "/api/v1/batches", withKey(), large.contentType(), body.length);
            first.send(Arrays.copyOf(body, body.length / 2));
            // the first upload holds its bytes once the gate has let it in: only then is the second one over
            await().atMost(BOUND).until(() -> gate.getFilter().bytesInFlight("127.0.0.5") == body.length);

            Response second = timed(() -> RawHttp.upload("127.0.0.5", PORT, "/api/v1/batches", withKey(), large));
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.json().get("error").asText()).isEqualTo("too_many_bytes_in_flight");
            assertThat(second.header("Retry-After")).isNotBlank();

            first.send(Arrays.copyOfRange(body, body.length / 2, body.length));
            assertCompletes(first.readResponse());
        }
        assertCompletes(RawHttp.upload("127.0.0.5", PORT, "/api/v1/batches", withKey(), large));
    }

    @Test
    void anUploadThatWouldFillTheDiskIsRefusedBeforeItIsRead() throws IOException {
        long batchesBefore = batchDirectories();
        Response refused = timed(() -> {
            try (RawHttp http = RawHttp.connect("127.0.0.6", PORT)) {
                http.sendHead("POST", "/api/v1/batches", withKey(), "multipart/form-data; boundary=x", 1L << 40);
                return http.readResponse();
            }
        });
        assertThat(refused.status()).isEqualTo(507);
        assertThat(refused.json().get("error").asText()).isEqualTo("insufficient_storage");
        assertThat(batchDirectories()).as("nothing kept").isEqualTo(batchesBefore);

        assertCompletes(upload("127.0.0.6", withKey(), small()));
    }

    private static Map<String, String> withKey() {
        return Map.of("X-API-Key", KEY);
    }

    private static Multipart small() {
        return Multipart.of(METADATA, Map.of("a.png", TestImages.png(8, 8)));
    }

    private static Response upload(String from, Map<String, String> headers, Multipart body) {
        return RawHttp.upload(from, PORT, "/api/v1/batches", headers, body);
    }

    private static void assertCompletes(Response accepted) {
        assertThat(accepted.status()).as(new String(accepted.body())).isEqualTo(202);
        JsonNode batch = new ApiClient("http://localhost:" + PORT)
                .awaitFinished(accepted.json().get("batchId").asText(), Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
    }

    private static long batchDirectories() throws IOException {
        Path blobs = DATA_DIR.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (Stream<Path> batches = Files.list(blobs)) {
            return batches.count();
        }
    }

    private static <T> T timed(Supplier<T> request) {
        long start = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within %s", BOUND).isLessThan(BOUND);
        return answer;
    }


    private static Path tempDir() {
        try {
            return Files.createTempDirectory("imageflow-guarded-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
