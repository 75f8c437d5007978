package io.imageflow.backends.gcp;

import java.time.Duration;

/**
 * A channel's names and, on Pub/Sub, its subscription's settings (imageflow.channels.*): what
 * imageflow.pubsub.auto-create creates, as k8s/provision.sh does for a real project.
 */
public record ChannelSettings(String topic, String subscription, Duration ackDeadline, Duration minBackoff,
        Duration maxBackoff, Integer maxDeliveryAttempts, Boolean exactlyOnce) {

    public ChannelSettings {
        ackDeadline = ackDeadline == null ? Duration.ofSeconds(60) : ackDeadline;
        minBackoff = minBackoff == null ? Duration.ofSeconds(10) : minBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(600) : maxBackoff;
        maxDeliveryAttempts = maxDeliveryAttempts == null ? 5 : maxDeliveryAttempts;
        exactlyOnce = exactlyOnce == null || exactlyOnce;
    }
}
