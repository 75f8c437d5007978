package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the blob store signs links (Cloud Storage), a download is a link to the store; where not, a stream. */
class SignedDownloadsTest {

    @TempDir
    Path root;

    @Test
    void aStoreThatSignsGivesALinkValidForTheConfiguredTimeNamedAsTheDownload() throws IOException {
        String[] asked = new String[3];
        FileSystemBlobStore signing = new FileSystemBlobStore(root) {
            @Override
            public Optional<URI> signedUrl(String key, Duration validFor, String contentType, String disposition) {
                asked[0] = key + " " + validFor;
                asked[1] = contentType;
                asked[2] = disposition;
                return Optional.of(URI.create("https://storage.example/" + key + "?signed"));
            }
        };
        H2Store h2 = new H2Store();
        String batchId = UUID.randomUUID().toString();
        h2.store.create(new Batch(batchId, "a@example.com", Instant.now(), BatchStatus.ACCEPTED, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("cat.jpg", "jpeg", "image/jpeg", 3, 1, 1),
                        List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));

        ImageDownloads.Download download = new ImageDownloads(h2.store, signing, Duration.ofHours(1))
                .original(batchId, "1");

        assertThat(download.location()).hasToString("https://storage.example/" + batchId + "/input/cat.jpg?signed");
        assertThat(download.content()).isNull();
        assertThat(asked).containsExactly(batchId + "/input/cat.jpg PT1H", "image/jpeg",
                "inline; filename=\"cat.jpg\"; filename*=UTF-8''cat.jpg");
    }
}
