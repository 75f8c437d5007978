package io.imageflow.pipeline;

import static io.imageflow.support.TestPhotos.LANDSCAPE_BASELINE;
import static io.imageflow.support.TestPhotos.LANDSCAPE_PROGRESSIVE;
import static io.imageflow.support.TestPhotos.ON_ITS_SIDE;
import static io.imageflow.support.TestPhotos.PORTRAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.Pixels;
import io.imageflow.support.Pixels.Grid;
import io.imageflow.support.TestPhotos;
import org.junit.jupiter.api.Test;

/**
 * Real photographs through the whole local pipeline: upload → queue → transform → status → email → retrieve.
 * Results are judged by what they show (colour, brightness, detail, where things are), never by their exact
 * bytes, so any correct image engine passes.
 */
class PipelineEndToEndTest extends LocalModeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Cells of the brightness grid compared between an original and its result. */
    private static final int GRID = 16;
    /** The same scene in the same place correlates above this... */
    private static final double SAME_PLACE = 0.9;
    /** ...and the scene turned the wrong way (or not at all) below this. */
    private static final double ELSEWHERE = 0.5;

    @Test
    void processesABatchThroughTheApiAndMailsItsOwnerOnce() throws Exception {
        String metadata = """
                {"email": "ada@example.com", "images": [
                  {"name": "meadow.jpg", "operations": [{"type": "resize", "width": 800}, {"type": "format", "format": "png"}]},
                  {"name": "mountains.jpg", "operations": [{"type": "rotate", "degrees": 90}, {"type": "grayscale"}]},
                  {"name": "dragonfly.jpg", "operations": [{"type": "crop", "aspect": "1:1"}, {"type": "resize", "width": 300, "height": 300}]},
                  {"name": "dragonfly-blurred.jpg", "operations": [{"type": "blur", "radius": 4}]},
                  {"name": "meadow-brighter.jpg", "operations": [{"type": "brightness", "factor": 1.5}]},
                  {"name": "on-its-side.jpg", "operations": []}
                ]}""";
        var accepted = api().upload("/api/v1/batches", metadata, List.of(
                TestPhotos.part(LANDSCAPE_PROGRESSIVE, "meadow.jpg"),
                TestPhotos.part(LANDSCAPE_BASELINE, "mountains.jpg"),
                TestPhotos.part(PORTRAIT, "dragonfly.jpg"),
                TestPhotos.part(PORTRAIT, "dragonfly-blurred.jpg"),
                TestPhotos.part(LANDSCAPE_PROGRESSIVE, "meadow-brighter.jpg"),
                TestPhotos.part(ON_ITS_SIDE, "on-its-side.jpg")));

        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();
        assertThat(accepted.json().get("statusUrl").asText()).isEqualTo("/api/v1/batches/" + batchId);
        assertThat(accepted.json().get("images")).hasSize(6);

        JsonNode batch = api().awaitFinished(batchId, PATIENCE);
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(6);
        Map<String, JsonNode> images = byName(batch);

        JsonNode meadow = images.get("meadow.jpg");
        BufferedImage meadowOriginal = original(meadow);
        BufferedImage resized = assertResult(meadow, "png", "image/png");
        assertThat(resized.getWidth()).isEqualTo(800);
        assertThat(resized.getHeight()).isCloseTo(Math.round(800f * meadowOriginal.getHeight() / meadowOriginal.getWidth()), offset(1));
        assertThat(grid(resized).correlation(grid(meadowOriginal))).as("the resized meadow shows the meadow").isGreaterThan(SAME_PLACE);

        JsonNode mountains = images.get("mountains.jpg");
        BufferedImage mountainsOriginal = original(mountains);
        BufferedImage turnedGrey = assertResult(mountains, "jpeg", "image/jpeg");
        assertThat(turnedGrey.getWidth()).isEqualTo(mountainsOriginal.getHeight());
        assertThat(turnedGrey.getHeight()).isEqualTo(mountainsOriginal.getWidth());
        assertTurned(turnedGrey, grid(mountainsOriginal).rotatedClockwise(), grid(mountainsOriginal).rotatedAnticlockwise(),
                "rotate 90 turns clockwise");
        assertNoColourLeft(mountainsOriginal, turnedGrey);

        JsonNode dragonfly = images.get("dragonfly.jpg");
        BufferedImage dragonflyOriginal = original(dragonfly);
        BufferedImage square = assertResult(dragonfly, "jpeg", "image/jpeg");
        assertThat(square.getWidth()).isEqualTo(300);
        assertThat(square.getHeight()).isEqualTo(300);
        int side = dragonflyOriginal.getWidth();
        BufferedImage centre = dragonflyOriginal.getSubimage(0, (dragonflyOriginal.getHeight() - side) / 2, side, side);
        BufferedImage top = dragonflyOriginal.getSubimage(0, 0, side, side);
        assertThat(grid(square).correlation(grid(centre))).as("crop 1:1 keeps the centre").isGreaterThan(SAME_PLACE);
        assertThat(grid(square).correlation(grid(centre)))
                .as("the centre, not the top").isGreaterThan(grid(square).correlation(grid(top)) + 0.05);

        JsonNode blurred = images.get("dragonfly-blurred.jpg");
        BufferedImage soft = assertResult(blurred, "jpeg", "image/jpeg");
        assertLessDetailSameScene(dragonflyOriginal, soft);

        JsonNode brighter = images.get("meadow-brighter.jpg");
        BufferedImage bright = assertResult(brighter, "jpeg", "image/jpeg");
        assertBrighterSameScene(meadowOriginal, bright, 1.2);

        JsonNode onItsSide = images.get("on-its-side.jpg");
        assertThat(onItsSide.at("/original/width").asInt()).as("the original's upright size").isEqualTo(512);
        assertThat(onItsSide.at("/original/height").asInt()).isEqualTo(384);
        BufferedImage upright = assertResult(onItsSide, "jpeg", "image/jpeg");
        assertThat(upright.getWidth()).isEqualTo(512);
        assertThat(upright.getHeight()).isEqualTo(384);
        Grid landscape = grid(Pixels.decode(TestPhotos.bytes(LANDSCAPE_BASELINE)));
        assertTurned(upright, landscape, landscape.rotated180(), "EXIF orientation 6 is applied: the result stands upright");

        assertThat(zipEntries(batchId)).containsExactlyInAnyOrder("meadow.png", "mountains.jpg", "dragonfly.jpg",
                "dragonfly-blurred.jpg", "meadow-brighter.jpg", "on-its-side.jpg");
        assertThat(onlyMailAbout(batchId)).satisfies(email -> {
            assertThat(email.to()).containsExactly("ada@example.com");
            assertThat(email.subject()).contains("6 images are ready");
            assertThat(email.text()).contains("/batches/" + batchId);
        });
    }

    @Test
    void theSeedEndpointsKeepWorking() throws Exception {
        String metadata = """
                {"email": "grace@example.com", "imagesMetadata": [
                  {"image_name": "dragonfly.jpg", "filters": [{"filter_type": "blur", "filter_value": 3}]},
                  {"image_name": "meadow.jpg", "filters": [{"filter_type": "rotate", "filter_value": 180},
                                                           {"filter_type": "brightness", "filter_value": 1.3}]},
                  {"image_name": "mountains.jpg", "filters": [{"filter_type": "grayscale"}]}
                ]}""";
        var accepted = api().upload("/upload-images", metadata, List.of(TestPhotos.part(PORTRAIT, "dragonfly.jpg"),
                TestPhotos.part(LANDSCAPE_PROGRESSIVE, "meadow.jpg"), TestPhotos.part(LANDSCAPE_BASELINE, "mountains.jpg")));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(200);
        String batchId = accepted.json().get("batch_id").asText();
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        String statusUrl = accepted.json().get("status_url").asText();
        assertThat(statusUrl).isEqualTo(api().baseUrl() + "/api/v1/batches/" + batchId);
        var status = api().getJson(statusUrl);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("batchId").asText()).isEqualTo(batchId);

        api().awaitFinished(batchId, PATIENCE);
        assertThat(api().getJson(statusUrl).json().get("status").asText()).isEqualTo("COMPLETED");

        JsonNode pairs = api().getJson("/get-processed-images?UUID=" + batchId).json();
        assertThat(pairs.get("batch_id").asText()).isEqualTo(batchId);
        Map<String, BufferedImage[]> beforeAfter = new HashMap<>();
        for (JsonNode pair : pairs.get("image_pairs")) {
            beforeAfter.put(pair.get("file_name").asText(), new BufferedImage[] {
                    decode(api().get(pair.get("before_url").asText())), decode(api().get(pair.get("after_url").asText()))});
        }
        assertThat(beforeAfter).containsOnlyKeys("dragonfly.jpg", "meadow.jpg", "mountains.jpg");

        BufferedImage[] dragonfly = beforeAfter.get("dragonfly.jpg");
        assertLessDetailSameScene(dragonfly[0], dragonfly[1]);

        BufferedImage[] meadow = beforeAfter.get("meadow.jpg");
        assertThat(meadow[1].getWidth()).isEqualTo(meadow[0].getWidth());
        assertTurned(meadow[1], grid(meadow[0]).rotated180(), grid(meadow[0]), "rotate 180 turns it upside down");
        assertThat(Pixels.meanLuma(meadow[1])).as("brightness 1.3 brightens").isGreaterThan(1.1 * Pixels.meanLuma(meadow[0]));

        BufferedImage[] mountains = beforeAfter.get("mountains.jpg");
        assertNoColourLeft(mountains[0], mountains[1]);
        assertThat(grid(mountains[1]).correlation(grid(mountains[0]))).isGreaterThan(SAME_PLACE);

        JsonNode unprocessed = api().getJson("/get-images-by-status?batch_id=" + batchId + "&IsProcessed=false").json();
        assertThat(unprocessed.get("images")).isEmpty();
        JsonNode processed = api().getJson("/get-images-by-status?batch_id=" + batchId + "&IsProcessed=true").json();
        assertThat(processed.get("images")).hasSize(3);
        assertThat(onlyMailAbout(batchId).to()).containsExactly("grace@example.com");
    }

    @Test
    void aCorruptImageFailsWithItsReasonWhileTheRestOfTheBatchCompletes() throws Exception {
        byte[] photo = TestPhotos.bytes(LANDSCAPE_BASELINE);
        byte[] truncated = Arrays.copyOf(photo, photo.length / 3);
        var accepted = api().upload("/api/v1/batches",
                "{\"email\": \"lin@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}",
                List.of(new Part("whole.jpg", photo), new Part("truncated.jpg", truncated)));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().get("batchId").asText();

        JsonNode batch = api().awaitFinished(batchId, PATIENCE);

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(1);
        assertThat(batch.get("failedCount").asInt()).isEqualTo(1);
        JsonNode failed = byName(batch).get("truncated.jpg");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).as("a corrupt image is not retried: it cannot succeed").isEqualTo(1);
        assertThat(failed.get("error").asText()).isNotBlank();
        assertThat(byName(batch).get("whole.jpg").get("status").asText()).isEqualTo("DONE");
        assertThat(api().get(failed.get("original").get("url").asText().replace("original", "result")).statusCode())
                .isEqualTo(404);
        assertThat(onlyMailAbout(batchId).text()).contains("truncated.jpg");
    }


    private static void assertTurned(BufferedImage result, Grid expected, Grid wrong, String what) {
        Grid actual = grid(result);
        assertThat(actual.correlation(expected)).as(what).isGreaterThan(SAME_PLACE);
        assertThat(actual.correlation(wrong)).as(what + ", not the other way").isLessThan(ELSEWHERE);
    }

    private static void assertNoColourLeft(BufferedImage original, BufferedImage result) {
        assertThat(Pixels.meanChroma(original)).as("the original is colourful").isGreaterThan(30);
        assertThat(Pixels.maxChroma(result)).as("grayscale leaves no colour in any pixel").isLessThanOrEqualTo(4);
    }

    private static void assertLessDetailSameScene(BufferedImage original, BufferedImage result) {
        assertThat(result.getWidth()).isEqualTo(original.getWidth());
        assertThat(result.getHeight()).isEqualTo(original.getHeight());
        assertThat(Pixels.detail(result)).as("blur removes fine detail").isLessThan(0.5 * Pixels.detail(original));
        assertThat(grid(result).correlation(grid(original))).as("the blurred image shows the same scene").isGreaterThan(SAME_PLACE);
    }

    private static void assertBrighterSameScene(BufferedImage original, BufferedImage result, double atLeast) {
        assertThat(Pixels.meanLuma(result)).as("brightness brightens").isGreaterThan(atLeast * Pixels.meanLuma(original));
        assertThat(grid(result).correlation(grid(original))).as("the brighter image shows the same scene").isGreaterThan(SAME_PLACE);
    }

    private static Grid grid(BufferedImage image) {
        return Pixels.grid(image, GRID);
    }

    private BufferedImage original(JsonNode image) {
        return decode(api().get(image.at("/original/url").asText()));
    }

    private BufferedImage assertResult(JsonNode image, String format, String contentType) {
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
                assertThat(Pixels.decode(entries.readAllBytes())).as(entry.getName()).isNotNull();
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Map<String, JsonNode> byName(JsonNode batch) {
        Map<String, JsonNode> images = new HashMap<>();
        batch.get("images").forEach(image -> images.put(image.get("name").asText(), image));
        return images;
    }

    private static BufferedImage decode(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Pixels.decode(response.body());
    }
}
