package io.imageflow.batch;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.imageflow.backends.gcp.FirestoreBatchStore;
import io.imageflow.support.GoogleEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The BatchStore contract on Google's Firestore emulator (skipped, saying why, where there is none). */
class FirestoreBatchStoreContractTest extends BatchStoreContract {

    private static Firestore firestore;

    @BeforeAll
    static void connect() {
        // a project of its own: the emulator keeps each project's documents apart
        firestore = FirestoreOptions.newBuilder().setProjectId("contract-" + UUID.randomUUID())
                .setEmulatorHost(GoogleEmulators.firestore()).build().getService();
    }

    @AfterAll
    static void close() throws Exception {
        if (firestore != null) {
            firestore.close();
        }
    }

    @Override
    protected BatchStore newStore() {
        return new FirestoreBatchStore(firestore, new ObjectMapper());
    }
}
