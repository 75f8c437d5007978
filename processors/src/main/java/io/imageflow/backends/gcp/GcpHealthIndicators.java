package io.imageflow.backends.gcp;

import java.time.Duration;
import java.util.List;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.storage.Storage;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gcp backends' part in the readiness group (management.endpoint.health.group.readiness), under the
 * concern names local mode uses too (LocalHealthAndMetrics): queue, store, storage. Each answers within
 * imageflow.gcp.health-timeout, less than the readiness probe's timeout.
 */
@Configuration(proxyBeanMethods = false)
public class GcpHealthIndicators {

    @Bean
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "pubsub")
    HealthIndicator queueHealthIndicator(PubsubAdmin admin, CamelContext camel, Environment environment,
            @Value("${imageflow.gcp.project-id}") String projectId,
            @Value("${imageflow.gcp.health-timeout}") Duration timeout) {
        List<String> topics = Binder.get(environment)
                .bind("imageflow.channels", Bindable.mapOf(String.class, ChannelSettings.class)).get()
                .values().stream().map(ChannelSettings::topic).toList();
        return new PubsubHealth(admin, projectId, new CamelPubsubChannels(camel, topics), timeout);
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.store", havingValue = "firestore")
    HealthIndicator storeHealthIndicator(ObjectProvider<Firestore> firestore,
            @Value("${imageflow.gcp.firestore-database}") String database,
            @Value("${imageflow.gcp.health-timeout}") Duration timeout) {
        return new FirestoreHealth(firestore, database, timeout);
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.storage", havingValue = "gcs")
    HealthIndicator storageHealthIndicator(ObjectProvider<Storage> storage,
            @Value("${imageflow.gcs.bucket}") String bucket,
            @Value("${imageflow.gcp.health-timeout}") Duration timeout) {
        return new CloudStorageHealth(storage, bucket, timeout);
    }
}
