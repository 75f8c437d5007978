package io.imageflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.Test;

/** The hourly cap per recipient is kept in the store: every notifier process draws on the same allowance. */
class RecipientAllowanceTest {

    private final H2Store h2 = new H2Store();

    @Test
    void twoNotifiersOnOneStoreShareTheAllowance() {
        RecipientAllowance first = new RecipientAllowance(new StoredBuckets(h2.store), 3);
        RecipientAllowance second = new RecipientAllowance(new StoredBuckets(h2.store), 3);

        assertThat(first.take("ada@example.com")).isTrue();
        assertThat(second.take("ada@example.com")).isTrue();
        assertThat(first.take("ADA@example.com")).isTrue();
        assertThat(second.take("ada@example.com")).isFalse();
        assertThat(first.take("grace@example.com")).isTrue();
        assertThat(h2.rows("quotas")).as("one state per address, named by a hash").isEqualTo(2);
    }

    @Test
    void concurrentNotifiersNeverTakeMoreThanTheAllowance() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RecipientAllowance process = new RecipientAllowance(new StoredBuckets(h2.store), 20);
                takes.add(() -> process.take("ada@example.com"));
            }
            int granted = 0;
            for (Future<Boolean> take : threads.invokeAll(takes)) {
                granted += take.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theAllowanceComesBackOverTheHourAndItsStateIsForgottenOnceFull() {
        AtomicLong nanos = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli() * 1_000_000);
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.get();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        RecipientAllowance allowance = new RecipientAllowance(
                new StoredBuckets(h2.store, ClientSideConfig.getDefault().withClientClock(clock)), 2);

        assertThat(allowance.take("ada@example.com")).isTrue();
        assertThat(allowance.take("ada@example.com")).isTrue();
        assertThat(allowance.take("ada@example.com")).isFalse();

        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThat(allowance.take("ada@example.com")).as("one back after half an hour").isTrue();
        assertThat(allowance.take("ada@example.com")).isFalse();

        Instant later = Instant.EPOCH.plusNanos(nanos.get()).plus(Duration.ofHours(2));
        assertThat(h2.store.deleteQuotasExpiredBefore(later)).as("a full bucket is the same as none").isEqualTo(1);
    }
}
