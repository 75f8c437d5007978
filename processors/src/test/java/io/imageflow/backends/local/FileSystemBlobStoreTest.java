package io.imageflow.backends.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.imageflow.storage.BlobNotFoundException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemBlobStoreTest {

    private static final byte[] CONTENT = "some image bytes".getBytes(UTF_8);

    @TempDir
    Path root;
    private FileSystemBlobStore blobs;

    @BeforeEach
    void createStore() throws IOException {
        blobs = new FileSystemBlobStore(root.resolve("blobs"));
    }

    private List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aStreamPutIsReadBackAsWritten() throws IOException {
        blobs.put("b1/input/cat.jpg", new ByteArrayInputStream(CONTENT), "image/jpeg");

        assertThat(blobs.read("b1/input/cat.jpg")).isEqualTo(CONTENT);
        try (InputStream in = blobs.open("b1/input/cat.jpg")) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
        assertThat(blobs.exists("b1/input/cat.jpg")).isTrue();
    }

    @Test
    void aBytesPutIsReadBackAsWrittenAndReplacesTheOldContent() throws IOException {
        blobs.put("b1/output/cat.jpg", "old".getBytes(UTF_8), "image/jpeg");
        blobs.put("b1/output/cat.jpg", CONTENT, "image/jpeg");

        assertThat(blobs.read("b1/output/cat.jpg")).isEqualTo(CONTENT);
    }

    @Test
    void eachBlobIsAFileUnderTheRootAndNoPartFileIsLeft() throws IOException {
        blobs.put("b1/input/cat.jpg", new ByteArrayInputStream(CONTENT), "image/jpeg");
        blobs.put("b1/output/cat.jpg", CONTENT, "image/jpeg");

        assertThat(filesUnder(root)).containsExactly("blobs/b1/input/cat.jpg", "blobs/b1/output/cat.jpg");
    }

    @Test
    void openingAMissingBlobSaysWhichKey() {
        assertThatThrownBy(() -> blobs.open("b1/input/none.jpg"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessage("No stored file at b1/input/none.jpg");
        assertThat(blobs.exists("b1/input/none.jpg")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../../b", "b1/../../blobs-evil/x", ""})
    void aKeyThatWouldLeaveTheRootIsRefused(String key) throws IOException {
        Files.writeString(root.resolve("x"), "outside");

        assertThatThrownBy(() -> blobs.put(key, CONTENT, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.deleteAll(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve("x")).hasContent("outside");
    }

    @Test
    void aKeyWithDotDotThatStaysInsideIsAllowed() throws IOException {
        blobs.put("b1/input/../output/cat.jpg", CONTENT, "image/jpeg");

        assertThat(blobs.read("b1/output/cat.jpg")).isEqualTo(CONTENT);
    }

    @Test
    void deleteAllRemovesEveryBlobUnderThePrefixAndNothingElse() throws IOException {
        blobs.put("b1/input/cat.jpg", CONTENT, "image/jpeg");
        blobs.put("b1/output/cat.jpg", CONTENT, "image/jpeg");
        blobs.put("b2/input/dog.jpg", CONTENT, "image/jpeg");

        blobs.deleteAll("b1/");

        assertThat(filesUnder(root)).containsExactly("blobs/b2/input/dog.jpg");
        assertThat(root.resolve("blobs/b1")).doesNotExist();
    }

    @Test
    void deleteAllOfAMissingPrefixDoesNothing() throws IOException {
        blobs.put("b2/input/dog.jpg", CONTENT, "image/jpeg");

        blobs.deleteAll("b1/");

        assertThat(filesUnder(root)).containsExactly("blobs/b2/input/dog.jpg");
    }

    @Test
    void aPutWhoseStreamFailsLeavesNoPartFileBehind() throws IOException {
        InputStream failing = new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (++read > 10) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> blobs.put("b1/input/cat.jpg", failing, "image/jpeg")).hasMessage("client went away");
        assertThat(filesUnder(root)).isEmpty();
    }
}
