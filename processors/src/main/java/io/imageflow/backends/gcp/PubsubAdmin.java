package io.imageflow.backends.gcp;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/**
 * Pub/Sub's administration clients (topics and subscriptions), reaching Pub/Sub as the channels do: the
 * emulator at camel.component.google-pubsub.endpoint, or Google's endpoint with the project's credentials.
 * Opened at first use, closed with the application.
 */
public class PubsubAdmin implements AutoCloseable {

    private final String emulatorEndpoint;
    private final CredentialsProvider credentials;
    private ManagedChannel emulator;
    private TopicAdminClient topics;
    private SubscriptionAdminClient subscriptions;

    public PubsubAdmin(String emulatorEndpoint, CredentialsProvider credentials) {
        this.emulatorEndpoint = emulatorEndpoint;
        this.credentials = credentials;
    }

    public synchronized TopicAdminClient topics() {
        if (topics == null) {
            TopicAdminSettings.Builder settings = TopicAdminSettings.newBuilder().setCredentialsProvider(credentials);
            if (emulator() != null) {
                settings.setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(emulator)));
            }
            topics = open(() -> TopicAdminClient.create(settings.build()));
        }
        return topics;
    }

    public synchronized SubscriptionAdminClient subscriptions() {
        if (subscriptions == null) {
            SubscriptionAdminSettings.Builder settings = SubscriptionAdminSettings.newBuilder()
                    .setCredentialsProvider(credentials);
            if (emulator() != null) {
                settings.setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(emulator)));
            }
            subscriptions = open(() -> SubscriptionAdminClient.create(settings.build()));
        }
        return subscriptions;
    }

    @Override
    public synchronized void close() {
        if (topics != null) {
            topics.close();
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (emulator != null) {
            emulator.shutdownNow();
        }
        topics = null;
        subscriptions = null;
        emulator = null;
    }

    private ManagedChannel emulator() {
        if (emulator == null && emulatorEndpoint != null && !emulatorEndpoint.isBlank()) {
            emulator = ManagedChannelBuilder.forTarget(emulatorEndpoint).usePlaintext().build();
        }
        return emulator;
    }

    private interface Opening<T> {
        T open() throws IOException;
    }

    private static <T> T open(Opening<T> client) {
        try {
            return client.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Pub/Sub's administration client did not open", e);
        }
    }
}
