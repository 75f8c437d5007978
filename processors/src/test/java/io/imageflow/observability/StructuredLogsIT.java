package io.imageflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.support.ApiClient;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With JSON logs switched on, every line is JSON, and each line about a batch or image names them in fields. */
class StructuredLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMAGE = Pattern.compile("Image (?:(\\d+) of batch |[0-9a-f-]{36}/(\\d+) )");

    @TempDir
    Path temp;

    @Test
    void linesAboutABatchAndItsImagesCarryTheirIds() throws Exception {
        byte[] photo = TestPhotos.bytes(TestPhotos.PORTRAIT);
        String batchId;
        String log;
        try (RunningJar jar = RunningJar.start(temp.resolve("data"), "--logging.structured.format.console=ecs")) {
            ApiClient.Answer accepted = jar.api().upload("/api/v1/batches",
                    "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}",
                    List.of(new Part("whole.jpg", photo), new Part("broken.jpg", Arrays.copyOf(photo, photo.length / 3))));
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
            batchId = accepted.json().path("batchId").asText();
            jar.api().awaitFinished(batchId, Duration.ofSeconds(90));
            log = jar.log();
        }

        List<JsonNode> aboutTheBatch = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as("a JSON line: %s", line).isTrue();
            assertThat(entry.path("severity").asText()).as("Cloud Logging's severity: %s", line)
                    .isIn("DEBUG", "INFO", "WARNING", "ERROR");
            if ("WARN".equals(entry.path("log").path("level").asText(entry.path("log.level").asText()))) {
                assertThat(entry.path("severity").asText()).isEqualTo("WARNING");
            }
            if (entry.path("message").asText().contains(batchId)) {
                aboutTheBatch.add(entry);
            }
        }

        assertThat(aboutTheBatch).as(log).hasSizeGreaterThanOrEqualTo(4);
        for (JsonNode entry : aboutTheBatch) {
            assertThat(entry.path("batchId").asText()).as(entry.toString()).isEqualTo(batchId);
            Matcher image = IMAGE.matcher(entry.path("message").asText());
            if (image.find()) {
                String imageId = image.group(1) != null ? image.group(1) : image.group(2);
                assertThat(entry.path("imageId").asText()).as(entry.toString()).isEqualTo(imageId);
            }
        }
        assertThat(aboutTheBatch).as("the broken image's lines, from the processor and the manager")
                .filteredOn(entry -> entry.path("imageId").asText().equals("2"))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
