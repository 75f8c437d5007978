package io.imageflow.backends.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import io.imageflow.config.ImageFlowProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.MetricsConfiguration;
import org.apache.activemq.artemis.core.server.metrics.ActiveMQMetricsPlugin;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local mode's part in the readiness group, which names concerns, not technologies: {@code queue},
 * {@code store} and {@code storage} (management.endpoint.health.group.readiness). Another backend joins by
 * declaring its own bean of the same name under its switch. Also the embedded queue's depth as metrics.
 */
@Configuration(proxyBeanMethods = false)
public class LocalHealthAndMetrics {

    @Bean
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "local", matchIfMissing = true)
    HealthIndicator queueHealthIndicator(ConnectionFactory connections) {
        return new JmsHealthIndicator(connections);
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.store", havingValue = "local", matchIfMissing = true)
    HealthIndicator storeHealthIndicator(DataSource records) {
        return new DataSourceHealthIndicator(records);
    }

    /**
     * The blob directory exists and is writable, or can be made: a route group that stores nothing (manager,
     * notifier) never creates it, and is no less ready for that.
     */
    @Bean
    @ConditionalOnProperty(name = "imageflow.storage", havingValue = "local", matchIfMissing = true)
    HealthIndicator storageHealthIndicator(ImageFlowProperties properties) {
        Path blobs = properties.dataDir().resolve("blobs").toAbsolutePath();
        return () -> {
            try {
                Files.createDirectories(blobs);
                return (Files.isWritable(blobs) ? Health.up() : Health.down()).withDetail("directory", blobs.toString()).build();
            } catch (IOException e) {
                return Health.down(e).withDetail("directory", blobs.toString()).build();
            }
        };
    }

    /**
     * Artemis meters each queue itself (artemis.message.count: the backlog; consumers, deliveries, ...,
     * tagged by queue): it only needs our registry.
     */
    @Bean
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "local", matchIfMissing = true)
    ArtemisConfigurationCustomizer queueMetrics(MeterRegistry meters) {
        return configuration -> configuration.setMetricsConfiguration(new MetricsConfiguration()
                .setPlugin(new RegistryPlugin(meters)));
    }

    private static final class RegistryPlugin implements ActiveMQMetricsPlugin {

        private final transient MeterRegistry registry;

        RegistryPlugin(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public ActiveMQMetricsPlugin init(Map<String, String> options) {
            return this;
        }

        @Override
        public MeterRegistry getRegistry() {
            return registry;
        }
    }
}
