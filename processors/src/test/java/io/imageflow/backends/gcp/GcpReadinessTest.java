package io.imageflow.backends.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.imageflow.support.GcpModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/** gcp mode's readiness group: the queue (Pub/Sub, with its channels), the store (Firestore) and the storage. */
class GcpReadinessTest extends GcpModeTest {

    @Autowired
    HealthEndpoint health;

    @Test
    void readinessIncludesPubSubWithItsChannelsFirestoreAndCloudStorageAllUp() {
        // the first checks also open the clients, which may take longer than their bound on a busy machine
        await().atMost(Duration.ofSeconds(30)).until(() -> health.healthForPath("readiness").getStatus(), Status.UP::equals);
        Map<String, HealthComponent> members = ((CompositeHealth) health.healthForPath("readiness")).getComponents();
        assertThat(members).containsOnlyKeys("readinessState", "queue", "store", "storage");

        Health queue = (Health) members.get("queue");
        assertThat(queue.getDetails()).containsEntry("project", PROJECT)
                .containsEntry("subscription image-processing-queue-sub", "exists")
                .containsEntry("subscription email-notification-sub", "exists")
                .containsEntry("topic image-results", "exists")
                .containsEntry("topic dead-letter", "exists");
        assertThat(members.get("store").getStatus()).isEqualTo(Status.UP);
        assertThat(members.get("storage").getStatus()).isEqualTo(Status.UP);
    }
}
