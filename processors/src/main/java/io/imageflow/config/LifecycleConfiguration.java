package io.imageflow.config;

import java.time.Clock;
import java.time.Duration;

import io.imageflow.batch.BatchStore;
import io.imageflow.manager.ExpiredBatches;
import io.imageflow.manager.OutcomeRecorder;
import io.imageflow.manager.StalledImages;
import io.imageflow.notifier.RecipientAllowance;
import io.imageflow.notifier.StoredBuckets;
import io.imageflow.storage.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** What happens to a batch over time: images that stop moving, expiry, and the cap on emails per recipient. */
@Configuration(proxyBeanMethods = false)
@Lazy // built only in the groups whose routes call them (manager, notifier)
public class LifecycleConfiguration {

    @Bean
    StalledImages stalledImages(BatchStore store, OutcomeRecorder outcomes,
            @Value("${imageflow.recovery.stalled-after}") Duration stalledAfter,
            @Value("${imageflow.recovery.max-requeues}") int maxRequeues) {
        return new StalledImages(store, outcomes, stalledAfter, maxRequeues, Clock.systemUTC());
    }

    @Bean
    ExpiredBatches expiredBatches(BatchStore store, BlobStore blobs) {
        return new ExpiredBatches(store, blobs, Clock.systemUTC());
    }

    @Bean
    RecipientAllowance recipientAllowance(BatchStore store,
            @Value("${imageflow.mail.max-per-recipient-per-hour}") int perHour) {
        return new RecipientAllowance(new StoredBuckets(store), perHour);
    }
}
