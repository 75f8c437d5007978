package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.local.LocalMailServer;
import io.imageflow.local.LocalMailServer.ReceivedMail;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.Corpus;
import io.imageflow.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Real photographs through the whole local pipeline: upload → queue → transform → status → email → retrieve. */
class PipelineEndToEndTest extends LocalModeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    LocalMailServer mail;

    @Test
    void processesABatchThroughTheApiAndMailsItsOwnerOnce() throws Exception {
        String metadata = """
                {"email": "ada@example.com", "images": [
                  {"name": "15_flowers.jpg", "operations": [{"type": "resize", "width": 800}, {"type": "format", "format": "png"}]},
                  {"name": "17_butterfly.jpg", "operations": [{"type": "rotate", "degrees": 90}, {"type": "grayscale"}]},
                  {"name": "29_LadyBird.jpg", "operations": [{"type": "crop", "aspect": "1:1"}, {"type": "resize", "width": 300, "height": 300}]}
                ]}""";
        var accepted = api().upload("/api/v1/batches", metadata, List.of(
                Part.of(Corpus.photo("15_flowers.jpg")),
                Part.of(Corpus.photo("17_butterfly.jpg")),
                Part.of(Corpus.photo("29_LadyBird.jpg"))));

        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();
        assertThat(accepted.json().get("statusUrl").asText()).isEqualTo("/api/v1/batches/" + batchId);
        assertThat(accepted.json().get("images")).hasSize(3);

        JsonNode batch = api().awaitFinished(batchId, PATIENCE);
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(3);
        Map<String, JsonNode> images = byName(batch);

        JsonNode flowers = images.get("15_flowers.jpg");
        BufferedImage flowersOriginal = decode(api().get(flowers.at("/original/url").asText()));
        BufferedImage flowersResult = assertResult(flowers, "png", "image/png");
        assertThat(flowersResult.getWidth()).isEqualTo(800);
        assertThat(flowersResult.getHeight()).isCloseTo(
                Math.round(800f * flowersOriginal.getHeight() / flowersOriginal.getWidth()), org.assertj.core.data.Offset.offset(1));

        JsonNode butterfly = images.get("17_butterfly.jpg");
        BufferedImage butterflyResult = assertResult(butterfly, "jpeg", "image/jpeg");
        assertThat(butterflyResult.getWidth()).isEqualTo(butterfly.at("/original/height").asInt());
        assertThat(butterflyResult.getHeight()).isEqualTo(butterfly.at("/original/width").asInt());

        BufferedImage ladybird = assertResult(images.get("29_LadyBird.jpg"), "jpeg", "image/jpeg");
        assertThat(ladybird.getWidth()).isEqualTo(300);
        assertThat(ladybird.getHeight()).isEqualTo(300);

        assertThat(zipEntries(batchId)).containsExactlyInAnyOrder("15_flowers.png", "17_butterfly.jpg", "29_LadyBird.jpg");
        assertThat(mailsFor(batchId)).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("ada@example.com");
            assertThat(email.subject()).contains("3 images are ready");
            assertThat(email.text()).contains("/batches/" + batchId);
        });
    }

    @Test
    void theSeedEndpointsKeepWorking() throws Exception {
        String metadata = """
                {"email": "grace@example.com", "imagesMetadata": [
                  {"image_name": "21_BytheWater.jpg", "filters": [{"filter_type": "blur", "filter_value": 3}]},
                  {"image_name": "19_Wood.jpg", "filters": [{"filter_type": "rotate", "filter_value": 180},
                                                            {"filter_type": "brightness", "filter_value": 1.3}]}
                ]}""";
        var accepted = api().upload("/upload-images", metadata, List.of(
                Part.of(Corpus.photo("21_BytheWater.jpg")), Part.of(Corpus.photo("19_Wood.jpg"))));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isBetween(200, 202);
        String batchId = accepted.json().get("batch_id").asText();

        api().awaitFinished(batchId, PATIENCE);

        JsonNode pairs = api().getJson("/get-processed-images?UUID=" + batchId).json();
        assertThat(pairs.get("batch_id").asText()).isEqualTo(batchId);
        assertThat(pairs.get("image_pairs")).hasSize(2);
        for (JsonNode pair : pairs.get("image_pairs")) {
            BufferedImage before = decode(api().get(pair.get("before_url").asText()));
            BufferedImage after = decode(api().get(pair.get("after_url").asText()));
            assertThat(after.getWidth()).isEqualTo(before.getWidth());
            assertThat(after.getHeight()).isEqualTo(before.getHeight());
        }
        JsonNode unprocessed = api().getJson("/get-images-by-status?batch_id=" + batchId + "&IsProcessed=false").json();
        assertThat(unprocessed.get("images")).isEmpty();
        JsonNode processed = api().getJson("/get-images-by-status?batch_id=" + batchId + "&IsProcessed=true").json();
        assertThat(processed.get("images")).hasSize(2);
        assertThat(mailsFor(batchId)).hasSize(1);
    }

    @Test
    void aCorruptImageFailsWithItsReasonWhileTheRestOfTheBatchCompletes() throws Exception {
        byte[] photo = java.nio.file.Files.readAllBytes(Corpus.photo("17_butterfly.jpg"));
        byte[] truncated = java.util.Arrays.copyOf(photo, photo.length / 3);
        var accepted = api().upload("/api/v1/batches",
                "{\"email\": \"lin@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}",
                List.of(new Part("whole.jpg", photo), new Part("truncated.jpg", truncated)));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();

        JsonNode batch = api().awaitFinished(batchId, PATIENCE);

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        JsonNode failed = byName(batch).get("truncated.jpg");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).as("a corrupt image is not retried: it cannot succeed").isEqualTo(1);
        assertThat(failed.get("error").asText()).isNotBlank();
        assertThat(byName(batch).get("whole.jpg").get("status").asText()).isEqualTo("DONE");
        assertThat(api().get(failed.get("original").get("url").asText().replace("original", "result")).statusCode())
                .isEqualTo(404);
        assertThat(mailsFor(batchId)).singleElement()
                .satisfies(email -> assertThat(email.text()).contains("truncated.jpg"));
    }

    private BufferedImage assertResult(JsonNode image, String format, String contentType) throws IOException {
        assertThat(image.get("status").asText()).isEqualTo("DONE");
        JsonNode result = image.get("result");
        assertThat(result.get("format").asText()).isEqualTo(format);
        HttpResponse<byte[]> download = api().get(result.get("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("private, max-age=86400");
        assertThat((long) download.body().length).isEqualTo(result.get("bytes").asLong());
        BufferedImage decoded = decode(download);
        assertThat(decoded.getWidth()).isEqualTo(result.get("width").asInt());
        assertThat(decoded.getHeight()).isEqualTo(result.get("height").asInt());
        return decoded;
    }

    private List<String> zipEntries(String batchId) throws IOException {
        HttpResponse<byte[]> zip = api().get("/api/v1/batches/" + batchId + "/results.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                assertThat(ImageIO.read(entries)).as(entry.getName()).isNotNull();
                names.add(entry.getName());
            }
        }
        return names;
    }

    private List<ReceivedMail> mailsFor(String batchId) throws Exception {
        // the batch is marked COMPLETED before its email goes out: wait for the notifier
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailsMentioning(batchId).isEmpty());
        return mailsMentioning(batchId);
    }

    private List<ReceivedMail> mailsMentioning(String batchId) throws Exception {
        return mail.receivedMail().stream().filter(m -> m.text().contains(batchId)).toList();
    }

    private static Map<String, JsonNode> byName(JsonNode batch) {
        Map<String, JsonNode> images = new HashMap<>();
        batch.get("images").forEach(image -> images.put(image.get("name").asText(), image));
        return images;
    }

    private static BufferedImage decode(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image).isNotNull();
        return image;
    }
}
