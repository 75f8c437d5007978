package io.imageflow.backends.gcp;

import java.time.Duration;

import com.google.cloud.storage.Storage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The bucket reachable: one object listed. Listing, not reading the bucket's metadata, because the service
 * account holds object roles only (k8s/provision.sh: storage.objectUser has no storage.buckets.get); a
 * missing bucket answers 404 to a listing too.
 */
public class CloudStorageHealth implements HealthIndicator {

    private final ObjectProvider<Storage> storage;
    private final String bucket;
    private final Duration bound;

    public CloudStorageHealth(ObjectProvider<Storage> storage, String bucket, Duration bound) {
        this.storage = storage;
        this.bucket = bucket;
        this.bound = bound;
    }

    @Override
    public Health health() {
        return BoundedCheck.within(bound, () -> {
            storage.getObject().list(bucket, Storage.BlobListOption.pageSize(1)).getValues().iterator().hasNext();
            return Health.up().withDetail("bucket", bucket).build();
        });
    }
}
