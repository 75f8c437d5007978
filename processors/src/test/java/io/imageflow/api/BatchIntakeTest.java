package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.config.ImageFlowProperties.Limits;
import io.imageflow.image.OperationParser;
import io.imageflow.storage.BlobStore;
import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.backends.local.JdbcBatchStore;
import io.imageflow.support.TestImages;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** What an accepted upload leaves behind, which operations each file gets, and that a failed store leaves nothing. */
class BatchIntakeTest {

    private static final Limits LIMITS = new Limits(5, DataSize.ofMegabytes(25), 50_000_000L, 120);
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final byte[] PNG = TestImages.png(8, 6);

    @TempDir
    Path blobDir;
    private final H2Store h2 = new H2Store();
    private FileSystemBlobStore blobs;

    @BeforeEach
    void createBlobs() throws IOException {
        blobs = new FileSystemBlobStore(blobDir);
    }

    private BatchIntake intake(BlobStore blobStore, JdbcBatchStore store) {
        return new BatchIntake(blobStore, store, new BatchOrderReader(new ObjectMapper()), new OperationParser(), LIMITS,
                RETENTION);
    }

    private AcceptedBatch accept(String metadata, String... names) throws IOException {
        return intake(blobs, h2.store).accept(new Upload(metadata, Stream.of(names).map(n -> file(n, PNG)).toList()));
    }

    static UploadedFile file(String name, byte[] bytes) {
        return new UploadedFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static List<Map<String, Object>> normalized(Map<String, Object> operation) {
        return new OperationParser().normalize(List.of(operation));
    }

    private void assertNothingKept() throws IOException {
        assertThat(h2.rows("batches")).isZero();
        assertThat(h2.rows("images")).isZero();
        try (Stream<Path> left = Files.list(blobDir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anAcceptedUploadIsRecordedAndItsOriginalsStoredUnderSanitisedNames() throws IOException {
        AcceptedBatch accepted = accept("""
                {"email": "ada@example.com", "operations": [{"type": "rotate", "degrees": "90"}]}""",
                "cat.png", "../../evil/dog.png", "CAT.png");
        String id = accepted.batch().id();

        assertThat(accepted.batch()).extracting(Batch::email, Batch::status, Batch::imageCount)
                .containsExactly("ada@example.com", BatchStatus.ACCEPTED, 3);
        assertThat(accepted.batch().expiresAt()).isEqualTo(accepted.batch().createdAt().plus(RETENTION));
        assertThat(accepted.images()).extracting(ImageRecord::imageId, ImageRecord::name, ImageRecord::status)
                .containsExactly(
                        tuple("1", "cat.png", ImageStatus.QUEUED),
                        tuple("2", "dog.png", ImageStatus.QUEUED),
                        tuple("3", "CAT-2.png", ImageStatus.QUEUED));
        assertThat(accepted.images().get(0).original())
                .isEqualTo(new StoredFile("cat.png", "png", "image/png", PNG.length, 8, 6));
        assertThat(accepted.images()).allSatisfy(image -> assertThat(image.operations())
                .containsExactly(Map.of("type", "rotate", "degrees", 90)));

        assertThat(h2.store.findBatch(id)).isPresent();
        assertThat(h2.store.findImages(id)).isEqualTo(accepted.images());
        for (String name : List.of("cat.png", "dog.png", "CAT-2.png")) {
            assertThat(blobs.read(id + "/input/" + name)).isEqualTo(PNG);
        }
    }

    @Test
    void eachFileGetsTheEntryNamingItElseTheEntryAtItsPositionElseTheOperationsForAll() throws IOException {
        AcceptedBatch accepted = accept("""
                {"email": "ada@example.com",
                 "operations": [{"type": "grayscale"}],
                 "images": [{"operations": [{"type": "blur"}]},
                            {"name": "c.png", "operations": [{"type": "flip", "direction": "vertical"}]}]}""",
                "a.png", "b.png", "c.png");

        assertThat(accepted.images()).extracting(ImageRecord::operations).containsExactly(
                normalized(Map.of("type", "blur")),
                normalized(Map.of("type", "grayscale")),
                normalized(Map.of("type", "flip", "direction", "vertical")));
    }

    @Test
    void anEntryNamingAFileWithoutOperationsLeavesItTheOperationsForAll() throws IOException {
        AcceptedBatch accepted = accept("""
                {"email": "ada@example.com", "operations": [{"type": "grayscale"}], "images": [{"name": "a.png"}]}""",
                "a.png");

        assertThat(accepted.images().get(0).operations()).isEqualTo(normalized(Map.of("type", "grayscale")));
    }

    @Test
    void anUnnamedEntryWithNoFileAtItsPositionIsRefused() {
        assertThatThrownBy(() -> accept("""
                {"email": "ada@example.com", "images": [{"operations": []}, {"operations": [{"type": "blur"}]}]}""",
                "a.png"))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.getStatus()).isEqualTo(400);
                    assertThat(refusal.getBody().details()).extracting(ErrorBody.Detail::field).containsExactly("images[1]");
                });
    }

    @Test
    void theSeedDialectMatchesItsImagesByName() throws IOException {
        AcceptedBatch accepted = accept("""
                {"email": "ada@example.com",
                 "imagesMetadata": [{"image_name": "b.png", "filters": [{"filter_type": "grey"}]}]}""",
                "a.png", "b.png");

        assertThat(accepted.images()).extracting(ImageRecord::operations)
                .containsExactly(List.of(), List.of(Map.of("type", "grayscale")));
    }

    @Test
    void ifTheSecondOriginalCannotBeStoredNothingIsLeftBehind() throws IOException {
        BlobStore failingSecondPut = new FileSystemBlobStore(blobDir) {
            private int puts;

            @Override
            public void put(String key, InputStream content, String contentType) throws IOException {
                if (++puts == 2) {
                    throw new IOException("disk full");
                }
                super.put(key, content, contentType);
            }
        };
        Upload upload = new Upload("{\"email\": \"ada@example.com\"}", List.of(file("a.png", PNG), file("b.png", PNG)));

        assertThatThrownBy(() -> intake(failingSecondPut, h2.store).accept(upload)).hasMessage("disk full");
        assertNothingKept();
    }

    @Test
    void ifTheRecordsCannotBeWrittenTheStoredOriginalsAreRemoved() throws IOException {
        JdbcBatchStore failingStore = new JdbcBatchStore(h2.jdbc, null, new ObjectMapper()) {
            @Override
            public void create(Batch batch, List<ImageRecord> images) {
                throw new IllegalStateException("database unavailable");
            }
        };
        Upload upload = new Upload("{\"email\": \"ada@example.com\"}", List.of(file("a.png", PNG), file("b.png", PNG)));

        assertThatThrownBy(() -> intake(blobs, failingStore).accept(upload)).hasMessage("database unavailable");
        assertNothingKept();
    }

    @Test
    void discardRemovesAnAcceptedBatchAndItsOriginals() throws IOException {
        AcceptedBatch accepted = accept("{\"email\": \"ada@example.com\"}", "a.png", "b.png");

        intake(blobs, h2.store).discard(accepted);

        assertThat(h2.store.findBatch(accepted.batch().id())).isEmpty();
        assertNothingKept();
    }

    @Test
    void theAnnouncementNamesTheAcceptedBatch() throws IOException {
        AcceptedBatch accepted = accept("{\"email\": \"ada@example.com\"}", "a.png");

        assertThat(intake(blobs, h2.store).announcement(accepted).batchId()).isEqualTo(accepted.batch().id());
    }

    @Test
    void aLongJapaneseFileNameIsAccepted() throws IOException {
        AcceptedBatch accepted = accept("{\"email\": \"ada@example.com\"}", "日".repeat(200) + ".png");

        String name = accepted.images().get(0).name();
        assertThat(blobs.read(accepted.batch().id() + "/input/" + name)).isEqualTo(PNG);
    }
}
