package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.imageflow.support.ApiClient.Answer;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.NothingKept;
import io.imageflow.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seed's endpoints refuse over HTTP as the new API does: a 4xx with the JSON error, and nothing kept. */
class SeedRefusalTest extends LocalModeTest {

    private static final String UNKNOWN_BATCH = "3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69";

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesUploadsThatSayOrSendSomethingWrongKeepingNothing() {
        List<Part> one = List.of(new Part("a.png", TestImages.png(8, 8)));
        assertRefused(null, one, 400, "missing_metadata");
        assertRefused("{\"email\": ", one, 400, "invalid_metadata");
        assertRefused("{\"email\": \"not-an-address\", \"imagesMetadata\": []}", one, 400, "invalid_email");
        assertRefused("{\"email\": \"ada@example.com\"}", List.of(), 400, "no_files");
        Answer unknownFilter = assertRefused("""
                {"email": "ada@example.com", "imagesMetadata": [
                  {"image_name": "a.png", "filters": [{"filter_type": "sepia", "filter_value": 1}]}]}""", one, 400,
                "invalid_operations");
        assertThat(unknownFilter.json().at("/details/0/message").asText()).contains("imagesMetadata[0].filters[0]", "sepia");
        assertThat(unknownFilter.json().at("/details/0/file").asText()).isEqualTo("a.png");
        assertThat(unknownFilter.json().at("/details/0/field").asText()).isEqualTo("imagesMetadata[0].filters");
        Answer notAnImage = assertRefused("{\"email\": \"ada@example.com\"}",
                List.of(new Part("notes.png", "just text".getBytes(StandardCharsets.UTF_8))), 415, "unsupported_format");
        assertThat(notAnImage.json().at("/details/0/file").asText()).isEqualTo("notes.png");
    }

    @Test
    void refusesQueriesWithoutAValidOrKnownBatch() {
        Answer missing = api().getJson("/get-processed-images");
        assertError(missing, 400, "missing_batch_id");
        assertThat(missing.json().at("/details/0/field").asText()).isEqualTo("batch_id");
        assertError(api().getJson("/get-processed-images?batch_id=not-a-uuid"), 400, "invalid_batch_id");
        assertError(api().getJson("/get-processed-images?UUID=" + UNKNOWN_BATCH), 404, "not_found");
        Answer maybe = api().getJson("/get-images-by-status?batch_id=" + UNKNOWN_BATCH + "&IsProcessed=maybe");
        assertError(maybe, 400, "invalid_parameter");
        assertThat(maybe.json().at("/details/0/field").asText()).isEqualTo("IsProcessed");
        assertError(api().getJson("/get-images-by-status?batch_id=" + UNKNOWN_BATCH + "&IsProcessed=true"), 404,
                "not_found");
    }

    private Answer assertRefused(String metadata, List<Part> files, int status, String code) {
        NothingKept kept = NothingKept.since(jdbc, DATA_DIR);
        Answer answer = api().upload("/upload-images", metadata, files);
        assertError(answer, status, code);
        kept.assertNothingNew();
        return answer;
    }

    private static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isEqualTo(code);
        assertThat(answer.json().get("message").asText()).isNotBlank();
        assertThat(answer.json().get("details").isArray()).isTrue();
    }
}
