package io.imageflow.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDownloadsTest {

    @TempDir
    Path blobDir;
    private final H2Store h2 = new H2Store();
    private ImageDownloads downloads;
    private StoredBatches batches;

    @BeforeEach
    void create() throws IOException {
        FileSystemBlobStore blobs = new FileSystemBlobStore(blobDir);
        downloads = new ImageDownloads(h2.store, blobs);
        batches = new StoredBatches(h2.store, blobs);
    }

    private static String read(ImageDownloads.Download download) throws IOException {
        try (InputStream in = download.content()) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @Test
    void theOriginalIsServedAsUploaded() throws IOException {
        String id = batches.create("cat.jpg");

        ImageDownloads.Download original = downloads.original(id, "1");

        assertThat(read(original)).isEqualTo("original cat.jpg");
        assertThat(original.contentType()).isEqualTo("image/jpeg");
        assertThat(original.fileName()).isEqualTo("cat.jpg");
        assertThat(original.bytes()).isEqualTo("original cat.jpg".length());
    }

    @Test
    void theResultIsReadFromTheOriginalsNameButNamedAfterItsFormat() throws IOException {
        String id = batches.create("cat.jpg");
        batches.finish(id, "1", "cat.png");

        ImageDownloads.Download result = downloads.result(id, "1");

        assertThat(read(result)).isEqualTo("result cat.png");
        assertThat(result.contentType()).isEqualTo("image/png");
        assertThat(result.fileName()).isEqualTo("cat.png");
        assertThat(result.contentDisposition()).isEqualTo("inline; filename=\"cat.png\"; filename*=UTF-8''cat.png");
    }

    @Test
    void aResultBeforeTheImageIsDoneIsNotFoundSayingItsStatus() throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg");
        batches.fail(id, "2", "cannot read the image");

        ApiException queued = catchThrowableOfType(ApiException.class, () -> downloads.result(id, "1"));
        ApiException failed = catchThrowableOfType(ApiException.class, () -> downloads.result(id, "2"));

        assertThat(queued.getStatus()).isEqualTo(404);
        assertThat(queued.getMessage()).isEqualTo("Image 1 has no result yet: it is QUEUED.");
        assertThat(failed.getStatus()).isEqualTo(404);
        assertThat(failed.getMessage()).isEqualTo("Image 2 has no result yet: it is FAILED (cannot read the image).");
    }

    @Test
    void anUnknownImageOfAKnownBatchIsNotFound() throws IOException {
        String id = batches.create("cat.jpg");

        ApiException e = catchThrowableOfType(ApiException.class, () -> downloads.original(id, "9"));

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("Batch " + id + " has no image 9.");
    }

    @Test
    void anUnknownBatchIsNotFound() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> downloads.original("3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69", "1"));

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getBody().error()).isEqualTo("not_found");
        assertThat(e.getMessage()).startsWith("No batch 3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69");
    }

    @Test
    void anIdThatIsNoUuidIsRefused() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> downloads.result("..", "1"));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_batch_id");
    }

    @Test
    void anUpperCaseBatchIdFindsTheSameImage() throws IOException {
        String id = batches.create("cat.jpg");

        assertThat(read(downloads.original(id.toUpperCase(Locale.ROOT), "1"))).isEqualTo("original cat.jpg");
    }

    @Test
    void theContentDispositionKeepsAnyNameIntactAndGivesOldClientsAnAsciiOne() {
        ImageDownloads.Download download = new ImageDownloads.Download(InputStream.nullInputStream(), "image/png",
                "été \"a\".png", 0);

        assertThat(download.contentDisposition())
                .isEqualTo("inline; filename=\"_t_ _a_.png\"; filename*=UTF-8''%C3%A9t%C3%A9%20%22a%22.png");
    }
}
