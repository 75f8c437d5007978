package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.TestImages;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill-and-restart test's cousin: an OutOfMemoryError ends the process (-XX:+ExitOnOutOfMemoryError, as
 * the README starts it) instead of leaving it half alive; after a restart the queue redelivers and the batch
 * completes. The error is provoked on purpose: a heap too small for the pure-Java engine, and a memory budget
 * set far above it, so that the guard which would refuse the image lets it through.
 */
class OutOfMemoryRestartIT {

    /** Two 24-megapixel images (about 100 MB each once decoded, more once rotated) and a photograph. */
    private static final List<Part> IMAGES = List.of(new Part("large-1.jpg", TestImages.largeJpeg(6000, 4000)),
            new Part("large-2.jpg", TestImages.largeJpeg(6000, 4000)), TestPhotos.part(TestPhotos.PORTRAIT, "portrait.jpg"));

    @TempDir
    Path temp;

    @Test
    void anOutOfMemoryErrorEndsTheProcessAndARestartCompletesTheBatch() {
        Path data = temp.resolve("data");
        String batchId;
        RunningJar starved = RunningJar.start(data, List.of("-Xmx160m"), "--imageflow.processing.engine=java",
                "--imageflow.processing.memory-budget=64GB", "--imageflow.processing.concurrency=2");
        try (starved) {
            var accepted = starved.api().upload("/api/v1/batches", """
                    {"email": "oom@example.com", "operations": [{"type": "rotate", "degrees": 30}, {"type": "blur", "radius": 4}]}""",
                    IMAGES);
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
            batchId = accepted.json().get("batchId").asText();

            int exit = starved.awaitExit(Duration.ofMinutes(3));

            assertThat(exit).as("the JVM's exit code on -XX:+ExitOnOutOfMemoryError").isEqualTo(3);
            assertThat(starved.log()).contains("Terminating due to java.lang.OutOfMemoryError");
        }

        try (RunningJar restarted = RunningJar.start(data)) {
            JsonNode batch = restarted.api().awaitFinished(batchId, Duration.ofMinutes(5));
            assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(batch.get("doneCount").asInt()).isEqualTo(IMAGES.size());
            assertThat(batch.get("images").findValuesAsText("status")).containsOnly("DONE");
        }
    }
}
