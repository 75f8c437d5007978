package io.imageflow.observability;

import io.imageflow.batch.AboutBatch;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Tags an exchange with the batch (and image) its message is about. camel-mdc copies these exchange
 * properties into the logging context around every later step (camel.mdc.custom-exchange-properties), so each
 * log line about them carries batchId and imageId, in JSON logs as fields of their own.
 */
public class LogContext implements Processor {

    public static final String BATCH_ID = "batchId";
    public static final String IMAGE_ID = "imageId";

    @Override
    public void process(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof AboutBatch about) {
            exchange.setProperty(BATCH_ID, about.batchId());
            if (about.imageId() != null) {
                exchange.setProperty(IMAGE_ID, about.imageId());
            }
        }
    }
}
