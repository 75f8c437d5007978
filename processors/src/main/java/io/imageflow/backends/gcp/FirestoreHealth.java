package io.imageflow.backends.gcp;

import java.time.Duration;

import com.google.cloud.firestore.Firestore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Firestore reachable: one read of a document that need not exist (one read operation per probe). The client
 * is the application's, built at the first check if no route has needed it yet.
 */
public class FirestoreHealth implements HealthIndicator {

    private final ObjectProvider<Firestore> firestore;
    private final String database;
    private final Duration bound;

    public FirestoreHealth(ObjectProvider<Firestore> firestore, String database, Duration bound) {
        this.firestore = firestore;
        this.database = database;
        this.bound = bound;
    }

    @Override
    public Health health() {
        return BoundedCheck.within(bound, () -> {
            firestore.getObject().collection("batches").document("health-check").get().get();
            return Health.up().withDetail("database", database).build();
        });
    }
}
