package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.StoredFile;
import io.imageflow.support.LocalModeTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A failure that may pass (here: storage) throws the task back to its channel, which delivers it again with
 * backoff; on the last attempt the image is reported FAILED, and the attempts it records are the channel's
 * deliveries (JMSXDeliveryCount here, Pub/Sub's delivery attempt in gcp mode).
 */
class ImageRetryTest extends LocalModeTest {

    @Autowired
    BatchStore store;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;
    @Value("${imageflow.channel.batch-accepted}")
    String batchAccepted;
    @Value("${imageflow.channel-attempt-header}")
    String attemptHeader;
    @Value("${imageflow.processing.max-attempts}")
    int maxAttempts;

    @Test
    void anImageWhoseOriginalCannotBeReadIsDeliveredMaxAttemptsTimesAndRecordsThoseDeliveries() throws Exception {
        String batchId = UUID.randomUUID().toString();
        List<Object> deliveries = watchDeliveriesOf(batchId);
        store.create(new Batch(batchId, "retry@example.com", Instant.now(), BatchStatus.ACCEPTED, 1, 0, 0, null, null),
                List.of(new ImageRecord(batchId, "1", 0, new StoredFile("gone.png", "png", "image/png", 10, 2, 2),
                        List.of(), ImageStatus.QUEUED, 0, null, null, null, null)));

        producer.sendBody(batchAccepted, "{\"batchId\": \"" + batchId + "\"}");

        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        JsonNode image = batch.at("/images/0");
        assertThat(image.get("status").asText()).isEqualTo("FAILED");
        assertThat(image.get("error").asText()).contains("gone.png");
        assertThat(deliveries).as("the queue's delivery count of each delivery of the task")
                .hasSize(maxAttempts).containsExactly(counting(maxAttempts));
        assertThat(image.get("attempts").asInt()).as("attempts recorded = deliveries made").isEqualTo(deliveries.size());
    }

    /** The attempt header of each delivery of this batch's task to the processor, in order. */
    private List<Object> watchDeliveriesOf(String batchId) throws Exception {
        List<Object> deliveries = new CopyOnWriteArrayList<>();
        EventNotifierSupport watcher = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                var exchange = ((ExchangeCreatedEvent) event).getExchange();
                // a delivery, not the copy its wire tap makes (which already carries the parsed task)
                if ("process-image".equals(exchange.getFromRouteId()) && exchange.getProperty("task") == null
                        && exchange.getIn().getBody(String.class).contains(batchId)) {
                    deliveries.add(exchange.getIn().getHeader(attemptHeader, Integer.class));
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeCreatedEvent;
            }
        };
        watcher.start();
        camel.getManagementStrategy().addEventNotifier(watcher);
        return deliveries;
    }

    private static Object[] counting(int n) {
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }
}
