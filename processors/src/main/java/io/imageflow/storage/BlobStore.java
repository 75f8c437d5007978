package io.imageflow.storage;

import java.io.IOException;
import java.io.InputStream;

/** Original and result images, by key ({batchId}/input/{name}, {batchId}/output/{name}). */
public interface BlobStore {

    /** Stores the stream's content; the caller closes the stream. */
    void put(String key, InputStream content, String contentType) throws IOException;

    void put(String key, byte[] bytes, String contentType) throws IOException;

    /** Opens a blob for reading; throws {@link BlobNotFoundException} when there is none. */
    InputStream open(String key) throws IOException;

    default byte[] read(String key) throws IOException {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        }
    }

    boolean exists(String key) throws IOException;

    /** Removes every blob under the prefix, a folder such as "{batchId}/". */
    void deleteAll(String prefix) throws IOException;
}
