package io.imageflow.backends.local;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.batch.BatchStore;
import io.imageflow.config.ImageFlowProperties;
import io.imageflow.local.LocalMailServer;
import io.imageflow.storage.BlobStore;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The local backends, each on its own switch: blobs in a directory (imageflow.storage=local), records in an
 * embedded database file (imageflow.store=local), channels on the embedded queue (imageflow.queue=local),
 * and the embedded mail server (imageflow.mail.embedded).
 */
@Configuration(proxyBeanMethods = false)
public class LocalBackendsConfiguration {

    @Lazy // built where a route calls it: only the groups that keep blobs or records
    @Bean
    @ConditionalOnProperty(name = "imageflow.storage", havingValue = "local", matchIfMissing = true)
    BlobStore fileSystemBlobStore(ImageFlowProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.dataDir().resolve("blobs"));
    }

    @Lazy // built where a route calls it: only the groups that keep blobs or records
    @Bean
    @ConditionalOnProperty(name = "imageflow.store", havingValue = "local", matchIfMissing = true)
    BatchStore jdbcBatchStore(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
        return new JdbcBatchStore(jdbc, transactions, json);
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.mail.embedded", havingValue = "true")
    LocalMailServer localMailServer(@Value("${spring.mail.host}") String host,
            @Value("${spring.mail.port}") int smtpPort,
            @Value("${imageflow.mail.imap-port}") int imapPort,
            @Value("${imageflow.mail.mailbox-port}") int mailboxPort) {
        return new LocalMailServer(host, smtpPort, imapPort, mailboxPort);
    }

    /**
     * A message whose processing throws is rolled back and redelivered after a growing delay; after
     * the last attempt it moves to the dead-letter queue instead of looping. Image tasks are retried
     * as imageflow.processing.* says (the processor marks the image FAILED on its last attempt, so the
     * queue allows one more). Notifications wait longer between attempts, as long as their Pub/Sub
     * subscription's backoff says (imageflow.channels.email-notification: 10 s up to 10 min, as the seed's
     * subscription did): a mail server may be down for a while, and the manager notifies again what is
     * still unsent after that.
     */
    @Bean
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "local", matchIfMissing = true)
    ArtemisConfigurationCustomizer redeliveryPolicy(@Value("${imageflow.channels.dead-letter.topic}") String deadLetter,
            @Value("${imageflow.queue-local.max-delivery-attempts}") int maxDeliveryAttempts,
            @Value("${imageflow.channels.email-notification.topic}") String notifications,
            @Value("${imageflow.channels.email-notification.min-backoff}") Duration notificationsFirstDelay,
            @Value("${imageflow.channels.email-notification.max-backoff}") Duration notificationsMaxDelay,
            @Value("${imageflow.channels.image-tasks.topic}") String imageTasks,
            ImageFlowProperties properties) {
        ImageFlowProperties.Processing processing = properties.processing();
        return configuration -> {
            configuration.addAddressSetting("#", retries(1_000, 2.0, 60_000, maxDeliveryAttempts, deadLetter));
            configuration.addAddressSetting(imageTasks, retries(processing.retryDelay().toMillis(),
                    processing.retryBackoff(), 60_000, Math.max(maxDeliveryAttempts, processing.maxAttempts() + 1),
                    deadLetter));
            configuration.addAddressSetting(notifications, retries(notificationsFirstDelay.toMillis(), 2.0,
                    notificationsMaxDelay.toMillis(), 10, deadLetter));
            configuration.setJournalDatasync(true);
        };
    }

    private static AddressSettings retries(long firstDelayMs, double multiplier, long maxDelayMs, int attempts,
            String deadLetter) {
        return new AddressSettings()
                .setRedeliveryDelay(firstDelayMs)
                .setRedeliveryMultiplier(multiplier)
                .setMaxRedeliveryDelay(maxDelayMs)
                .setMaxDeliveryAttempts(attempts)
                .setDeadLetterAddress(SimpleString.of(deadLetter))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"));
    }
}
