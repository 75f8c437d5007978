package io.imageflow.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import io.imageflow.backends.local.FileSystemBlobStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The zip is written by another thread into a pipe; the timeout only guards the build against a hung pipe. */
@Timeout(60)
class ResultsZipTest {

    @TempDir
    Path blobDir;
    private final H2Store h2 = new H2Store();
    private FileSystemBlobStore blobs;
    private ResultsZip zips;
    private StoredBatches batches;

    @BeforeEach
    void create() throws IOException {
        blobs = new FileSystemBlobStore(blobDir);
        zips = new ResultsZip(h2.store, blobs);
        batches = new StoredBatches(h2.store, blobs);
    }

    @AfterEach
    void stopWriters() {
        zips.close();
    }

    /** Entry name → content, in archive order. */
    private Map<String, String> entries(String batchId) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(zips.open(batchId))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), UTF_8));
            }
        }
        return entries;
    }

    @Test
    void streamsEveryFinishedResultAndNothingElse() throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg", "owl.jpg", "bat.jpg");
        batches.finish(id, "1", "cat.png");
        batches.fail(id, "2", "broken");
        batches.finish(id, "4", "bat.png");

        assertThat(entries(id)).containsExactly(
                Map.entry("cat.png", "result cat.png"),
                Map.entry("bat.png", "result bat.png"));
    }

    @Test
    void resultsOfTheSameNameAreMadeUniqueIgnoringCase() throws IOException {
        String id = batches.create("photo.jpg", "photo.gif", "PHOTO.bmp", "photo.webp");
        batches.finish(id, "1", "photo.png");
        batches.finish(id, "2", "photo.png");
        batches.finish(id, "3", "PHOTO.png");
        batches.finish(id, "4", "photo.png");

        Map<String, String> entries = entries(id);

        assertThat(entries.keySet()).containsExactly("photo.png", "2-photo.png", "3-PHOTO.png", "4-photo.png");
        assertThat(entries.get("2-photo.png")).isEqualTo("result photo.png");
    }

    @Test
    void aBatchWithNoFinishedResultIsRefused() throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg");
        batches.fail(id, "1", "broken");

        ApiException e = catchThrowableOfType(ApiException.class, () -> zips.open(id));

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getMessage()).contains("no finished result");
    }

    @Test
    void anUnknownBatchIsNotFoundAndAnIdThatIsNoUuidIsRefused() {
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> zips.open("3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69"));
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> zips.open("results"));

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getBody().error()).isEqualTo("not_found");
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getBody().error()).isEqualTo("invalid_batch_id");
    }

    @Test
    void theDownloadIsNamedAfterTheBatchAndSaysWhenItIsPartial() throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg");
        batches.finish(id, "1", "cat.png");
        assertThat(zips.fileName(id)).isEqualTo("imageflow-" + id + "-partial.zip");

        batches.fail(id, "2", "broken");
        assertThat(zips.fileName(id)).isEqualTo("imageflow-" + id + ".zip");
    }

    @Test
    void anArchiveMissingAResultDoesNotLookComplete(@TempDir Path downloads) throws IOException {
        String id = batches.create("cat.jpg", "dog.jpg");
        batches.finish(id, "1", "cat.png");
        batches.finish(id, "2", "dog.png");
        blobs.deleteAll(id + "/output/dog.jpg");

        byte[] archive;
        try (InputStream in = zips.open(id)) {
            archive = in.readAllBytes();
        } catch (IOException e) {
            return; // the client is told by a broken download: that is fine too
        }
        Path file = Files.write(downloads.resolve("results.zip"), archive);
        assertThatThrownBy(() -> new ZipFile(file.toFile()).close()).isInstanceOf(ZipException.class);
    }
}
