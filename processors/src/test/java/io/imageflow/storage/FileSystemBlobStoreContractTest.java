package io.imageflow.storage;

import java.io.IOException;
import java.nio.file.Path;

import io.imageflow.backends.local.FileSystemBlobStore;
import org.junit.jupiter.api.io.TempDir;

/** The BlobStore contract on a directory (local mode). */
class FileSystemBlobStoreContractTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() throws IOException {
        return new FileSystemBlobStore(root.resolve("blobs"));
    }
}
