package io.imageflow.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bytes each client address is uploading right now. Not a rate but a count of what is open, so not a token
 * bucket: an entry exists only while that client has an upload in progress (at most one per connection).
 */
final class BytesInFlight {

    private final long limit;
    private final ConcurrentMap<String, Long> open = new ConcurrentHashMap<>();

    BytesInFlight(long limit) {
        this.limit = limit;
    }

    /** Counts {@code bytes} against the client if they fit under the limit; false (nothing counted) if not. */
    boolean tryOpen(String client, long bytes) {
        boolean[] fits = {false};
        open.compute(client, (key, current) -> {
            long now = current == null ? 0 : current;
            fits[0] = now + bytes <= limit;
            return fits[0] ? Long.valueOf(now + bytes) : current;
        });
        return fits[0];
    }

    void close(String client, long bytes) {
        open.computeIfPresent(client, (key, current) -> current - bytes <= 0 ? null : current - bytes);
    }

    /** What the client has open now. */
    long of(String client) {
        return open.getOrDefault(client, 0L);
    }

    long limit() {
        return limit;
    }
}
