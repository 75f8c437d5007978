package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageStatus;
import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchViewsTest {

    @TempDir
    Path blobDir;
    private final H2Store h2 = new H2Store();
    private final BatchViews views = new BatchViews(h2.store, "/api/v1");
    private StoredBatches batches;

    @BeforeEach
    void createBlobs() throws IOException {
        batches = new StoredBatches(h2.store, new FileSystemBlobStore(blobDir));
    }

    @Test
    void anAcceptedBatchLinksToItsStatus() throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg");
        AcceptedBatch accepted = new AcceptedBatch(h2.store.findBatch(id).orElseThrow(), h2.store.findImages(id));

        BatchViews.Accepted view = views.accepted(accepted);

        assertThat(view.batchId()).isEqualTo(id);
        assertThat(view.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(view.statusUrl()).isEqualTo("/api/v1/batches/" + id);
        assertThat(view.images()).containsExactly(
                new BatchViews.AcceptedImage("1", "cat.jpg", ImageStatus.QUEUED),
                new BatchViews.AcceptedImage("2", "dog.jpg", ImageStatus.QUEUED));
    }

    @Test
    void aBatchViewLinksToEachOriginalEachResultAndTheZip() throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg", "owl.jpg");
        batches.finish(id, "1", "cat.png");
        batches.fail(id, "3", "cannot read the image");

        BatchViews.BatchView view = views.batch(id);

        assertThat(view.batchId()).isEqualTo(id);
        assertThat(view.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(view.imageCount()).isEqualTo(3);
        assertThat(view.doneCount()).isEqualTo(1);
        assertThat(view.failedCount()).isEqualTo(1);
        assertThat(view.resultsZipUrl()).isEqualTo("/api/v1/batches/" + id + "/results.zip");
        assertThat(view.images()).extracting(BatchViews.ImageView::status)
                .containsExactly(ImageStatus.DONE, ImageStatus.QUEUED, ImageStatus.FAILED);

        BatchViews.ImageView done = view.images().get(0);
        assertThat(done.original()).isEqualTo(new BatchViews.FileView("/api/v1/batches/" + id + "/images/1/original",
                "jpeg", "image/jpeg", 40, 30, "original cat.jpg".length(), null));
        assertThat(done.result()).isEqualTo(new BatchViews.FileView("/api/v1/batches/" + id + "/images/1/result",
                "png", "image/png", 20, 15, "result cat.png".length(), "a note"));
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.durationMs()).isEqualTo(12L);
        assertThat(done.operations()).isEqualTo(StoredBatches.OPERATIONS);

        assertThat(view.images().get(1).result()).isNull();
        assertThat(view.images().get(2).original().url()).isEqualTo("/api/v1/batches/" + id + "/images/3/original");
        assertThat(view.images().get(2).result()).isNull();
        assertThat(view.images().get(2).error()).isEqualTo("cannot read the image");
    }

    @Test
    void anUnknownBatchIsNotFound() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> views.batch("3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69"));

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getBody().error()).isEqualTo("not_found");
        assertThat(e.getMessage()).contains("3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "../../etc/passwd", "3f2b8c1e9d4a4c5e8b7a1e2d3c4b5a69", "3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a6"})
    void anIdThatIsNoUuidIsRefusedBeforeTheStoreIsAsked(String id) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> views.batch(id));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_batch_id");
    }

    @Test
    void anUpperCaseIdShowsTheSameBatchWithItsImages() throws IOException {
        String id = batches.create("cat.jpg");

        BatchViews.BatchView view = views.batch(id.toUpperCase(Locale.ROOT));

        assertThat(view.batchId()).isEqualTo(id);
        assertThat(view.images()).hasSize(1);
        assertThat(view.resultsZipUrl()).isEqualTo("/api/v1/batches/" + id + "/results.zip");
    }
}
