package io.imageflow.backends.gcp;

import java.util.Map;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every missing topic and subscription of the channels with their settings (imageflow.pubsub.auto-create,
 * for the emulator and first runs). Subscriptions dead-letter to the dead-letter channel's topic after their
 * maximum delivery attempts; the dead-letter subscription keeps what lands there for whoever reads it.
 */
public class PubsubChannels {

    private static final Logger LOG = LoggerFactory.getLogger(PubsubChannels.class);
    static final String DEAD_LETTER = "dead-letter";

    private final String projectId;
    private final Map<String, ChannelSettings> channels;
    private final PubsubAdmin admin;

    public PubsubChannels(String projectId, Map<String, ChannelSettings> channels, PubsubAdmin admin) {
        this.projectId = projectId;
        this.channels = channels;
        this.admin = admin;
    }

    public void createMissing() {
        TopicAdminClient topics = admin.topics();
        SubscriptionAdminClient subscriptions = admin.subscriptions();
        for (ChannelSettings channel : channels.values()) {
            createTopic(topics, channel.topic());
        }
        TopicName deadLetterTopic = TopicName.of(projectId, channels.get(DEAD_LETTER).topic());
        channels.forEach((name, channel) -> createSubscription(subscriptions, channel,
                DEAD_LETTER.equals(name) ? null : deadLetterTopic));
    }

    private void createTopic(TopicAdminClient topics, String topic) {
        try {
            topics.createTopic(TopicName.of(projectId, topic));
            LOG.info("Created Pub/Sub topic {}", topic);
        } catch (AlreadyExistsException e) {
            LOG.debug("Pub/Sub topic {} exists", topic);
        }
    }

    private void createSubscription(SubscriptionAdminClient subscriptions, ChannelSettings channel,
            TopicName deadLetterTopic) {
        Subscription.Builder subscription = Subscription.newBuilder()
                .setName(SubscriptionName.of(projectId, channel.subscription()).toString())
                .setTopic(TopicName.of(projectId, channel.topic()).toString())
                .setAckDeadlineSeconds((int) channel.ackDeadline().toSeconds())
                .setEnableExactlyOnceDelivery(channel.exactlyOnce())
                .setRetryPolicy(RetryPolicy.newBuilder()
                        .setMinimumBackoff(seconds(channel.minBackoff()))
                        .setMaximumBackoff(seconds(channel.maxBackoff())));
        if (deadLetterTopic != null) {
            subscription.setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(deadLetterTopic.toString())
                    .setMaxDeliveryAttempts(channel.maxDeliveryAttempts()));
        }
        try {
            subscriptions.createSubscription(subscription.build());
            LOG.info("Created Pub/Sub subscription {} on {}", channel.subscription(), channel.topic());
        } catch (AlreadyExistsException e) {
            LOG.debug("Pub/Sub subscription {} exists", channel.subscription());
        }
    }

    private static Duration seconds(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.toSeconds()).build();
    }
}
