package io.imageflow.backends.gcp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.api.core.ApiFuture;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.google.pubsub.GooglePubsubConstants;
import org.apache.camel.component.google.pubsub.GooglePubsubEndpoint;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a subscription synchronously, as Camel 4.17's consumer does with synchronousPull=true, on
 * {@code concurrentConsumers} threads of {@code maxMessagesPerPoll} messages each: a process holds only the
 * messages it works on (Camel's streaming pull may hold 1000, and Google's client, always pinging, loses its
 * stream to the emulator every 20 s). Two things Camel's own does not: the message's delivery attempt is
 * passed on as {@link #DELIVERY_ATTEMPT} (Pub/Sub counts it on a subscription with a dead-letter policy), and
 * each thread keeps one connection instead of opening one per pull and per acknowledgement. A message is
 * acknowledged when its exchange completes and nacked (redelivered after the subscription's backoff) when it
 * fails; one that takes longer than the ack deadline comes back, so the deadline must outlast the work.
 */
public class PullingPubsubConsumer extends DefaultConsumer {

    /** Which delivery of the message this is (1 for the first); absent where Pub/Sub does not count. */
    public static final String DELIVERY_ATTEMPT = "CamelGooglePubsubDeliveryAttempt";

    private static final Logger LOG = LoggerFactory.getLogger(PullingPubsubConsumer.class);

    private final GooglePubsubEndpoint endpoint;
    private final String subscription;
    private final Set<ApiFuture<?>> pulls = ConcurrentHashMap.newKeySet();
    private ExecutorService threads;

    public PullingPubsubConsumer(GooglePubsubEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.subscription = ProjectSubscriptionName.format(endpoint.getProjectId(), endpoint.getDestinationName());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LOG.info("Pulling {} on {} thread(s), {} message(s) each", subscription, endpoint.getConcurrentConsumers(),
                endpoint.getMaxMessagesPerPoll());
        threads = endpoint.createExecutor(this);
        for (int i = 0; i < endpoint.getConcurrentConsumers(); i++) {
            threads.submit(this::pullWhileRunning);
        }
    }

    @Override
    protected void doStop() throws Exception {
        pulls.forEach(pull -> pull.cancel(true));
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            threads = null;
        }
        super.doStop();
    }

    private void pullWhileRunning() {
        while (isRunAllowed() && !isSuspendingOrSuspended()) {
            try (SubscriberStub stub = endpoint.getComponent().getSubscriberStub(endpoint)) {
                while (isRunAllowed() && !isSuspendingOrSuspended()) {
                    for (ReceivedMessage message : pull(stub)) {
                        process(message, stub);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (isRunAllowed()) {
                    LOG.warn("Pulling {} failed, pulling again in a second: {}", subscription, e.getMessage());
                    pause();
                }
            }
        }
    }

    private List<ReceivedMessage> pull(SubscriberStub stub) throws Exception {
        ApiFuture<com.google.pubsub.v1.PullResponse> pull = stub.pullCallable().futureCall(PullRequest.newBuilder()
                .setSubscription(subscription).setMaxMessages(endpoint.getMaxMessagesPerPoll()).build());
        pulls.add(pull);
        try {
            return pull.get().getReceivedMessagesList();
        } finally {
            pulls.remove(pull);
        }
    }

    private void process(ReceivedMessage received, SubscriberStub stub) {
        PubsubMessage message = received.getMessage();
        LOG.debug("Received message {} of {} (delivery attempt {})", message.getMessageId(), subscription,
                received.getDeliveryAttempt());
        Exchange exchange = createExchange(true);
        exchange.getIn().setBody(message.getData().toByteArray());
        exchange.getIn().setHeader(GooglePubsubConstants.ACK_ID, received.getAckId());
        exchange.getIn().setHeader(GooglePubsubConstants.MESSAGE_ID, message.getMessageId());
        exchange.getIn().setHeader(GooglePubsubConstants.PUBLISH_TIME, message.getPublishTime());
        if (received.getDeliveryAttempt() > 0) {
            exchange.getIn().setHeader(DELIVERY_ATTEMPT, received.getDeliveryAttempt());
        }
        HeaderFilterStrategy filter = endpoint.getHeaderFilterStrategy();
        message.getAttributesMap().forEach((name, value) -> {
            if (filter == null || !filter.applyFilterToExternalHeaders(name, value, exchange)) {
                exchange.getIn().setHeader(name, value);
            }
        });
        exchange.getExchangeExtension().addOnCompletion(new Acknowledge(stub, received.getAckId()));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Processing a message of " + subscription, exchange,
                    exchange.getException());
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Acknowledges on success; on failure sets the deadline to 0, which hands the message back at once. */
    private final class Acknowledge implements Synchronization {

        private final SubscriberStub stub;
        private final String ackId;

        Acknowledge(SubscriberStub stub, String ackId) {
            this.stub = stub;
            this.ackId = ackId;
        }

        @Override
        public void onComplete(Exchange exchange) {
            stub.acknowledgeCallable().call(AcknowledgeRequest.newBuilder()
                    .setSubscription(subscription).addAckIds(ackId).build());
        }

        @Override
        public void onFailure(Exchange exchange) {
            stub.modifyAckDeadlineCallable().call(ModifyAckDeadlineRequest.newBuilder()
                    .setSubscription(subscription).addAckIds(ackId).setAckDeadlineSeconds(0).build());
        }
    }
}
