package io.imageflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.imageflow.api.ApiException;
import io.imageflow.api.Upload;
import io.imageflow.api.UploadedFile;

/**
 * Keeps a floor of free space where uploads are written: the servlet's temp directory (each part lands
 * there first) and the data directory (the originals in local mode, the records and the queue journal).
 * An upload that would leave less is refused with 507 before a byte of it is stored; a directory that
 * does not exist yet counts by its nearest existing parent.
 */
public class FreeSpace {

    private final Path uploadTemp;
    private final Path dataDir;
    private final long floor;

    public FreeSpace(Path uploadTemp, Path dataDir, long floor) {
        this.uploadTemp = uploadTemp;
        this.dataDir = dataDir;
        this.floor = floor;
    }

    /** Before the request is read: about its length goes to the temp directory, then to the data directory. */
    void checkBeforeReading(long requestBytes) {
        Map<Path, Long> writes = new HashMap<>();
        writes.merge(uploadTemp, requestBytes, Long::sum);
        writes.merge(dataDir, requestBytes, Long::sum);
        check(writes);
    }

    /** After the parts are read, before they are kept: the originals are written to the data directory. */
    public void checkBeforeKeeping(Upload upload) {
        check(Map.of(dataDir, upload.files().stream().mapToLong(UploadedFile::size).sum()));
    }

    private void check(Map<Path, Long> writes) {
        Map<FileStore, Long> perStore = new HashMap<>();
        writes.forEach((directory, bytes) -> perStore.merge(store(directory), bytes, Long::sum));
        perStore.forEach((store, bytes) -> {
            long usable = usable(store);
            if (usable - bytes < floor) {
                throw new ApiException(507, "insufficient_storage", "The server is short of disk space ("
                        + megabytes(usable) + " MB free, " + megabytes(floor) + " MB are kept free); nothing was "
                        + "kept. Retry later, or send a smaller batch.");
            }
        });
    }

    /** The file system of the directory, or of its nearest existing parent (it may not be created yet). */
    private static FileStore store(Path directory) {
        Path existing = directory.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return Files.getFileStore(existing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long usable(FileStore store) {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
