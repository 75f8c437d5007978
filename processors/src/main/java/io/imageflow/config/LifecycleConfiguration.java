package io.imageflow.config;

import java.time.Clock;

import io.imageflow.batch.BatchStore;
import io.imageflow.manager.ExpiredBatches;
import io.imageflow.storage.BlobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** What happens to a batch over time: images that stop moving, expiry, and the cap on emails per recipient. */
@Configuration(proxyBeanMethods = false)
@Lazy // built only in the groups whose routes call them (manager, notifier)
public class LifecycleConfiguration {

    @Bean
    ExpiredBatches expiredBatches(BatchStore store, BlobStore blobs) {
        return new ExpiredBatches(store, blobs, Clock.systemUTC());
    }
}
