package io.imageflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.imageflow.batch.BatchAccepted;
import io.imageflow.batch.ImageTask;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class LogContextTest {

    private final LogContext logContext = new LogContext();

    private Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Test
    void tagsAMessageAboutAnImageWithBothIds() {
        Exchange exchange = exchangeWith(new ImageTask("b-1", "3", "a.jpg", List.of()));

        logContext.process(exchange);

        assertThat(exchange.getProperty(LogContext.BATCH_ID)).isEqualTo("b-1");
        assertThat(exchange.getProperty(LogContext.IMAGE_ID)).isEqualTo("3");
    }

    @Test
    void tagsAMessageAboutABatchWithItsIdOnly() {
        Exchange exchange = exchangeWith(new BatchAccepted("b-2"));

        logContext.process(exchange);

        assertThat(exchange.getProperty(LogContext.BATCH_ID)).isEqualTo("b-2");
        assertThat(exchange.getProperties()).doesNotContainKey(LogContext.IMAGE_ID);
    }

    @Test
    void leavesOtherBodiesUntagged() {
        Exchange exchange = exchangeWith("{\"batchId\": \"b-3\"}");

        logContext.process(exchange);

        assertThat(exchange.getProperties()).doesNotContainKeys(LogContext.BATCH_ID, LogContext.IMAGE_ID);
    }
}
