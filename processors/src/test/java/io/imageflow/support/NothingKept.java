package io.imageflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a refused request must leave behind: no batch record and no new folder of files. */
public final class NothingKept {

    private final JdbcClient jdbc;
    private final Path blobs;
    private final long batches;
    private final List<Path> folders;

    private NothingKept(JdbcClient jdbc, Path dataDir) {
        this.jdbc = jdbc;
        this.blobs = dataDir.resolve("blobs");
        this.batches = batches();
        this.folders = folders();
    }

    /** Notes what is kept now, to compare with {@link #assertNothingNew()} after the request. */
    public static NothingKept since(JdbcClient jdbc, Path dataDir) {
        return new NothingKept(jdbc, dataDir);
    }

    public void assertNothingNew() {
        assertThat(batches()).as("no batch record is left").isEqualTo(batches);
        assertThat(folders()).as("no file is left").isEqualTo(folders);
    }

    private long batches() {
        return jdbc.sql("SELECT COUNT(*) FROM batches").query(Long.class).single();
    }

    private List<Path> folders() {
        if (!Files.exists(blobs)) {
            return List.of();
        }
        try (Stream<Path> batchFolders = Files.list(blobs)) {
            return batchFolders.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
