package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.imageflow.support.ApiClient.Answer;
import jakarta.servlet.ServletContext;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every refusal answers 4xx with a JSON error naming the problem, and leaves nothing behind. */
class UploadRefusalTest extends LocalModeTest {

    private static final String METADATA = "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServletContext servletContext;

    @Test
    void refusesMoreFilesThanABatchHolds() {
        List<Part> files = IntStream.rangeClosed(1, 51).mapToObj(i -> new Part(i + ".png", TestImages.png(4, 4))).toList();
        assertRefused(METADATA, files, 413, "too_many_files");
    }

    @Test
    void refusesAFileOverTheSizeLimitNamingIt() {
        byte[] big = new byte[26 * 1024 * 1024];
        System.arraycopy(TestImages.png(4, 4), 0, big, 0, 50);
        Answer answer = assertRefused(METADATA, List.of(new Part("big.png", big)), 413, "file_too_large");
        assertThat(answer.json().at("/details/0/file").asText()).isEqualTo("big.png");
    }

    @Test
    void refusesADecompressionBombFromItsHeader() {
        Answer answer = assertRefused(METADATA, List.of(new Part("bomb.png", TestImages.pngBomb(30000, 30000))),
                413, "file_too_large");
        assertThat(answer.json().at("/details/0/file").asText()).isEqualTo("bomb.png");
        assertThat(answer.json().at("/details/0/message").asText()).contains("900000000 pixels");
    }

    @Test
    void refusesAFileThatIsNotAnImageNamingIt() {
        Answer answer = assertRefused(METADATA, List.of(
                new Part("ok.png", TestImages.png(8, 8)),
                new Part("notes.png", "just text".getBytes(StandardCharsets.UTF_8))), 415, "unsupported_format");
        assertThat(answer.json().at("/details/0/file").asText()).isEqualTo("notes.png");
    }

    @Test
    void refusesAnInvalidEmail() {
        assertRefused("{\"email\": \"not-an-address\"}", List.of(new Part("a.png", TestImages.png(8, 8))),
                400, "invalid_email");
    }

    @Test
    void refusesUnknownOperationsAndOutOfRangeParametersAllAtOnce() {
        Answer answer = assertRefused("""
                {"email": "ada@example.com", "operations": [
                  {"type": "sepia"}, {"type": "rotate", "degrees": 9000}]}""",
                List.of(new Part("a.png", TestImages.png(8, 8))), 400, "invalid_operations");
        assertThat(answer.json().get("details")).hasSize(2);
        assertThat(answer.json().at("/details/0/file").asText()).isEqualTo("a.png");
        assertThat(answer.json().at("/details/0/message").asText()).contains("sepia");
        assertThat(answer.json().at("/details/1/message").asText()).contains("degrees");
    }

    @Test
    void refusesMetadataThatNamesNoUploadedFile() {
        Answer answer = assertRefused("""
                {"email": "ada@example.com", "images": [{"name": "other.png", "operations": []}]}""",
                List.of(new Part("a.png", TestImages.png(8, 8))), 400, "invalid_operations");
        assertThat(answer.json().at("/details/0/field").asText()).isEqualTo("images[0]");
    }

    @Test
    void refusesMissingOrBrokenMetadata() {
        List<Part> one = List.of(new Part("a.png", TestImages.png(8, 8)));
        assertRefused(null, one, 400, "missing_metadata");
        assertRefused("{\"email\": ", one, 400, "invalid_metadata");
        assertRefused("[1, 2]", one, 400, "invalid_metadata");
    }

    @Test
    void refusesMetadataFarLargerThanAnyBatchNeeds() {
        String huge = "{\"email\": \"ada@example.com\", \"pad\": \"" + "x".repeat(300 * 1024) + "\"}";
        assertRefused(huge, List.of(new Part("a.png", TestImages.png(8, 8))), 413, "metadata_too_large");
    }

    @Test
    void refusesPartsItWouldOtherwiseIgnore() {
        Answer answer = api().upload("/api/v1/batches", METADATA, List.of(new Part("a.png", TestImages.png(8, 8))),
                "file", new Part("b.png", TestImages.png(8, 8)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("unknown_part");
        assertThat(answer.json().get("message").asText()).contains("[file]");
    }

    @Test
    void leavesNoCopyOfAnyPartInTheServletTempDirectory() throws IOException {
        Path temp = ((java.io.File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        List<Path> before = files(temp);

        api().upload("/api/v1/batches", METADATA, List.of(new Part("a.png", TestImages.png(800, 800))));
        api().upload("/api/v1/batches", METADATA, List.of(new Part("a.png", TestImages.png(8, 8))),
                "metadata", new Part("metadata.json", METADATA.getBytes(StandardCharsets.UTF_8)));
        api().upload("/api/v1/batches", "{\"email\": \"bad\"}", List.of(new Part("a.png", TestImages.png(8, 8))));

        assertThat(files(temp)).isEqualTo(before);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void refusesAnUploadWithoutFiles() {
        assertRefused(METADATA, List.of(), 400, "no_files");
    }

    @Test
    void answersUnknownBatchesAndImagesWithJson404() {
        String unknown = "/api/v1/batches/3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69";
        assertThat(api().getJson(unknown).status()).isEqualTo(404);
        assertThat(api().getJson(unknown).json().get("error").asText()).isEqualTo("not_found");
        assertThat(api().getJson(unknown + "/images/1/original").status()).isEqualTo(404);
        assertThat(api().getJson("/api/v1/batches/not-a-uuid").json().get("error").asText())
                .isEqualTo("invalid_batch_id");
    }

    @Test
    void sanitisesFileNamesAndMakesThemUnique() {
        Answer answer = api().upload("/api/v1/batches", METADATA, List.of(
                new Part("../../etc/passwd.png", TestImages.png(8, 8)),
                new Part("holiday.png", TestImages.png(8, 8)),
                new Part("holiday.png", TestImages.png(8, 8)),
                new Part("C:\\Users\\x\\bad\u0007name.png", TestImages.png(8, 8))));
        assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(202);
        assertThat(answer.json().get("images").findValuesAsText("name"))
                .containsExactly("passwd.png", "holiday.png", "holiday-2.png", "badname.png");
    }

    private Answer assertRefused(String metadata, List<Part> files, int status, String code) {
        long batchesBefore = batches();
        List<Path> blobsBefore = blobs();

        Answer answer = api().upload("/api/v1/batches", metadata, files);

        assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isEqualTo(code);
        assertThat(answer.json().get("message").asText()).isNotBlank();
        assertThat(batches()).as("no batch record is left").isEqualTo(batchesBefore);
        assertThat(blobs()).as("no file is left").isEqualTo(blobsBefore);
        return answer;
    }

    private long batches() {
        return jdbc.sql("SELECT COUNT(*) FROM batches").query(Long.class).single();
    }

    /** The batches that have files; results of earlier tests may still be arriving inside them. */
    private static List<Path> blobs() {
        Path root = DATA_DIR.resolve("blobs");
        if (!Files.exists(root)) {
            return Collections.emptyList();
        }
        try (Stream<Path> batches = Files.list(root)) {
            return batches.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
