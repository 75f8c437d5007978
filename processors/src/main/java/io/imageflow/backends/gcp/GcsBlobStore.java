package io.imageflow.backends.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.imageflow.storage.BlobNotFoundException;
import io.imageflow.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs in a Cloud Storage bucket, under the same keys as on disk. Uploads stream through a resumable
 * upload in chunks of {@link #CHUNK_BYTES}, never held whole; a result (already in memory) goes in one request.
 */
public class GcsBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(GcsBlobStore.class);
    /** The resumable upload's chunk: a multiple of 256 KiB, the most one upload holds in memory. */
    static final int CHUNK_BYTES = 1024 * 1024;

    private final Storage storage;
    private final String bucket;

    public GcsBlobStore(Storage storage, String bucket) {
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, InputStream content, String contentType) throws IOException {
        put(key, content, -1, contentType);
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        BlobInfo info = BlobInfo.newBuilder(blobId(key)).setContentType(contentType).build();
        long written;
        try (WriteChannel writer = storage.writer(info)) {
            writer.setChunkSize(CHUNK_BYTES);
            OutputStream out = Channels.newOutputStream(writer);
            written = content.transferTo(out);
            if (length >= 0 && written != length) {
                throw new IOException("Upload of " + key + " ended after " + written + " of " + length + " bytes");
            }
        } catch (StorageException e) {
            throw new IOException("Cloud Storage refused " + key + ": " + e.getMessage(), e);
        } catch (IOException e) {
            storage.delete(blobId(key));
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) throws IOException {
        try {
            storage.create(BlobInfo.newBuilder(blobId(key)).setContentType(contentType).build(), bytes);
        } catch (StorageException e) {
            throw new IOException("Cloud Storage refused " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Blob blob = get(key);
        if (blob == null) {
            throw new BlobNotFoundException(key);
        }
        return Channels.newInputStream(blob.reader());
    }

    @Override
    public boolean exists(String key) throws IOException {
        return get(key) != null;
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        List<BlobId> ids = new ArrayList<>();
        try {
            for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(check(prefix))).iterateAll()) {
                ids.add(blob.getBlobId());
            }
            for (BlobId id : ids) {
                storage.delete(id);
            }
        } catch (StorageException e) {
            throw new IOException("Cloud Storage could not delete " + prefix + ": " + e.getMessage(), e);
        }
    }

    /**
     * A V4 signed GET link, where the credentials can sign (a key file, or IAM signBlob on GKE); the bucket
     * answers it with the download's own type and file name.
     */
    @Override
    public Optional<URI> signedUrl(String key, Duration validFor, String contentType, String contentDisposition) {
        try {
            return Optional.of(storage.signUrl(BlobInfo.newBuilder(blobId(key)).build(), validFor.toSeconds(),
                    TimeUnit.SECONDS, Storage.SignUrlOption.withV4Signature(),
                    Storage.SignUrlOption.withQueryParams(Map.of("response-content-type", contentType,
                            "response-content-disposition", contentDisposition))).toURI());
        } catch (IllegalStateException | IllegalArgumentException | StorageException | URISyntaxException e) {
            LOG.debug("No signed link for {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private Blob get(String key) throws IOException {
        try {
            return storage.get(blobId(key));
        } catch (StorageException e) {
            throw new IOException("Cloud Storage could not read " + key + ": " + e.getMessage(), e);
        }
    }

    private BlobId blobId(String key) {
        return BlobId.of(bucket, check(key));
    }

    /** Keys come from sanitised names; still, none may climb out of its folder or start at the root. */
    private static String check(String key) {
        if (key.isEmpty() || key.startsWith("/") || List.of(key.split("/")).contains("..")) {
            throw new IllegalArgumentException("Blob key outside the store: " + key);
        }
        return key;
    }
}
