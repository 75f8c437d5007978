package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.Corpus;
import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while a batch is in flight, start again on the same data: it finishes, counted once, mailed once. */
class KillAndRestartIT {

    private static final List<String> PHOTOS = List.of("01_Kleiber_by_Lukas_Baubkus.jpg", "03_Dragonfly_by_Bolly.jpg",
            "07_picosdeeuropa_by_Aitzol_Berasategi.jpg", "09_aitzgorri_by_Aitzol_Berasategi.jpg",
            "05_Bridge_by_Sander_Klootwijk.jpg", "11_analogpattern_by_Peter_Nerlich.jpg");

    @TempDir
    Path temp;

    @Test
    void aBatchInFlightWhenTheProcessIsKilledFinishesAfterRestart() {
        Path data = temp.resolve("data");
        String batchId;
        try (RunningJar first = RunningJar.start(data, "--imageflow.processing.concurrency=1")) {
            // heavy operations on large photographs, one at a time, so the kill lands mid-batch
            var accepted = first.api().upload("/api/v1/batches", """
                    {"email": "restart@example.com", "operations": [
                      {"type": "blur", "radius": 12}, {"type": "sharpen", "amount": 2}, {"type": "format", "format": "png"}]}""",
                    Stream.of(PHOTOS.toArray(String[]::new)).map(Corpus::photo).map(Part::of).toList());
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
            batchId = accepted.json().get("batchId").asText();
            String path = "/api/v1/batches/" + batchId;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> first.api().getJson(path).json().get("doneCount").asInt() >= 1);
            JsonNode beforeKill = first.api().getJson(path).json();
            assertThat(beforeKill.get("doneCount").asInt()).as("the kill must land mid-batch").isLessThan(PHOTOS.size());

            first.kill();
        }

        try (RunningJar second = RunningJar.start(data)) {
            JsonNode batch = second.api().awaitFinished(batchId, Duration.ofMinutes(5));
            assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(batch.get("doneCount").asInt()).isEqualTo(PHOTOS.size());
            assertThat(batch.get("failedCount").asInt()).isZero();
            assertThat(batch.get("images").findValuesAsText("status")).containsOnly("DONE");

            await().atMost(Duration.ofSeconds(30)).until(() -> mailsFor(second, batchId).size() >= 1);
            assertThat(mailsFor(second, batchId)).hasSize(1);
            assertThat(second.api().getJson("/api/v1/batches/" + batchId).json().get("notifiedAt").isNull()).isFalse();
        }
    }

    private static List<JsonNode> mailsFor(RunningJar jar, String batchId) {
        JsonNode mail = jar.mailbox().getJson("/local/mail").json();
        return Stream.of(mail).flatMap(all -> java.util.stream.StreamSupport.stream(all.spliterator(), false))
                .filter(message -> message.get("text").asText().contains(batchId)).toList();
    }
}
