package io.imageflow.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.imageflow.backends.gcp.GcsBlobStore;
import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BlobKeys;
import io.imageflow.storage.BlobStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An expired batch loses its originals, results and records, on either storage; a batch still kept loses nothing. */
class ExpiredBatchesTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    @TempDir
    static Path blobDir;

    private final H2Store h2 = new H2Store();

    static Stream<Arguments> storages() throws IOException {
        return Stream.of(
                Arguments.of("files", new FileSystemBlobStore(blobDir.resolve(UUID.randomUUID().toString()))),
                Arguments.of("gcs", new GcsBlobStore(LocalStorageHelper.customOptions(false).getService(),
                        "imageflow-images")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void deletesWhatExpiredAndKeepsTheRest(String storage, BlobStore blobs) throws IOException {
        ExpiredBatches expired = new ExpiredBatches(h2.store, blobs, Clock.fixed(NOW, ZoneOffset.UTC));
        String old = batchWithImages(blobs, NOW.minusSeconds(1));
        String kept = batchWithImages(blobs, NOW.plus(Duration.ofHours(1)));

        assertThat(expired.due()).containsExactly(old);
        for (String batchId : expired.due()) {
            expired.delete(batchId);
        }

        assertThat(h2.store.findBatch(old)).isEmpty();
        assertThat(h2.store.findImages(old)).isEmpty();
        assertThat(blobs.exists(BlobKeys.input(old, "cat.png"))).isFalse();
        assertThat(blobs.exists(BlobKeys.output(old, "cat.png"))).isFalse();
        assertThat(h2.store.findBatch(kept)).isPresent();
        assertThat(blobs.exists(BlobKeys.input(kept, "cat.png"))).isTrue();
        assertThat(blobs.exists(BlobKeys.output(kept, "cat.png"))).isTrue();
        assertThat(expired.due()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void limitsThatNoLongerLimitAnythingAreForgotten(String storage, BlobStore blobs) {
        h2.store.replaceQuota("spent", null, new byte[] {1}, NOW.minusSeconds(1));
        h2.store.replaceQuota("running", null, new byte[] {1}, NOW.plusSeconds(60));

        assertThat(new ExpiredBatches(h2.store, blobs, Clock.fixed(NOW, ZoneOffset.UTC)).forgetSpentLimits())
                .isEqualTo(1);
        assertThat(h2.store.findQuota("spent")).isEmpty();
        assertThat(h2.store.findQuota("running")).isPresent();
    }

    private String batchWithImages(BlobStore blobs, Instant expiresAt) throws IOException {
        String id = UUID.randomUUID().toString();
        h2.store.create(new Batch(id, "ada@example.com", expiresAt.minus(Duration.ofDays(7)), BatchStatus.COMPLETED,
                0, 0, 0, null, null, expiresAt, null), List.of());
        blobs.put(BlobKeys.input(id, "cat.png"), new byte[] {1, 2, 3}, "image/png");
        blobs.put(BlobKeys.output(id, "cat.png"), new byte[] {4, 5}, "image/png");
        return id;
    }
}
