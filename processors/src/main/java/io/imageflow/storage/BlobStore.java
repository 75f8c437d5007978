package io.imageflow.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Original and result images, by key ({batchId}/input/{name}, {batchId}/output/{name}). */
public interface BlobStore {

    /** Stores the stream's content; the caller closes the stream. */
    void put(String key, InputStream content, String contentType) throws IOException;

    /** Stores the stream's content, which is {@code length} bytes long: a remote store streams it without buffering it whole. */
    default void put(String key, InputStream content, long length, String contentType) throws IOException {
        put(key, content, contentType);
    }

    void put(String key, byte[] bytes, String contentType) throws IOException;

    /** Opens a blob for reading; throws {@link BlobNotFoundException} when there is none. */
    InputStream open(String key) throws IOException;

    default byte[] read(String key) throws IOException {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        }
    }

    boolean exists(String key) throws IOException;

    /**
     * A link that lets a client download the blob straight from the store for a while, where the store and
     * its credentials can sign one; empty otherwise (the blob is then streamed through ImageFlow).
     */
    default Optional<URI> signedUrl(String key, Duration validFor, String contentType, String contentDisposition) {
        return Optional.empty();
    }

    /** Removes every blob under the prefix, a folder such as "{batchId}/". */
    void deleteAll(String prefix) throws IOException;
}
