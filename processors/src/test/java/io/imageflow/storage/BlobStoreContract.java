package io.imageflow.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every BlobStore promises, run against each implementation (a subclass per store gives a fresh one). */
abstract class BlobStoreContract {

    private static final byte[] CONTENT = "some image bytes".getBytes(UTF_8);

    protected BlobStore blobs;

    protected abstract BlobStore newStore() throws IOException;

    @BeforeEach
    void createStore() throws IOException {
        blobs = newStore();
    }

    @Test
    void aStreamWithItsLengthIsReadBackAsWritten() throws IOException {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);
        blobs.put("b1/input/large.jpg", new ByteArrayInputStream(large), large.length, "image/jpeg");

        assertThat(blobs.read("b1/input/large.jpg")).isEqualTo(large);
        assertThat(blobs.exists("b1/input/large.jpg")).isTrue();
    }

    @Test
    void bytesReplaceWhatWasStoredUnderTheKey() throws IOException {
        blobs.put("b1/output/cat.jpg", "old".getBytes(UTF_8), "image/jpeg");
        blobs.put("b1/output/cat.jpg", CONTENT, "image/jpeg");

        try (InputStream in = blobs.open("b1/output/cat.jpg")) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
    }

    @Test
    void openingAMissingBlobSaysWhichKey() throws IOException {
        assertThatThrownBy(() -> blobs.open("b1/input/none.jpg"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessage("No stored file at b1/input/none.jpg");
        assertThat(blobs.exists("b1/input/none.jpg")).isFalse();
    }

    @Test
    void deleteAllRemovesEveryBlobUnderThePrefixAndNothingElse() throws IOException {
        blobs.put("b1/input/cat.jpg", CONTENT, "image/jpeg");
        blobs.put("b1/output/cat.jpg", CONTENT, "image/jpeg");
        blobs.put("b10/input/dog.jpg", CONTENT, "image/jpeg");

        blobs.deleteAll("b1/");
        blobs.deleteAll("b2/");

        assertThat(blobs.exists("b1/input/cat.jpg")).isFalse();
        assertThat(blobs.exists("b1/output/cat.jpg")).isFalse();
        assertThat(blobs.exists("b10/input/dog.jpg")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../../b", ""})
    void aKeyThatWouldLeaveTheStoreIsRefused(String key) {
        assertThatThrownBy(() -> blobs.put(key, CONTENT, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
