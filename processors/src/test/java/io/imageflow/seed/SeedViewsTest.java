package io.imageflow.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.AcceptedBatch;
import io.imageflow.api.ApiException;
import io.imageflow.api.BatchViews;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.backends.local.JdbcBatchStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeedViewsTest {

    private static final String HOST = "https://images.example.com";

    private JdbcBatchStore store;
    private SeedViews seed;
    private String id;
    private String images;

    /** A batch of cat.jpg (DONE), dog.jpg (QUEUED) and owl.jpg (FAILED). */
    @BeforeEach
    void createBatch() {
        store = new H2Store().store;
        seed = new SeedViews(new BatchViews(store, "/api/v1"), HOST + "/");

        id = UUID.randomUUID().toString();
        images = HOST + "/api/v1/batches/" + id + "/images/";
        List<String> names = List.of("cat.jpg", "dog.jpg", "owl.jpg");
        store.create(new Batch(id, "ada@example.com", Instant.now(), BatchStatus.PROCESSING, 3, 0, 0, null, null),
                names.stream().map(name -> new ImageRecord(id, String.valueOf(names.indexOf(name) + 1),
                        names.indexOf(name), new StoredFile(name, "jpeg", "image/jpeg", 100, 10, 20), List.of(),
                        ImageStatus.QUEUED, 0, null, null, null, null)).toList());
        store.recordOutcome(ImageOutcome.done(new ImageTask(id, "1", "cat.jpg", List.of()), 1,
                new StoredFile("cat.png", "png", "image/png", 50, 10, 20), null, 4));
        store.recordOutcome(ImageOutcome.failed(new ImageTask(id, "3", "owl.jpg", List.of()), 3, "broken"));
    }

    private static ApiException refusal(Runnable call) {
        return catchThrowableOfType(ApiException.class, call::run);
    }

    @Test
    void anAcceptedBatchAnswersWithAnAbsoluteStatusUrl() {
        AcceptedBatch accepted = new AcceptedBatch(store.findBatch(id).orElseThrow(), store.findImages(id));

        assertThat(seed.accepted(accepted))
                .isEqualTo(new SeedViews.Accepted(id, "PROCESSING", HOST + "/api/v1/batches/" + id));
    }

    @Test
    void answersInTheSnakeCaseTheSeedsClientsExpect() throws JsonProcessingException {
        AcceptedBatch accepted = new AcceptedBatch(store.findBatch(id).orElseThrow(), store.findImages(id));

        String json = new ObjectMapper().writeValueAsString(seed.accepted(accepted));

        assertThat(json).contains("\"batch_id\":\"" + id + "\"", "\"status_url\":");
    }

    @Test
    void processedImagesPairsOnlyTheDoneImagesBeforeAndAfter() {
        SeedViews.ProcessedImages processed = seed.processedImages(id, null);

        assertThat(processed.batchId()).isEqualTo(id);
        assertThat(processed.imagePairs()).containsExactly(
                new SeedViews.ImagePair("cat.jpg", images + "1/original", images + "1/result"));
    }

    @Test
    void theBatchIdMayComeAsUuidInstead() {
        assertThat(seed.processedImages(null, id).batchId()).isEqualTo(id);
        assertThat(seed.processedImages("  ", " " + id + " ").batchId()).isEqualTo(id);
    }

    @Test
    void processedImagesAreListedWithTheirResults() {
        SeedViews.ImagesByStatus processed = seed.imagesByStatus(id, null, "true");

        assertThat(processed.processed()).isTrue();
        assertThat(processed.images()).containsExactly(new SeedViews.SeedImage("cat.jpg", "DONE", images + "1/result"));
    }

    @Test
    void unprocessedImagesAreListedWithTheirOriginals() {
        SeedViews.ImagesByStatus unprocessed = seed.imagesByStatus(null, id, "False");

        assertThat(unprocessed.processed()).isFalse();
        assertThat(unprocessed.images()).containsExactly(
                new SeedViews.SeedImage("dog.jpg", "QUEUED", images + "2/original"),
                new SeedViews.SeedImage("owl.jpg", "FAILED", images + "3/original"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"yes", "1", "processed"})
    void isProcessedMustBeTrueOrFalse(String value) {
        ApiException e = refusal(() -> seed.imagesByStatus(id, null, value));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_parameter");
        assertThat(e.getMessage()).contains(value == null ? "Give IsProcessed=true" : "'" + value + "'");
    }

    @Test
    void aMissingBatchIdIsRefused() {
        ApiException e = refusal(() -> seed.processedImages(null, " "));
        ApiException byStatus = refusal(() -> seed.imagesByStatus("", null, "true"));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("missing_batch_id");
        assertThat(byStatus.getBody().error()).isEqualTo("missing_batch_id");
    }

    @Test
    void anUnknownOrMalformedBatchIdIsRefusedAsTheApiRefusesIt() {
        assertThat(refusal(() -> seed.processedImages(UUID.randomUUID().toString(), null)).getStatus()).isEqualTo(404);
        assertThat(refusal(() -> seed.processedImages("batch-1", null)).getBody().error()).isEqualTo("invalid_batch_id");
    }
}
