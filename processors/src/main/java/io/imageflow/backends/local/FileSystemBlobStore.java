package io.imageflow.backends.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import io.imageflow.storage.BlobNotFoundException;
import io.imageflow.storage.BlobStore;

/** Blobs as files under a root directory; writes go through a temp file and a rename, so a reader never sees half a file. */
public class FileSystemBlobStore implements BlobStore {

    private final Path root;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public void put(String key, InputStream content, String contentType) throws IOException {
        write(resolve(key), temp -> Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) throws IOException {
        write(resolve(key), temp -> Files.write(temp, bytes));
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        Path start = resolve(prefix);
        if (!Files.exists(start)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(start)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Keys come from sanitised names, but the store still refuses any key that would leave its root. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Blob key outside the store: " + key);
        }
        return path;
    }

    private interface Writer {
        void writeTo(Path temp) throws IOException;
    }

    /** Each write has its own temp file beside the target, removed if anything fails. */
    private static void write(Path target, Writer writer) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + UUID.randomUUID() + ".part");
        try {
            writer.writeTo(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
