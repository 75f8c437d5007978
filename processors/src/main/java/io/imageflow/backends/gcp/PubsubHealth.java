package io.imageflow.backends.gcp;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Pub/Sub reachable, and the channels this process uses exist: the subscriptions it consumes and the topics
 * it publishes to (CamelPubsubChannels). A missing one is DOWN: its consumer would
 * wait forever, its messages would be refused.
 */
public class PubsubHealth implements HealthIndicator {

    /** The subscriptions and topics of this process, asked for when checked (routes start after the beans). */
    public interface Channels {
        Collection<String> subscriptions();

        Collection<String> topics();
    }

    private final PubsubAdmin admin;
    private final String projectId;
    private final Channels channels;
    private final Duration bound;

    public PubsubHealth(PubsubAdmin admin, String projectId, Channels channels, Duration bound) {
        this.admin = admin;
        this.projectId = projectId;
        this.channels = channels;
        this.bound = bound;
    }

    @Override
    public Health health() {
        return BoundedCheck.within(bound, () -> {
            Map<String, String> found = new TreeMap<>();
            for (String subscription : channels.subscriptions()) {
                admin.subscriptions().getSubscription(SubscriptionName.of(projectId, subscription));
                found.put("subscription " + subscription, "exists");
            }
            for (String topic : channels.topics()) {
                admin.topics().getTopic(TopicName.of(projectId, topic));
                found.put("topic " + topic, "exists");
            }
            return Health.up().withDetail("project", projectId).withDetails(found).build();
        });
    }
}
