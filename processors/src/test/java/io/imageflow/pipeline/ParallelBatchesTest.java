package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient.Answer;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestPhotos;
import org.junit.jupiter.api.Test;

/** Several clients upload at the same moment: every batch is counted exactly and mailed once, to its own owner. */
class ParallelBatchesTest extends LocalModeTest {

    private static final int CLIENTS = 4;
    private static final List<String> PHOTOS = List.of(TestPhotos.LANDSCAPE_PROGRESSIVE, TestPhotos.LANDSCAPE_BASELINE,
            TestPhotos.PORTRAIT);

    @Test
    void batchesUploadedAtOnceAreEachCountedExactlyAndMailedOnceToTheirOwner() {
        List<Answer> accepted;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            accepted = IntStream.range(0, CLIENTS).mapToObj(client -> CompletableFuture.supplyAsync(() -> api().upload(
                    "/api/v1/batches",
                    "{\"email\": \"client" + client + "@example.com\", \"operations\": [{\"type\": \"resize\", \"width\": 200}]}",
                    PHOTOS.stream().map(photo -> TestPhotos.part(photo, "client" + client + "-" + photo)).toList()), clients))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
        accepted.forEach(answer -> assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(202));
        List<String> batchIds = accepted.stream().map(answer -> answer.json().get("batchId").asText()).toList();
        assertThat(batchIds).doesNotHaveDuplicates();

        batchIds.forEach(batchId -> api().awaitFinished(batchId, Duration.ofSeconds(120)));
        awaitPipelineQuiet();

        for (int client = 0; client < CLIENTS; client++) {
            String batchId = batchIds.get(client);
            JsonNode batch = api().getJson("/api/v1/batches/" + batchId).json();
            assertThat(batch.get("status").asText()).as(batchId).isEqualTo("COMPLETED");
            assertThat(batch.get("imageCount").asInt()).as(batchId).isEqualTo(PHOTOS.size());
            assertThat(batch.get("doneCount").asInt()).as(batchId).isEqualTo(PHOTOS.size());
            assertThat(batch.get("failedCount").asInt()).as(batchId).isZero();
            String owner = "client" + client + "@example.com";
            String prefix = "client" + client + "-";
            assertThat(batch.get("images").findValuesAsText("name")).allMatch(name -> name.startsWith(prefix));
            assertThat(batch.get("images").findValuesAsText("status")).containsOnly("DONE");
            assertThat(mailsAbout(batchId)).as("mails about %s", batchId).singleElement()
                    .satisfies(mail -> assertThat(mail.to()).containsExactly(owner));
        }
    }
}
