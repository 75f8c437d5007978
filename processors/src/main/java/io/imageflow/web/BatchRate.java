package io.imageflow.web;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Uploads per client address and minute: a Bucket4j token bucket per client (a burst of the whole minute's
 * allowance, refilled evenly). Buckets live in a bounded Caffeine cache, dropped once full again, so a
 * stream of new addresses cannot grow memory.
 */
final class BatchRate {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            // a bucket untouched for a minute is full again: forgetting it changes nothing
            .expireAfterAccess(MINUTE)
            .build();

    BatchRate(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one upload from the client's allowance; empty if there was one, else the seconds until there is. */
    OptionalLong tryStart(String client) {
        Bucket bucket = buckets.get(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
