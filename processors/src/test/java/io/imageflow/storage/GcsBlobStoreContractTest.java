package io.imageflow.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.imageflow.backends.gcp.GcsBlobStore;
import org.junit.jupiter.api.Test;

/** The BlobStore contract on Cloud Storage (Google's in-process fake: no GCS emulator installs here). */
class GcsBlobStoreContractTest extends BlobStoreContract {

    private Storage storage;

    @Override
    protected BlobStore newStore() {
        storage = LocalStorageHelper.customOptions(false).getService();
        return new GcsBlobStore(storage, "imageflow-images");
    }

    @Test
    void blobsAreObjectsInTheBucketUnderTheSameKeysWithTheirContentType() throws Exception {
        blobs.put("b1/input/cat.png", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "image/png");

        assertThat(storage.get(BlobId.of("imageflow-images", "b1/input/cat.png")).getContentType())
                .isEqualTo("image/png");
    }

    @Test
    void anUploadShorterThanItsLengthFailsAndLeavesNothing() {
        assertThatThrownBy(() -> blobs.put("b1/input/cut.jpg", new ByteArrayInputStream(new byte[10]), 20,
                "image/jpeg")).hasMessageContaining("ended after 10 of 20 bytes");
        assertThat(storage.get(BlobId.of("imageflow-images", "b1/input/cut.jpg"))).isNull();
    }

    @Test
    void withCredentialsThatSignALinkIsAV4SignedGetWithTheDownloadsTypeAndName() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        Storage signing = LocalStorageHelper.getOptions().toBuilder().setCredentials(ServiceAccountCredentials.newBuilder()
                .setClientEmail("imageflow@test-project.iam.gserviceaccount.com").setPrivateKey(key.getPrivate())
                .build()).build().getService();

        URI link = new GcsBlobStore(signing, "imageflow-images").signedUrl("b1/output/cat.png", Duration.ofHours(1),
                "image/png", "inline; filename=\"cat.png\"").orElseThrow();

        assertThat(link.toString()).startsWith("https://storage.googleapis.com/imageflow-images/b1/output/cat.png?")
                .contains("X-Goog-Algorithm=GOOG4-RSA-SHA256", "X-Goog-Expires=3600", "X-Goog-Signature=",
                        "response-content-type=image%2Fpng", "response-content-disposition=");
    }

    @Test
    void withoutCredentialsThatSignThereIsNoSignedLinkAndDownloadsStream() {
        assertThat(blobs.signedUrl("b1/input/cat.png", Duration.ofHours(1), "image/png", "inline")).isEmpty();
    }
}
