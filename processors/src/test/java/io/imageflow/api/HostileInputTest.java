package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient.Answer;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's crafted requests, made here at test time: each is answered with the right refusal within a
 * generous bound, and the service still completes a normal batch afterwards.
 */
class HostileInputTest extends LocalModeTest {

    /** Generous: each refusal below takes milliseconds; before the fixes they took seconds to minutes. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final List<Part> ONE_IMAGE = List.of(new Part("a.png", TestImages.png(8, 8)));

    @AfterEach
    void aNormalBatchStillCompletes() {
        Answer accepted = api().upload("/api/v1/batches",
                "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}", ONE_IMAGE);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode batch = api().awaitFinished(accepted.json().get("batchId").asText(), Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aLongNumberInTextIsRefusedAtOnce() {
        // finding 1: 64,000 digits and an "x" cost 27 s of CPU in a backtracking pattern
        Answer huge = timed(() -> api().upload("/api/v1/batches", rotateBy("1".repeat(64_000) + "x"), ONE_IMAGE));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("error").asText()).isEqualTo("invalid_metadata");
        assertThat(huge.json().get("message").asText()).contains("exceeds the maximum allowed (4096");

        // under the JSON text limit, the parameter's own limit refuses it before reading it
        Answer long4k = timed(() -> api().upload("/api/v1/batches", rotateBy("1".repeat(4_000) + "x"), ONE_IMAGE));
        assertThat(long4k.status()).isEqualTo(400);
        assertThat(long4k.json().get("error").asText()).isEqualTo("invalid_operations");
        assertThat(long4k.json().at("/details/0/message").asText()).contains("degrees", "(4001 characters)").hasSizeLessThan(400);
    }

    @Test
    void aLongSeedSizeIsRefusedAtOnce() {
        String size = " ".repeat(3_000) + "1".repeat(1_000) + "y";
        Answer answer = timed(() -> api().upload("/upload-images", "{\"email\": \"ada@example.com\", \"imagesMetadata\": "
                + "[{\"image_name\": \"a.png\", \"filters\": [{\"filter_type\": \"resize\", \"filter_value\": \"" + size + "\"}]}]}",
                ONE_IMAGE));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/details/0/message").asText()).contains("filter_value must be a size");
    }

    @Test
    void eighteenThousandUnmatchedEntriesAreRefusedUnread() {
        // finding 2: 18,000 entries naming no file, 50 files with 3,000-character names: 500 and +850 MB
        String entries = String.join(",", java.util.Collections.nCopies(18_000, "{\"name\":\"x\"}"));
        String metadata = "{\"email\": \"ada@example.com\", \"images\": [" + entries + "]}";
        assertThat(metadata.length()).isBetween(200_000, 256 * 1024);
        Answer answer = timed(() -> api().upload("/api/v1/batches", metadata, fiftyFilesWithLongNames()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains("18000 entries", "at most 50");
    }

    @Test
    void fiftyUnmatchedEntriesGiveFiftyShortProblems() {
        String entries = IntStream.range(0, 50).mapToObj(i -> "{\"name\":\"" + "n".repeat(3_000) + i + "\"}")
                .collect(Collectors.joining(","));
        Answer answer = timed(() -> api().upload("/api/v1/batches",
                "{\"email\": \"ada@example.com\", \"images\": [" + entries + "]}", fiftyFilesWithLongNames()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_operations");
        JsonNode details = answer.json().get("details");
        assertThat(details.size()).isBetween(50, 51);
        details.forEach(detail -> assertThat(detail.toString()).hasSizeLessThan(700));
    }

    @Test
    void anEmailWithALineBreakIsRefused() {
        // finding 4: a quoted local part holding CR LF was accepted and went into To: and the envelope
        Answer answer = timed(() -> api().upload("/api/v1/batches",
                "{\"email\": \"\\\"a\\r\\n RCPT TO:<x@evil.test>\\\"@example.com\"}", ONE_IMAGE));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_email");
    }

    @Test
    void deepNestingManyOperationsAndManyKeysAreRefusedAtOnce() {
        Answer deep = timed(() -> api().upload("/api/v1/batches",
                "{\"email\": \"ada@example.com\", \"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", ONE_IMAGE));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().get("message").asText()).contains("nesting depth");

        String operations = IntStream.range(0, 10_000).mapToObj(i -> "{\"type\":\"blur\"}").collect(Collectors.joining(","));
        Answer many = timed(() -> api().upload("/api/v1/batches",
                "{\"email\": \"ada@example.com\", \"operations\": [" + operations + "]}", ONE_IMAGE));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("details")).hasSize(1);

        String keys = IntStream.range(0, 10_000).mapToObj(i -> "\"k" + i + "\": " + i).collect(Collectors.joining(","));
        Answer wide = timed(() -> api().upload("/api/v1/batches",
                "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"blur\", " + keys + "}]}", ONE_IMAGE));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.json().get("details").size()).isLessThanOrEqualTo(51);
        assertThat(new String(wide.json().toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).hasSizeLessThan(40_000);
    }

    private static String rotateBy(String degrees) {
        return "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"rotate\", \"degrees\": \"" + degrees + "\"}]}";
    }

    private static List<Part> fiftyFilesWithLongNames() {
        byte[] png = TestImages.png(4, 4);
        List<Part> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            files.add(new Part(i + "-" + "f".repeat(3_000) + ".png", png));
        }
        return files;
    }

    private static <T> T timed(Supplier<T> request) {
        long start = System.nanoTime();
        T answer = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answered within %s", BOUND).isLessThan(BOUND);
        return answer;
    }
}
