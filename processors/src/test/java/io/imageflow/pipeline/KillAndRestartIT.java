package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.MailedOnce;
import io.imageflow.support.PipelineQuiet;
import io.imageflow.support.RunningJar;
import io.imageflow.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while a batch is in flight, start again on the same data: it finishes, counted once, mailed once. */
class KillAndRestartIT {

    private static final List<String> PHOTOS = List.of(TestPhotos.LANDSCAPE_PROGRESSIVE, TestPhotos.LANDSCAPE_BASELINE,
            TestPhotos.PORTRAIT, TestPhotos.ON_ITS_SIDE);
    private static final int IMAGES = 8;

    @TempDir
    Path temp;

    @Test
    void aBatchInFlightWhenTheProcessIsKilledFinishesAfterRestart() {
        Path data = temp.resolve("data");
        String batchId;
        try (RunningJar first = RunningJar.start(data, "--imageflow.processing.concurrency=1")) {
            // enlarged to several megapixels and heavily worked on, one at a time, so that the kill lands mid-batch
            List<Part> photos = IntStream.range(0, IMAGES)
                    .mapToObj(i -> TestPhotos.part(PHOTOS.get(i % PHOTOS.size()), "photo-" + i + ".jpg")).toList();
            var accepted = first.api().upload("/api/v1/batches", """
                    {"email": "restart@example.com", "operations": [
                      {"type": "resize", "width": 2400, "height": 2400, "enlarge": true},
                      {"type": "blur", "radius": 12}, {"type": "sharpen", "amount": 2}, {"type": "format", "format": "png"}]}""",
                    photos);
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
            batchId = accepted.json().get("batchId").asText();
            String path = "/api/v1/batches/" + batchId;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> first.api().getJson(path).json().get("doneCount").asInt() >= 1);

            JsonNode beforeKill = first.api().getJson(path).json();
            assertThat(beforeKill.get("doneCount").asInt()).as("the kill must land mid-batch").isLessThan(IMAGES);

            first.kill();
        }

        try (RunningJar second = RunningJar.start(data)) {
            JsonNode batch = second.api().awaitFinished(batchId, Duration.ofMinutes(5));
            assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(batch.get("doneCount").asInt()).isEqualTo(IMAGES);
            assertThat(batch.get("failedCount").asInt()).isZero();
            assertThat(batch.get("images").findValuesAsText("status")).hasSize(IMAGES).containsOnly("DONE");
            for (JsonNode image : batch.get("images")) {
                var result = second.api().get(image.at("/result/url").asText());
                assertThat(result.statusCode()).as(image.get("name").asText()).isEqualTo(200);
                assertThat(result.body().length).as(image.get("name").asText()).isEqualTo(image.at("/result/bytes").asInt());
            }

            // messages from before the kill are redelivered now: count the mail once none is left
            MailedOnce.about(batchId, id -> mailsAbout(second, id),
                    () -> PipelineQuiet.awaitProcess(second.pid(), Duration.ofSeconds(60)), Duration.ofSeconds(30));
            assertThat(second.api().getJson("/api/v1/batches/" + batchId).json().get("notifiedAt").isNull()).isFalse();
        }
    }

    private static List<JsonNode> mailsAbout(RunningJar jar, String batchId) {
        JsonNode mail = jar.mailbox().getJson("/local/mail").json();
        return StreamSupport.stream(mail.spliterator(), false)
                .filter(message -> message.get("text").asText().contains(batchId)).toList();
    }
}
