package io.imageflow.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.imageflow.batch.BatchStore;

/**
 * Bucket4j token buckets whose state is kept in the BatchStore, so every process draws on the same allowance.
 * Bucket4j does the arithmetic and retries; the store only keeps each bucket's bytes and replaces them when
 * nobody changed them in between (a conditional UPDATE in H2, a transaction in Firestore) — the
 * compare-and-swap Bucket4j's generic backends are built on. Bucket4j ships no H2 or Firestore backend.
 * A state is kept until its bucket would be full again; after that a fresh bucket is the same, so the
 * retention sweep deletes it ({@link BatchStore#deleteQuotasExpiredBefore}).
 */
public class StoredBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final BatchStore store;

    public StoredBuckets(BatchStore store) {
        this(store, ClientSideConfig.getDefault());
    }

    /** @param config Bucket4j's client side, e.g. with a test's clock (counting nanoseconds since the epoch) */
    public StoredBuckets(BatchStore store, ClientSideConfig config) {
        super(config.withExpirationAfterWriteStrategy(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
        this.store = store;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return store.findQuota(key);
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] replacement, RemoteBucketState state,
                    Optional<Long> timeoutNanos) {
                return store.replaceQuota(key, original, replacement, keptUntil(state));
            }
        };
    }

    private Instant keptUntil(RemoteBucketState state) {
        long now = currentTimeNanos();
        long keepMillis = getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                .calculateTimeToLiveMillis(state, now);
        return Instant.EPOCH.plusNanos(now).plusMillis(keepMillis);
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the store is used synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("a bucket's state expires by itself");
    }

    @Override
    protected java.util.concurrent.CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("a bucket's state expires by itself");
    }
}
