package io.imageflow.notifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Completion emails per recipient address and hour, so nobody can use ImageFlow to flood someone's mailbox:
 * a token bucket per address (a burst of the hour's allowance, refilled evenly), held in the store so that it
 * holds across notifier processes. Addresses count without regard to case; the store keeps a hash, not the
 * address.
 */
public class RecipientAllowance {

    private static final Duration HOUR = Duration.ofHours(1);

    private final ProxyManager<String> buckets;
    private final int perHour;
    private final BucketConfiguration configuration;

    public RecipientAllowance(ProxyManager<String> buckets, int perHour) {
        if (perHour < 1) {
            throw new IllegalArgumentException("imageflow.mail.max-per-recipient-per-hour must be at least 1, not "
                    + perHour);
        }
        this.buckets = buckets;
        this.perHour = perHour;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, HOUR))
                .build();
    }

    public int perHour() {
        return perHour;
    }

    /** Takes one email from the address's allowance: false when it has had its share this hour. */
    public boolean take(String address) {
        return buckets.getProxy(key(address), () -> configuration).tryConsume(1);
    }

    /** Gives back what {@link #take} took, for an email that did not go out after all. */
    public void giveBack(String address) {
        buckets.getProxy(key(address), () -> configuration).addTokens(1);
    }

    static String key(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "mail-to-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
