package io.imageflow.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * A NotifyBuilder filter for one batch's exchanges: those whose message, as it arrived, names the batch.
 * NotifyBuilder asks again on every event of an exchange, when its body may have become something else,
 * so the answer given when the exchange was created is kept.
 */
public final class AboutBatch implements Predicate {

    private final String batchId;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    private AboutBatch(String batchId) {
        this.batchId = batchId;
    }

    public static AboutBatch of(String batchId) {
        return new AboutBatch(batchId);
    }

    @Override
    public boolean matches(Exchange exchange) {
        return answers.computeIfAbsent(exchange.getExchangeId(), id -> {
            String body = exchange.getMessage().getBody(String.class);
            return body != null && body.contains(batchId);
        });
    }

    @Override
    public String toString() {
        return "about batch " + batchId;
    }
}
