package io.imageflow.backends.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.pubsub.v1.TopicName;
import io.imageflow.support.FreePorts;
import io.imageflow.support.GoogleEmulators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Each gcp health check against a real service: UP on Google's emulators; DOWN, within its bound, where a
 * channel is missing or nothing answers (an emulator that is down: a port nobody listens on).
 */
class GcpHealthTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private final String project = "health-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pubSubIsUpWhenItsChannelsExistAndDownWhenOneIsMissing() {
        try (PubsubAdmin admin = new PubsubAdmin(GoogleEmulators.pubsub(), NoCredentialsProvider.create())) {
            admin.topics().createTopic(TopicName.of(project, "tasks"));
            admin.subscriptions().createSubscription(
                    com.google.pubsub.v1.Subscription.newBuilder()
                            .setName(com.google.pubsub.v1.SubscriptionName.of(project, "tasks-sub").toString())
                            .setTopic(TopicName.of(project, "tasks").toString()).build());

            PubsubHealth health = new PubsubHealth(admin, project, channels(List.of("tasks-sub"), List.of("tasks")), BOUND);
            // on a busy machine a first call may take longer than the bound (a probe then fails once)
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus(), Status.UP::equals);
            assertThat(health.health().getDetails()).containsEntry("subscription tasks-sub", "exists")
                    .containsEntry("topic tasks", "exists");

            Health missing = new PubsubHealth(admin, project, channels(List.of("nobody-made-this-sub"), List.of()), BOUND)
                    .health();
            assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
            assertThat(missing.getDetails().get("error").toString()).contains("NOT_FOUND");
        }
    }

    @Test
    void pubSubIsDownWithinItsBoundWhenNothingAnswers() {
        try (PubsubAdmin admin = new PubsubAdmin("127.0.0.1:" + FreePorts.next(), NoCredentialsProvider.create())) {
            assertDownWithinBound(new PubsubHealth(admin, project, channels(List.of("tasks-sub"), List.of()), BOUND));
        }
    }

    @Test
    void firestoreIsUpOnTheEmulatorAndDownWithinItsBoundWhenNothingAnswers() throws Exception {
        try (Firestore emulator = firestore(GoogleEmulators.firestore());
                Firestore nowhere = firestore("127.0.0.1:" + FreePorts.next())) {
            // the first read also opens the client's channel, which may take longer than the bound on a busy
            // machine (a probe then fails once, as the start-up probe allows)
            FirestoreHealth health = new FirestoreHealth(provider(Firestore.class, emulator), "(default)", BOUND);
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus(), Status.UP::equals);
            assertDownWithinBound(new FirestoreHealth(provider(Firestore.class, nowhere), "(default)", BOUND));
        }
    }

    @Test
    void cloudStorageIsDownWithinItsBoundWhenNothingAnswers() {
        // no Cloud Storage emulator installs here; the in-process fake's UP is in GcpReadinessTest
        Storage nowhere = StorageOptions.newBuilder().setProjectId(project).setCredentials(NoCredentials.getInstance())
                .setHost("http://127.0.0.1:" + FreePorts.next())
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build()).build().getService();
        assertDownWithinBound(new CloudStorageHealth(provider(Storage.class, nowhere), "imageflow-images", BOUND));
    }

    private static void assertDownWithinBound(org.springframework.boot.actuate.health.HealthIndicator indicator) {
        long started = System.nanoTime();
        Health down = indicator.health();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(down.getStatus()).as(down.toString()).isEqualTo(Status.DOWN);
        // the bound itself, plus scheduling on a busy machine: never the clients' minute of retries
        assertThat(took).isLessThan(BOUND.plusSeconds(3));
    }

    private Firestore firestore(String host) {
        return FirestoreOptions.newBuilder().setProjectId(project).setEmulatorHost(host).build().getService();
    }

    private static <T> org.springframework.beans.factory.ObjectProvider<T> provider(Class<T> type, T bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("bean", bean);
        return beans.getBeanProvider(type);
    }

    private static PubsubHealth.Channels channels(Collection<String> subscriptions, Collection<String> topics) {
        return new PubsubHealth.Channels() {
            @Override
            public Collection<String> subscriptions() {
                return subscriptions;
            }

            @Override
            public Collection<String> topics() {
                return topics;
            }
        };
    }
}
